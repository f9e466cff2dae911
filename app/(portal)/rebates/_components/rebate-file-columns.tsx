"use client";
/**
 * Columns of the rebate files table. "createdAt" (requested) and "beginDay" (days) are the server's sort keys.
 * A failed file's actions sit on the line under it, beside why it failed (./file-note.tsx).
 */
import { useMemo } from "react";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import { translateDynamic } from "@/lib/i18n/translate";
import type { RebateFileRow } from "@/server/rebates/files";
import { DaysCell, RebateStateBadge, SizeCell } from "./rebate-file-parts";

const col = createDataTableColumnHelper<RebateFileRow>();

/** What fits a 1440 px screen beside the sidebar; the trigger is switched on from "View". */
export const REBATE_FILE_DEFAULT_HIDDEN = ["trigger"] as const;

export function useRebateFileColumns() {
  const t = useT();
  const f = useFormat();
  const dateTime = useDateTimeFormat();

  return useMemo(() => {
    const title = {
      kind: t("rebates.columns.kind"),
      range: t("rebates.columns.range"),
      state: t("rebates.columns.state"),
      rows: t("rebates.columns.rows"),
      added: t("rebates.columns.added"),
      unmatched: t("rebates.columns.unmatched"),
      refused: t("rebates.columns.refused"),
      size: t("rebates.columns.size"),
      trigger: t("rebates.columns.trigger"),
      requestedAt: t("rebates.columns.requestedAt"),
      importedAt: t("rebates.columns.importedAt"),
    };
    const none = <span className="text-muted-foreground">{t("rebates.none")}</span>;
    const time = (d: Date | null) =>
      d ? (
        <time dateTime={d.toISOString()} className="whitespace-nowrap tabular-nums text-muted-foreground">
          {dateTime.format(d)}
        </time>
      ) : (
        none
      );
    const count = (n: number | null) => (n === null ? none : <span className="tabular-nums">{f.number(n)}</span>);
    const numeric = { enableSorting: false, meta: { className: "text-right" } } as const;

    return col.columns([
      col.accessor("kind", {
        header: title.kind,
        enableSorting: false,
        enableHiding: false,
        cell: ({ getValue }) => <span className="whitespace-nowrap font-medium">{t(`rebates.kinds.${getValue()}`)}</span>,
        meta: { label: title.kind },
      }),
      col.accessor("beginDay", {
        id: "beginDay",
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.range} />,
        cell: ({ row }) => <DaysCell row={row.original} />,
        meta: { label: title.range },
      }),
      col.accessor("state", {
        header: title.state,
        enableSorting: false,
        cell: ({ getValue }) => <RebateStateBadge state={getValue()} />,
        meta: { label: title.state },
      }),
      col.accessor("rowsTotal", { id: "rows", header: title.rows, cell: ({ getValue }) => count(getValue()), ...numeric, meta: { ...numeric.meta, label: title.rows } }),
      col.accessor("rowsAdded", { id: "added", header: title.added, cell: ({ getValue }) => count(getValue()), ...numeric, meta: { ...numeric.meta, label: title.added } }),
      col.accessor("rowsUnmatched", {
        id: "unmatched",
        header: title.unmatched,
        cell: ({ getValue }) => count(getValue()),
        ...numeric,
        meta: { ...numeric.meta, label: title.unmatched },
      }),
      col.accessor("rowsRefused", {
        id: "refused",
        header: title.refused,
        cell: ({ getValue }) => (getValue() > 0 ? <span className="tabular-nums text-destructive">{f.number(getValue())}</span> : count(getValue())),
        ...numeric,
        meta: { ...numeric.meta, label: title.refused },
      }),
      col.accessor("bytes", { id: "size", header: title.size, cell: ({ row }) => <SizeCell row={row.original} />, ...numeric, meta: { ...numeric.meta, label: title.size } }),
      col.accessor("trigger", {
        header: title.trigger,
        enableSorting: false,
        cell: ({ getValue }) => <span className="whitespace-nowrap">{translateDynamic(t, `rebates.triggers.${getValue()}`, getValue())}</span>,
        meta: { label: title.trigger },
      }),
      col.accessor("createdAt", {
        id: "createdAt",
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.requestedAt} />,
        cell: ({ getValue }) => time(getValue()),
        meta: { label: title.requestedAt },
      }),
      col.accessor("importedAt", { header: title.importedAt, enableSorting: false, cell: ({ getValue }) => time(getValue()), meta: { label: title.importedAt } }),
    ]);
  }, [t, f, dateTime]);
}
