"use client";
/**
 * The trades behind the report (`rebate.trades`), server-paged from the page's URL state: the range, the
 * drill-down's filters (customer — or the trades linked to none —, sub-account, instrument, family,
 * maker/taker) and the CSV export of every matching trade.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ReceiptText, X } from "lucide-react";
import { useMemo } from "react";
import { CustomerFilter } from "@/app/(portal)/deposits/_components/customer-filter";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableSelectFilter, type SelectFilterOption } from "@/components/data-table/data-table-select-filter";
import { DataTableTextFilter } from "@/components/data-table/data-table-text-filter";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { FilteredEmpty } from "@/components/data-table/filtered-empty";
import { dataTableQueryProps } from "@/components/data-table/query-props";
import { useDataTable } from "@/components/data-table/use-data-table";
import type { TableUrlState } from "@/components/data-table/use-table-url-state";
import { TRADE_DEFAULT_HIDDEN, tradeRowId, useTradeColumns } from "@/components/rebate-reports/trade-columns";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import { EXEC_TYPES, INST_FAMILIES, type ZRebateReportsQuery } from "@/lib/rebates/report-query";
import { UNLINKED_CUSTOMER } from "@/lib/rebates/schemas";
import { useTRPC } from "@/lib/trpc/client";

export function TradesCard({ url }: { url: TableUrlState<typeof ZRebateReportsQuery> }) {
  const t = useT();
  const trpc = useTRPC();
  const { by: _by, ...input } = url.input;
  const query = useQuery(trpc.rebate.trades.queryOptions(input, { placeholderData: keepPreviousData }));
  const columns = useTradeColumns({ showCustomer: true });
  const table = useDataTable({
    id: "rebate-trades",
    columns,
    page: query.data,
    url,
    getRowId: tradeRowId,
    defaultSort: { id: "tradedAt", desc: true },
    defaultHidden: TRADE_DEFAULT_HIDDEN,
  });
  const families = useMemo<SelectFilterOption[]>(() => INST_FAMILIES.map((value) => ({ value, label: t(`rebateReports.families.${value}`) })), [t]);
  const execTypes = useMemo<SelectFilterOption[]>(() => EXEC_TYPES.map((value) => ({ value, label: t(`rebateReports.execTypes.${value}`) })), [t]);
  const unlinked = input.customerId === UNLINKED_CUSTOMER;

  return (
    <Card id="trades" className="scroll-mt-4 gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle>{t("rebateReports.trades.title")}</CardTitle>
        <CardDescription>{t("rebateReports.trades.description")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3 px-4">
        <DataTableToolbar table={table} url={url} search={false} exportHref="/api/export/rebateTrades">
          {unlinked ? (
            <Button variant="secondary" size="sm" className="h-8" title={t("rebateReports.trades.filters.clearUnlinked")} onClick={() => url.setParams({ customerId: null })}>
              {t("rebateReports.trades.filters.unlinked")}
              <X />
            </Button>
          ) : (
            <CustomerFilter value={input.customerId} onChange={(customerId) => url.setParams({ customerId })} />
          )}
          <DataTableTextFilter
            className="sm:w-40"
            label={t("rebateReports.trades.filters.subAcct")}
            placeholder={t("rebateReports.trades.filters.subAcctPlaceholder")}
            value={input.subAcct ?? ""}
            onChange={(subAcct) => url.setParams({ subAcct })}
          />
          <DataTableTextFilter
            className="sm:w-60"
            label={t("rebateReports.trades.filters.instId")}
            placeholder={t("rebateReports.trades.filters.instIdPlaceholder")}
            value={input.instId ?? ""}
            onChange={(instId) => url.setParams({ instId: instId.toUpperCase() })}
          />
          <DataTableSelectFilter title={t("rebateReports.trades.filters.family")} options={families} value={input.instFamily} onChange={(instFamily) => url.setParams({ instFamily })} />
          <DataTableSelectFilter title={t("rebateReports.trades.filters.execType")} options={execTypes} value={input.execType} onChange={(execType) => url.setParams({ execType })} />
        </DataTableToolbar>
        <DataTable
          table={table}
          caption={t("rebateReports.trades.caption")}
          {...dataTableQueryProps(query, t)}
          filtered={url.hasFilters}
          empty={
            url.hasFilters ? (
              <FilteredEmpty
                title={t("rebateReports.trades.empty.filteredTitle")}
                hint={t("rebateReports.trades.empty.filteredHint")}
                clearLabel={t("rebateReports.trades.empty.clear")}
                onClear={url.resetFilters}
              />
            ) : (
              <EmptyState icon={ReceiptText} className="border-0" title={t("rebateReports.trades.empty.title")} description={t("rebateReports.trades.empty.hint")} />
            )
          }
        />
      </CardContent>
    </Card>
  );
}
