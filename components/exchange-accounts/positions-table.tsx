"use client";
/**
 * A positions table over `exchangeAccount.positions`, server-side paged: the brand-wide page (URL state)
 * or a customer's tab (local state with the customer fixed). `actions` adds a row-action column (the staff
 * "Close" button lives in the exchange-actions feature).
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { CandlestickChart } from "lucide-react";
import { useMemo, type ReactNode } from "react";
import { DataTableFacetedFilter, type FacetOption } from "@/components/data-table/data-table-faceted-filter";
import { useDataTable } from "@/components/data-table/use-data-table";
import type { TableUrlState } from "@/components/data-table/use-table-url-state";
import { POSITION_DIRECTIONS, type ZPositionListInput } from "@/lib/exchange-accounts/schemas";
import type { PositionRow } from "@/lib/exchange-accounts/types";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { ExchangeListFrame, InstTypeFilter } from "./list-frame";
import { POSITION_DEFAULT_HIDDEN, positionRowId, usePositionColumns } from "./position-columns";

export interface PositionsTableProps {
  state: TableUrlState<typeof ZPositionListInput>;
  brandWide: boolean;
  actions?: (row: PositionRow) => ReactNode;
  emptyTitle: string;
  caption: string;
}

export function PositionsTable({ state, brandWide, actions, emptyTitle, caption }: PositionsTableProps) {
  const t = useT();
  const trpc = useTRPC();
  const query = useQuery(trpc.exchangeAccount.positions.queryOptions(state.input, { placeholderData: keepPreviousData }));
  const columns = usePositionColumns({ brandWide, actions });
  const table = useDataTable({
    id: brandWide ? "exchange-positions" : "customer-exchange-positions",
    columns,
    page: query.data,
    url: state,
    getRowId: positionRowId,
    defaultSort: { id: "exposure", desc: true },
    defaultHidden: POSITION_DEFAULT_HIDDEN,
  });
  const directionOptions = useMemo<FacetOption<(typeof POSITION_DIRECTIONS)[number]>[]>(
    () => POSITION_DIRECTIONS.map((value) => ({ value, label: t(`exchangeAccounts.directions.${value}`) })),
    [t],
  );

  return (
    <ExchangeListFrame
      table={table}
      state={state}
      query={query}
      brandWide={brandWide}
      searchPlaceholder={t("exchangeAccounts.positionsPage.searchPlaceholder")}
      exportHref="/api/export/exchangePositions"
      filters={
        <>
          <InstTypeFilter value={state.input.instType} onChange={(instType) => state.setParams({ instType })} />
          <DataTableFacetedFilter title={t("exchangeAccounts.filters.direction")} options={directionOptions} value={state.input.direction} onChange={(direction) => state.setParams({ direction })} />
        </>
      }
      filteredEmptyTitle={t("exchangeAccounts.positionsPage.empty")}
      emptyIcon={CandlestickChart}
      emptyTitle={emptyTitle}
      caption={caption}
    />
  );
}
