"use client";
/**
 * From/to date filter with native date inputs (keyboard-friendly, localised by the browser, no extra
 * dependency). Values are "yyyy-mm-dd" strings exactly as they appear in the URL.
 */
import { X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";

export interface DateRangeValue {
  from: string | null;
  to: string | null;
}

interface DataTableDateRangeProps {
  value: DateRangeValue;
  onChange: (value: DateRangeValue) => void;
  label?: string;
  className?: string;
}

const inputClass =
  "h-full min-w-0 bg-transparent px-2 text-sm tabular-nums outline-none [color-scheme:light] dark:[color-scheme:dark] focus-visible:bg-accent/60 rounded-sm";

export function DataTableDateRange({ value, onChange, label, className }: DataTableDateRangeProps) {
  const t = useT();
  const groupLabel = label ?? t("table.dateRange");
  const active = Boolean(value.from || value.to);
  return (
    <div
      role="group"
      aria-label={groupLabel}
      className={cn(
        "flex h-8 items-center rounded-md border border-input bg-background text-sm shadow-xs dark:bg-input/30",
        "focus-within:border-ring focus-within:ring-[3px] focus-within:ring-ring/50",
        !active && "border-dashed",
        className,
      )}
    >
      <span className="pl-2.5 pr-1 text-muted-foreground whitespace-nowrap">{groupLabel}</span>
      <input
        type="date"
        aria-label={t("table.dateFrom")}
        className={inputClass}
        value={value.from ?? ""}
        max={value.to ?? undefined}
        onChange={(event) => onChange({ from: event.target.value || null, to: value.to })}
      />
      <span aria-hidden className="text-muted-foreground">
        –
      </span>
      <input
        type="date"
        aria-label={t("table.dateTo")}
        className={inputClass}
        value={value.to ?? ""}
        min={value.from ?? undefined}
        onChange={(event) => onChange({ from: value.from, to: event.target.value || null })}
      />
      {active && (
        <Button
          type="button"
          variant="ghost"
          size="icon-sm"
          className="size-7"
          aria-label={t("table.clearFilter")}
          onClick={() => onChange({ from: null, to: null })}
        >
          <X />
        </Button>
      )}
    </div>
  );
}
