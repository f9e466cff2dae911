"use client";
/** Column definitions of the announcements table, and a row's menu. Sortable: created (default) and start. */
import { Ellipsis, Eye, Pencil, Send, Trash2, Undo2 } from "lucide-react";
import Link from "next/link";
import { useMemo } from "react";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { TruncatedText } from "@/components/data-table/truncated-text";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { useT } from "@/lib/i18n/client";
import type { AnnouncementRow } from "@/server/announcements/types";
import type { AnnouncementAction } from "./announcement-action-dialogs";
import { AnnouncementStateBadge, audienceText, LocaleBadges, ShownAs, useTitleOf } from "./announcement-badges";

const col = createDataTableColumnHelper<AnnouncementRow>();

export const announcementHref = (id: string) => `/messages/announcements/${id}`;
export const ANNOUNCEMENT_DEFAULT_HIDDEN = ["createdBy", "publishedAt"] as const;

function RowActions({ row, title, onAction }: { row: AnnouncementRow; title: string; onAction: (action: AnnouncementAction, row: AnnouncementRow) => void }) {
  const t = useT();
  const editable = row.status !== "published";
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon-sm" className="size-7 data-[state=open]:bg-accent" aria-label={t("announcements.actions.menu", { title })}>
          <Ellipsis />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuItem asChild>
          <Link href={announcementHref(row.id)}>
            <Eye />
            {t("announcements.actions.open")}
          </Link>
        </DropdownMenuItem>
        {editable && (
          <DropdownMenuItem asChild>
            <Link href={`${announcementHref(row.id)}/edit`}>
              <Pencil />
              {t("announcements.actions.edit")}
            </Link>
          </DropdownMenuItem>
        )}
        <DropdownMenuSeparator />
        {row.status === "published" ? (
          <DropdownMenuItem variant="destructive" onSelect={() => onAction("unpublish", row)}>
            <Undo2 />
            {t("announcements.actions.unpublish")}
          </DropdownMenuItem>
        ) : (
          <DropdownMenuItem onSelect={() => onAction("publish", row)}>
            <Send />
            {t("announcements.actions.publish")}
          </DropdownMenuItem>
        )}
        {row.status === "draft" && (
          <DropdownMenuItem variant="destructive" onSelect={() => onAction("delete", row)}>
            <Trash2 />
            {t("announcements.actions.delete")}
          </DropdownMenuItem>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/** `onAction`: null for readers who may not change announcements (no menu column then). */
export function useAnnouncementColumns(onAction: ((action: AnnouncementAction, row: AnnouncementRow) => void) | null) {
  const t = useT();
  const titleOf = useTitleOf();
  const dateTime = useDateTimeFormat();

  return useMemo(() => {
    const title = {
      title: t("announcements.columns.title"),
      languages: t("announcements.columns.languages"),
      state: t("announcements.columns.state"),
      startsAt: t("announcements.columns.startsAt"),
      endsAt: t("announcements.columns.endsAt"),
      audience: t("announcements.columns.audience"),
      shownAs: t("announcements.columns.shownAs"),
      publishedAt: t("announcements.columns.publishedAt"),
      createdBy: t("announcements.columns.createdBy"),
      createdAt: t("announcements.columns.createdAt"),
      actions: t("announcements.columns.actions"),
    };
    const time = (at: Date | null, empty: string) =>
      at ? (
        <time dateTime={at.toISOString()} className="whitespace-nowrap tabular-nums">
          {dateTime.format(at)}
        </time>
      ) : (
        <span className="text-muted-foreground">{empty}</span>
      );
    const columns = [
      col.display({
        id: "title",
        header: title.title,
        cell: ({ row }) => {
          const text = titleOf(row.original);
          return (
            <Link href={announcementHref(row.original.id)} title={text} className="block max-w-72 truncate font-medium underline-offset-4 outline-none hover:underline focus-visible:underline">
              {text}
            </Link>
          );
        },
        enableHiding: false,
        meta: { label: title.title },
      }),
      col.accessor("state", { header: title.state, enableSorting: false, cell: ({ getValue }) => <AnnouncementStateBadge state={getValue()} />, meta: { label: title.state } }),
      col.accessor("locales", { header: title.languages, enableSorting: false, cell: ({ getValue }) => <LocaleBadges locales={getValue()} />, meta: { label: title.languages } }),
      col.accessor("startsAt", {
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.startsAt} />,
        cell: ({ getValue }) => time(getValue(), ""),
        meta: { label: title.startsAt },
      }),
      col.accessor("endsAt", { header: title.endsAt, enableSorting: false, cell: ({ getValue }) => time(getValue(), t("announcements.noEnd")), meta: { label: title.endsAt } }),
      col.display({
        id: "audience",
        header: title.audience,
        cell: ({ row }) => <TruncatedText className="max-w-48">{audienceText(row.original, t)}</TruncatedText>,
        meta: { label: title.audience },
      }),
      col.display({ id: "shownAs", header: title.shownAs, cell: ({ row }) => <ShownAs pinned={row.original.pinned} popup={row.original.popup} />, meta: { label: title.shownAs } }),
      col.accessor("publishedAt", { header: title.publishedAt, enableSorting: false, cell: ({ getValue }) => time(getValue(), "—"), meta: { label: title.publishedAt } }),
      col.accessor("createdBy", { header: title.createdBy, enableSorting: false, cell: ({ getValue }) => getValue()?.name ?? "—", meta: { label: title.createdBy } }),
      col.accessor("createdAt", {
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.createdAt} />,
        cell: ({ getValue }) => time(getValue(), ""),
        meta: { label: title.createdAt },
      }),
    ];
    if (!onAction) return col.columns(columns);
    return col.columns([
      ...columns,
      col.display({
        id: "actions",
        header: () => <span className="sr-only">{title.actions}</span>,
        cell: ({ row }) => <RowActions row={row.original} title={titleOf(row.original)} onAction={onAction} />,
        enableHiding: false,
        meta: { label: title.actions, className: "w-10 text-right" },
      }),
    ]);
  }, [t, titleOf, dateTime, onAction]);
}
