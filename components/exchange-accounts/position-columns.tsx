"use client";
/**
 * Column definitions of the positions tables (brand-wide and a customer's). Exported so other features can
 * add to them: pass `actions` (e.g. the staff "Close" button) and it is shown as the last column.
 */
import type { ReactNode } from "react";
import { useMemo } from "react";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { useT } from "@/lib/i18n/client";
import type { PositionRow } from "@/lib/exchange-accounts/types";
import { Dec, None, Pnl, Ratio, SideBadge, Time } from "./cells";
import { actionColumns, holderColumns } from "./shared-columns";

const col = createDataTableColumnHelper<PositionRow>();
export const positionRowId = (row: PositionRow) => row.id;
/** Hidden until chosen from View, so the table fits a 1440 px screen. */
export const POSITION_DEFAULT_HIDDEN = ["uplRatio", "lever", "updated"] as const;

export interface PositionColumnOptions {
  /** Adds the customer / sub-account column (the brand-wide page). */
  brandWide: boolean;
  /** A row's actions (the staff-actions feature's "Close"): rendered in a last, unlabelled column. */
  actions?: (row: PositionRow) => ReactNode;
}

export function usePositionColumns({ brandWide, actions }: PositionColumnOptions) {
  const t = useT();
  return useMemo(() => {
    const c = (key: string) => t(`exchangeAccounts.columns.${key}` as "exchangeAccounts.columns.instId");
    const right = (title: string) => <span className="block text-right">{title}</span>;
    return col.columns([
      ...holderColumns<PositionRow>(brandWide, c),
      col.accessor("instId", {
        header: ({ column }) => (brandWide ? <DataTableColumnHeader column={column} title={c("instId")} /> : c("instId")),
        enableSorting: brandWide,
        cell: ({ row }) => (
          <div className="flex flex-col">
            <span className="font-medium whitespace-nowrap">{row.original.instId}</span>
            <span className="text-xs text-muted-foreground">
              {row.original.instType} · {t(`exchangeAccounts.marginModes.${row.original.mgnMode}` as "exchangeAccounts.marginModes.cross")}
            </span>
          </div>
        ),
        enableHiding: false,
        meta: { label: c("instId") },
      }),
      col.accessor("direction", { header: c("direction"), enableSorting: false, cell: ({ getValue }) => <SideBadge side={getValue()} />, meta: { label: c("direction") } }),
      col.accessor("pos", { header: () => right(c("size")), enableSorting: false, cell: ({ getValue }) => <Dec value={getValue()} />, meta: { label: c("size"), className: "text-right" } }),
      col.accessor("avgPx", { header: () => right(c("avgPx")), enableSorting: false, cell: ({ getValue }) => <Dec value={getValue()} />, meta: { label: c("avgPx"), className: "text-right" } }),
      col.accessor("markPx", { header: () => right(c("markPx")), enableSorting: false, cell: ({ getValue }) => <Dec value={getValue()} />, meta: { label: c("markPx"), className: "text-right" } }),
      col.accessor("upl", {
        header: ({ column }) => (brandWide ? <DataTableColumnHeader column={column} title={c("upl")} className="justify-end" /> : right(c("upl"))),
        enableSorting: brandWide,
        cell: ({ getValue }) => <Pnl value={getValue()} />,
        meta: { label: c("upl"), className: "text-right" },
      }),
      col.accessor("uplRatio", { header: () => right(c("uplRatio")), enableSorting: false, cell: ({ getValue }) => <Ratio value={getValue()} />, meta: { label: c("uplRatio"), className: "text-right" } }),
      col.accessor("lever", { header: c("lever"), enableSorting: false, cell: ({ getValue }) => (getValue() ? <span className="tabular-nums">{getValue()}×</span> : <None />), meta: { label: c("lever") } }),
      col.accessor("mgnRatio", { header: () => right(c("mgnRatio")), enableSorting: false, cell: ({ getValue }) => <Ratio value={getValue()} />, meta: { label: c("mgnRatio"), className: "text-right" } }),
      col.accessor("liqPx", { header: () => right(c("liqPx")), enableSorting: false, cell: ({ getValue }) => <Dec value={getValue()} />, meta: { label: c("liqPx"), className: "text-right" } }),
      col.accessor("exposureUsd", {
        id: "exposure",
        header: ({ column }) => (brandWide ? <DataTableColumnHeader column={column} title={c("exposure")} className="justify-end" /> : right(c("exposure"))),
        enableSorting: brandWide,
        sortDescFirst: true,
        cell: ({ getValue }) => <Dec value={getValue()} decimals={2} />,
        meta: { label: c("exposure"), className: "text-right" },
      }),
      col.accessor("exchangeUpdatedAt", {
        id: "updated",
        header: ({ column }) => (brandWide ? <DataTableColumnHeader column={column} title={c("updated")} /> : c("updated")),
        enableSorting: brandWide,
        cell: ({ getValue }) => <Time value={getValue()} />,
        meta: { label: c("updated") },
      }),
      ...actionColumns(actions),
    ]);
  }, [t, brandWide, actions]);
}
