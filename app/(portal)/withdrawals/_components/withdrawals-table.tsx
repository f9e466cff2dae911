"use client";
/**
 * The brand's withdrawals: URL state → `withdrawal.list` → one server page. Search (customer, address,
 * ids), state and currency filters, requested-between, columns from "View", the CSV export of the filtered
 * set, and "New withdrawal" for those who may request one.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ArrowUpFromLine, Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableDateRange } from "@/components/data-table/data-table-date-range";
import { DataTableFacetedFilter, type FacetOption } from "@/components/data-table/data-table-faceted-filter";
import { DataTableSelectFilter } from "@/components/data-table/data-table-select-filter";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { FilteredEmpty } from "@/components/data-table/filtered-empty";
import { dataTableQueryProps } from "@/components/data-table/query-props";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { WITHDRAWAL_STATES, ZWithdrawalListInput, type WithdrawalState } from "@/lib/withdrawals/schemas";
import type { WithdrawalRow } from "@/server/withdrawals/types";
import { NewWithdrawalDialog } from "./new-withdrawal-dialog";
import { useWithdrawalColumns, WITHDRAWAL_DEFAULT_HIDDEN } from "./withdrawal-columns";

const getRowId = (row: WithdrawalRow) => row.id;
const CURRENCIES = ["USDT", "USDC", "BTC", "ETH", "TRX", "SOL", "LTC", "XRP", "EOS", "TON"];

export function WithdrawalsTable({ canRequest }: { canRequest: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const url = useTableUrlState(ZWithdrawalListInput);
  const { input } = url;
  const query = useQuery(trpc.withdrawal.list.queryOptions(input, { placeholderData: keepPreviousData }));
  const [creating, setCreating] = useState(false);
  const columns = useWithdrawalColumns();
  const table = useDataTable({ id: "withdrawals", columns, page: query.data, url, getRowId, defaultSort: { id: "createdAt", desc: true }, defaultHidden: WITHDRAWAL_DEFAULT_HIDDEN });
  const stateOptions = useMemo<FacetOption<WithdrawalState>[]>(() => WITHDRAWAL_STATES.map((value) => ({ value, label: t(`withdrawals.states.${value}`) })), [t]);
  const created = { from: url.searchParams.get("createdFrom"), to: url.searchParams.get("createdTo") };
  const newButton = canRequest && (
    <Button size="sm" onClick={() => setCreating(true)}>
      <Plus />
      {t("withdrawals.newWithdrawal")}
    </Button>
  );

  return (
    <div className="flex flex-col gap-3">
      <DataTableToolbar table={table} url={url} searchPlaceholder={t("withdrawals.searchPlaceholder")} exportHref="/api/export/withdrawals" actions={newButton}>
        <DataTableFacetedFilter title={t("withdrawals.filters.state")} options={stateOptions} value={input.state} onChange={(state) => url.setParams({ state })} />
        <DataTableSelectFilter
          title={t("withdrawals.filters.currency")}
          options={CURRENCIES.map((c) => ({ value: c, label: c }))}
          value={input.ccy ?? null}
          onChange={(ccy) => url.setParams({ ccy: ccy ?? undefined })}
        />
        <DataTableDateRange label={t("withdrawals.columns.createdAt")} value={created} onChange={({ from, to }) => url.setParams({ createdFrom: from, createdTo: to })} />
      </DataTableToolbar>
      <DataTable
        table={table}
        caption={t("withdrawals.title")}
        {...dataTableQueryProps(query, t)}
        filtered={url.hasFilters}
        empty={
          url.hasFilters ? (
            <FilteredEmpty title={t("withdrawals.empty")} hint={t("withdrawals.searchPlaceholder")} clearLabel={t("table.resetFilters")} onClear={url.resetFilters} />
          ) : (
            <EmptyState icon={ArrowUpFromLine} className="border-0" title={t("withdrawals.empty")} description={t("withdrawals.description")} action={newButton || undefined} />
          )
        }
      />
      {creating && <NewWithdrawalDialog onClose={() => setCreating(false)} onCreated={(id) => router.push(`/withdrawals/${id}`)} />}
    </div>
  );
}
