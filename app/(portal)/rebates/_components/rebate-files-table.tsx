"use client";
/**
 * The brand's rebate files: URL state → `rebate.files` → one offset-paged server page (a few files a day).
 * Filters by kind and state, column choice; while a file shown is on its way (requested, being generated,
 * downloading, importing) the page refreshes every 5 s so its state and progress move on their own.
 * Failed files offer their error report and, for those who may, Retry.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { HandCoins } from "lucide-react";
import { useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableFacetedFilter, type FacetOption } from "@/components/data-table/data-table-faceted-filter";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { FilteredEmpty } from "@/components/data-table/filtered-empty";
import { dataTableQueryProps } from "@/components/data-table/query-props";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { ACTIVE_REBATE_STATES, REBATE_FILE_KINDS, REBATE_FILE_STATES, ZRebateFileListInput } from "@/lib/rebates/schemas";
import type { RebateFileRow } from "@/server/rebates/files";
import { FileNote, hasNote } from "./file-note";
import { REBATE_FILE_DEFAULT_HIDDEN, useRebateFileColumns } from "./rebate-file-columns";
import { RetryFileDialog } from "./retry-file-dialog";
import { useErrorReport } from "./use-error-report";

const getRowId = (row: RebateFileRow) => row.id;
const REFRESH_MS = 5_000;
const isActive = (row: RebateFileRow) => (ACTIVE_REBATE_STATES as readonly string[]).includes(row.state);

/** `canManage`: rebate.manage (Retry). */
export function RebateFilesTable({ canManage }: { canManage: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const url = useTableUrlState(ZRebateFileListInput);
  const { input } = url;
  const query = useQuery(
    trpc.rebate.files.queryOptions(input, {
      placeholderData: keepPreviousData,
      refetchInterval: (q) => (q.state.data?.rows.some(isActive) ? REFRESH_MS : false),
    }),
  );
  const [retrying, setRetrying] = useState<RebateFileRow | null>(null);
  const report = useErrorReport();

  const columns = useRebateFileColumns();
  const table = useDataTable({
    id: "rebate-files",
    columns,
    page: query.data,
    url,
    getRowId,
    defaultSort: { id: "createdAt", desc: true },
    defaultHidden: REBATE_FILE_DEFAULT_HIDDEN,
  });

  const kindOptions = useMemo<FacetOption<RebateFileRow["kind"]>[]>(() => REBATE_FILE_KINDS.map((value) => ({ value, label: t(`rebates.kinds.${value}`) })), [t]);
  const stateOptions = useMemo<FacetOption<RebateFileRow["state"]>[]>(() => REBATE_FILE_STATES.map((value) => ({ value, label: t(`rebates.states.${value}`) })), [t]);

  return (
    <div className="flex flex-col gap-3">
      <DataTableToolbar table={table} url={url} search={false}>
        <DataTableFacetedFilter title={t("rebates.columns.kind")} options={kindOptions} value={input.kind} onChange={(kind) => url.setParams({ kind })} />
        <DataTableFacetedFilter title={t("rebates.columns.state")} options={stateOptions} value={input.state} onChange={(state) => url.setParams({ state })} />
      </DataTableToolbar>

      <DataTable
        table={table}
        caption={t("rebates.title")}
        {...dataTableQueryProps(query, t)}
        filtered={url.hasFilters}
        rowDetail={(row) =>
          hasNote(row) ? <FileNote row={row} onRetry={canManage ? setRetrying : null} onReport={report.download} reportPendingId={report.pendingId} /> : null
        }
        empty={
          url.hasFilters ? (
            <FilteredEmpty title={t("table.emptyFiltered")} hint={t("table.emptyFilteredHint")} clearLabel={t("table.resetFilters")} onClear={url.resetFilters} />
          ) : (
            <EmptyState icon={HandCoins} className="border-0" title={t("rebates.emptyTitle")} description={t("rebates.empty")} />
          )
        }
      />
      {retrying && <RetryFileDialog file={retrying} onClose={() => setRetrying(null)} />}
    </div>
  );
}
