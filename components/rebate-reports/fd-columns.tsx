"use client";
/**
 * Columns of the FD rebate rows table (the FD tab of the fee reports). The last fill's column id is the
 * server's sort key; amounts are decimal text, rounded as text for reading with every decimal on hover.
 */
import { useMemo } from "react";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Badge } from "@/components/ui/badge";
import { useT } from "@/lib/i18n/client";
import type { FdRebateRow } from "@/server/rebates/fd-reports";
import { amountCell, CustomerCell, FamilyCell, monoCell as mono, rightHeader as right, TimeCell } from "./report-cells";

const col = createDataTableColumnHelper<FdRebateRow>();

/** Hidden until chosen from "View": what fits a 1440 px screen beside the sidebar. */
export const FD_DEFAULT_HIDDEN = ["day", "instFamily", "level", "spotTradeAmt", "derivativeTradeAmt", "fee", "netFee", "settlementFee"] as const;
export const fdRowId = (row: FdRebateRow) => `${row.ordId}:${row.day}`;

type Header = keyof typeof import("@/lib/i18n/messages/en/fdReports").fdReports.rows.columns;
const AMOUNTS = ["spotTradeAmt", "derivativeTradeAmt", "fee", "netFee", "settlementFee", "brokerRebate", "subBrokerRebate", "userRebate"] as const;

export function useFdColumns() {
  const t = useT();
  const dateTime = useDateTimeFormat("dateTimeSeconds");
  return useMemo(() => {
    const h = (key: Header) => t(`fdReports.rows.columns.${key}`);
    return col.columns([
      col.accessor("lastFillAt", {
        id: "lastFillAt",
        header: ({ column }) => <DataTableColumnHeader column={column} title={h("lastFillAt")} />,
        cell: ({ getValue }) => <TimeCell value={getValue()} format={dateTime} />,
        sortDescFirst: true,
        enableHiding: false,
        meta: { label: h("lastFillAt") },
      }),
      col.accessor("day", { header: h("day"), enableSorting: false, cell: ({ getValue }) => mono(getValue()), meta: { label: h("day") } }),
      col.accessor("customerName", {
        id: "customer",
        header: h("customer"),
        enableSorting: false,
        cell: ({ row }) => <CustomerCell id={row.original.customerId} name={row.original.customerName} uid={row.original.customerUid} unlinked={t("fdReports.breakdown.unlinked")} />,
        meta: { label: h("customer") },
      }),
      col.accessor("ordId", { header: h("ordId"), enableSorting: false, cell: ({ getValue }) => mono(getValue()), meta: { label: h("ordId") } }),
      col.accessor("instId", { header: h("instId"), enableSorting: false, cell: ({ getValue }) => mono(getValue()), meta: { label: h("instId") } }),
      col.accessor("instFamily", {
        header: h("instFamily"),
        enableSorting: false,
        cell: ({ getValue }) => <FamilyCell family={getValue()} />,
        meta: { label: h("instFamily") },
      }),
      col.accessor("level", { header: h("level"), enableSorting: false, cell: ({ getValue }) => mono(getValue()), meta: { label: h("level") } }),
      ...AMOUNTS.map((key) =>
        col.accessor(key, {
          header: () => right(h(key)),
          enableSorting: false,
          cell: ({ getValue }) => amountCell(getValue()),
          meta: { label: h(key), className: "text-right" },
        }),
      ),
      col.accessor("affiliated", {
        header: h("affiliated"),
        enableSorting: false,
        cell: ({ getValue }) =>
          getValue() ? (
            <Badge variant="secondary" className="whitespace-nowrap">
              {t("fdReports.affiliated.yes")}
            </Badge>
          ) : (
            <span className="whitespace-nowrap text-muted-foreground">{t("fdReports.affiliated.no")}</span>
          ),
        meta: { label: h("affiliated") },
      }),
    ]);
  }, [t, dateTime]);
}
