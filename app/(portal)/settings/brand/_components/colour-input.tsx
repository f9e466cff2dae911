"use client";
/**
 * A colour as a native picker next to its hex text. Both edit the same form value; the text box is the
 * labelled control (it sits in <FormControl>), the picker has its own label. On blur the text is tidied
 * ("2563EB" or "#abc" → "#2563eb" / "#aabbcc") so a pasted value passes the "#rrggbb" rule.
 */
import type { Ref } from "react";
import { FormControl } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";
import { isHexColour, normaliseHex } from "./colour";

interface ColourInputProps {
  name: string;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  ref?: Ref<HTMLInputElement>;
  disabled?: boolean;
  /** Accessible name of the native picker, e.g. "Pick primary colour". */
  pickerLabel: string;
  /** Shown by the picker while the text is not a valid colour yet. */
  fallback?: string;
  className?: string;
}

export function ColourInput({ name, value, onChange, onBlur, ref, disabled, pickerLabel, fallback = "#000000", className }: ColourInputProps) {
  const valid = isHexColour(value);
  return (
    <div className={cn("flex items-center gap-2", className)}>
      <input
        type="color"
        aria-label={pickerLabel}
        value={valid ? value.toLowerCase() : fallback}
        onChange={(event) => onChange(event.target.value)}
        disabled={disabled}
        className="h-9 w-11 shrink-0 cursor-pointer rounded-md border border-input bg-transparent p-1 shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-input/30 [&::-moz-color-swatch]:rounded-sm [&::-moz-color-swatch]:border-0 [&::-webkit-color-swatch]:rounded-sm [&::-webkit-color-swatch]:border-0 [&::-webkit-color-swatch-wrapper]:p-0"
      />
      <FormControl>
        <Input
          ref={ref}
          name={name}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onBlur={() => {
            // Only tidy what is not valid yet, so a stored "#2563EB" is not turned into a change.
            if (!isHexColour(value)) {
              const tidy = normaliseHex(value);
              if (tidy !== value) onChange(tidy);
            }
            onBlur();
          }}
          disabled={disabled}
          spellCheck={false}
          autoComplete="off"
          maxLength={7}
          placeholder="#2563eb"
          className="w-28 font-mono"
        />
      </FormControl>
    </div>
  );
}
