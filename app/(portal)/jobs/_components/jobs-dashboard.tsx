"use client";
/**
 * The jobs page body: every queue's card (refreshed every 5 s) and, below, the jobs of the selected
 * queue and state (URL `?queue=&state=`, default the first queue's failed jobs). When Redis cannot be
 * reached the overview says so (`available: false`) and the page shows an alert instead of the queues;
 * it keeps polling, so the cards come back by themselves once Redis does.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Layers, RefreshCw, ServerCrash, TriangleAlert } from "lucide-react";
import { useEffect, useState } from "react";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { JobList } from "./job-list";
import { QueueCard } from "./queue-card";
import { useJobActions } from "./use-job-actions";
import { ZJobsPageParams } from "./url-state";

const REFRESH_MS = 5_000;

export function JobsDashboard({ canManage, canControl }: { canManage: boolean; canControl: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const url = useTableUrlState(ZJobsPageParams, { keep: ["queue", "state"] });
  const overview = useQuery(trpc.jobs.overview.queryOptions(undefined, { refetchInterval: REFRESH_MS }));
  const actions = useJobActions();

  const refresh = () =>
    void Promise.all([overview.refetch(), queryClient.invalidateQueries(trpc.jobs.list.pathFilter())]);

  const toolbar = (
    <div className="flex items-center justify-end gap-3 text-sm text-muted-foreground">
      {overview.dataUpdatedAt > 0 && <UpdatedAgo at={overview.dataUpdatedAt} />}
      <Button variant="outline" size="sm" onClick={refresh}>
        <RefreshCw className={overview.isFetching ? "animate-spin motion-reduce:animate-none" : undefined} />
        {t("jobs.refresh")}
      </Button>
    </div>
  );

  const data = overview.data;
  if (!data && !overview.isError) {
    return (
      <div className="flex flex-col gap-4" aria-busy="true">
        {toolbar}
        <Skeleton className="h-52 w-full rounded-xl" />
        <Skeleton className="h-64 w-full rounded-xl" />
      </div>
    );
  }

  // A failed background refresh keeps the last good overview on screen; only a first load failing shows this.
  if (!data) {
    return (
      <div className="flex flex-col gap-4">
        {toolbar}
        <Alert variant="destructive" role="alert">
          <TriangleAlert />
          <AlertTitle>{t("jobs.loadError")}</AlertTitle>
          <AlertDescription>
            <p>{describeTrpcError(overview.error, t).message}</p>
            <Button variant="outline" size="sm" className="mt-2" onClick={refresh}>
              {t("jobs.unavailable.retry")}
            </Button>
          </AlertDescription>
        </Alert>
      </div>
    );
  }

  if (!data.available) {
    return (
      <div className="flex flex-col gap-4">
        {toolbar}
        <Alert variant="warning" role="alert" data-testid="jobs-unavailable">
          <ServerCrash />
          <AlertTitle>{t("jobs.unavailable.title")}</AlertTitle>
          <AlertDescription>
            <p>{t("jobs.errors.queueUnavailable")}</p>
            <Button variant="outline" size="sm" className="mt-2" pending={overview.isFetching} onClick={refresh}>
              {t("jobs.unavailable.retry")}
            </Button>
          </AlertDescription>
        </Alert>
      </div>
    );
  }

  if (data.queues.length === 0) {
    return (
      <div className="flex flex-col gap-4">
        {toolbar}
        <EmptyState icon={Layers} title={t("jobs.noQueues")} />
      </div>
    );
  }

  // A bookmarked queue that no longer exists falls back to the first one.
  const selectedQueue = data.queues.find((queue) => queue.name === url.input.queue)?.name ?? data.queues[0]!.name;
  return (
    <div className="flex flex-col gap-4">
      {toolbar}
      <div className="grid gap-4">
        {data.queues.map((queue) => (
          <QueueCard
            key={queue.name}
            queue={queue}
            selectedState={queue.name === selectedQueue ? url.input.state : null}
            onSelect={(state) => url.setParams({ queue: queue.name, state })}
            canManage={canManage}
            canControl={canControl}
            actions={actions}
          />
        ))}
      </div>
      <JobList key={selectedQueue} queue={selectedQueue} url={url} canManage={canManage} canControl={canControl} actions={actions} refetchInterval={REFRESH_MS} />
    </div>
  );
}

/** "Updated 3 s ago", ticking each second; not a live region, so screen readers are not flooded. */
function UpdatedAgo({ at }: { at: number }) {
  const t = useT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => window.clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - at) / 1_000));
  return (
    <span className="tabular-nums" data-testid="jobs-updated">
      {seconds < 1 ? t("jobs.updatedJustNow") : t("jobs.updatedAgo", { seconds })}
    </span>
  );
}
