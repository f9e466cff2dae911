"use client";
/**
 * One FD rebate report (`rebate.fdReport`): the totals as cards and the rebates per day as a chart.
 * Loading, failure and "no rebated orders in these days" each have their own state; a range the procedure
 * would refuse is not asked for (the range picker says why).
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
import { FdChart } from "./fd-chart";
import { FdKpis } from "./fd-kpis";
import { ReportKpisSkeleton } from "./report-kpis";

export function FdSummary({ from, to, empty }: { from: string; to: string; empty: ReactNode }) {
  const t = useT();
  const trpc = useTRPC();
  const valid = rangeProblem(from, to) === null;
  const query = useQuery(trpc.rebate.fdReport.queryOptions({ from, to }, { enabled: valid, placeholderData: keepPreviousData }));

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
  if (query.isError) return <LoadError title={t("fdReports.loadError")} error={query.error} onRetry={() => void query.refetch()} />;
  const { totals, days } = query.data;
  if (totals.orders === 0 && !query.isPlaceholderData) return <>{empty}</>;
  return (
    <div className={cn("grid gap-4 transition-opacity", query.isPlaceholderData && "opacity-60")} aria-busy={query.isFetching}>
      <FdKpis totals={totals} activeDays={days.length} rangeDays={daysIn(from, to)} />
      <Card className="gap-3 py-4">
        <CardHeader className="px-4">
          <CardTitle>{t("fdReports.chart.title")}</CardTitle>
          <CardDescription>{t("fdReports.chart.description")}</CardDescription>
        </CardHeader>
        <CardContent className="px-4">
          <FdChart days={days} from={from} to={to} />
        </CardContent>
      </Card>
    </div>
  );
}
