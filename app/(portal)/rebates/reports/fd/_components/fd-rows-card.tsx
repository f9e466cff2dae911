"use client";
/**
 * The FD rebate rows behind the report (`rebate.fdRows`), server-paged from the page's URL state: the range,
 * the drill-down's filters (customer — or the rows attributed to none —, instrument, family, affiliate flag,
 * order) and the CSV export of every matching row.
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
import { FD_DEFAULT_HIDDEN, fdRowId, useFdColumns } from "@/components/rebate-reports/fd-columns";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import { AFFILIATED_VALUES, type ZFdReportsQuery } from "@/lib/rebates/fd-schemas";
import { INST_FAMILIES, UNLINKED_CUSTOMER } from "@/lib/rebates/schemas";
import { useTRPC } from "@/lib/trpc/client";

export function FdRowsCard({ url }: { url: TableUrlState<typeof ZFdReportsQuery> }) {
  const t = useT();
  const trpc = useTRPC();
  const { by: _by, ...input } = url.input;
  const query = useQuery(trpc.rebate.fdRows.queryOptions(input, { placeholderData: keepPreviousData }));
  const columns = useFdColumns();
  const table = useDataTable({
    id: "fd-rebate-rows",
    columns,
    page: query.data,
    url,
    getRowId: fdRowId,
    defaultSort: { id: "lastFillAt", desc: true },
    defaultHidden: FD_DEFAULT_HIDDEN,
  });
  const families = useMemo<SelectFilterOption[]>(() => INST_FAMILIES.map((value) => ({ value, label: t(`rebateReports.families.${value}`) })), [t]);
  const affiliated = useMemo<SelectFilterOption[]>(() => AFFILIATED_VALUES.map((value) => ({ value, label: t(`fdReports.affiliated.${value}`) })), [t]);
  const unlinked = input.customerId === UNLINKED_CUSTOMER;

  return (
    <Card id="fd-rows" className="scroll-mt-4 gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle>{t("fdReports.rows.title")}</CardTitle>
        <CardDescription>{t("fdReports.rows.description")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3 px-4">
        <DataTableToolbar table={table} url={url} search={false} exportHref="/api/export/fdRebates">
          {unlinked ? (
            <Button variant="secondary" size="sm" className="h-8" title={t("fdReports.rows.filters.clearUnlinked")} onClick={() => url.setParams({ customerId: null })}>
              {t("fdReports.rows.filters.unlinked")}
              <X />
            </Button>
          ) : (
            <CustomerFilter value={input.customerId} onChange={(customerId) => url.setParams({ customerId })} />
          )}
          <DataTableTextFilter
            className="sm:w-56"
            label={t("fdReports.rows.filters.instId")}
            placeholder={t("fdReports.rows.filters.instIdPlaceholder")}
            value={input.instId ?? ""}
            onChange={(instId) => url.setParams({ instId: instId.toUpperCase() })}
          />
          <DataTableTextFilter
            className="sm:w-48"
            label={t("fdReports.rows.filters.ordId")}
            placeholder={t("fdReports.rows.filters.ordIdPlaceholder")}
            value={input.ordId ?? ""}
            onChange={(ordId) => url.setParams({ ordId: ordId.replace(/\D/g, "") })}
          />
          <DataTableSelectFilter title={t("fdReports.rows.filters.family")} options={families} value={input.instFamily} onChange={(instFamily) => url.setParams({ instFamily })} />
          <DataTableSelectFilter title={t("fdReports.rows.filters.affiliated")} options={affiliated} value={input.affiliated} onChange={(value) => url.setParams({ affiliated: value })} />
        </DataTableToolbar>
        <DataTable
          table={table}
          caption={t("fdReports.rows.caption")}
          {...dataTableQueryProps(query, t)}
          filtered={url.hasFilters}
          empty={
            url.hasFilters ? (
              <FilteredEmpty
                title={t("fdReports.rows.empty.filteredTitle")}
                hint={t("fdReports.rows.empty.filteredHint")}
                clearLabel={t("fdReports.rows.empty.clear")}
                onClear={url.resetFilters}
              />
            ) : (
              <EmptyState icon={ReceiptText} className="border-0" title={t("fdReports.rows.empty.title")} description={t("fdReports.rows.empty.hint")} />
            )
          }
        />
      </CardContent>
    </Card>
  );
}
