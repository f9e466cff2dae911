"use client";
/** Columns of the messages list. Nothing sorts but the newest first, the server's only order. */
import Link from "next/link";
import { useCallback, useMemo } from "react";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { TruncatedText } from "@/components/data-table/truncated-text";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { useT } from "@/lib/i18n/client";
import { useAudienceSummary } from "./audience-summary";
import { DeliveryProgress } from "./delivery-progress";
import { MessageStatusBadge, useMessageWords } from "./message-badges";
import type { MessageListRow } from "./types";

const col = createDataTableColumnHelper<MessageListRow>();

/** What fits 1440 px; the creation time is one click away in "View". */
export const MESSAGE_DEFAULT_HIDDEN = ["createdAt"] as const;

/** The title a list shows: an automatic message's event, else its first language's title. */
export function useMessageTitle() {
  const t = useT();
  const words = useMessageWords();
  return useCallback(
    (row: { source: string; event: string | null; title: string }) =>
      row.source === "automatic" && row.event ? t("messages.detail.automaticTitle", { event: words.event(row.event) }) : row.title || t("messages.list.untitled"),
    [t, words],
  );
}

export function useMessageColumns() {
  const t = useT();
  const dateTime = useDateTimeFormat();
  const words = useMessageWords();
  const audience = useAudienceSummary();
  const titleOf = useMessageTitle();

  return useMemo(() => {
    const title = {
      title: t("messages.list.columns.title"),
      type: t("messages.list.columns.type"),
      status: t("messages.list.columns.status"),
      audience: t("messages.list.columns.audience"),
      progress: t("messages.list.columns.progress"),
      time: t("messages.list.columns.time"),
      createdBy: t("messages.list.columns.createdBy"),
      createdAt: t("messages.list.columns.createdAt"),
    };
    const time = (d: Date) => (
      <time dateTime={d.toISOString()} className="whitespace-nowrap tabular-nums">
        {dateTime.format(d)}
      </time>
    );
    return col.columns([
      col.accessor("title", {
        header: title.title,
        enableSorting: false,
        enableHiding: false,
        cell: ({ row }) => (
          <Link href={`/messages/${row.original.id}`} className="block max-w-72 font-medium underline-offset-4 outline-none hover:underline focus-visible:underline">
            <TruncatedText className="max-w-72">{titleOf(row.original)}</TruncatedText>
          </Link>
        ),
        meta: { label: title.title },
      }),
      col.accessor("type", {
        header: title.type,
        enableSorting: false,
        cell: ({ getValue }) => <span className="whitespace-nowrap">{words.type(getValue())}</span>,
        meta: { label: title.type },
      }),
      col.accessor("status", {
        header: title.status,
        enableSorting: false,
        cell: ({ getValue }) => <MessageStatusBadge status={getValue()} />,
        meta: { label: title.status },
      }),
      col.accessor("audience", {
        header: title.audience,
        enableSorting: false,
        cell: ({ getValue }) => {
          const summary = audience(getValue());
          return <TruncatedText className="max-w-48 text-sm">{summary.text}</TruncatedText>;
        },
        meta: { label: title.audience },
      }),
      col.accessor("deliveredCount", {
        id: "progress",
        header: title.progress,
        enableSorting: false,
        cell: ({ row }) => <DeliveryProgress delivered={row.original.deliveredCount} recipients={row.original.recipientCount} estimated={row.original.estimatedCount} />,
        meta: { label: title.progress },
      }),
      col.accessor((r) => r.finishedAt ?? r.startedAt ?? r.scheduledAt, {
        id: "time",
        header: title.time,
        enableSorting: false,
        cell: ({ row }) => <TimeCell row={row.original} time={time} />,
        meta: { label: title.time },
      }),
      col.accessor((r) => r.createdBy?.name ?? null, {
        id: "createdBy",
        header: title.createdBy,
        enableSorting: false,
        cell: ({ row }) => row.original.createdBy?.name ?? <span className="text-muted-foreground">{words.source(row.original.source)}</span>,
        meta: { label: title.createdBy },
      }),
      col.accessor("createdAt", {
        header: title.createdAt,
        enableSorting: false,
        cell: ({ getValue }) => <span className="text-muted-foreground">{time(getValue())}</span>,
        meta: { label: title.createdAt },
      }),
    ]);
  }, [t, dateTime, words, audience, titleOf]);
}

/** When it goes or went: "Scheduled for …" before sending, then the start and the end. */
function TimeCell({ row, time }: { row: MessageListRow; time: (d: Date) => React.ReactNode }) {
  const t = useT();
  const line = (key: "scheduledFor" | "sentAt" | "startedAt" | "ended", at: Date) => {
    const [before, after] = t(`messages.list.${key}`, { time: "\u0000" }).split("\u0000");
    return (
      <span className="text-sm text-muted-foreground">
        {before}
        <span className="text-foreground">{time(at)}</span>
        {after}
      </span>
    );
  };
  if (row.endedAt && !row.startedAt) return line("ended", row.endedAt);
  if (row.finishedAt) return line("sentAt", row.finishedAt);
  if (row.startedAt) return line("startedAt", row.startedAt);
  if (row.scheduledAt) return line("scheduledFor", row.scheduledAt);
  return <span className="text-muted-foreground">{t("messages.list.noTime")}</span>;
}
