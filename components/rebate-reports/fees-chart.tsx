"use client";
/**
 * Fees paid per UTC day, maker and taker stacked (a maker rebate larger than the fees goes below zero).
 * Every day of the range has a bar slot, so quiet days read as gaps. Amounts are decimal strings: turned
 * into numbers only to size the bars; the tooltip shows them with every decimal the server sent.
 */
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import type { ReportDay } from "@/server/rebates/reports";
import { DailyBarChart } from "./daily-bar-chart";

const UNIT = "USDT";
const SERIES = ["taker", "maker"] as const;
const RAW = { taker: "takerFeesPaid", maker: "makerFeesPaid" } as const;

export function FeesChart({ days, from, to }: { days: ReportDay[]; from: string; to: string }) {
  const t = useT();
  const f = useFormat();
  const money = (value: string | undefined) => f.moneyFull(value ?? "0", UNIT);
  return (
    <DailyBarChart
      days={days}
      from={from}
      to={to}
      text={{ label: t("rebateReports.chart.label"), description: t("rebateReports.chart.description"), empty: t("rebateReports.chart.empty") }}
      config={{ taker: { label: t("rebateReports.chart.taker"), color: "var(--chart-1)" }, maker: { label: t("rebateReports.chart.maker"), color: "var(--chart-2)" } }}
      series={SERIES}
      value={(day, s) => Number.parseFloat(day[RAW[s]])}
      tooltip={(day) => ({
        series: [
          { key: "maker", value: money(day?.makerFeesPaid) },
          { key: "taker", value: money(day?.takerFeesPaid) },
        ],
        more: [
          { label: t("rebateReports.chart.total"), value: money(day?.feesPaid) },
          { label: t("rebateReports.chart.trades"), value: f.number(day?.trades ?? 0) },
        ],
      })}
    />
  );
}
