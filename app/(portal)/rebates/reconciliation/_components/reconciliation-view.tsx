"use client";
/**
 * The reconciliation page: what is being reconciled now (and how the last run went) above the reconciled
 * days — those that differ first — filtered by a range of UTC days and "only differences", paged on the
 * server, exportable as CSV. While a reconciliation waits or runs, both refresh every 5 s.
 */
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Scale } from "lucide-react";
import { useEffect, useRef } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableDateRange } from "@/components/data-table/data-table-date-range";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { FilteredEmpty } from "@/components/data-table/filtered-empty";
import { dataTableQueryProps } from "@/components/data-table/query-props";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { useT } from "@/lib/i18n/client";
import { ZReconciliationListInput } from "@/lib/rebates/reconciliation-schemas";
import { useTRPC } from "@/lib/trpc/client";
import type { ReconciliationRow } from "@/server/rebates/reconciliation-list";
import { RECONCILIATION_DEFAULT_HIDDEN, useReconciliationColumns } from "./reconciliation-columns";
import { RunsBanner } from "./runs-banner";

const getRowId = (row: ReconciliationRow) => row.day;
const REFRESH_MS = 5_000;

export function ReconciliationView() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const url = useTableUrlState(ZReconciliationListInput);
  const { input } = url;
  const runs = useQuery(trpc.rebateReconciliation.runs.queryOptions(undefined, { refetchInterval: (q) => (q.state.data?.active.length ? REFRESH_MS : false) }));
  const active = runs.data?.active.length ?? 0;
  const query = useQuery(trpc.rebateReconciliation.list.queryOptions(input, { placeholderData: keepPreviousData }));

  // A run that just finished changed the days: read them again.
  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current > active) void queryClient.invalidateQueries(trpc.rebateReconciliation.list.pathFilter());
    wasActive.current = active;
  }, [active, queryClient, trpc]);

  const columns = useReconciliationColumns();
  const table = useDataTable({
    id: "rebate-reconciliation",
    columns,
    page: query.data,
    url,
    getRowId,
    defaultSort: { id: "day", desc: true },
    defaultHidden: RECONCILIATION_DEFAULT_HIDDEN,
  });
  const range = { from: url.searchParams.get("from"), to: url.searchParams.get("to") };

  return (
    <div className="flex flex-col gap-3">
      <RunsBanner runs={runs.data} />
      <DataTableToolbar table={table} url={url} search={false} exportHref="/api/export/rebateReconciliation">
        <DataTableDateRange label={t("rebateReconciliation.filters.range")} value={range} onChange={({ from, to }) => url.setParams({ from, to })} />
        <div className="flex h-8 items-center gap-2 rounded-md border border-dashed px-2.5">
          <Switch id="only-differences" checked={input.differences === true} onCheckedChange={(on) => url.setParams({ differences: on ? "1" : null })} />
          <Label htmlFor="only-differences" className="text-sm font-normal whitespace-nowrap">
            {t("rebateReconciliation.filters.onlyDifferences")}
          </Label>
        </div>
      </DataTableToolbar>

      <DataTable
        table={table}
        caption={t("rebateReconciliation.title")}
        {...dataTableQueryProps(query, t)}
        filtered={url.hasFilters}
        empty={
          url.hasFilters ? (
            <FilteredEmpty title={t("table.emptyFiltered")} hint={t("table.emptyFilteredHint")} clearLabel={t("table.resetFilters")} onClear={url.resetFilters} />
          ) : (
            <EmptyState icon={Scale} className="border-0" title={t("rebateReconciliation.emptyTitle")} description={t("rebateReconciliation.empty")} />
          )
        }
      />
    </div>
  );
}
