"use client";
/**
 * A debounced text filter (the toolbar's search box, or a single field such as "actor"). Typing stays
 * local; the URL is written after a pause or at once on Enter, so each keystroke doesn't refetch.
 * Escape clears it.
 */
import { Search } from "lucide-react";
import { useEffect, useEffectEvent, useState } from "react";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

const DEBOUNCE_MS = 300;

interface DataTableTextFilterProps {
  /** The committed value (from the URL). */
  value: string;
  onChange: (value: string) => void;
  /** Accessible name; the placeholder is not a label. */
  label: string;
  placeholder?: string;
  className?: string;
}

export function DataTableTextFilter({ value, onChange, label, placeholder, className }: DataTableTextFilterProps) {
  const [text, setText] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  // The URL changed from elsewhere (reset, a link): follow it, unless it is just our own text trimmed.
  if (value !== lastValue) {
    setLastValue(value);
    if (text.trim() !== value) setText(value);
  }

  const commit = useEffectEvent((next: string) => {
    if (next.trim() !== value) onChange(next.trim());
  });
  useEffect(() => {
    const timer = window.setTimeout(() => commit(text), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  return (
    <div className={cn("relative w-full sm:w-64", className)}>
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input
        type="search"
        aria-label={label}
        placeholder={placeholder}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && text.trim() !== value) onChange(text.trim());
          if (event.key === "Escape" && text) {
            event.preventDefault(); // keep an enclosing dialog open
            setText("");
            if (value) onChange("");
          }
        }}
        className="h-8 pl-8 [&::-webkit-search-cancel-button]:hidden"
      />
    </div>
  );
}
