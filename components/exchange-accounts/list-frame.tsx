"use client";
/**
 * What the positions and open-orders tables share around their columns: the toolbar (search on the
 * brand-wide page, export, the table's `filters`, e.g. InstTypeFilter) and the table with its two empties
 * (filters matched nothing / nothing at all).
 */
import type { RowData } from "@tanstack/react-table";
import type { UseQueryResult } from "@tanstack/react-query";
import type { LucideIcon } from "lucide-react";
import { useMemo, type ReactNode } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableFacetedFilter, type FacetOption } from "@/components/data-table/data-table-faceted-filter";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import type { DataTableInstance } from "@/components/data-table/features";
import type { TableQuerySchema } from "@/components/data-table/url-state";
import { FilteredEmpty } from "@/components/data-table/filtered-empty";
import { dataTableQueryProps } from "@/components/data-table/query-props";
import type { TableUrlState } from "@/components/data-table/use-table-url-state";
import { EmptyState } from "@/components/ui/empty-state";
import { INST_TYPES } from "@/lib/exchange-accounts/schemas";
import { useT } from "@/lib/i18n/client";

type InstType = (typeof INST_TYPES)[number];

/** The instrument-type filter both tables start with. */
export function InstTypeFilter({ value, onChange }: { value: InstType[] | undefined; onChange: (value: InstType[] | undefined) => void }) {
  const t = useT();
  const options = useMemo<FacetOption<InstType>[]>(() => INST_TYPES.map((type) => ({ value: type, label: type })), []);
  return <DataTableFacetedFilter title={t("exchangeAccounts.filters.instType")} options={options} value={value} onChange={onChange} />;
}

export interface ExchangeListFrameProps<TData extends RowData, S extends TableQuerySchema> {
  table: DataTableInstance<TData>;
  state: TableUrlState<S>;
  query: UseQueryResult<unknown, unknown>;
  brandWide: boolean;
  searchPlaceholder: string;
  exportHref: string;
  filters: ReactNode;
  filteredEmptyTitle: string;
  emptyIcon: LucideIcon;
  emptyTitle: string;
  caption: string;
}

export function ExchangeListFrame<TData extends RowData, S extends TableQuerySchema>(props: ExchangeListFrameProps<TData, S>) {
  const { table, state, query, brandWide, searchPlaceholder, exportHref, filters, filteredEmptyTitle, emptyIcon, emptyTitle, caption } = props;
  const t = useT();
  return (
    <div className="flex flex-col gap-3">
      <DataTableToolbar table={table} url={state} search={brandWide} searchPlaceholder={searchPlaceholder} exportHref={exportHref}>
        {filters}
      </DataTableToolbar>
      <DataTable
        table={table}
        caption={caption}
        {...dataTableQueryProps(query, t)}
        filtered={state.hasFilters}
        empty={
          state.hasFilters ? (
            <FilteredEmpty title={filteredEmptyTitle} clearLabel={t("table.resetFilters")} onClear={state.resetFilters} />
          ) : (
            <EmptyState icon={emptyIcon} className="border-0" title={emptyTitle} />
          )
        }
      />
    </div>
  );
}
