"use client";
/**
 * The report's totals as five cards: fees paid, maker and taker fees, volume and trades. Money arrives as
 * decimal text and is rounded as text for the figure (lib/format), every decimal in the hover title.
 */
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import type { ReportTotals } from "@/server/rebates/reports";
import { KpiCards, moneyKpi, type Kpi } from "./kpi-cards";

/** `activeDays`: days of the range with trades; `rangeDays`: days in the range. */
export function ReportKpis({ totals, activeDays, rangeDays }: { totals: ReportTotals; activeDays: number; rangeDays: number }) {
  const t = useT();
  const f = useFormat();
  // Fees to the cent; volume, in the millions, to the unit (every decimal in the title either way).
  const money = (value: string, decimals = 2) => moneyKpi(f, value, decimals);
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
  return <KpiCards label={t("rebateReports.kpi.label")} kpis={kpis} testIdPrefix="kpi-" />;
}
