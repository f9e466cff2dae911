"use client";
/**
 * The brand's API keys: URL state → `apiKey.list` → one server page. Search (sub-account, label, key
 * prefix), permission filter, "unbound trade/withdraw only" (`risky=1`, where the dashboard links),
 * sorting, paging, column choice and CSV export. Each key links to its sub-account's page, where keys are
 * created; managers also get the row menu here.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { KeyRound, TriangleAlert } from "lucide-react";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { FilteredEmpty } from "@/components/data-table/filtered-empty";
import { DataTableSelectFilter, type SelectFilterOption } from "@/components/data-table/data-table-select-filter";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { dataTableQueryProps } from "@/components/data-table/query-props";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { API_KEY_PERM_FILTERS, ZApiKeyListInput } from "@/lib/api-keys/schemas";
import type { ApiKeyRow } from "@/server/api-keys/types";
import { useApiKeyColumns } from "./api-key-columns";

const getRowId = (row: ApiKeyRow) => row.id;

export function ApiKeysTable({ canManage }: { canManage: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const url = useTableUrlState(ZApiKeyListInput);
  const { input } = url;
  const query = useQuery(trpc.apiKey.list.queryOptions(input, { placeholderData: keepPreviousData }));
  const columns = useApiKeyColumns(canManage);
  const table = useDataTable({
    id: "api-keys",
    columns,
    page: query.data,
    url,
    getRowId,
    defaultSort: { id: "createdAt", desc: true },
  });
  const permOptions = useMemo<SelectFilterOption[]>(
    () => API_KEY_PERM_FILTERS.map((value) => ({ value, label: t(`apiKeys.filters.permOptions.${value}`) })),
    [t],
  );
  const riskyOnly = input.risky === true;

  return (
    <div className="flex flex-col gap-3">
      <DataTableToolbar table={table} url={url} searchPlaceholder={t("apiKeys.searchPlaceholder")} exportHref="/api/export/apiKeys">
        <DataTableSelectFilter title={t("apiKeys.filters.perm")} options={permOptions} value={input.perm} onChange={(perm) => url.setParams({ perm })} />
        <Button
          variant={riskyOnly ? "secondary" : "outline"}
          size="sm"
          className="h-8 border-dashed"
          aria-pressed={riskyOnly}
          onClick={() => url.setParams({ risky: riskyOnly ? null : "1" })}
        >
          <TriangleAlert />
          {t("apiKeys.filters.riskyOnly")}
        </Button>
      </DataTableToolbar>

      <DataTable
        table={table}
        caption={t("apiKeys.title")}
        {...dataTableQueryProps(query, t)}
        filtered={url.hasFilters}
        empty={
          url.hasFilters ? (
            <FilteredEmpty title={t("apiKeys.empty.filteredTitle")} hint={t("apiKeys.empty.filteredHint")} clearLabel={t("apiKeys.empty.clearFilters")} onClear={url.resetFilters} />
          ) : (
            <EmptyState icon={KeyRound} className="border-0" title={t("apiKeys.empty.title")} description={t("apiKeys.empty.hint")} />
          )
        }
      />
    </div>
  );
}
