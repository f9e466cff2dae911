"use client";
/** Column definitions of the sub-accounts table. Column ids equal the server's sort keys where sortable. */
import Link from "next/link";
import { useMemo } from "react";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { AccountLevelBadge, FrozenFunctions, SubaccountStatusBadge } from "@/components/subaccounts/subaccount-badges";
import { useT } from "@/lib/i18n/client";
import type { SubaccountRow } from "@/lib/subaccounts/schemas";

const col = createDataTableColumnHelper<SubaccountRow>();

export const subaccountHref = (id: string) => `/sub-accounts/${id}`;

export function useSubaccountColumns() {
  const t = useT();
  const dateTime = useDateTimeFormat();

  return useMemo(() => {
    const title = {
      subAcct: t("subaccounts.columns.subAcct"),
      uid: t("subaccounts.columns.uid"),
      label: t("subaccounts.columns.label"),
      accountLevel: t("subaccounts.columns.accountLevel"),
      status: t("subaccounts.columns.status"),
      customer: t("subaccounts.columns.customer"),
      frozenFunctions: t("subaccounts.columns.frozenFunctions"),
      canTransferOut: t("subaccounts.columns.canTransferOut"),
      mainAcct: t("subaccounts.columns.mainAcct"),
      exchangeCreatedAt: t("subaccounts.columns.exchangeCreatedAt"),
      lastSyncedAt: t("subaccounts.columns.lastSyncedAt"),
    };
    const none = <span className="text-muted-foreground">{t("subaccounts.none")}</span>;
    const time = (value: Date) => (
      <time dateTime={value.toISOString()} className="whitespace-nowrap tabular-nums text-muted-foreground">
        {dateTime.format(value)}
      </time>
    );
    return col.columns([
      col.accessor("subAcct", {
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.subAcct} />,
        cell: ({ row }) => (
          <Link
            href={subaccountHref(row.original.id)}
            className="block max-w-48 truncate font-mono text-xs font-medium underline-offset-4 outline-none hover:underline focus-visible:underline"
          >
            {row.original.subAcct}
          </Link>
        ),
        enableHiding: false,
        meta: { label: title.subAcct },
      }),
      col.accessor("uid", {
        header: title.uid,
        enableSorting: false,
        cell: ({ getValue }) => <span className="font-mono text-xs tabular-nums">{getValue()}</span>,
        meta: { label: title.uid },
      }),
      col.accessor("label", {
        header: title.label,
        enableSorting: false,
        cell: ({ getValue }) => (getValue() ? <span className="block max-w-36 truncate">{getValue()}</span> : none),
        meta: { label: title.label },
      }),
      col.accessor("accountLevel", {
        header: title.accountLevel,
        enableSorting: false,
        cell: ({ getValue }) => <AccountLevelBadge level={getValue()} />,
        meta: { label: title.accountLevel },
      }),
      col.accessor("status", {
        header: title.status,
        enableSorting: false,
        cell: ({ getValue }) => <SubaccountStatusBadge status={getValue()} />,
        meta: { label: title.status },
      }),
      col.accessor("customer", {
        header: title.customer,
        enableSorting: false,
        cell: ({ getValue }) => {
          const customer = getValue();
          if (!customer) return <span className="text-muted-foreground">{t("subaccounts.linked.unlinked")}</span>;
          return (
            <Link href={`/customers/${customer.id}`} className="grid max-w-44 underline-offset-4 outline-none hover:underline focus-visible:underline">
              <span className="truncate">{customer.name}</span>
              <span className="font-mono text-xs text-muted-foreground tabular-nums">{customer.uid}</span>
            </Link>
          );
        },
        meta: { label: title.customer },
      }),
      col.accessor("frozenFunctions", {
        header: title.frozenFunctions,
        enableSorting: false,
        cell: ({ getValue }) => <FrozenFunctions functions={getValue()} />,
        meta: { label: title.frozenFunctions },
      }),
      col.accessor("canTransferOut", {
        header: title.canTransferOut,
        enableSorting: false,
        cell: ({ getValue }) => <span className={getValue() ? undefined : "text-muted-foreground"}>{t(getValue() ? "subaccounts.yes" : "subaccounts.no")}</span>,
        meta: { label: title.canTransferOut },
      }),
      col.accessor("mainAcct", {
        header: title.mainAcct,
        enableSorting: false,
        cell: ({ getValue }) => (getValue() ? <span className="font-mono text-xs">{getValue()}</span> : none),
        meta: { label: title.mainAcct },
      }),
      col.accessor("exchangeCreatedAt", {
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.exchangeCreatedAt} />,
        cell: ({ getValue }) => time(getValue()),
        sortDescFirst: true,
        meta: { label: title.exchangeCreatedAt },
      }),
      col.accessor("lastSyncedAt", {
        header: title.lastSyncedAt,
        enableSorting: false,
        cell: ({ getValue }) => time(getValue()),
        meta: { label: title.lastSyncedAt },
      }),
    ]);
  }, [t, dateTime]);
}
