"use client";
/**
 * The report's totals as five cards: fees paid, maker and taker fees, volume and trades. Money arrives as
 * decimal text and is rounded as text for the figure (lib/format), every decimal in the hover title.
 */
import { Skeleton } from "@/components/ui/skeleton";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";
import type { ReportTotals } from "@/server/rebates/reports";

const GRID = "grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5";
const frame = "flex flex-col gap-1 rounded-lg border bg-card p-4 text-card-foreground shadow-xs";
const UNIT = "USDT";

interface Kpi {
  id: string;
  title: string;
  figure: string;
  unit?: string;
  full: string;
  detail?: string;
}

/** `activeDays`: days of the range with trades; `rangeDays`: days in the range. */
export function ReportKpis({ totals, activeDays, rangeDays }: { totals: ReportTotals; activeDays: number; rangeDays: number }) {
  const t = useT();
  const f = useFormat();
  // Fees to the cent; volume, in the millions, to the unit (every decimal in the title either way).
  const money = (value: string, maxDecimals = 2) => ({ figure: f.decimal(value, { maxDecimals, minDecimals: maxDecimals }), unit: UNIT, full: f.moneyFull(value, UNIT) });
  // A share is a reading aid, not money: a float is fine here.
  const fees = Number.parseFloat(totals.feesPaid);
  const share = (part: string) =>
    fees > 0 ? t("rebateReports.kpi.shareOfFees", { share: f.number(Number.parseFloat(part) / fees, { style: "percent", maximumFractionDigits: 1 }) }) : undefined;
  const kpis: Kpi[] = [
    { id: "fees", title: t("rebateReports.kpi.feesPaid"), ...money(totals.feesPaid), detail: t("rebateReports.kpi.feesPaidDetail") },
    { id: "maker", title: t("rebateReports.kpi.makerFees"), ...money(totals.makerFeesPaid), detail: share(totals.makerFeesPaid) },
    { id: "taker", title: t("rebateReports.kpi.takerFees"), ...money(totals.takerFeesPaid), detail: share(totals.takerFeesPaid) },
    { id: "volume", title: t("rebateReports.kpi.volume"), ...money(totals.volume, 0), detail: t("rebateReports.kpi.volumeDetail") },
    {
      id: "trades",
      title: t("rebateReports.kpi.trades"),
      figure: f.number(totals.trades),
      full: f.number(totals.trades),
      detail: t("rebateReports.kpi.tradesDetail", { days: f.number(activeDays), total: f.number(rangeDays) }),
    },
  ];
  return (
    <section aria-label={t("rebateReports.kpi.label")} className={GRID}>
      {kpis.map((k) => (
        <div key={k.id} data-testid={`kpi-${k.id}`} className={frame}>
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

export function ReportKpisSkeleton() {
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
