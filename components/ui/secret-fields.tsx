"use client";
/** Values shown once (a new key's id and secret): each selectable in one click, with a copy button. */
import { CopyButton } from "@/components/ui/copy-button";

export interface SecretField {
  id: string;
  label: string;
  value: string;
  /** The copy button's label. */
  copy: string;
}

export function SecretFields({ fields, testIdPrefix }: { fields: readonly SecretField[]; testIdPrefix: string }) {
  return (
    <dl className="grid gap-3 text-sm">
      {fields.map((field) => (
        <div key={field.id} className="grid gap-1">
          <dt className="text-muted-foreground">{field.label}</dt>
          <dd className="flex items-center gap-2">
            <output
              aria-label={field.label}
              data-testid={`${testIdPrefix}-${field.id}`}
              className="flex min-h-10 min-w-0 flex-1 items-center rounded-md border bg-muted/50 px-3 py-2 font-mono text-xs break-all select-all"
            >
              {field.value}
            </output>
            <CopyButton value={field.value} label={field.copy} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
