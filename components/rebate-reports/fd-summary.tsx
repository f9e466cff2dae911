"use client";
/**
 * One FD rebate report (`rebate.fdReport`): the totals as cards and the rebates per day as a chart.
 * Loading, failure and "no rebated orders in these days" each have their own state; a range the procedure
 * would refuse is not asked for (the range picker says why).
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useT } from "@/lib/i18n/client";
import { daysIn, rangeProblem } from "@/lib/rebates/report-query";
import { useTRPC } from "@/lib/trpc/client";
import { FdChart } from "./fd-chart";
import { FdKpis } from "./fd-kpis";
import { SummaryFrame } from "./summary-frame";

export function FdSummary({ from, to, empty }: { from: string; to: string; empty: ReactNode }) {
  const t = useT();
  const trpc = useTRPC();
  const valid = rangeProblem(from, to) === null;
  const query = useQuery(trpc.rebate.fdReport.queryOptions({ from, to }, { enabled: valid, placeholderData: keepPreviousData }));

  if (!valid) return null;
  return (
    <SummaryFrame
      query={query}
      loadError={t("fdReports.loadError")}
      isEmpty={({ totals }) => totals.orders === 0}
      empty={empty}
      kpis={({ totals, days }) => <FdKpis totals={totals} activeDays={days.length} rangeDays={daysIn(from, to)} />}
      chart={{ title: t("fdReports.chart.title"), description: t("fdReports.chart.description"), render: ({ days }) => <FdChart days={days} from={from} to={to} /> }}
    />
  );
}
