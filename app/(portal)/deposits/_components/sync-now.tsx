"use client";
/**
 * The deposits page's sync controls: when the sync last ran (and whether it failed), and "Sync now",
 * which queues a sync of the brand. After a request the status is polled until a run newer than the
 * request is recorded; then the table refreshes and a toast says what the run found.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";

const POLL_MS = 3_000;
/** How long to wait for the requested run before giving up quietly (the worker may be busy or stopped). */
const POLLS = 60;

export function SyncNow() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dateTime = useDateTimeFormat("dateTimeSeconds");
  const [waiting, setWaiting] = useState(false);
  const status = useQuery(trpc.deposit.syncStatus.queryOptions(undefined, { refetchInterval: 60_000 }));
  const lastRun = status.data?.lastRun ?? null;

  /** Bounded (POLLS × POLL_MS): leaving the page meanwhile only lets a few status reads run out. */
  async function waitForRun(since: Date) {
    setWaiting(true);
    try {
      for (let i = 0; i < POLLS; i++) {
        await new Promise((resolve) => window.setTimeout(resolve, POLL_MS));
        const run = (await queryClient.fetchQuery(trpc.deposit.syncStatus.queryOptions(undefined, { staleTime: 0 }))).lastRun;
        if (!run || run.at < since) continue;
        void queryClient.invalidateQueries(trpc.deposit.list.pathFilter());
        if (run.complete) toast.success(t("deposits.sync.done", { created: run.created ?? 0, updated: run.updated ?? 0 }));
        else toast.error(`${t("deposits.sync.lastFailed", { time: dateTime.format(run.at) })}${run.error ? `: ${run.error}` : ""}`);
        return;
      }
    } catch {
      // The status could not be read: the line below keeps showing the last known state.
    } finally {
      setWaiting(false);
    }
  }

  const sync = useMutation(
    trpc.deposit.syncNow.mutationOptions({
      onSuccess: (result) => {
        toast.success(result.duplicate ? t("deposits.sync.duplicate") : t("deposits.sync.queued"));
        void waitForRun(result.requestedAt);
      },
      onError: (error) => toast.error(describeTrpcError(error, t).message),
    }),
  );

  const running = sync.isPending || waiting;
  let line: string;
  if (running) line = t("deposits.sync.running");
  else if (!lastRun) line = t("deposits.sync.never");
  else if (lastRun.complete) line = t("deposits.sync.last", { time: dateTime.format(lastRun.at) });
  else line = t("deposits.sync.lastFailed", { time: dateTime.format(lastRun.at) });

  return (
    <div className="flex items-center gap-3">
      <span role="status" className={lastRun && !lastRun.complete && !running ? "text-sm text-destructive" : "text-sm text-muted-foreground"} title={lastRun?.error ?? undefined}>
        {line}
      </span>
      <Button size="sm" variant="outline" onClick={() => sync.mutate()} pending={running}>
        {!running && <RefreshCw />}
        {t("deposits.sync.now")}
      </Button>
    </div>
  );
}
