"use client";
/**
 * Columns of the audit table: time, the entry as a sentence (who did what to which record), the action's
 * name, the kind of record and the address. Only time is sortable (the server orders by createdAt, then id).
 */
import { useMemo } from "react";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Badge } from "@/components/ui/badge";
import { useT } from "@/lib/i18n/client";
import type { AuditRow } from "@/server/audit/query";
import { actionName, entityTypeName } from "./audit-helpers";
import { AuditSentence } from "./audit-sentence";

const col = createDataTableColumnHelper<AuditRow>();

export function useAuditColumns() {
  const t = useT();
  const dateTime = useDateTimeFormat("dateTimeSeconds");

  return useMemo(() => {
    const title = {
      createdAt: t("audit.columns.createdAt"),
      summary: t("audit.columns.summary"),
      action: t("audit.columns.action"),
      entity: t("audit.columns.entity"),
      ip: t("audit.columns.ip"),
    };
    return col.columns([
      col.accessor("createdAt", {
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.createdAt} />,
        cell: ({ getValue }) => (
          <time dateTime={getValue().toISOString()} className="whitespace-nowrap tabular-nums">
            {dateTime.format(getValue())}
          </time>
        ),
        sortDescFirst: true,
        enableHiding: false,
        meta: { label: title.createdAt, className: "w-44" },
      }),
      col.display({
        id: "summary",
        header: title.summary,
        enableHiding: false,
        cell: ({ row }) => <AuditSentence entry={row.original} />,
        meta: { label: title.summary, className: "min-w-72 whitespace-normal" },
      }),
      col.accessor("action", {
        header: title.action,
        enableSorting: false,
        cell: ({ getValue }) => (
          <Badge variant="secondary" className="max-w-56 truncate font-normal" title={getValue()}>
            {actionName(t, getValue())}
          </Badge>
        ),
        meta: { label: title.action },
      }),
      col.accessor("entityType", {
        id: "entity",
        header: title.entity,
        enableSorting: false,
        cell: ({ getValue }) => <span className="text-xs whitespace-nowrap text-muted-foreground">{entityTypeName(t, getValue())}</span>,
        meta: { label: title.entity },
      }),
      col.accessor("ip", {
        header: title.ip,
        enableSorting: false,
        cell: ({ getValue }) => <span className="font-mono text-xs text-muted-foreground">{getValue() ?? "—"}</span>,
        meta: { label: title.ip },
      }),
    ]);
  }, [t, dateTime]);
}
