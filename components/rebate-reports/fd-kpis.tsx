"use client";
/**
 * The FD report's totals as five cards: the broker's rebate (with its share on affiliated orders), the
 * sub-broker's and the users' rebates, the fees they were settled on, and the orders. Money arrives as
 * decimal text and is rounded as text for the figure, every decimal in the hover title.
 */
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import type { FdTotals } from "@/server/rebates/fd-reports";
import { KpiCards, moneyKpi, type Kpi } from "./kpi-cards";

/** `activeDays`: days of the range with rebated orders; `rangeDays`: days in the range. */
export function FdKpis({ totals, activeDays, rangeDays }: { totals: FdTotals; activeDays: number; rangeDays: number }) {
  const t = useT();
  const f = useFormat();
  const money = (value: string) => moneyKpi(f, value);
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
  return <KpiCards label={t("fdReports.kpi.label")} kpis={kpis} testIdPrefix="fd-kpi-" />;
}
