"use client";
/**
 * The sub-accounts list: URL state → `subaccount.list` → one server page. Search (name, UID, label),
 * filters (account level, status, linked to a customer), sorting, column choice and the CSV export of
 * the filtered set. A row (click, Enter, or the name link) opens the sub-account.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Network } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { FilteredEmpty } from "@/components/data-table/filtered-empty";
import { DataTableFacetedFilter, type FacetOption } from "@/components/data-table/data-table-faceted-filter";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { dataTableQueryProps } from "@/components/data-table/query-props";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { levelName } from "@/components/subaccounts/subaccount-badges";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import {
  ACCOUNT_LEVEL_VALUES,
  LINK_STATES,
  SUBACCOUNT_STATUSES,
  ZSubaccountListInput,
  type LinkState,
  type SubaccountRow,
  type SubaccountStatus,
} from "@/lib/subaccounts/schemas";
import { subaccountHref, useSubaccountColumns } from "./subaccount-columns";

const getRowId = (row: SubaccountRow) => row.id;
const DEFAULT_HIDDEN = ["canTransferOut", "mainAcct", "lastSyncedAt"] as const;
type LevelValue = (typeof ACCOUNT_LEVEL_VALUES)[number];

export function SubaccountsTable() {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const url = useTableUrlState(ZSubaccountListInput);
  const { input } = url;
  const query = useQuery(trpc.subaccount.list.queryOptions(input, { placeholderData: keepPreviousData }));

  const columns = useSubaccountColumns();
  const table = useDataTable({
    id: "subaccounts",
    columns,
    page: query.data,
    url,
    getRowId,
    defaultSort: { id: "exchangeCreatedAt", desc: true },
    defaultHidden: DEFAULT_HIDDEN,
  });

  const levelOptions = useMemo<FacetOption<LevelValue>[]>(
    () => ACCOUNT_LEVEL_VALUES.map((value) => ({ value, label: t("subaccounts.level.option", { level: value, name: levelName(t, Number(value)) }) })),
    [t],
  );
  const statusOptions = useMemo<FacetOption<SubaccountStatus>[]>(
    () => SUBACCOUNT_STATUSES.map((value) => ({ value, label: t(`subaccounts.status.${value}`) })),
    [t],
  );
  const linkedOptions = useMemo<FacetOption<LinkState>[]>(
    () => LINK_STATES.map((value) => ({ value, label: t(`subaccounts.linked.${value}`) })),
    [t],
  );

  return (
    <div className="flex flex-col gap-3">
      <DataTableToolbar table={table} url={url} searchPlaceholder={t("subaccounts.searchPlaceholder")} exportHref="/api/export/subaccounts">
        <DataTableFacetedFilter
          title={t("subaccounts.filters.level")}
          options={levelOptions}
          value={input.level}
          onChange={(level) => url.setParams({ level })}
        />
        <DataTableFacetedFilter
          title={t("subaccounts.filters.status")}
          options={statusOptions}
          value={input.status}
          onChange={(status) => url.setParams({ status })}
        />
        <DataTableFacetedFilter
          title={t("subaccounts.filters.linked")}
          options={linkedOptions}
          value={input.linked}
          onChange={(linked) => url.setParams({ linked })}
        />
      </DataTableToolbar>

      <DataTable
        table={table}
        caption={t("subaccounts.title")}
        {...dataTableQueryProps(query, t)}
        filtered={url.hasFilters}
        onRowClick={(row) => router.push(subaccountHref(row.id))}
        empty={
          url.hasFilters ? (
            <FilteredEmpty title={t("subaccounts.empty.filteredTitle")} hint={t("subaccounts.empty.filteredHint")} clearLabel={t("subaccounts.empty.clearFilters")} onClear={url.resetFilters} />
          ) : (
            <EmptyState icon={Network} className="border-0" title={t("subaccounts.empty.title")} description={t("subaccounts.empty.hint")} />
          )
        }
      />
    </div>
  );
}
