"use client";
/** Column definitions of the staff table. Column ids equal the server's sort keys where sortable. */
import { Lock, ShieldCheck, ShieldOff } from "lucide-react";
import { useMemo } from "react";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Badge } from "@/components/ui/badge";
import { useT } from "@/lib/i18n/client";
import { StaffRowActions } from "./staff-row-actions";
import type { StaffAction, StaffRow } from "./types";

const col = createDataTableColumnHelper<StaffRow>();

interface StaffColumnsOptions {
  canManage: boolean;
  currentUserId: string;
  onAction: (action: StaffAction, user: StaffRow) => void;
}

export function useStaffColumns({ canManage, currentUserId, onAction }: StaffColumnsOptions) {
  const t = useT();
  const dateTime = useDateTimeFormat();

  return useMemo(() => {
    const title = {
      name: t("staff.columns.name"),
      email: t("staff.columns.email"),
      role: t("staff.columns.role"),
      status: t("staff.columns.status"),
      totp: t("staff.columns.totp"),
      locked: t("staff.columns.locked"),
      lastLoginAt: t("staff.columns.lastLoginAt"),
      createdAt: t("staff.columns.createdAt"),
    };
    const columns = col.columns([
      col.accessor("name", {
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.name} />,
        cell: ({ row }) => (
          <span className="flex items-center gap-2 font-medium">
            <span className="max-w-56 truncate">{row.original.name}</span>
            {row.original.id === currentUserId && (
              <Badge variant="outline" className="px-1.5 py-0 text-[10px]">
                {t("staff.you")}
              </Badge>
            )}
          </span>
        ),
        enableHiding: false,
        meta: { label: title.name },
      }),
      col.accessor("email", {
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.email} />,
        cell: ({ getValue }) => <span className="block max-w-64 truncate text-muted-foreground">{getValue()}</span>,
        meta: { label: title.email },
      }),
      col.accessor("role", {
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.role} />,
        cell: ({ getValue }) => <Badge variant="secondary">{t(`shell.roles.${getValue()}`)}</Badge>,
        meta: { label: title.role },
      }),
      col.accessor("status", {
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.status} />,
        cell: ({ getValue }) =>
          getValue() === "active" ? (
            <Badge variant="success">{t("staff.status.active")}</Badge>
          ) : (
            <Badge variant="outline" className="text-muted-foreground">
              {t("staff.status.disabled")}
            </Badge>
          ),
        meta: { label: title.status },
      }),
      col.accessor("totpEnabled", {
        id: "totp",
        header: title.totp,
        enableSorting: false,
        cell: ({ getValue }) =>
          getValue() ? (
            <span className="inline-flex items-center gap-1.5">
              <ShieldCheck aria-hidden className="size-4 text-success" />
              {t("staff.totp.on")}
            </span>
          ) : (
            <span className="inline-flex items-center gap-1.5 text-muted-foreground">
              <ShieldOff aria-hidden className="size-4" />
              {t("staff.totp.off")}
            </span>
          ),
        meta: { label: title.totp },
      }),
      col.accessor("locked", {
        header: title.locked,
        enableSorting: false,
        cell: ({ getValue }) =>
          getValue() ? (
            <Badge variant="warning">
              <Lock aria-hidden />
              {t("staff.locked")}
            </Badge>
          ) : (
            <span className="text-muted-foreground">
              <span aria-hidden>{t("staff.notLocked")}</span>
              <span className="sr-only">{t("staff.notLockedLabel")}</span>
            </span>
          ),
        meta: { label: title.locked },
      }),
      col.accessor("lastLoginAt", {
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.lastLoginAt} />,
        cell: ({ getValue }) => {
          const value = getValue();
          return value ? (
            <time dateTime={value.toISOString()} className="tabular-nums">
              {dateTime.format(value)}
            </time>
          ) : (
            <span className="text-muted-foreground">{t("staff.never")}</span>
          );
        },
        sortDescFirst: true,
        meta: { label: title.lastLoginAt },
      }),
      col.accessor("createdAt", {
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.createdAt} />,
        cell: ({ getValue }) => (
          <time dateTime={getValue().toISOString()} className="tabular-nums text-muted-foreground">
            {dateTime.format(getValue())}
          </time>
        ),
        sortDescFirst: true,
        meta: { label: title.createdAt },
      }),
      col.display({
        id: "actions",
        header: () => <span className="sr-only">{t("staff.columns.actions")}</span>,
        cell: ({ row }) => (
          <StaffRowActions user={row.original} isSelf={row.original.id === currentUserId} onAction={onAction} />
        ),
        enableHiding: false,
        enableSorting: false,
        meta: { className: "w-10 text-right" },
      }),
    ]);
    // Read-only roles get no action column at all.
    return canManage ? columns : columns.filter((column) => column.id !== "actions");
  }, [t, dateTime, canManage, currentUserId, onAction]);
}
