"use client";
/**
 * One fee report (`rebate.report`): the totals as cards and the fees per day as a chart, for the brand or
 * one customer. Loading, failure and "no trades in these days" each have their own state; a range the
 * procedure would refuse is not asked for (the range picker says why).
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useT } from "@/lib/i18n/client";
import { daysIn, rangeProblem } from "@/lib/rebates/report-query";
import { useTRPC } from "@/lib/trpc/client";
import { FeesChart } from "./fees-chart";
import { ReportKpis } from "./report-kpis";
import { SummaryFrame } from "./summary-frame";

interface ReportSummaryProps {
  from: string;
  to: string;
  customerId?: string;
  /** Shown instead of the cards and chart when the range has no trades at all. */
  empty: ReactNode;
}

export function ReportSummary({ from, to, customerId, empty }: ReportSummaryProps) {
  const t = useT();
  const trpc = useTRPC();
  const valid = rangeProblem(from, to) === null;
  const query = useQuery(trpc.rebate.report.queryOptions({ from, to, customerId }, { enabled: valid, placeholderData: keepPreviousData }));

  if (!valid) return null;
  return (
    <SummaryFrame
      query={query}
      loadError={t("rebateReports.loadError")}
      isEmpty={({ totals }) => totals.trades === 0}
      empty={empty}
      kpis={({ totals, days }) => <ReportKpis totals={totals} activeDays={days.length} rangeDays={daysIn(from, to)} />}
      chart={{ title: t("rebateReports.chart.title"), description: t("rebateReports.chart.description"), render: ({ days }) => <FeesChart days={days} from={from} to={to} /> }}
    />
  );
}
