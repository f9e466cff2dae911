"use client";
/**
 * One fee report (`rebate.report`): the totals as cards and the fees per day as a chart, for the brand or
 * one customer. Loading, failure and "no trades in these days" each have their own state; a range the
 * procedure would refuse is not asked for (the range picker says why).
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { LoadError } from "@/components/load-error";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/lib/i18n/client";
import { daysIn, rangeProblem } from "@/lib/rebates/report-query";
import { useTRPC } from "@/lib/trpc/client";
import { cn } from "@/lib/utils";
import { FeesChart } from "./fees-chart";
import { ReportKpis, ReportKpisSkeleton } from "./report-kpis";

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
  if (query.isPending) {
    return (
      <div className="grid gap-4" aria-busy="true">
        <span className="sr-only" role="status">
          {t("common.loading")}
        </span>
        <ReportKpisSkeleton />
        <Skeleton className="h-72 w-full" />
      </div>
    );
  }
  if (query.isError) return <LoadError title={t("rebateReports.loadError")} error={query.error} onRetry={() => void query.refetch()} />;
  const { totals, days } = query.data;
  if (totals.trades === 0 && !query.isPlaceholderData) return <>{empty}</>;
  return (
    <div className={cn("grid gap-4 transition-opacity", query.isPlaceholderData && "opacity-60")} aria-busy={query.isFetching}>
      <ReportKpis totals={totals} activeDays={days.length} rangeDays={daysIn(from, to)} />
      <Card className="gap-3 py-4">
        <CardHeader className="px-4">
          <CardTitle>{t("rebateReports.chart.title")}</CardTitle>
          <CardDescription>{t("rebateReports.chart.description")}</CardDescription>
        </CardHeader>
        <CardContent className="px-4">
          <FeesChart days={days} from={from} to={to} />
        </CardContent>
      </Card>
    </div>
  );
}
