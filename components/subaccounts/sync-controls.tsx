"use client";
/**
 * The brand's sync at a glance: when the last run finished (or failed, with why) and, for operations,
 * "Sync now". After a sync is queued the status is polled until a newer run lands, then the lists refresh.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleAlert, RefreshCw } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";

const POLL_MS = 5_000;
/** Stop waiting for the run after this long (the worker may be down); the line still says what it knows. */
const WAIT_LIMIT_MS = 5 * 60_000;

export function SyncControls({ canManage }: { canManage: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dateTime = useDateTimeFormat();
  /**
   * Set while waiting for the queued run: the last run known at the request. Later answers are compared
   * with it, not with the browser's clock, which may differ from the server's.
   */
  const [waiting, setWaiting] = useState<{ lastRunAt: number | null } | null>(null);
  const giveUp = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(giveUp.current), []);
  const landedAfter = (at: number | null) => waiting !== null && at !== null && at !== waiting.lastRunAt;

  const status = useQuery(
    trpc.subaccount.syncStatus.queryOptions(undefined, {
      refetchInterval: (query) => (waiting && !landedAfter(query.state.data?.lastRun?.at.getTime() ?? null) ? POLL_MS : false),
    }),
  );
  const lastRunAt = status.data?.lastRun?.at.getTime() ?? null;
  const landed = landedAfter(lastRunAt);

  // The queued run finished: refresh what it may have changed.
  useEffect(() => {
    if (!landed) return;
    void queryClient.invalidateQueries(trpc.subaccount.list.pathFilter());
    void queryClient.invalidateQueries(trpc.subaccount.get.pathFilter());
  }, [landed, queryClient, trpc]);

  const sync = useMutation(trpc.subaccount.syncNow.mutationOptions());
  const startSync = () =>
    sync.mutate(undefined, {
      onSuccess: (result) => {
        const message = { queued: "subaccounts.sync.queued", already_queued: "subaccounts.sync.alreadyQueued", running: "subaccounts.sync.running" } as const;
        toast.success(t(message[result.outcome]));
        setWaiting({ lastRunAt });
        window.clearTimeout(giveUp.current);
        giveUp.current = window.setTimeout(() => setWaiting(null), WAIT_LIMIT_MS);
      },
      onError: (error) => toast.error(t("subaccounts.sync.failed"), { description: describeTrpcError(error, t).message }),
    });
  const polling = waiting !== null && !landed;

  const run = status.data?.lastRun;
  const summary = run?.ok && run.seen !== null
    ? t("subaccounts.sync.summary", { seen: run.seen, created: run.created ?? 0, updated: run.updated ?? 0, removed: run.removed ?? 0 })
    : undefined;

  return (
    <div className="flex flex-wrap items-center gap-3">
      <p className="flex items-center gap-1.5 text-sm text-muted-foreground" role="status" aria-live="polite" title={run?.error ?? summary}>
        {status.isPending ? (
          t("common.loading")
        ) : !run ? (
          t("subaccounts.sync.never")
        ) : run.ok ? (
          t("subaccounts.sync.lastRun", { time: dateTime.format(run.at) })
        ) : (
          <>
            <CircleAlert aria-hidden className="size-4 text-destructive" />
            <span>
              {t("subaccounts.sync.lastRunFailed", { time: dateTime.format(run.at) })}
              {run.error && <span className="sr-only">: {run.error}</span>}
            </span>
          </>
        )}
      </p>
      {canManage && (
        <Button variant="outline" size="sm" className="h-8" pending={sync.isPending} onClick={startSync}>
          {!sync.isPending && <RefreshCw className={polling ? "animate-spin" : undefined} aria-hidden />}
          {t("subaccounts.sync.now")}
        </Button>
      )}
    </div>
  );
}
