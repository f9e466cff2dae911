"use client";
/**
 * The approvals inbox: URL state → `approvals.list` ("Waiting for me", "All pending") or `approvals.mine`
 * ("My requests") → one offset-paged server page merged from every kind the caller may see. Filters by kind,
 * requester and age; approve / reject through a confirming dialog with a note.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Inbox } from "lucide-react";
import { useCallback, useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { FilteredEmpty } from "@/components/data-table/filtered-empty";
import { DataTableFacetedFilter, type FacetOption } from "@/components/data-table/data-table-faceted-filter";
import { DataTableSelectFilter } from "@/components/data-table/data-table-select-filter";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { dataTableQueryProps } from "@/components/data-table/query-props";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { APPROVAL_AGES, ZApprovalPageState, type ApprovalView } from "@/lib/approvals/schemas";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import type { ApprovalItem } from "@/server/approvals/types";
import { useApprovalColumns, type Decision } from "./approval-columns";
import { DecisionDialog } from "./decision-dialog";

const getRowId = (row: ApprovalItem) => `${row.kind}:${row.id}`;

/** `canDecide`: approval.decide — without it there is nothing "waiting for me", so "My requests" comes first. */
export function ApprovalsInbox({ canDecide, viewerId }: { canDecide: boolean; viewerId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const url = useTableUrlState(ZApprovalPageState, { keep: ["view"] });
  const { view: asked, requester, ...filters } = url.input;
  const view: ApprovalView = asked === "waiting" && !canDecide ? "mine" : asked;

  const listQuery = useQuery(trpc.approvals.list.queryOptions({ ...filters, requester, view: view === "all" ? "all" : "waiting" }, { enabled: view !== "mine", placeholderData: keepPreviousData }));
  const mineQuery = useQuery(trpc.approvals.mine.queryOptions(filters, { enabled: view === "mine", placeholderData: keepPreviousData }));
  const waiting = useQuery(trpc.approvals.count.queryOptions(undefined, { enabled: canDecide }));
  const query = view === "mine" ? mineQuery : listQuery;

  const [deciding, setDeciding] = useState<{ item: ApprovalItem; decision: Decision } | null>(null);
  const onDecide = useCallback((item: ApprovalItem, decision: Decision) => setDeciding({ item, decision }), []);
  const onRequester = useCallback((id: string) => url.setParams({ requester: id }), [url]);
  const kinds = query.data?.kinds;
  const kindLabels = useMemo(() => new Map((kinds ?? []).map((k) => [k.key, t(k.label)])), [kinds, t]);
  const columns = useApprovalColumns({ onDecide, onRequester: view === "mine" ? undefined : onRequester, kindLabels, viewerId });
  const table = useDataTable({
    id: "approvals",
    columns,
    page: query.data,
    url,
    getRowId,
    defaultSort: { id: "requestedAt", desc: false },
  });

  const kindOptions = useMemo<FacetOption[]>(() => (kinds ?? []).map((k) => ({ value: k.key, label: t(k.label), count: k.count })), [kinds, t]);
  const requesterOptions = useMemo(() => (query.data?.requesters ?? []).map((r) => ({ value: r.id, label: r.name })), [query.data?.requesters]);
  const ageOptions = useMemo(() => APPROVAL_AGES.map((value) => ({ value, label: t(`approvals.ages.${value}`) })), [t]);

  const views: ApprovalView[] = canDecide ? ["waiting", "mine", "all"] : ["mine", "all"];
  const hasFilters = Boolean(filters.kind?.length || filters.olderThan || (view !== "mine" && requester));

  return (
    <div className="flex flex-col gap-3">
      <Tabs value={view} onValueChange={(next) => url.setParams({ view: next, requester: next === "mine" ? null : requester })}>
        <TabsList aria-label={t("approvals.views.label")}>
          {views.map((v) => (
            <TabsTrigger key={v} value={v}>
              {t(`approvals.views.${v}`)}
              {v === "waiting" && waiting.data && waiting.data.count > 0 && (
                <Badge variant="secondary" className="ml-1 h-5 rounded-full px-1.5 tabular-nums">
                  {waiting.data.capped ? `${waiting.data.count}+` : waiting.data.count}
                </Badge>
              )}
            </TabsTrigger>
          ))}
        </TabsList>
      </Tabs>

      <DataTableToolbar table={table} url={url} search={false}>
        <DataTableFacetedFilter title={t("approvals.filters.kind")} options={kindOptions} value={filters.kind} onChange={(kind) => url.setParams({ kind })} />
        {view !== "mine" && (
          <DataTableSelectFilter title={t("approvals.filters.requester")} options={requesterOptions} value={requester ?? null} onChange={(id) => url.setParams({ requester: id })} />
        )}
        <DataTableSelectFilter title={t("approvals.filters.olderThan")} options={ageOptions} value={filters.olderThan ?? null} onChange={(olderThan) => url.setParams({ olderThan })} />
      </DataTableToolbar>

      <DataTable
        table={table}
        caption={t(`approvals.views.${view}`)}
        {...dataTableQueryProps(query, t)}
        filtered={hasFilters}
        empty={
          hasFilters ? (
            <FilteredEmpty title={t("approvals.empty.filtered")} hint={t("approvals.empty.filteredHint")} clearLabel={t("approvals.empty.clearFilters")} onClear={url.resetFilters} />
          ) : (
            <EmptyState icon={Inbox} className="border-0" title={t(`approvals.empty.${view}`)} description={t(`approvals.empty.${view}Hint`)} />
          )
        }
      />
      {deciding && <DecisionDialog item={deciding.item} decision={deciding.decision} onClose={() => setDeciding(null)} />}
    </div>
  );
}
