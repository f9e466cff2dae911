"use client";
/** Column definitions of a customer's fills and bills tables (time is the server's sort key "ts"). */
import { useMemo } from "react";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { useT } from "@/lib/i18n/client";
import type { BillRow, FillRow } from "@/lib/exchange-accounts/types";
import { Dec, Mono, None, Pnl, SideBadge, Time } from "./cells";

const fillCol = createDataTableColumnHelper<FillRow>();
const billCol = createDataTableColumnHelper<BillRow>();
export const historyRowId = (row: { id: string }) => row.id;
export const FILL_DEFAULT_HIDDEN = ["tradeId", "billId"] as const;
export const BILL_DEFAULT_HIDDEN = ["billId", "ordId"] as const;
const right = (title: string) => <span className="block text-right">{title}</span>;

export function useFillColumns() {
  const t = useT();
  return useMemo(() => {
    const c = (key: string) => t(`exchangeAccounts.columns.${key}` as "exchangeAccounts.columns.instId");
    return fillCol.columns([
      fillCol.accessor("ts", { header: ({ column }) => <DataTableColumnHeader column={column} title={c("time")} />, sortDescFirst: true, cell: ({ getValue }) => <Time value={getValue()} />, enableHiding: false, meta: { label: c("time") } }),
      fillCol.accessor("subAcct", { header: c("subAcct"), enableSorting: false, cell: ({ getValue }) => <Mono value={getValue()} />, meta: { label: c("subAcct") } }),
      fillCol.accessor("instId", { header: c("instId"), enableSorting: false, cell: ({ getValue }) => <span className="font-medium whitespace-nowrap">{getValue()}</span>, meta: { label: c("instId") } }),
      fillCol.accessor("side", { header: c("side"), enableSorting: false, cell: ({ getValue }) => <SideBadge side={getValue()} />, meta: { label: c("side") } }),
      fillCol.accessor("fillPx", { header: () => right(c("fillPx")), enableSorting: false, cell: ({ getValue }) => <Dec value={getValue()} />, meta: { label: c("fillPx"), className: "text-right" } }),
      fillCol.accessor("fillSz", { header: () => right(c("fillSz")), enableSorting: false, cell: ({ getValue }) => <Dec value={getValue()} />, meta: { label: c("fillSz"), className: "text-right" } }),
      fillCol.accessor("execType", {
        header: c("role"),
        enableSorting: false,
        cell: ({ getValue }) => (getValue() === "T" || getValue() === "M" ? <span className="text-xs">{t(`exchangeAccounts.execTypes.${getValue() as "T"}`)}</span> : <Mono value={getValue()} />),
        meta: { label: c("role") },
      }),
      fillCol.accessor("fee", { header: () => right(c("fee")), enableSorting: false, cell: ({ row }) => <Dec value={row.original.fee} currency={row.original.feeCcy} />, meta: { label: c("fee"), className: "text-right" } }),
      fillCol.accessor("ordId", { header: c("ordId"), enableSorting: false, cell: ({ getValue }) => <Mono value={getValue()} />, meta: { label: c("ordId") } }),
      fillCol.accessor("tradeId", { header: c("tradeId"), enableSorting: false, cell: ({ getValue }) => <Mono value={getValue()} />, meta: { label: c("tradeId") } }),
      fillCol.accessor("billId", { header: c("billId"), enableSorting: false, cell: ({ getValue }) => <Mono value={getValue()} />, meta: { label: c("billId") } }),
    ]);
  }, [t]);
}

export function useBillColumns() {
  const t = useT();
  return useMemo(() => {
    const c = (key: string) => t(`exchangeAccounts.columns.${key}` as "exchangeAccounts.columns.instId");
    const typeName = (type: string) => {
      const key = `exchangeAccounts.billTypes.${type}` as "exchangeAccounts.billTypes.1";
      const name = t(key);
      return name === key ? type : name;
    };
    return billCol.columns([
      billCol.accessor("ts", { header: ({ column }) => <DataTableColumnHeader column={column} title={c("time")} />, sortDescFirst: true, cell: ({ getValue }) => <Time value={getValue()} />, enableHiding: false, meta: { label: c("time") } }),
      billCol.accessor("subAcct", { header: c("subAcct"), enableSorting: false, cell: ({ getValue }) => <Mono value={getValue()} />, meta: { label: c("subAcct") } }),
      billCol.accessor("type", { header: c("type"), enableSorting: false, cell: ({ getValue }) => <span className="whitespace-nowrap text-xs">{typeName(getValue())}</span>, meta: { label: c("type") } }),
      billCol.accessor("ccy", { header: c("ccy"), enableSorting: false, cell: ({ getValue }) => <span className="font-medium">{getValue()}</span>, meta: { label: c("ccy") } }),
      billCol.accessor("balChg", { header: () => right(c("balChg")), enableSorting: false, cell: ({ getValue }) => <Pnl value={getValue()} />, meta: { label: c("balChg"), className: "text-right" } }),
      billCol.accessor("bal", { header: () => right(c("bal")), enableSorting: false, cell: ({ getValue }) => <Dec value={getValue()} />, meta: { label: c("bal"), className: "text-right" } }),
      billCol.accessor("instId", { header: c("instId"), enableSorting: false, cell: ({ getValue }) => (getValue() ? <span className="whitespace-nowrap">{getValue()}</span> : <None />), meta: { label: c("instId") } }),
      billCol.accessor("pnl", { header: () => right(c("pnl")), enableSorting: false, cell: ({ getValue }) => <Pnl value={getValue()} />, meta: { label: c("pnl"), className: "text-right" } }),
      billCol.accessor("fee", { header: () => right(c("fee")), enableSorting: false, cell: ({ getValue }) => <Dec value={getValue()} />, meta: { label: c("fee"), className: "text-right" } }),
      billCol.accessor("ordId", { header: c("ordId"), enableSorting: false, cell: ({ getValue }) => <Mono value={getValue()} />, meta: { label: c("ordId") } }),
      billCol.accessor("billId", { header: c("billId"), enableSorting: false, cell: ({ getValue }) => <Mono value={getValue()} />, meta: { label: c("billId") } }),
    ]);
  }, [t]);
}
