"use client";
/**
 * The brand-wide deposits list: URL state → `deposit.list` → one keyset-paged server page. Exact search
 * (deposit ID, transaction hash, sub-account), filters (currency, state, time, customer), column choice
 * and the CSV export of the filtered set.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ArrowDownToLine } from "lucide-react";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { FilteredEmpty } from "@/components/data-table/filtered-empty";
import { DataTableDateRange } from "@/components/data-table/data-table-date-range";
import { DataTableFacetedFilter, type FacetOption } from "@/components/data-table/data-table-faceted-filter";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { dataTableQueryProps } from "@/components/data-table/query-props";
import { useCursorPaging } from "@/components/data-table/use-cursor-paging";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { useDepositColumns } from "@/components/deposits/deposit-columns";
import { useDepositCurrencies } from "@/components/deposits/use-deposit-currencies";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { DEPOSIT_STATES, ZDepositListInput, type DepositStateCode } from "@/lib/deposits/schemas";
import type { DepositRow } from "@/server/deposits/types";
import { CustomerFilter } from "./customer-filter";

const getRowId = (row: DepositRow) => row.id;
const DEFAULT_HIDDEN = ["from", "to", "updated", "depId"] as const;
/** Above this many currencies the filter searches instead of listing. */
const MENU_MAX = 15;

export function DepositsTable() {
  const t = useT();
  const trpc = useTRPC();
  const url = useTableUrlState(ZDepositListInput);
  const { input } = url;
  const query = useQuery(trpc.deposit.list.queryOptions(input, { placeholderData: keepPreviousData }));
  const columns = useDepositColumns({ brandWide: true });
  const table = useDataTable({
    id: "deposits",
    columns,
    page: query.data,
    url,
    getRowId,
    defaultSort: { id: "ts", desc: true },
    defaultHidden: DEFAULT_HIDDEN,
    paging: "keyset",
  });
  const cursorPaging = useCursorPaging(query.data, url, { stale: query.isPlaceholderData });

  const stateOptions = useMemo<FacetOption<DepositStateCode>[]>(() => DEPOSIT_STATES.map((value) => ({ value, label: t(`deposits.states.${value}`) })), [t]);
  // The exchange's depositable currencies, plus any other one the URL names (the filter takes any code).
  const currencies = useDepositCurrencies();
  const currencyOptions = useMemo<FacetOption[]>(
    () => [...new Set([...currencies.list.map((c) => c.ccy), ...(input.ccy ?? [])])].map((ccy) => ({ value: ccy, label: ccy })),
    [currencies.list, input.ccy],
  );
  const time = { from: url.searchParams.get("dateFrom"), to: url.searchParams.get("dateTo") };

  return (
    <div className="flex flex-col gap-3">
      <DataTableToolbar table={table} url={url} searchPlaceholder={t("deposits.searchPlaceholder")} exportHref="/api/export/deposits">
        <DataTableFacetedFilter
          title={t("deposits.filters.currency")}
          options={currencyOptions}
          value={input.ccy}
          onChange={(ccy) => url.setParams({ ccy })}
          loading={currencies.loading}
          // The real exchange lists hundreds: a search box instead of one long menu.
          searchLabel={currencyOptions.length > MENU_MAX ? t("deposits.filters.currencySearch") : undefined}
        />
        <DataTableFacetedFilter title={t("deposits.filters.state")} options={stateOptions} value={input.state} onChange={(state) => url.setParams({ state })} />
        <DataTableDateRange label={t("deposits.filters.time")} value={time} onChange={({ from, to }) => url.setParams({ dateFrom: from, dateTo: to })} />
        <CustomerFilter value={input.customerId} onChange={(customerId) => url.setParams({ customerId })} />
      </DataTableToolbar>

      <DataTable
        table={table}
        caption={t("deposits.title")}
        {...dataTableQueryProps(query, t)}
        cursorPaging={cursorPaging}
        filtered={url.hasFilters}
        empty={
          url.hasFilters ? (
            <FilteredEmpty title={t("deposits.empty.filteredTitle")} hint={t("deposits.empty.filteredHint")} clearLabel={t("deposits.empty.clearFilters")} onClear={url.resetFilters} />
          ) : (
            <EmptyState icon={ArrowDownToLine} className="border-0" title={t("deposits.empty.title")} description={t("deposits.empty.hint")} />
          )
        }
      />
    </div>
  );
}
