"use client";
/**
 * A sub-account's deposits on the sub-account page: the synced history filtered to this sub-account,
 * newest first, keyset-paged, with state badges carrying the seed's meaning, a state filter, exact search
 * and the CSV export of what it shows. Its table state lives in the component, not the URL, since the
 * page has other tables.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ArrowDownToLine } from "lucide-react";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableFacetedFilter, type FacetOption } from "@/components/data-table/data-table-faceted-filter";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { dataTableQueryProps } from "@/components/data-table/query-props";
import { useCursorPaging } from "@/components/data-table/use-cursor-paging";
import { useDataTable } from "@/components/data-table/use-data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { DEPOSIT_STATES, ZDepositListInput, type DepositStateCode } from "@/lib/deposits/schemas";
import type { DepositRow } from "@/server/deposits/types";
import { useDepositColumns } from "./deposit-columns";
import { useLocalTableState } from "@/components/data-table/use-local-table-state";

const getRowId = (row: DepositRow) => row.id;
const DEFAULT_HIDDEN = ["from", "to", "updated", "depId"] as const;

export function SubaccountDeposits({ subaccountId }: { subaccountId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const fixed = useMemo(() => ({ subaccountId }), [subaccountId]);
  const state = useLocalTableState(ZDepositListInput, fixed);
  const query = useQuery(trpc.deposit.list.queryOptions(state.input, { placeholderData: keepPreviousData }));
  const columns = useDepositColumns({ brandWide: false });
  const table = useDataTable({
    id: "subaccount-deposits",
    columns,
    page: query.data,
    url: state,
    getRowId,
    defaultSort: { id: "ts", desc: true },
    defaultHidden: DEFAULT_HIDDEN,
    paging: "keyset",
  });
  const cursorPaging = useCursorPaging(query.data, state, { stale: query.isPlaceholderData });
  const stateOptions = useMemo<FacetOption<DepositStateCode>[]>(() => DEPOSIT_STATES.map((value) => ({ value, label: t(`deposits.states.${value}`) })), [t]);

  return (
    <section aria-labelledby={`deposits-${subaccountId}`} className="flex flex-col gap-3">
      <div>
        <h2 id={`deposits-${subaccountId}`} className="text-base font-semibold">
          {t("deposits.subaccount.title")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("deposits.subaccount.description")}</p>
      </div>
      <DataTableToolbar table={table} url={state} searchPlaceholder={t("deposits.searchPlaceholder")} exportHref="/api/export/deposits">
        <DataTableFacetedFilter
          title={t("deposits.filters.state")}
          options={stateOptions}
          value={state.input.state}
          onChange={(value) => state.setParams({ state: value })}
        />
      </DataTableToolbar>
      <DataTable
        table={table}
        caption={t("deposits.subaccount.title")}
        {...dataTableQueryProps(query, t)}
        cursorPaging={cursorPaging}
        filtered={state.hasFilters}
        empty={state.hasFilters ? undefined : <EmptyState icon={ArrowDownToLine} className="border-0" title={t("deposits.empty.subaccount")} description={t("deposits.empty.hint")} />}
      />
    </section>
  );
}
