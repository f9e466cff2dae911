"use client";
/**
 * The customers list: URL state → `customer.list` → one keyset-paged server page. Search, filters
 * (status, KYC level, group, country, tag, registered between), sorting, column choice and the CSV
 * export of the filtered set. A row (click, Enter, or the name link) opens the customer; operations
 * also get "Register customer".
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { UserPlus, Users } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { FilteredEmpty } from "@/components/data-table/filtered-empty";
import { DataTableDateRange } from "@/components/data-table/data-table-date-range";
import { DataTableFacetedFilter, type FacetOption } from "@/components/data-table/data-table-faceted-filter";
import { DataTableTextFilter } from "@/components/data-table/data-table-text-filter";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { SaveSegmentButton } from "@/components/messages/save-segment-button";
import { dataTableQueryProps } from "@/components/data-table/query-props";
import { useCursorPaging } from "@/components/data-table/use-cursor-paging";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { countryOptions } from "@/lib/countries";
import { useLocale, useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { CUSTOMER_STATUSES, KYC_LEVELS, ZCustomerListInput, type CustomerStatus } from "@/lib/customers/schemas";
import type { CustomerRow } from "@/server/customers/types";
import { customerHref, useCustomerColumns } from "./customer-columns";
import { RegisterCustomerDialog } from "./register-customer-dialog";

const getRowId = (row: CustomerRow) => row.id;
/** What fits a 1440 px screen; the rest is one click away in "View". */
const DEFAULT_HIDDEN = ["group", "tags", "source"] as const;
type KycLevelValue = (typeof KYC_LEVELS)[number];

/** `canSaveSegment`: message.manage — the list's filters can be saved as a message segment. */
export function CustomersTable({ canManage, canSaveSegment }: { canManage: boolean; canSaveSegment: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const locale = useLocale();
  const url = useTableUrlState(ZCustomerListInput);
  const { input } = url;
  const query = useQuery(trpc.customer.list.queryOptions(input, { placeholderData: keepPreviousData }));
  const groups = useQuery(trpc.customerGroup.list.queryOptions(undefined, { staleTime: 60_000 }));
  const [registering, setRegistering] = useState(false);

  const columns = useCustomerColumns();
  const table = useDataTable({
    id: "customers",
    columns,
    page: query.data,
    url,
    getRowId,
    defaultSort: { id: "registeredAt", desc: true },
    defaultHidden: DEFAULT_HIDDEN,
    paging: "keyset",
  });
  const cursorPaging = useCursorPaging(query.data, url, { stale: query.isPlaceholderData });

  const statusOptions = useMemo<FacetOption<CustomerStatus>[]>(
    () => CUSTOMER_STATUSES.map((value) => ({ value, label: t(`customers.status.${value}`) })),
    [t],
  );
  const kycOptions = useMemo<FacetOption<KycLevelValue>[]>(
    () => KYC_LEVELS.map((value) => ({ value, label: t("customers.kycLevel.option", { level: value }) })),
    [t],
  );
  const groupOptions = useMemo<FacetOption[]>(
    () => [{ value: "none", label: t("customers.noGroup") }, ...(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))],
    [groups.data, t],
  );
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const registered = { from: url.searchParams.get("registeredFrom"), to: url.searchParams.get("registeredTo") };
  const statusChanged = { from: url.searchParams.get("statusChangedFrom"), to: url.searchParams.get("statusChangedTo") };
  const openRegister = () => setRegistering(true);

  return (
    <div className="flex flex-col gap-3">
      <DataTableToolbar
        table={table}
        url={url}
        searchPlaceholder={t("customers.searchPlaceholder")}
        exportHref="/api/export/customers"
        actions={
          <>
            {canSaveSegment && <SaveSegmentButton input={input} />}
            {canManage && (
              <Button size="sm" className="h-8" onClick={openRegister}>
                <UserPlus />
                {t("customers.actions.register")}
              </Button>
            )}
          </>
        }
      >
        <DataTableFacetedFilter
          title={t("customers.filters.status")}
          options={statusOptions}
          value={input.status}
          onChange={(status) => url.setParams({ status })}
        />
        <DataTableFacetedFilter
          title={t("customers.filters.kycLevel")}
          options={kycOptions}
          value={input.kycLevel}
          onChange={(kycLevel) => url.setParams({ kycLevel })}
        />
        <DataTableFacetedFilter
          title={t("customers.filters.group")}
          options={groupOptions}
          value={input.group}
          onChange={(group) => url.setParams({ group })}
        />
        <DataTableFacetedFilter
          title={t("customers.filters.country")}
          options={countries}
          value={input.country}
          onChange={(country) => url.setParams({ country })}
          searchLabel={t("customers.filters.countrySearch")}
        />
        <DataTableTextFilter
          className="sm:w-36"
          label={t("customers.filters.tag")}
          placeholder={t("customers.filters.tagPlaceholder")}
          value={input.tag ?? ""}
          onChange={(tag) => url.setParams({ tag })}
        />
        <DataTableDateRange
          label={t("customers.filters.registered")}
          value={registered}
          onChange={({ from, to }) => url.setParams({ registeredFrom: from, registeredTo: to })}
        />
        <DataTableDateRange
          label={t("customers.filters.statusChanged")}
          value={statusChanged}
          onChange={({ from, to }) => url.setParams({ statusChangedFrom: from, statusChangedTo: to })}
        />
      </DataTableToolbar>

      <DataTable
        table={table}
        caption={t("customers.title")}
        {...dataTableQueryProps(query, t)}
        cursorPaging={cursorPaging}
        filtered={url.hasFilters}
        onRowClick={(row) => router.push(customerHref(row.id))}
        empty={
          url.hasFilters ? (
            <FilteredEmpty title={t("customers.empty.filteredTitle")} hint={t("customers.empty.filteredHint")} clearLabel={t("customers.empty.clearFilters")} onClear={url.resetFilters} />
          ) : (
            <EmptyState
              icon={Users}
              className="border-0"
              title={t("customers.empty.title")}
              description={t("customers.empty.hint")}
              action={
                canManage && (
                  <Button size="sm" onClick={openRegister}>
                    <UserPlus />
                    {t("customers.actions.register")}
                  </Button>
                )
              }
            />
          )
        }
      />

      {registering && <RegisterCustomerDialog onClose={() => setRegistering(false)} />}
    </div>
  );
}
