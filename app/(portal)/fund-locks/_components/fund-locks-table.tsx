"use client";
/**
 * The brand-wide fund locks: URL state → `fundLock.list` → one offset-paged server page (locks are few
 * per brand). Customer search (UID, name, email), filters (status, direction, source, created between),
 * column choice, the CSV export of the filtered set, and "Unlock" on active rows for those who may.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Lock } from "lucide-react";
import { useCallback, useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { FilteredEmpty } from "@/components/data-table/filtered-empty";
import { DataTableDateRange } from "@/components/data-table/data-table-date-range";
import { DataTableFacetedFilter, type FacetOption } from "@/components/data-table/data-table-faceted-filter";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { dataTableQueryProps } from "@/components/data-table/query-props";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { FUND_LOCK_DEFAULT_HIDDEN, useFundLockColumns } from "@/components/fund-locks/fund-lock-columns";
import { UnlockDialog } from "@/components/fund-locks/unlock-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import {
  FUND_LOCK_DIRECTIONS,
  FUND_LOCK_SOURCES,
  FUND_LOCK_STATUSES,
  ZFundLockListInput,
  type FundLockDirection,
  type FundLockSource,
  type FundLockStatus,
} from "@/lib/fund-locks/schemas";
import type { FundLockRow } from "@/server/fund-locks/types";

const getRowId = (row: FundLockRow) => row.id;

/** `canManage`: fundlock.manage; `canReleaseRiskRule`: may also release risk-rule locks (admins). */
export function FundLocksTable({ canManage, canReleaseRiskRule }: { canManage: boolean; canReleaseRiskRule: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const url = useTableUrlState(ZFundLockListInput);
  const { input } = url;
  const query = useQuery(trpc.fundLock.list.queryOptions(input, { placeholderData: keepPreviousData }));
  const [unlocking, setUnlocking] = useState<FundLockRow | null>(null);

  const canUnlock = useCallback(
    (row: FundLockRow) => canManage && (row.source !== "risk_rule" || canReleaseRiskRule),
    [canManage, canReleaseRiskRule],
  );
  const columns = useFundLockColumns({ canUnlock, onUnlock: setUnlocking });
  const table = useDataTable({
    id: "fund-locks",
    columns,
    page: query.data,
    url,
    getRowId,
    defaultSort: { id: "createdAt", desc: true },
    defaultHidden: FUND_LOCK_DEFAULT_HIDDEN,
  });

  const statusOptions = useMemo<FacetOption<FundLockStatus>[]>(
    () => FUND_LOCK_STATUSES.map((value) => ({ value, label: t(`fundLocks.statuses.${value}`) })),
    [t],
  );
  const directionOptions = useMemo<FacetOption<FundLockDirection>[]>(
    () => FUND_LOCK_DIRECTIONS.map((value) => ({ value, label: t(`fundLocks.directions.${value}`) })),
    [t],
  );
  const sourceOptions = useMemo<FacetOption<FundLockSource>[]>(
    () => FUND_LOCK_SOURCES.map((value) => ({ value, label: t(`fundLocks.sources.${value}`) })),
    [t],
  );
  const created = { from: url.searchParams.get("createdFrom"), to: url.searchParams.get("createdTo") };
  const expires = { from: url.searchParams.get("expiresFrom"), to: url.searchParams.get("expiresTo") };

  return (
    <div className="flex flex-col gap-3">
      <DataTableToolbar table={table} url={url} searchPlaceholder={t("fundLocks.searchPlaceholder")} exportHref="/api/export/fundLocks">
        <DataTableFacetedFilter title={t("fundLocks.filters.status")} options={statusOptions} value={input.status} onChange={(status) => url.setParams({ status })} />
        <DataTableFacetedFilter
          title={t("fundLocks.filters.direction")}
          options={directionOptions}
          value={input.direction}
          onChange={(direction) => url.setParams({ direction })}
        />
        <DataTableFacetedFilter title={t("fundLocks.filters.source")} options={sourceOptions} value={input.source} onChange={(source) => url.setParams({ source })} />
        <DataTableDateRange
          label={t("fundLocks.filters.created")}
          value={created}
          onChange={({ from, to }) => url.setParams({ createdFrom: from, createdTo: to })}
        />
        <DataTableDateRange
          label={t("fundLocks.filters.expires")}
          value={expires}
          onChange={({ from, to }) => url.setParams({ expiresFrom: from, expiresTo: to })}
        />
      </DataTableToolbar>

      <DataTable
        table={table}
        caption={t("fundLocks.title")}
        {...dataTableQueryProps(query, t)}
        filtered={url.hasFilters}
        empty={
          url.hasFilters ? (
            <FilteredEmpty title={t("fundLocks.empty.filteredTitle")} hint={t("fundLocks.empty.filteredHint")} clearLabel={t("fundLocks.empty.clearFilters")} onClear={url.resetFilters} />
          ) : (
            <EmptyState icon={Lock} className="border-0" title={t("fundLocks.empty.title")} description={t("fundLocks.empty.hint")} />
          )
        }
      />
      {unlocking && <UnlockDialog lock={unlocking} onClose={() => setUnlocking(null)} />}
    </div>
  );
}
