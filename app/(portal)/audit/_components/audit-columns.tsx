"use client";
/** Columns of the audit table. Only time is sortable (the server orders by createdAt, then id). */
import { useMemo } from "react";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Badge } from "@/components/ui/badge";
import { useT } from "@/lib/i18n/client";
import { translateDynamic } from "@/lib/i18n/translate";
import type { AuditRow } from "@/server/audit/query";

const col = createDataTableColumnHelper<AuditRow>();

export function useAuditColumns() {
  const t = useT();
  const dateTime = useDateTimeFormat("dateTimeSeconds");

  return useMemo(() => {
    const title = {
      createdAt: t("audit.columns.createdAt"),
      actor: t("audit.columns.actor"),
      action: t("audit.columns.action"),
      entity: t("audit.columns.entity"),
      ip: t("audit.columns.ip"),
    };
    return col.columns([
      col.accessor("createdAt", {
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.createdAt} />,
        cell: ({ getValue }) => (
          <time dateTime={getValue().toISOString()} className="tabular-nums">
            {dateTime.format(getValue())}
          </time>
        ),
        sortDescFirst: true,
        enableHiding: false,
        meta: { label: title.createdAt, className: "w-44" },
      }),
      col.accessor("actorLabel", {
        id: "actor",
        header: title.actor,
        enableSorting: false,
        cell: ({ row }) => (
          <span className="flex items-center gap-2">
            <span className="max-w-56 truncate">{row.original.actorLabel ?? t("audit.detail.none")}</span>
            {row.original.actorType !== "staff" && (
              <Badge variant="outline" className="px-1.5 py-0 text-[10px] text-muted-foreground">
                {translateDynamic(t, `audit.actorTypes.${row.original.actorType}`, row.original.actorType)}
              </Badge>
            )}
          </span>
        ),
        meta: { label: title.actor },
      }),
      col.accessor("action", {
        header: title.action,
        enableSorting: false,
        cell: ({ getValue }) => (
          <Badge variant="secondary" className="font-mono font-normal">
            {getValue()}
          </Badge>
        ),
        meta: { label: title.action },
      }),
      col.accessor("entityType", {
        id: "entity",
        header: title.entity,
        enableSorting: false,
        cell: ({ row }) => (
          <span className="flex items-center gap-1.5 font-mono text-xs">
            <span>{row.original.entityType}</span>
            {row.original.entityId && (
              <span className="max-w-40 truncate text-muted-foreground" title={row.original.entityId}>
                {row.original.entityId}
              </span>
            )}
          </span>
        ),
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
