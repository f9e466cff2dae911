"use client";
/**
 * A report's totals as a row of cards (the DMA fee report's and the FD rebate report's): a title, a figure
 * rounded for reading with every decimal in its hover title, an optional unit and a line of detail.
 */
import { Skeleton } from "@/components/ui/skeleton";
import type { useFormat } from "@/lib/hooks/use-format";
import { cn } from "@/lib/utils";

const GRID = "grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5";
const frame = "flex flex-col gap-1 rounded-lg border bg-card p-4 text-card-foreground shadow-xs";
const UNIT = "USDT";

export interface Kpi {
  id: string;
  title: string;
  figure: string;
  unit?: string;
  full: string;
  detail?: string;
}

/** A USDT amount (decimal text) as a card's figure with `decimals` places, unit and every decimal. */
export function moneyKpi(f: ReturnType<typeof useFormat>, value: string, decimals = 2): Pick<Kpi, "figure" | "unit" | "full"> {
  return { figure: f.decimal(value, { maxDecimals: decimals, minDecimals: decimals }), unit: UNIT, full: f.moneyFull(value, UNIT) };
}

/** `label` names the section; a card's test id is `testIdPrefix` and its id. */
export function KpiCards({ label, kpis, testIdPrefix }: { label: string; kpis: Kpi[]; testIdPrefix: string }) {
  return (
    <section aria-label={label} className={GRID}>
      {kpis.map((k) => (
        <div key={k.id} data-testid={`${testIdPrefix}${k.id}`} className={frame}>
          <span className="flex items-baseline justify-between gap-2 text-sm font-medium text-muted-foreground">
            {k.title}
            {k.unit && <span className="text-xs">{k.unit}</span>}
          </span>
          <span data-testid="kpi-figure" title={k.full} className="truncate text-2xl font-semibold tracking-tight tabular-nums">
            {k.figure}
          </span>
          {k.detail && <span className="text-xs text-muted-foreground">{k.detail}</span>}
        </div>
      ))}
    </section>
  );
}

export function KpiCardsSkeleton() {
  return (
    <div className={GRID} aria-hidden>
      {Array.from({ length: 5 }, (_, i) => (
        <div key={i} className={cn(frame, "gap-2")}>
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-7 w-32" />
          <Skeleton className="h-3 w-36" />
        </div>
      ))}
    </div>
  );
}
