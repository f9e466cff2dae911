"use client";
/**
 * A file input in the reader's language: a "Choose file" button and the chosen file's name (or "No file
 * chosen"), instead of the browser's own words. The native input stays (visually hidden, still focusable
 * and labelled by the field's label), so Tab reaches it, Enter or Space opens the file dialog, and `accept`,
 * `multiple`, forms and tests work as before; the visible button only mirrors it.
 */
import * as React from "react";
import { Upload } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";

export interface FileInputProps extends Omit<React.ComponentProps<"input">, "type" | "value"> {
  /** The name(s) to show when the parent knows better (e.g. it cleared its file after an upload); otherwise the input's own. */
  fileName?: string | null;
}

export function FileInput({ className, fileName, multiple, disabled, onChange, ref, id, ...props }: FileInputProps) {
  const t = useT();
  const inner = React.useRef<HTMLInputElement | null>(null);
  const nameId = React.useId();
  const [picked, setPicked] = React.useState<string | null>(null);
  const shownName = fileName !== undefined ? fileName : picked;
  const setRefs = (node: HTMLInputElement | null) => {
    inner.current = node;
    if (typeof ref === "function") ref(node);
    else if (ref) ref.current = node;
  };
  const describedBy = [props["aria-describedby"], nameId].filter(Boolean).join(" ");

  return (
    <div className={cn("flex min-w-0 items-center gap-3", disabled && "opacity-50", className)}>
      <input
        {...props}
        id={id}
        ref={setRefs}
        type="file"
        multiple={multiple}
        disabled={disabled}
        aria-describedby={describedBy}
        className="peer sr-only"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          setPicked(files.length === 0 ? null : files.length === 1 ? files[0]!.name : t("common.fileInput.many", { count: files.length }));
          onChange?.(event);
        }}
      />
      {/* Mirrors the input: a click opens its dialog; the focus ring follows the input's focus. */}
      <span
        aria-hidden
        onClick={() => !disabled && inner.current?.click()}
        className={cn(
          buttonVariants({ variant: "outline", size: "sm" }),
          "cursor-pointer peer-focus-visible:border-ring peer-focus-visible:ring-[3px] peer-focus-visible:ring-ring/50",
          "peer-aria-invalid:border-destructive",
          disabled && "pointer-events-none",
        )}
      >
        <Upload />
        {multiple ? t("common.fileInput.chooseMany") : t("common.fileInput.choose")}
      </span>
      <span id={nameId} className={cn("min-w-0 truncate text-sm", !shownName && "text-muted-foreground")} title={shownName ?? undefined}>
        {shownName ?? t("common.fileInput.none")}
      </span>
    </div>
  );
}
