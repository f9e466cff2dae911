"use client";
/**
 * The report's days (UTC): a from/to pair of date pickers and quick ranges of the last 7, 30 or 90 full
 * days. Clearing the pickers goes back to the default (the last 30 full days). A range the procedures would
 * refuse (reversed, or longer than they allow) is said here, in the reader's language.
 */
import { DataTableDateRange } from "@/components/data-table/data-table-date-range";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { DEFAULT_REPORT_DAYS, lastFullDays, rangeProblem } from "@/lib/rebates/report-query";
import { MAX_REPORT_DAYS } from "@/lib/rebates/schemas";

export interface ReportRange {
  from: string;
  to: string;
}

const PRESETS = [7, 30, 90] as const;

export function ReportRangePicker({ value, onChange }: { value: ReportRange; onChange: (range: ReportRange) => void }) {
  const t = useT();
  const problem = rangeProblem(value.from, value.to);
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex flex-wrap items-center gap-2">
        <DataTableDateRange
          label={t("rebateReports.range.label")}
          value={value}
          onChange={({ from, to }) => {
            const fallback = lastFullDays(DEFAULT_REPORT_DAYS);
            onChange({ from: from ?? fallback.from, to: to ?? fallback.to });
          }}
        />
        <div role="group" aria-label={t("rebateReports.range.presets")} className="flex items-center gap-1">
          {PRESETS.map((days) => {
            const range = lastFullDays(days);
            const active = range.from === value.from && range.to === value.to;
            return (
              <Button key={days} type="button" size="sm" variant={active ? "secondary" : "ghost"} className="h-8" aria-pressed={active} onClick={() => onChange(range)}>
                {t("rebateReports.range.lastDays", { days })}
              </Button>
            );
          })}
        </div>
      </div>
      {problem && (
        <p role="alert" className="text-sm text-destructive">
          {problem === "order" ? t("rebateReports.range.order") : t("rebateReports.range.length", { max: MAX_REPORT_DAYS })}
        </p>
      )}
    </div>
  );
}
