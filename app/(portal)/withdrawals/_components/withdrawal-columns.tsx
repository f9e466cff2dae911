"use client";
/** Columns of the withdrawals table. "createdAt" and "amount" are the server's sort keys. */
import Link from "next/link";
import { useMemo } from "react";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { TruncatedText } from "@/components/data-table/truncated-text";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { useT } from "@/lib/i18n/client";
import type { WithdrawalRow } from "@/server/withdrawals/types";
import { useOkxStateLabel, WithdrawalStateBadge } from "./state-badge";
import { CustomerNameLink } from "@/components/customers/customer-name-link";

const col = createDataTableColumnHelper<WithdrawalRow>();

/** What fits 1440 px; the rest from "View". */
export const WITHDRAWAL_DEFAULT_HIDDEN = ["subAccount", "fee", "valueUsdt", "requestedBy", "wdId"] as const;

export function useWithdrawalColumns() {
  const t = useT();
  const dateTime = useDateTimeFormat();
  const okxLabel = useOkxStateLabel();
  return useMemo(() => {
    const h = (key: "createdAt" | "customer" | "subAccount" | "amount" | "chain" | "fee" | "valueUsdt" | "address" | "state" | "requestedBy" | "wdId") => t(`withdrawals.columns.${key}`);
    return col.columns([
      col.accessor("createdAt", {
        id: "createdAt",
        header: ({ column }) => <DataTableColumnHeader column={column} title={h("createdAt")} />,
        cell: ({ row }) => (
          <Link href={`/withdrawals/${row.original.id}`} className="whitespace-nowrap tabular-nums underline-offset-4 hover:underline">
            <time dateTime={row.original.createdAt.toISOString()}>{dateTime.format(row.original.createdAt)}</time>
          </Link>
        ),
        meta: { label: h("createdAt") },
      }),
      col.accessor((r) => r.customer.name, {
        id: "customer",
        header: h("customer"),
        enableSorting: false,
        enableHiding: false,
        cell: ({ row }) => <CustomerNameLink customer={row.original.customer} />,
        meta: { label: h("customer") },
      }),
      col.accessor((r) => r.subaccount.subAcct, { id: "subAccount", header: h("subAccount"), enableSorting: false, cell: ({ getValue }) => <span className="font-mono text-xs">{getValue()}</span>, meta: { label: h("subAccount") } }),
      col.accessor("amount", {
        id: "amount",
        header: ({ column }) => <DataTableColumnHeader column={column} title={h("amount")} />,
        cell: ({ row }) => (
          <span className="whitespace-nowrap tabular-nums">
            {row.original.amount} <span className="text-muted-foreground">{row.original.ccy}</span>
          </span>
        ),
        meta: { label: h("amount") },
      }),
      col.accessor("chain", { header: h("chain"), enableSorting: false, cell: ({ getValue }) => <span className="whitespace-nowrap text-sm">{getValue()}</span>, meta: { label: h("chain") } }),
      col.accessor("fee", { header: h("fee"), enableSorting: false, cell: ({ getValue }) => <span className="tabular-nums">{getValue() ?? "—"}</span>, meta: { label: h("fee") } }),
      col.accessor("valueUsdt", { header: h("valueUsdt"), enableSorting: false, cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span>, meta: { label: h("valueUsdt") } }),
      col.accessor("address", {
        header: h("address"),
        enableSorting: false,
        cell: ({ row }) => <TruncatedText className="max-w-48 font-mono text-xs">{row.original.tag ? `${row.original.address} · ${row.original.tag}` : row.original.address}</TruncatedText>,
        meta: { label: h("address") },
      }),
      col.accessor("state", {
        header: h("state"),
        enableSorting: false,
        cell: ({ row }) => (
          <span className="flex flex-wrap items-center gap-1.5">
            <WithdrawalStateBadge state={row.original.state} />
            {row.original.state === "sent" && row.original.okxState !== null && <span className="text-xs text-muted-foreground">{okxLabel(row.original.okxState)}</span>}
          </span>
        ),
        meta: { label: h("state") },
      }),
      col.accessor((r) => r.requestedBy?.name ?? r.partnerKey?.label ?? null, {
        id: "requestedBy",
        header: h("requestedBy"),
        enableSorting: false,
        cell: ({ row }) => row.original.requestedBy?.name ?? (row.original.partnerKey ? t("withdrawals.detail.requestedByKey", { label: row.original.partnerKey.label }) : "—"),
        meta: { label: h("requestedBy") },
      }),
      col.accessor("wdId", { header: h("wdId"), enableSorting: false, cell: ({ getValue }) => <span className="font-mono text-xs">{getValue() ?? "—"}</span>, meta: { label: h("wdId") } }),
    ]);
  }, [t, dateTime, okxLabel]);
}
