"use client";
/**
 * From/to date filter: two date pickers in the reader's language (typed or picked from a calendar).
 * Values are "yyyy-mm-dd" strings exactly as they appear in the URL; typed text that is not a date stays
 * in its box, marked invalid, and does not reach the URL.
 */
import { X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DatePicker } from "@/components/ui/date-picker";
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

/** The group draws the border; each picker is a borderless box inside it. */
const pickerBox = "h-full w-[8.75rem] border-0 bg-transparent shadow-none focus-within:ring-0 dark:bg-transparent [&_input]:px-2";

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
      <DatePicker
        strict
        aria-label={t("table.dateFrom")}
        placeholder={t("table.dateFrom")}
        className="w-auto"
        boxClassName={pickerBox}
        value={value.from}
        max={value.to ?? undefined}
        onChange={(from) => onChange({ from: from || null, to: value.to })}
      />
      <span aria-hidden className="text-muted-foreground">
        –
      </span>
      <DatePicker
        strict
        aria-label={t("table.dateTo")}
        placeholder={t("table.dateTo")}
        className="w-auto"
        boxClassName={pickerBox}
        value={value.to}
        min={value.from ?? undefined}
        onChange={(to) => onChange({ from: value.from, to: to || null })}
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
