"use client";
/** A customer's fills and bills, server-side paged in the tab (local state, the customer fixed), with filters and CSV export. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { History, ReceiptText } from "lucide-react";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableDateRange } from "@/components/data-table/data-table-date-range";
import { DataTableFacetedFilter, type FacetOption } from "@/components/data-table/data-table-faceted-filter";
import { DataTableSelectFilter } from "@/components/data-table/data-table-select-filter";
import { DataTableTextFilter } from "@/components/data-table/data-table-text-filter";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { FilteredEmpty } from "@/components/data-table/filtered-empty";
import { dataTableQueryProps } from "@/components/data-table/query-props";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useLocalTableState } from "@/components/data-table/use-local-table-state";
import { BILL_DEFAULT_HIDDEN, FILL_DEFAULT_HIDDEN, historyRowId, useBillColumns, useFillColumns } from "@/components/exchange-accounts/history-columns";
import { EmptyState } from "@/components/ui/empty-state";
import { BILL_TYPES, ORDER_SIDES, ZBillListInput, ZFillListInput } from "@/lib/exchange-accounts/schemas";
import type { SubaccountFreshness } from "@/lib/exchange-accounts/types";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";

function SubaccountFilter({ subaccounts, value, onChange }: { subaccounts: SubaccountFreshness[]; value?: string; onChange: (v: string | null) => void }) {
  const t = useT();
  if (subaccounts.length < 2) return null;
  return <DataTableSelectFilter title={t("exchangeAccounts.filters.subaccount")} options={subaccounts.map((s) => ({ value: s.subaccountId, label: s.subAcct }))} value={value} onChange={onChange} mono />;
}

export function ExchangeFills({ customerId, subaccounts }: { customerId: string; subaccounts: SubaccountFreshness[] }) {
  const t = useT();
  const trpc = useTRPC();
  const state = useLocalTableState(ZFillListInput, { customerId });
  const query = useQuery(trpc.exchangeAccount.fills.queryOptions(state.input, { placeholderData: keepPreviousData }));
  const columns = useFillColumns();
  const table = useDataTable({ id: "customer-exchange-fills", columns, page: query.data, url: state, getRowId: historyRowId, defaultSort: { id: "ts", desc: true }, defaultHidden: FILL_DEFAULT_HIDDEN });
  const sideOptions = useMemo<FacetOption<(typeof ORDER_SIDES)[number]>[]>(() => ORDER_SIDES.map((value) => ({ value, label: t(`exchangeAccounts.sides.${value}`) })), [t]);
  const time = { from: state.searchParams.get("dateFrom"), to: state.searchParams.get("dateTo") };
  return (
    <div className="flex flex-col gap-3">
      <DataTableToolbar table={table} url={state} searchPlaceholder={t("exchangeAccounts.filters.fillSearch")} exportHref="/api/export/exchangeFills">
        <DataTableTextFilter value={state.searchParams.get("instId") ?? ""} label={t("exchangeAccounts.filters.instrument")} placeholder={t("exchangeAccounts.filters.instrumentPlaceholder")} onChange={(instId) => state.setParams({ instId })} className="w-40" />
        <DataTableFacetedFilter title={t("exchangeAccounts.filters.side")} options={sideOptions} value={state.input.side} onChange={(side) => state.setParams({ side })} />
        <DataTableDateRange label={t("exchangeAccounts.filters.time")} value={time} onChange={({ from, to }) => state.setParams({ dateFrom: from, dateTo: to })} />
        <SubaccountFilter subaccounts={subaccounts} value={state.input.subaccountId} onChange={(subaccountId) => state.setParams({ subaccountId })} />
      </DataTableToolbar>
      <DataTable
        table={table}
        caption={t("exchangeAccounts.fills.title")}
        {...dataTableQueryProps(query, t)}
        filtered={state.hasFilters}
        empty={
          state.hasFilters ? (
            <FilteredEmpty title={t("exchangeAccounts.fills.empty")} clearLabel={t("table.resetFilters")} onClear={state.resetFilters} />
          ) : (
            <EmptyState icon={History} className="border-0" title={t("exchangeAccounts.fills.empty")} />
          )
        }
      />
    </div>
  );
}

export function ExchangeBills({ customerId, subaccounts }: { customerId: string; subaccounts: SubaccountFreshness[] }) {
  const t = useT();
  const trpc = useTRPC();
  const state = useLocalTableState(ZBillListInput, { customerId });
  const query = useQuery(trpc.exchangeAccount.bills.queryOptions(state.input, { placeholderData: keepPreviousData }));
  const columns = useBillColumns();
  const table = useDataTable({ id: "customer-exchange-bills", columns, page: query.data, url: state, getRowId: historyRowId, defaultSort: { id: "ts", desc: true }, defaultHidden: BILL_DEFAULT_HIDDEN });
  const typeOptions = useMemo(() => BILL_TYPES.map((value) => ({ value, label: t(`exchangeAccounts.billTypes.${value}`) })), [t]);
  const time = { from: state.searchParams.get("dateFrom"), to: state.searchParams.get("dateTo") };
  return (
    <div className="flex flex-col gap-3">
      <DataTableToolbar table={table} url={state} search={false} exportHref="/api/export/exchangeBills">
        <DataTableTextFilter value={state.searchParams.get("ccy") ?? ""} label={t("exchangeAccounts.filters.ccy")} placeholder={t("exchangeAccounts.filters.ccyPlaceholder")} onChange={(ccy) => state.setParams({ ccy })} className="w-32" />
        <DataTableSelectFilter title={t("exchangeAccounts.filters.billType")} options={typeOptions} value={state.input.type} onChange={(type) => state.setParams({ type })} />
        <DataTableDateRange label={t("exchangeAccounts.filters.time")} value={time} onChange={({ from, to }) => state.setParams({ dateFrom: from, dateTo: to })} />
        <SubaccountFilter subaccounts={subaccounts} value={state.input.subaccountId} onChange={(subaccountId) => state.setParams({ subaccountId })} />
      </DataTableToolbar>
      <DataTable
        table={table}
        caption={t("exchangeAccounts.bills.title")}
        {...dataTableQueryProps(query, t)}
        filtered={state.hasFilters}
        empty={
          state.hasFilters ? (
            <FilteredEmpty title={t("exchangeAccounts.bills.empty")} clearLabel={t("table.resetFilters")} onClear={state.resetFilters} />
          ) : (
            <EmptyState icon={ReceiptText} className="border-0" title={t("exchangeAccounts.bills.empty")} />
          )
        }
      />
    </div>
  );
}
