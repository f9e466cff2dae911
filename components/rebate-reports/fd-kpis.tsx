"use client";
/**
 * The FD report's totals as five cards: the broker's rebate (with its share on affiliated orders), the
 * sub-broker's and the users' rebates, the fees they were settled on, and the orders. Money arrives as
 * decimal text and is rounded as text for the figure, every decimal in the hover title.
 */
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import type { FdTotals } from "@/server/rebates/fd-reports";

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

/** `activeDays`: days of the range with rebated orders; `rangeDays`: days in the range. */
export function FdKpis({ totals, activeDays, rangeDays }: { totals: FdTotals; activeDays: number; rangeDays: number }) {
  const t = useT();
  const f = useFormat();
  const money = (value: string) => ({ figure: f.decimal(value, { maxDecimals: 2, minDecimals: 2 }), unit: UNIT, full: f.moneyFull(value, UNIT) });
  // A share is a reading aid, not money: a float is fine here.
  const broker = Number.parseFloat(totals.brokerRebate);
  const affiliatedShare = broker > 0 ? f.number(Number.parseFloat(totals.affiliatedBrokerRebate) / broker, { style: "percent", maximumFractionDigits: 1 }) : null;
  const kpis: Kpi[] = [
    { id: "broker", title: t("fdReports.kpi.brokerRebate"), ...money(totals.brokerRebate), detail: affiliatedShare ? t("fdReports.kpi.affiliatedShare", { share: affiliatedShare }) : undefined },
    { id: "subBroker", title: t("fdReports.kpi.subBrokerRebate"), ...money(totals.subBrokerRebate) },
    { id: "user", title: t("fdReports.kpi.userRebate"), ...money(totals.userRebate) },
    { id: "fee", title: t("fdReports.kpi.fee"), ...money(totals.fee), detail: t("fdReports.kpi.feeDetail", { settlement: f.decimal(totals.settlementFee, { maxDecimals: 2, minDecimals: 2 }) }) },
    {
      id: "orders",
      title: t("fdReports.kpi.orders"),
      figure: f.number(totals.orders),
      full: f.number(totals.orders),
      detail: t("fdReports.kpi.ordersDetail", { affiliated: f.number(totals.affiliatedOrders), days: f.number(activeDays), total: f.number(rangeDays) }),
    },
  ];
  return (
    <section aria-label={t("fdReports.kpi.label")} className={GRID}>
      {kpis.map((k) => (
        <div key={k.id} data-testid={`fd-kpi-${k.id}`} className={frame}>
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
