"use client";
/**
 * FD rebates per UTC day: the broker's, the sub-broker's and the users' stacked. Every day of the range has
 * a bar slot, so quiet days read as gaps. Amounts are decimal strings: turned into numbers only to size the
 * bars; the tooltip shows them with every decimal the server sent, and the broker's share on affiliated
 * orders.
 */
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import type { FdDay } from "@/server/rebates/fd-reports";
import { DailyBarChart } from "./daily-bar-chart";

const UNIT = "USDT";
const SERIES = ["broker", "subBroker", "user"] as const;
const RAW = { broker: "brokerRebate", subBroker: "subBrokerRebate", user: "userRebate" } as const;

export function FdChart({ days, from, to }: { days: FdDay[]; from: string; to: string }) {
  const t = useT();
  const f = useFormat();
  const money = (value: string | undefined) => f.moneyFull(value ?? "0", UNIT);
  return (
    <DailyBarChart
      days={days}
      from={from}
      to={to}
      text={{ label: t("fdReports.chart.label"), description: t("fdReports.chart.description"), empty: t("fdReports.chart.empty") }}
      config={{
        broker: { label: t("fdReports.chart.broker"), color: "var(--chart-1)" },
        subBroker: { label: t("fdReports.chart.subBroker"), color: "var(--chart-4)" },
        user: { label: t("fdReports.chart.user"), color: "var(--chart-2)" },
      }}
      series={SERIES}
      value={(day, s) => Number.parseFloat(day[RAW[s]])}
      tooltip={(day) => ({
        series: SERIES.map((key) => ({ key, value: money(day?.[RAW[key]]) })),
        more: [
          { label: t("fdReports.chart.affiliated"), value: money(day?.affiliatedBrokerRebate) },
          { label: t("fdReports.chart.orders"), value: f.number(day?.orders ?? 0) },
        ],
      })}
    />
  );
}
