"use client";
/**
 * Columns of the fee reports' trades table (the reports page and the customer tab). The time column's id is
 * the server's sort key; amounts and fees are decimal text, rounded as text for reading with every decimal
 * on hover. The fee is shown as paid (the reports' sign): a maker rebate is negative.
 */
import { useMemo } from "react";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Amount } from "@/components/ui/amount";
import { isNegativeDecimal } from "@/lib/format";
import { translateDynamic } from "@/lib/i18n/translate";
import { useT } from "@/lib/i18n/client";
import { negateDecimal } from "@/lib/rebates/report-query";
import { cn } from "@/lib/utils";
import type { DmaTradeRow } from "@/server/rebates/trades";
import { amountCell, CustomerCell, FamilyCell, monoCell as mono, rightHeader as right, TimeCell } from "./report-cells";

const col = createDataTableColumnHelper<DmaTradeRow>();

/** Hidden until chosen from "View": what fits a 1440 px screen beside the sidebar. */
export const TRADE_DEFAULT_HIDDEN = ["instFamily", "ordId"] as const;
export const tradeRowId = (row: DmaTradeRow) => `${row.tradeId}:${row.ordId}`;

export function useTradeColumns({ showCustomer }: { showCustomer: boolean }) {
  const t = useT();
  const dateTime = useDateTimeFormat("dateTimeSeconds");
  return useMemo(() => {
    const h = (key: "tradedAt" | "customer" | "subAcct" | "instId" | "instFamily" | "execType" | "amount" | "feePaid" | "tradeId" | "ordId") =>
      t(`rebateReports.trades.columns.${key}`);
    return col.columns([
      col.accessor("tradedAt", {
        id: "tradedAt",
        header: ({ column }) => <DataTableColumnHeader column={column} title={h("tradedAt")} />,
        cell: ({ getValue }) => <TimeCell value={getValue()} format={dateTime} />,
        sortDescFirst: true,
        enableHiding: false,
        meta: { label: h("tradedAt") },
      }),
      ...(showCustomer
        ? [
            col.accessor("customerName", {
              id: "customer",
              header: h("customer"),
              enableSorting: false,
              cell: ({ row }) => (
                <CustomerCell id={row.original.customerId} name={row.original.customerName} uid={row.original.customerUid} unlinked={t("rebateReports.breakdown.unlinked")} />
              ),
              meta: { label: h("customer") },
            }),
          ]
        : []),
      col.accessor("subAcct", { header: h("subAcct"), enableSorting: false, cell: ({ getValue }) => mono(getValue()), meta: { label: h("subAcct") } }),
      col.accessor("instId", { header: h("instId"), enableSorting: false, cell: ({ getValue }) => mono(getValue()), meta: { label: h("instId") } }),
      col.accessor("instFamily", {
        header: h("instFamily"),
        enableSorting: false,
        cell: ({ getValue }) => <FamilyCell family={getValue()} />,
        meta: { label: h("instFamily") },
      }),
      col.accessor("execType", {
        header: h("execType"),
        enableSorting: false,
        cell: ({ getValue }) => <span className="whitespace-nowrap">{translateDynamic(t, `rebateReports.execTypes.${getValue()}`, getValue())}</span>,
        meta: { label: h("execType") },
      }),
      col.accessor("amount", {
        header: () => right(h("amount")),
        enableSorting: false,
        cell: ({ getValue }) => amountCell(getValue()),
        meta: { label: h("amount"), className: "text-right" },
      }),
      col.accessor("fee", {
        id: "feePaid",
        header: () => right(h("feePaid")),
        enableSorting: false,
        cell: ({ getValue }) => {
          const paid = negateDecimal(getValue());
          return <Amount value={paid} className={cn("block text-right font-mono text-xs", isNegativeDecimal(paid) && "text-emerald-700 dark:text-emerald-400")} />;
        },
        meta: { label: h("feePaid"), className: "text-right" },
      }),
      col.accessor("tradeId", { header: h("tradeId"), enableSorting: false, cell: ({ getValue }) => mono(getValue()), meta: { label: h("tradeId") } }),
      col.accessor("ordId", { header: h("ordId"), enableSorting: false, cell: ({ getValue }) => mono(getValue()), meta: { label: h("ordId") } }),
    ]);
  }, [t, dateTime, showCustomer]);
}
