"use client";
/**
 * What a report summary shows for its query (the DMA fee report's and the FD rebate report's): a skeleton
 * while loading, the failure with Retry, `empty` when the range has nothing at all, else its totals as cards
 * and its days as a chart in a card. While another range loads, the last one stays, dimmed.
 */
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { LoadError } from "@/components/load-error";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";
import { KpiCardsSkeleton } from "./kpi-cards";

interface SummaryFrameProps<T> {
  query: UseQueryResult<T, unknown>;
  loadError: string;
  /** Whether the range has nothing to report: `empty` is shown instead of cards and chart. */
  isEmpty: (data: T) => boolean;
  empty: ReactNode;
  kpis: (data: T) => ReactNode;
  chart: { title: string; description: string; render: (data: T) => ReactNode };
}

export function SummaryFrame<T>({ query, loadError, isEmpty, empty, kpis, chart }: SummaryFrameProps<T>) {
  const t = useT();
  if (query.isPending) {
    return (
      <div className="grid gap-4" aria-busy="true">
        <span className="sr-only" role="status">
          {t("common.loading")}
        </span>
        <KpiCardsSkeleton />
        <Skeleton className="h-72 w-full" />
      </div>
    );
  }
  if (query.isError) return <LoadError title={loadError} error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty(query.data) && !query.isPlaceholderData) return <>{empty}</>;
  return (
    <div className={cn("grid gap-4 transition-opacity", query.isPlaceholderData && "opacity-60")} aria-busy={query.isFetching}>
      {kpis(query.data)}
      <Card className="gap-3 py-4">
        <CardHeader className="px-4">
          <CardTitle>{chart.title}</CardTitle>
          <CardDescription>{chart.description}</CardDescription>
        </CardHeader>
        <CardContent className="px-4">{chart.render(query.data)}</CardContent>
      </Card>
    </div>
  );
}
