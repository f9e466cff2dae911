"use client";
/** Columns of a queue's job list. The server decides the order (newest first), so nothing sorts here. */
import { RotateCcw, Trash2 } from "lucide-react";
import { useMemo } from "react";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import type { JobRow } from "@/server/jobs/types";
import { excerpt, formatDuration } from "./format";

const col = createDataTableColumnHelper<JobRow>();

interface JobColumnsOptions {
  /** Null for readers: no actions column. */
  onRetry: ((row: JobRow) => void) | null;
  onRemove: ((row: JobRow) => void) | null;
  /** The job an action is running for, to show its spinner and hold other clicks. */
  pendingId: string | null;
  /** Whether the caller may act on this job: a system job (no brand) is the platform admins'. */
  canAct: (row: JobRow) => boolean;
}

export function useJobColumns({ onRetry, onRemove, pendingId, canAct }: JobColumnsOptions) {
  const t = useT();
  const dateTime = useDateTimeFormat("dateTimeSeconds");

  return useMemo(() => {
    const title = {
      id: t("jobs.list.columns.id"),
      name: t("jobs.list.columns.name"),
      attempts: t("jobs.list.columns.attempts"),
      failedReason: t("jobs.list.columns.failedReason"),
      createdAt: t("jobs.list.columns.createdAt"),
      finishedAt: t("jobs.list.columns.finishedAt"),
      duration: t("jobs.list.columns.duration"),
    };
    const when = (value: Date | null) =>
      value ? (
        <time dateTime={value.toISOString()} className="whitespace-nowrap tabular-nums text-muted-foreground">
          {dateTime.format(value)}
        </time>
      ) : (
        <span className="text-muted-foreground">{t("jobs.none")}</span>
      );
    const columns = col.columns([
      col.accessor("id", {
        header: title.id,
        enableSorting: false,
        enableHiding: false,
        cell: ({ getValue }) => <span className="block max-w-64 truncate font-mono text-xs" title={getValue()}>{getValue()}</span>,
        meta: { label: title.id },
      }),
      col.accessor("name", {
        header: title.name,
        enableSorting: false,
        cell: ({ getValue }) => <span className="whitespace-nowrap">{getValue()}</span>,
        meta: { label: title.name },
      }),
      col.accessor("attemptsMade", {
        id: "attempts",
        header: title.attempts,
        enableSorting: false,
        cell: ({ row }) => (
          <span className="whitespace-nowrap tabular-nums">
            {t("jobs.list.attemptsOf", { made: row.original.attemptsMade, max: row.original.maxAttempts })}
          </span>
        ),
        meta: { label: title.attempts, className: "text-right" },
      }),
      col.accessor("failedReason", {
        header: title.failedReason,
        enableSorting: false,
        cell: ({ getValue }) => {
          const reason = getValue();
          return reason ? (
            <span className="block max-w-80 truncate text-destructive" title={reason}>
              {excerpt(reason)}
            </span>
          ) : (
            <span className="text-muted-foreground">{t("jobs.none")}</span>
          );
        },
        meta: { label: title.failedReason },
      }),
      col.accessor("createdAt", {
        header: title.createdAt,
        enableSorting: false,
        cell: ({ getValue }) => when(getValue()),
        meta: { label: title.createdAt },
      }),
      col.accessor("finishedAt", {
        header: title.finishedAt,
        enableSorting: false,
        cell: ({ getValue }) => when(getValue()),
        meta: { label: title.finishedAt },
      }),
      col.accessor("durationMs", {
        id: "duration",
        header: title.duration,
        enableSorting: false,
        cell: ({ getValue }) => <span className="whitespace-nowrap tabular-nums">{formatDuration(getValue(), t)}</span>,
        meta: { label: title.duration, className: "text-right" },
      }),
      col.display({
        id: "actions",
        header: () => <span className="sr-only">{t("jobs.list.columns.actions")}</span>,
        cell: ({ row }) => (canAct(row.original) ? <RowActions row={row.original} onRetry={onRetry} onRemove={onRemove} pendingId={pendingId} /> : null),
        enableHiding: false,
        enableSorting: false,
        meta: { className: "w-44 text-right" },
      }),
    ]);
    return onRetry || onRemove ? columns : columns.filter((column) => column.id !== "actions");
  }, [t, dateTime, onRetry, onRemove, pendingId, canAct]);
}

function RowActions({ row, onRetry, onRemove, pendingId }: { row: JobRow; pendingId: string | null } & Pick<JobColumnsOptions, "onRetry" | "onRemove">) {
  const t = useT();
  const busy = pendingId !== null;
  return (
    <span className="inline-flex gap-1">
      {onRetry && row.state === "failed" && (
        <Button
          variant="outline"
          size="sm"
          className="h-7"
          pending={pendingId === row.id}
          disabled={busy}
          aria-label={t("jobs.actions.retryJob", { id: row.id })}
          onClick={() => onRetry(row)}
        >
          {pendingId !== row.id && <RotateCcw />}
          {t("jobs.actions.retry")}
        </Button>
      )}
      {/* A running job cannot be removed (BullMQ holds its lock); the server refuses it too. */}
      {onRemove && row.state !== "active" && (
        <Button
          variant="ghost"
          size="sm"
          className="h-7 text-destructive hover:text-destructive"
          disabled={busy}
          aria-label={t("jobs.actions.removeJob", { id: row.id })}
          onClick={() => onRemove(row)}
        >
          <Trash2 />
          {t("jobs.actions.remove")}
        </Button>
      )}
    </span>
  );
}
