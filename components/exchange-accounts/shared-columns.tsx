"use client";
/**
 * Columns the positions and open-orders tables share: who holds the row (the customer on the brand-wide
 * page, the sub-account on a customer's tab) and the row actions another feature may add (last, unlabelled).
 */
import type { ComponentProps, ReactNode } from "react";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { Holder, Mono } from "./cells";

type HolderRow = ComponentProps<typeof Holder>;

export function holderColumns<T extends HolderRow>(brandWide: boolean, c: (key: string) => string) {
  const col = createDataTableColumnHelper<T>();
  return brandWide
    ? [col.display({ id: "holder", header: c("customer"), cell: ({ row }) => <Holder {...row.original} />, enableHiding: false, meta: { label: c("customer") } })]
    : [col.accessor((row) => row.subAcct, { id: "subAcct", header: c("subAcct"), enableSorting: false, cell: ({ getValue }) => <Mono value={getValue()} />, meta: { label: c("subAcct") } })];
}

export function actionColumns<T extends object>(actions: ((row: T) => ReactNode) | undefined) {
  const col = createDataTableColumnHelper<T>();
  return actions ? [col.display({ id: "actions", header: () => null, cell: ({ row }) => <div className="flex justify-end">{actions(row.original)}</div>, enableHiding: false })] : [];
}
