"use client";
/**
 * Column definitions of the open-orders tables (brand-wide and a customer's). Exported so other features
 * can add to them: pass `actions` (e.g. the staff "Cancel" button) and it is shown as the last column.
 */
import type { ReactNode } from "react";
import { useMemo } from "react";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { Badge } from "@/components/ui/badge";
import { useT } from "@/lib/i18n/client";
import type { OpenOrderRow } from "@/lib/exchange-accounts/types";
import { Dec, Mono, SideBadge, Time } from "./cells";
import { actionColumns, holderColumns } from "./shared-columns";

const col = createDataTableColumnHelper<OpenOrderRow>();
export const openOrderRowId = (row: OpenOrderRow) => row.id;
export const ORDER_DEFAULT_HIDDEN = ["ordId"] as const;

export interface OrderColumnOptions {
  brandWide: boolean;
  /** A row's actions (the staff-actions feature's "Cancel"): rendered in a last, unlabelled column. */
  actions?: (row: OpenOrderRow) => ReactNode;
}

export function useOpenOrderColumns({ brandWide, actions }: OrderColumnOptions) {
  const t = useT();
  return useMemo(() => {
    const c = (key: string) => t(`exchangeAccounts.columns.${key}` as "exchangeAccounts.columns.instId");
    const right = (title: string) => <span className="block text-right">{title}</span>;
    return col.columns([
      col.accessor("exchangeCreatedAt", {
        id: "created",
        header: ({ column }) => (brandWide ? <DataTableColumnHeader column={column} title={c("created")} /> : c("created")),
        enableSorting: brandWide,
        sortDescFirst: true,
        cell: ({ getValue }) => <Time value={getValue()} />,
        enableHiding: false,
        meta: { label: c("created") },
      }),
      ...holderColumns<OpenOrderRow>(brandWide, c),
      col.accessor("instId", {
        header: ({ column }) => (brandWide ? <DataTableColumnHeader column={column} title={c("instId")} /> : c("instId")),
        enableSorting: brandWide,
        cell: ({ row }) => (
          <div className="flex flex-col">
            <span className="font-medium whitespace-nowrap">{row.original.instId}</span>
            <span className="text-xs text-muted-foreground">{row.original.instType}</span>
          </div>
        ),
        meta: { label: c("instId") },
      }),
      col.accessor("side", { header: c("side"), enableSorting: false, cell: ({ getValue }) => <SideBadge side={getValue()} />, meta: { label: c("side") } }),
      col.accessor("ordType", {
        header: c("ordType"),
        enableSorting: false,
        cell: ({ getValue }) => {
          const key = `exchangeAccounts.ordTypes.${getValue()}` as "exchangeAccounts.ordTypes.limit";
          const name = t(key);
          return <span className="text-xs whitespace-nowrap">{name === key ? getValue() : name}</span>;
        },
        meta: { label: c("ordType") },
      }),
      col.accessor("px", { header: () => right(c("px")), enableSorting: false, cell: ({ getValue }) => <Dec value={getValue()} />, meta: { label: c("px"), className: "text-right" } }),
      col.accessor("sz", { header: () => right(c("size")), enableSorting: false, cell: ({ getValue }) => <Dec value={getValue()} />, meta: { label: c("size"), className: "text-right" } }),
      col.accessor("accFillSz", { header: () => right(c("filled")), enableSorting: false, cell: ({ getValue }) => <Dec value={getValue()} />, meta: { label: c("filled"), className: "text-right" } }),
      col.accessor("state", {
        header: c("state"),
        enableSorting: false,
        cell: ({ getValue }) => (
          <Badge variant="secondary" className="font-normal">
            {getValue() === "live" || getValue() === "partially_filled" ? t(`exchangeAccounts.orderStates.${getValue() as "live"}`) : getValue()}
          </Badge>
        ),
        meta: { label: c("state") },
      }),
      col.accessor("ordId", { header: c("ordId"), enableSorting: false, cell: ({ getValue }) => <Mono value={getValue()} />, meta: { label: c("ordId") } }),
      ...actionColumns(actions),
    ]);
  }, [t, brandWide, actions]);
}
