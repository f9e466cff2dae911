"use client";
/** Column definitions of the brand-wide API-key table. Column ids equal the server's sort keys where sortable. */
import Link from "next/link";
import { useMemo } from "react";
import { IpList, PermBadges, RiskyBadge } from "@/components/api-keys/api-key-badges";
import { ApiKeyRowActions } from "@/components/api-keys/api-key-row-actions";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Badge } from "@/components/ui/badge";
import { useT } from "@/lib/i18n/client";
import type { ApiKeyRow } from "@/server/api-keys/types";

const col = createDataTableColumnHelper<ApiKeyRow>();

export const subaccountHref = (id: string) => `/sub-accounts/${id}`;

export function useApiKeyColumns(canManage: boolean) {
  const t = useT();
  const dateTime = useDateTimeFormat();

  return useMemo(() => {
    const title = {
      subAcct: t("apiKeys.columns.subAcct"),
      label: t("apiKeys.columns.label"),
      apiKey: t("apiKeys.columns.apiKey"),
      perms: t("apiKeys.columns.perms"),
      ips: t("apiKeys.columns.ips"),
      createdAt: t("apiKeys.columns.createdAt"),
      createdBy: t("apiKeys.columns.createdBy"),
      status: t("apiKeys.columns.status"),
      actions: t("apiKeys.columns.actions"),
    };
    return col.columns([
      col.accessor("subAcct", {
        header: title.subAcct,
        enableSorting: false,
        enableHiding: false,
        cell: ({ row }) => (
          <Link
            href={subaccountHref(row.original.subaccountId)}
            className="font-mono text-xs font-medium underline-offset-4 outline-none hover:underline focus-visible:underline"
          >
            {row.original.subAcct}
          </Link>
        ),
        meta: { label: title.subAcct },
      }),
      col.accessor("label", {
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.label} />,
        cell: ({ getValue }) => <span className="block max-w-48 truncate font-medium">{getValue()}</span>,
        meta: { label: title.label },
      }),
      col.accessor("apiKeyMasked", {
        id: "apiKey",
        header: title.apiKey,
        enableSorting: false,
        cell: ({ getValue }) => <span className="font-mono text-xs whitespace-nowrap">{getValue()}</span>,
        meta: { label: title.apiKey },
      }),
      col.accessor("perms", {
        header: title.perms,
        enableSorting: false,
        cell: ({ getValue }) => <PermBadges perms={getValue()} />,
        meta: { label: title.perms },
      }),
      col.accessor("ips", {
        header: title.ips,
        enableSorting: false,
        cell: ({ getValue }) => <IpList ips={getValue()} />,
        meta: { label: title.ips },
      }),
      col.accessor("risky", {
        id: "status",
        header: title.status,
        enableSorting: false,
        cell: ({ row }) => (
          <span className="flex flex-wrap gap-1">
            {row.original.risky && <RiskyBadge short />}
            {!row.original.hasStoredSecret && (
              <Badge variant="outline" className="text-muted-foreground" title={t("apiKeys.secretNotStoredHint")}>
                {t("apiKeys.secretNotStored")}
              </Badge>
            )}
          </span>
        ),
        meta: { label: title.status },
      }),
      col.accessor("exchangeCreatedAt", {
        id: "createdAt",
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.createdAt} />,
        cell: ({ getValue }) => (
          <time dateTime={getValue().toISOString()} className="whitespace-nowrap tabular-nums text-muted-foreground">
            {dateTime.format(getValue())}
          </time>
        ),
        sortDescFirst: true,
        meta: { label: title.createdAt },
      }),
      col.accessor((row) => row.createdBy?.name ?? null, {
        id: "createdBy",
        header: title.createdBy,
        enableSorting: false,
        cell: ({ getValue }) => <span className="text-muted-foreground">{getValue() ?? t("apiKeys.createdByExchange")}</span>,
        meta: { label: title.createdBy },
      }),
      ...(canManage
        ? [
            col.display({
              id: "actions",
              header: () => <span className="sr-only">{title.actions}</span>,
              cell: ({ row }) => <ApiKeyRowActions row={row.original} readOnly={false} />,
              enableHiding: false,
              enableSorting: false,
              meta: { label: title.actions, className: "w-10 text-right" },
            }),
          ]
        : []),
    ]);
  }, [t, dateTime, canManage]);
}
