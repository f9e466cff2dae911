"use client";
/**
 * An open-orders table over `exchangeAccount.openOrders`, server-side paged: the brand-wide page (URL
 * state) or a customer's tab (local state with the customer fixed). `actions` adds a row-action column
 * (the staff "Cancel" button lives in the exchange-actions feature).
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ListOrdered } from "lucide-react";
import { useMemo, type ReactNode } from "react";
import { DataTableFacetedFilter, type FacetOption } from "@/components/data-table/data-table-faceted-filter";
import { useDataTable } from "@/components/data-table/use-data-table";
import type { TableUrlState } from "@/components/data-table/use-table-url-state";
import { ORDER_SIDES, type ZOpenOrderListInput } from "@/lib/exchange-accounts/schemas";
import type { OpenOrderRow } from "@/lib/exchange-accounts/types";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { ExchangeListFrame, InstTypeFilter } from "./list-frame";
import { ORDER_DEFAULT_HIDDEN, openOrderRowId, useOpenOrderColumns } from "./order-columns";

export interface OpenOrdersTableProps {
  state: TableUrlState<typeof ZOpenOrderListInput>;
  brandWide: boolean;
  actions?: (row: OpenOrderRow) => ReactNode;
  emptyTitle: string;
  caption: string;
}

export function OpenOrdersTable({ state, brandWide, actions, emptyTitle, caption }: OpenOrdersTableProps) {
  const t = useT();
  const trpc = useTRPC();
  const query = useQuery(trpc.exchangeAccount.openOrders.queryOptions(state.input, { placeholderData: keepPreviousData }));
  const columns = useOpenOrderColumns({ brandWide, actions });
  const table = useDataTable({
    id: brandWide ? "exchange-open-orders" : "customer-exchange-open-orders",
    columns,
    page: query.data,
    url: state,
    getRowId: openOrderRowId,
    defaultSort: { id: "created", desc: true },
    defaultHidden: ORDER_DEFAULT_HIDDEN,
  });
  const sideOptions = useMemo<FacetOption<(typeof ORDER_SIDES)[number]>[]>(() => ORDER_SIDES.map((value) => ({ value, label: t(`exchangeAccounts.sides.${value}`) })), [t]);

  return (
    <ExchangeListFrame
      table={table}
      state={state}
      query={query}
      brandWide={brandWide}
      searchPlaceholder={t("exchangeAccounts.ordersPage.searchPlaceholder")}
      exportHref="/api/export/exchangeOpenOrders"
      filters={
        <>
          <InstTypeFilter value={state.input.instType} onChange={(instType) => state.setParams({ instType })} />
          <DataTableFacetedFilter title={t("exchangeAccounts.filters.side")} options={sideOptions} value={state.input.side} onChange={(side) => state.setParams({ side })} />
        </>
      }
      filteredEmptyTitle={t("exchangeAccounts.ordersPage.empty")}
      emptyIcon={ListOrdered}
      emptyTitle={emptyTitle}
      caption={caption}
    />
  );
}
