"use client";
/**
 * The brand's risk events: URL state → `risk.listEvents` → one server page, newest first. Filters by status,
 * kind and severity (and a customer, from a link); each row opens the event's detail.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ShieldAlert } from "lucide-react";
import Link from "next/link";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { DataTableFacetedFilter, type FacetOption } from "@/components/data-table/data-table-faceted-filter";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { FilteredEmpty } from "@/components/data-table/filtered-empty";
import { dataTableQueryProps } from "@/components/data-table/query-props";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import { RISK_EVENT_STATUSES, RISK_KIND_UNIT, RISK_KINDS, RISK_SEVERITIES, ZRiskEventListInput, type RiskEventStatus, type RiskKindKey, type RiskSeverity } from "@/lib/risk/schemas";
import { useTRPC } from "@/lib/trpc/client";
import type { RiskEventRow } from "@/server/risk/types";
import { CustomerNameLink } from "@/components/customers/customer-name-link";

const col = createDataTableColumnHelper<RiskEventRow>();
const getRowId = (row: RiskEventRow) => row.id;

export function EventStatusBadge({ status }: { status: RiskEventStatus }) {
  const t = useT();
  return <Badge variant={status === "open" ? "destructive" : status === "acknowledged" ? "secondary" : "outline"}>{t(`risk.statuses.${status}`)}</Badge>;
}

function useEventColumns() {
  const t = useT();
  const dateTime = useDateTimeFormat();
  return useMemo(() => {
    const title = (k: "opened" | "customer" | "kind" | "observed" | "threshold" | "severity" | "status" | "actions") => t(`risk.events.columns.${k}`);
    // Each kind counts in its own unit: USDT, a number of things, a percentage.
    const inUnit = (kind: RiskKindKey, value: string) => t(`risk.units.${RISK_KIND_UNIT[kind] ?? "USDT"}`, { value });
    return col.columns([
      col.accessor("createdAt", {
        id: "createdAt",
        header: ({ column }) => <DataTableColumnHeader column={column} title={title("opened")} />,
        cell: ({ row }) => (
          <Link href={`/risk/events/${row.original.id}`} className="whitespace-nowrap tabular-nums underline-offset-4 hover:underline">
            <time dateTime={row.original.createdAt.toISOString()}>{dateTime.format(row.original.createdAt)}</time>
          </Link>
        ),
        meta: { label: title("opened") },
      }),
      col.accessor((r) => r.customer.name, {
        id: "customer",
        header: title("customer"),
        enableSorting: false,
        enableHiding: false,
        cell: ({ row }) => <CustomerNameLink customer={row.original.customer} />,
        meta: { label: title("customer") },
      }),
      col.accessor("kind", { header: title("kind"), enableSorting: false, cell: ({ getValue }) => t(`risk.kinds.${getValue()}`), meta: { label: title("kind") } }),
      col.accessor("observed", { header: title("observed"), enableSorting: false, cell: ({ getValue, row }) => <span className="tabular-nums">{inUnit(row.original.kind, getValue())}</span>, meta: { label: title("observed") } }),
      col.accessor("threshold", { header: title("threshold"), enableSorting: false, cell: ({ getValue, row }) => <span className="tabular-nums">{inUnit(row.original.kind, getValue())}</span>, meta: { label: title("threshold") } }),
      col.accessor("severity", { header: title("severity"), enableSorting: false, cell: ({ getValue }) => t(`risk.severities.${getValue()}`), meta: { label: title("severity") } }),
      col.accessor("status", { header: title("status"), enableSorting: false, cell: ({ getValue }) => <EventStatusBadge status={getValue()} />, meta: { label: title("status") } }),
      col.accessor((r) => r.actions.join(","), {
        id: "actions",
        header: title("actions"),
        enableSorting: false,
        cell: ({ row }) => <span className="text-muted-foreground">{row.original.actions.map((a) => t(`risk.actions.${a}`)).join(", ")}</span>,
        meta: { label: title("actions") },
      }),
    ]);
  }, [t, dateTime]);
}

export function EventsTable() {
  const t = useT();
  const trpc = useTRPC();
  const url = useTableUrlState(ZRiskEventListInput, { keep: ["customerId"] });
  const { input } = url;
  const query = useQuery(trpc.risk.listEvents.queryOptions(input, { placeholderData: keepPreviousData }));
  const columns = useEventColumns();
  const table = useDataTable({ id: "risk-events", columns, page: query.data, url, getRowId, defaultSort: { id: "createdAt", desc: true } });
  const statusOptions = useMemo<FacetOption<RiskEventStatus>[]>(() => RISK_EVENT_STATUSES.map((value) => ({ value, label: t(`risk.statuses.${value}`) })), [t]);
  const kindOptions = useMemo<FacetOption<RiskKindKey>[]>(() => RISK_KINDS.map((value) => ({ value, label: t(`risk.kinds.${value}`) })), [t]);
  const severityOptions = useMemo<FacetOption<RiskSeverity>[]>(() => RISK_SEVERITIES.map((value) => ({ value, label: t(`risk.severities.${value}`) })), [t]);

  return (
    <div className="flex flex-col gap-3">
      <DataTableToolbar table={table} url={url} search={false}>
        <DataTableFacetedFilter title={t("risk.events.filters.status")} options={statusOptions} value={input.status} onChange={(status) => url.setParams({ status })} />
        <DataTableFacetedFilter title={t("risk.events.filters.kind")} options={kindOptions} value={input.kind} onChange={(kind) => url.setParams({ kind })} />
        <DataTableFacetedFilter title={t("risk.events.filters.severity")} options={severityOptions} value={input.severity} onChange={(severity) => url.setParams({ severity })} />
      </DataTableToolbar>
      <DataTable
        table={table}
        caption={t("risk.events.title")}
        {...dataTableQueryProps(query, t)}
        filtered={url.hasFilters}
        empty={
          url.hasFilters ? (
            <FilteredEmpty title={t("risk.events.filteredEmpty.title")} hint={t("risk.events.filteredEmpty.hint")} clearLabel={t("risk.events.filteredEmpty.clear")} onClear={url.resetFilters} />
          ) : (
            <EmptyState icon={ShieldAlert} className="border-0" title={t("risk.events.empty.title")} description={t("risk.events.empty.hint")} />
          )
        }
      />
    </div>
  );
}
