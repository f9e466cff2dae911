"use client";
/**
 * Column definitions of the deposit tables (brand-wide and per sub-account). The time column's id is the
 * server's sort key ("ts"); amounts are grouped in the reader's locale, every decimal the server sends on hover.
 */
import Link from "next/link";
import { useMemo } from "react";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Amount } from "@/components/ui/amount";
import { CopyButton } from "@/components/ui/copy-button";
import { useT } from "@/lib/i18n/client";
import type { DepositRow } from "@/server/deposits/types";
import { DepositStateBadge } from "./deposit-state-badge";

const col = createDataTableColumnHelper<DepositRow>();

/** `brandWide` adds the sub-account and customer columns (a sub-account's own table does without). */
export function useDepositColumns({ brandWide }: { brandWide: boolean }) {
  const t = useT();
  const dateTime = useDateTimeFormat("dateTimeSeconds");

  return useMemo(() => {
    const title = {
      time: t("deposits.columns.time"),
      depId: t("deposits.columns.depId"),
      subAcct: t("deposits.columns.subAcct"),
      customer: t("deposits.columns.customer"),
      ccy: t("deposits.columns.ccy"),
      chain: t("deposits.columns.chain"),
      amount: t("deposits.columns.amount"),
      state: t("deposits.columns.state"),
      confirmations: t("deposits.columns.confirmations"),
      txId: t("deposits.columns.txId"),
      from: t("deposits.columns.from"),
      to: t("deposits.columns.to"),
      updated: t("deposits.columns.updated"),
    };
    const none = <span className="text-muted-foreground">{t("deposits.none")}</span>;
    const mono = (text: string, max = "max-w-40") =>
      text ? (
        <span className="flex items-center gap-1">
          <span className={`block truncate font-mono text-xs ${max}`} title={text}>
            {text}
          </span>
          <CopyButton value={text} variant="ghost" size="icon-sm" className="size-6 shrink-0" />
        </span>
      ) : (
        none
      );

    return col.columns([
      col.accessor("exchangeTs", {
        id: "ts",
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.time} />,
        cell: ({ getValue }) => (
          <time dateTime={getValue().toISOString()} className="whitespace-nowrap tabular-nums text-muted-foreground">
            {dateTime.format(getValue())}
          </time>
        ),
        sortDescFirst: true,
        enableHiding: false,
        meta: { label: title.time },
      }),
      ...(brandWide
        ? [
            col.accessor("subAcct", {
              header: title.subAcct,
              enableSorting: false,
              cell: ({ getValue }) => <span className="font-mono text-xs">{getValue()}</span>,
              meta: { label: title.subAcct },
            }),
            col.accessor("customerName", {
              id: "customer",
              header: title.customer,
              enableSorting: false,
              cell: ({ row }) =>
                row.original.customerId ? (
                  <Link href={`/customers/${row.original.customerId}`} className="block max-w-40 truncate underline-offset-4 hover:underline">
                    {row.original.customerName}
                  </Link>
                ) : (
                  none
                ),
              meta: { label: title.customer },
            }),
          ]
        : []),
      col.accessor("ccy", {
        header: title.ccy,
        enableSorting: false,
        cell: ({ getValue }) => <span className="font-medium">{getValue()}</span>,
        meta: { label: title.ccy },
      }),
      col.accessor("chain", {
        header: title.chain,
        enableSorting: false,
        cell: ({ getValue }) => <span className="text-muted-foreground">{getValue() || "—"}</span>,
        meta: { label: title.chain },
      }),
      col.accessor("amount", {
        header: () => <span className="block text-right">{title.amount}</span>,
        enableSorting: false,
        cell: ({ getValue }) => <Amount value={getValue()} minDecimals={0} className="block text-right font-mono text-xs" />,
        meta: { label: title.amount, className: "text-right" },
      }),
      col.accessor("state", {
        header: title.state,
        enableSorting: false,
        cell: ({ getValue }) => <DepositStateBadge state={getValue()} />,
        enableHiding: false,
        meta: { label: title.state },
      }),
      col.accessor("confirmations", {
        header: title.confirmations,
        enableSorting: false,
        cell: ({ getValue }) => {
          const n = getValue();
          return n === null ? none : <span className="tabular-nums">{n}</span>;
        },
        meta: { label: title.confirmations },
      }),
      col.accessor("depId", {
        header: title.depId,
        enableSorting: false,
        cell: ({ getValue }) => <span className="font-mono text-xs">{getValue()}</span>,
        meta: { label: title.depId },
      }),
      col.accessor("txId", {
        header: title.txId,
        enableSorting: false,
        cell: ({ getValue }) => mono(getValue()),
        meta: { label: title.txId },
      }),
      col.accessor("fromAccount", {
        id: "from",
        header: title.from,
        enableSorting: false,
        cell: ({ row }) => {
          const { fromAccount, areaCodeFrom } = row.original;
          if (!fromAccount) return none;
          return <span className="whitespace-nowrap text-xs">{areaCodeFrom ? `+${areaCodeFrom} ${fromAccount}` : fromAccount}</span>;
        },
        meta: { label: title.from },
      }),
      col.accessor("toAddress", {
        id: "to",
        header: title.to,
        enableSorting: false,
        cell: ({ getValue }) => mono(getValue()),
        meta: { label: title.to },
      }),
      col.accessor("updatedAt", {
        id: "updated",
        header: title.updated,
        enableSorting: false,
        cell: ({ getValue }) => <time dateTime={getValue().toISOString()} className="whitespace-nowrap tabular-nums text-muted-foreground">{dateTime.format(getValue())}</time>,
        meta: { label: title.updated },
      }),
    ]);
  }, [t, dateTime, brandWide]);
}
