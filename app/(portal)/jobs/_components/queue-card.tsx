"use client";
/**
 * One queue: what it does, its schedule, whether it is paused, its job counts (each a button that lists
 * those jobs below) and its last finished run. Managers also get Pause / Resume and Run now.
 */
import { CalendarClock, CirclePause, Pause, Play, TriangleAlert, Zap } from "lucide-react";
import { useState } from "react";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useLocale, useT } from "@/lib/i18n/client";
import { translateDynamic } from "@/lib/i18n/translate";
import { cn } from "@/lib/utils";
import type { JobState, QueueOverview } from "@/server/jobs/types";
import { describeSchedule, excerpt, formatDuration } from "./format";
import type { JobActions } from "./use-job-actions";

/** The order the counts read in: the pipeline, then its two ends. */
const COUNT_STATES = ["waiting", "active", "delayed", "failed", "completed"] as const satisfies readonly JobState[];

interface QueueCardProps {
  queue: QueueOverview;
  /** The state listed below when this queue is the selected one. */
  selectedState: JobState | null;
  onSelect: (state: JobState) => void;
  canManage: boolean;
  /** Platform admins: pause and resume (queues are shared by every brand), and run-now of platform queues. */
  canControl: boolean;
  actions: JobActions;
}

export function QueueCard({ queue, selectedState, onSelect, canManage, canControl, actions }: QueueCardProps) {
  const t = useT();
  const locale = useLocale();
  const dateTime = useDateTimeFormat();
  const [confirmPause, setConfirmPause] = useState(false);
  const titleId = `queue-${queue.name}-title`;
  const description = translateDynamic(t, `jobs.queue.descriptions.${queue.name}`, queue.description);
  const scheduleWords = queue.schedule ? describeSchedule(queue.schedule, t, locale) : null;
  const { lastRun } = queue;
  const pausePending = actions.pause.isPending && actions.pause.variables?.queue === queue.name;
  const resumePending = actions.resume.isPending && actions.resume.variables?.queue === queue.name;
  const runPending = actions.runNow.isPending && actions.runNow.variables?.queue === queue.name;

  return (
    <Card role="region" aria-labelledby={titleId} data-queue={queue.name} className={cn(selectedState && "ring-2 ring-ring/40")}>
      <CardHeader>
        <CardTitle id={titleId} className="flex flex-wrap items-center gap-2">
          <span className="font-mono">{queue.name}</span>
          {queue.paused ? (
            <Badge variant="warning">
              <CirclePause aria-hidden />
              {t("jobs.queue.paused")}
            </Badge>
          ) : (
            <Badge variant="success">{t("jobs.queue.running")}</Badge>
          )}
        </CardTitle>
        <CardDescription>{description}</CardDescription>
        {canManage && (canControl || queue.brandScoped) && (
          <CardAction className="flex flex-wrap gap-2">
            {canControl && (queue.paused ? (
              <Button
                variant="outline"
                size="sm"
                pending={resumePending}
                aria-label={t("jobs.actions.resumeQueue", { queue: queue.name })}
                onClick={() => actions.resume.mutate({ queue: queue.name })}
              >
                {!resumePending && <Play />}
                {t("jobs.actions.resume")}
              </Button>
            ) : (
              <Button
                variant="outline"
                size="sm"
                aria-label={t("jobs.actions.pauseQueue", { queue: queue.name })}
                onClick={() => setConfirmPause(true)}
              >
                <Pause />
                {t("jobs.actions.pause")}
              </Button>
            ))}
            <Button
              size="sm"
              pending={runPending}
              aria-label={t("jobs.actions.runQueueNow", { queue: queue.name })}
              onClick={() => actions.runNow.mutate({ queue: queue.name })}
            >
              {!runPending && <Zap />}
              {t("jobs.actions.runNow")}
            </Button>
          </CardAction>
        )}
      </CardHeader>
      <CardContent className="grid gap-4 text-sm md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <section className="grid gap-1" aria-label={t("jobs.queue.schedule")}>
          <h3 className="text-xs font-medium text-muted-foreground uppercase">{t("jobs.queue.schedule")}</h3>
          {queue.schedule ? (
            <>
              <p className="flex flex-wrap items-center gap-2">
                <CalendarClock aria-hidden className="size-4 text-muted-foreground" />
                <span className="font-medium">
                  {scheduleWords ?? ("pattern" in queue.schedule ? queue.schedule.pattern : "")}
                  {"pattern" in queue.schedule && queue.schedule.tz ? ` (${queue.schedule.tz})` : ""}
                </span>
                {"pattern" in queue.schedule && (
                  <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{queue.schedule.pattern}</code>
                )}
              </p>
              {queue.schedule.next ? (
                <p className="text-muted-foreground">{t("jobs.queue.nextRun", { time: dateTime.format(queue.schedule.next) })}</p>
              ) : (
                // No schedule in Redis: nothing runs on time until a worker (re)installs it.
                <p className="flex items-center gap-1.5 [&>svg]:text-warning" role="status">
                  <TriangleAlert className="size-4 shrink-0" aria-hidden />
                  {t("jobs.queue.nextRunUnknown")}
                </p>
              )}
            </>
          ) : (
            <p className="text-muted-foreground">{t("jobs.queue.noSchedule")}</p>
          )}
        </section>
        <section className="grid gap-1" aria-label={t("jobs.queue.lastRun")}>
          <h3 className="text-xs font-medium text-muted-foreground uppercase">{t("jobs.queue.lastRun")}</h3>
          {lastRun ? (
            <>
              <p className="flex flex-wrap items-center gap-2">
                <Badge variant={lastRun.state === "failed" ? "destructive" : "success"}>{t(`jobs.runState.${lastRun.state}`)}</Badge>
                <time dateTime={lastRun.finishedAt.toISOString()} className="tabular-nums">
                  {t("jobs.queue.finishedAt", { time: dateTime.format(lastRun.finishedAt) })}
                </time>
                {lastRun.durationMs !== null && (
                  <span className="text-muted-foreground tabular-nums">
                    {t("jobs.queue.tookDuration", { duration: formatDuration(lastRun.durationMs, t) })}
                  </span>
                )}
              </p>
              {lastRun.error && (
                <p className="font-mono text-xs break-words text-destructive" title={lastRun.error}>
                  {excerpt(lastRun.error)}
                </p>
              )}
            </>
          ) : (
            <p className="text-muted-foreground">{t("jobs.queue.noLastRun")}</p>
          )}
          {queue.retrying && (
            // A run failing attempt after attempt: its last error and when it is tried again.
            <div className="mt-1 grid gap-1 rounded-md border border-warning/40 bg-warning/10 p-2" role="status" data-testid="queue-retrying">
              <p className="flex flex-wrap items-center gap-2">
                <Badge variant="warning">{t("jobs.queue.retrying", { count: queue.retrying.count })}</Badge>
                <span className="tabular-nums">
                  {t("jobs.queue.retryAttempt", { attempts: queue.retrying.attemptsMade, max: queue.retrying.maxAttempts })}
                </span>
                {queue.retrying.nextAttemptAt && (
                  <time dateTime={queue.retrying.nextAttemptAt.toISOString()} className="text-muted-foreground tabular-nums">
                    {t("jobs.queue.nextAttempt", { time: dateTime.format(queue.retrying.nextAttemptAt) })}
                  </time>
                )}
              </p>
              {queue.retrying.error && (
                <p className="font-mono text-xs break-words text-destructive" title={queue.retrying.error}>
                  {excerpt(queue.retrying.error)}
                </p>
              )}
            </div>
          )}
        </section>
        <div role="group" aria-label={t("jobs.queue.countsLabel", { queue: queue.name })} className="flex flex-wrap gap-2 md:col-span-2">
          {COUNT_STATES.map((state) => {
            const count = queue.counts[state];
            const selected = selectedState === state;
            return (
              <Button
                key={state}
                type="button"
                variant={selected ? "secondary" : "outline"}
                size="sm"
                aria-pressed={selected}
                title={t("jobs.queue.showJobs", { queue: queue.name, state: t(`jobs.state.${state}`) })}
                data-count-state={state}
                onClick={() => onSelect(state)}
                className={cn("gap-2", selected && "ring-1 ring-ring")}
              >
                <span>{t(`jobs.state.${state}`)}</span>
                <span
                  className={cn(
                    "rounded-sm bg-muted px-1.5 font-mono text-xs tabular-nums",
                    state === "failed" && count > 0 && "bg-destructive/15 text-destructive",
                  )}
                >
                  {count.toLocaleString(locale)}
                </span>
              </Button>
            );
          })}
        </div>
      </CardContent>
      {canManage && (
        <ConfirmDialog
          open={confirmPause}
          onOpenChange={setConfirmPause}
          title={t("jobs.confirm.pauseTitle", { queue: queue.name })}
          description={t("jobs.confirm.pauseDescription")}
          confirmLabel={t("jobs.actions.pause")}
          cancelLabel={t("common.cancel")}
          pending={pausePending}
          onConfirm={() => actions.pause.mutate({ queue: queue.name }, { onSettled: () => setConfirmPause(false) })}
        />
      )}
    </Card>
  );
}
