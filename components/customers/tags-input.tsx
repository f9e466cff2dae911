"use client";
/**
 * A list of short tags typed into one box: Enter, comma or leaving the box adds the typed tag,
 * Backspace in an empty box removes the last one, each chip has its own remove button. A tag that
 * breaks the procedure's own rule (zTag) is not added; the box says why.
 */
import { X } from "lucide-react";
import { useState, type ComponentProps, type KeyboardEvent } from "react";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";
import { zTag } from "@/lib/customers/schemas";

/** The procedures accept at most this many tags per customer. */
export const MAX_TAGS = 10;

interface TagsInputProps extends Omit<ComponentProps<"input">, "value" | "onChange" | "defaultValue"> {
  value: string[];
  onChange: (tags: string[]) => void;
}

export function TagsInput({ value, onChange, onBlur, className, disabled, ...inputProps }: TagsInputProps) {
  const t = useT();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  /** Adds the typed tag; false when it was refused (the box keeps the text so it can be fixed). */
  const commit = (): boolean => {
    const candidate = text.trim().replace(/,+$/, "");
    if (!candidate) return true;
    if (value.length >= MAX_TAGS) {
      setProblem(t("customers.form.tagsFull", { max: MAX_TAGS }));
      return false;
    }
    if (!zTag.safeParse(candidate).success) {
      setProblem(t("customers.form.tagInvalid"));
      return false;
    }
    if (!value.includes(candidate)) onChange([...value, candidate]);
    setText("");
    setProblem(null);
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === "Enter" || event.key === ",") && text.trim()) {
      event.preventDefault(); // adding a tag, not submitting the form
      commit();
    } else if (event.key === "Backspace" && text === "" && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <div className="grid gap-1">
      <div
        className={cn(
          "flex min-h-9 w-full flex-wrap items-center gap-1 rounded-md border border-input bg-transparent px-2 py-1 shadow-xs dark:bg-input/30",
          "focus-within:border-ring focus-within:ring-[3px] focus-within:ring-ring/50",
          "has-[input[aria-invalid=true]]:border-destructive",
          disabled && "opacity-50",
          className,
        )}
      >
        {value.map((tag) => (
          <span key={tag} className="inline-flex h-6 items-center gap-0.5 rounded-md bg-secondary pr-0.5 pl-2 text-xs text-secondary-foreground">
            {tag}
            <button
              type="button"
              disabled={disabled}
              className="rounded-sm p-0.5 hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:outline-none"
              aria-label={t("customers.form.removeTag", { tag })}
              onClick={() => onChange(value.filter((other) => other !== tag))}
            >
              <X className="size-3" aria-hidden />
            </button>
          </span>
        ))}
        <input
          {...inputProps}
          disabled={disabled}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
          onKeyDown={onKeyDown}
          onBlur={(event) => {
            commit();
            onBlur?.(event);
          }}
          className="h-7 min-w-24 flex-1 bg-transparent px-1 text-base outline-none placeholder:text-muted-foreground md:text-sm"
        />
      </div>
      {problem && (
        <p role="status" className="text-xs text-destructive">
          {problem}
        </p>
      )}
    </div>
  );
}
