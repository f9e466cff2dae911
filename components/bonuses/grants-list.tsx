"use client";
/**
 * Every grant of the brand, on the same table kit as the customers list: URL state → `bonus.grant.list`
 * → one server page. Customer search (UID, name, email), filters (status, campaign, granted between),
 * sorting by date or amount, column choice, and the CSV export of exactly the filtered set.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Gift } from "lucide-react";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { FilteredEmpty } from "@/components/data-table/filtered-empty";
import { DataTableDateRange } from "@/components/data-table/data-table-date-range";
import { DataTableFacetedFilter, type FacetOption } from "@/components/data-table/data-table-faceted-filter";
import { DataTableSelectFilter } from "@/components/data-table/data-table-select-filter";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { dataTableQueryProps } from "@/components/data-table/query-props";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { BONUS_GRANT_STATUSES, ZGrantListInput, type BonusGrantStatus } from "@/lib/bonuses/schemas";
import type { GrantRow } from "@/server/bonuses/types";
import { GRANT_DEFAULT_HIDDEN, useGrantColumns } from "./grant-columns";

const getRowId = (row: GrantRow) => row.id;
/** The campaign filter offers the most recent campaigns; older ones are reached by their page's grants. */
const CAMPAIGN_CHOICES = { page: 1, pageSize: 100, dir: "desc" } as const;

export function GrantsList() {
  const t = useT();
  const trpc = useTRPC();
  const url = useTableUrlState(ZGrantListInput);
  const { input } = url;
  const query = useQuery(trpc.bonus.grant.list.queryOptions(input, { placeholderData: keepPreviousData }));
  const campaigns = useQuery(trpc.bonus.campaign.list.queryOptions(CAMPAIGN_CHOICES, { staleTime: 60_000 }));
  const columns = useGrantColumns();
  const table = useDataTable({
    id: "bonus-grants",
    columns,
    page: query.data,
    url,
    getRowId,
    defaultSort: { id: "createdAt", desc: true },
    defaultHidden: GRANT_DEFAULT_HIDDEN,
  });

  const statusOptions = useMemo<FacetOption<BonusGrantStatus>[]>(
    () => BONUS_GRANT_STATUSES.map((value) => ({ value, label: t(`bonuses.grantStatuses.${value}`) })),
    [t],
  );
  const campaignOptions = useMemo(() => (campaigns.data?.rows ?? []).map((c) => ({ value: c.id, label: c.name })), [campaigns.data]);
  const created = { from: url.searchParams.get("createdFrom"), to: url.searchParams.get("createdTo") };

  return (
    <div className="flex flex-col gap-3">
      <DataTableToolbar table={table} url={url} searchPlaceholder={t("bonuses.grantsList.searchPlaceholder")} exportHref="/api/export/bonusGrants">
        <DataTableFacetedFilter
          title={t("bonuses.grantsList.filters.status")}
          options={statusOptions}
          value={input.status}
          onChange={(status) => url.setParams({ status })}
        />
        <DataTableSelectFilter
          title={t("bonuses.grantsList.filters.campaign")}
          options={campaignOptions}
          value={input.campaignId ?? null}
          onChange={(campaignId) => url.setParams({ campaignId })}
        />
        <DataTableDateRange
          label={t("bonuses.grantsList.filters.created")}
          value={created}
          onChange={({ from, to }) => url.setParams({ createdFrom: from, createdTo: to })}
        />
      </DataTableToolbar>

      <DataTable
        table={table}
        caption={t("bonuses.grantsList.title")}
        {...dataTableQueryProps(query, t)}
        filtered={url.hasFilters}
        empty={
          url.hasFilters ? (
            <FilteredEmpty title={t("bonuses.grantsList.empty.filteredTitle")} hint={t("bonuses.grantsList.empty.filteredHint")} clearLabel={t("bonuses.grantsList.empty.clearFilters")} onClear={url.resetFilters} />
          ) : (
            <EmptyState icon={Gift} className="border-0" title={t("bonuses.grantsList.empty.title")} description={t("bonuses.grantsList.empty.hint")} />
          )
        }
      />
    </div>
  );
}
