"use client";
/**
 * The audit table: URL state → `audit.list`, newest first, each entry a sentence. Filters: action (by name,
 * exact or "prefix.*" from the facets), kind of record, actor (name or email), date range and free-text
 * search; a row opens its detail sheet.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ScrollText, X } from "lucide-react";
import { useMemo, useState } from "react";
import { dataTableQueryProps } from "@/components/data-table/query-props";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableDateRange } from "@/components/data-table/data-table-date-range";
import { DataTableSelectFilter } from "@/components/data-table/data-table-select-filter";
import { DataTableTextFilter } from "@/components/data-table/data-table-text-filter";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { ZAuditListInput } from "@/lib/audit/schemas";
import type { AuditRow } from "@/server/audit/query";
import { useAuditColumns } from "./audit-columns";
import { actionOptions, entityTypeName } from "./audit-helpers";
import { AuditDetailSheet } from "./audit-detail-sheet";
import { useVerifyChain, VerifyChainButton, VerifyChainResult } from "./audit-verify";

const getRowId = (row: AuditRow) => row.id;
const EMPTY_FACETS = { actions: [] as string[], entityTypes: [] as string[] };

export function AuditTable({ canReadPlatform }: { canReadPlatform: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const url = useTableUrlState(ZAuditListInput);
  const { input } = url;
  // A stale platform=1 in a non-platform-admin's URL would only earn a FORBIDDEN: ignore it.
  const platform = canReadPlatform && input.platform === true;
  const listInput = useMemo(() => ({ ...input, platform: platform || undefined }), [input, platform]);
  const query = useQuery(trpc.audit.list.queryOptions(listInput, { placeholderData: keepPreviousData }));
  const facets = useQuery(trpc.audit.facets.queryOptions({ platform }, { staleTime: 60_000 })).data ?? EMPTY_FACETS;
  const verify = useVerifyChain();
  const [selected, setSelected] = useState<AuditRow | null>(null);

  const columns = useAuditColumns();
  const table = useDataTable({
    id: "audit",
    columns,
    page: query.data,
    url,
    getRowId,
    defaultSort: { id: "createdAt", desc: true },
  });

  const actions = useMemo(() => actionOptions(facets.actions, t), [facets.actions, t]);
  const entityTypes = useMemo(
    () => facets.entityTypes.map((value) => ({ value, label: entityTypeName(t, value) })),
    [facets.entityTypes, t],
  );
  const from = url.searchParams.get("from");
  const to = url.searchParams.get("to");

  return (
    <div className="flex flex-col gap-3">
      <DataTableToolbar
        table={table}
        url={url}
        searchPlaceholder={t("audit.searchPlaceholder")}
        exportHref="/api/export/audit"
        actions={<VerifyChainButton verify={verify} platform={platform} />}
      >
        <DataTableSelectFilter
          title={t("audit.filters.action")}
          options={actions}
          value={input.action}
          onChange={(action) => url.setParams({ action })}
        />
        <DataTableSelectFilter
          title={t("audit.filters.entityType")}
          options={entityTypes}
          value={input.entityType}
          onChange={(entityType) => url.setParams({ entityType })}
        />
        <DataTableTextFilter
          className="sm:w-48"
          label={t("audit.filters.actor")}
          placeholder={t("audit.filters.actorPlaceholder")}
          value={input.actor ?? ""}
          onChange={(actor) => url.setParams({ actor })}
        />
        <DataTableDateRange value={{ from, to }} onChange={(range) => url.setParams(range)} />
        {input.entityId && (
          <Badge variant="outline" className="h-8 gap-1.5 pr-1 font-mono font-normal">
            {t("audit.filters.entity", { entity: `${input.entityType ? entityTypeName(t, input.entityType) : ""} ${input.entityId}`.trim() })}
            <button
              type="button"
              className="rounded-sm p-0.5 hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:outline-none"
              aria-label={t("audit.filters.clearEntity")}
              onClick={() => url.setParams({ entityId: null })}
            >
              <X className="size-3.5" />
            </button>
          </Badge>
        )}
        {canReadPlatform && (
          <div className="flex h-8 items-center gap-2 px-1" title={t("audit.filters.platformHint")}>
            <Switch
              id="audit-platform"
              checked={platform}
              onCheckedChange={(checked) => {
                verify.reset(); // a result for the other chain would mislead
                url.setParams({ platform: checked ? "1" : null, action: null, entityType: null });
              }}
            />
            <Label htmlFor="audit-platform" className="text-sm font-normal">
              {t("audit.filters.platform")}
            </Label>
          </div>
        )}
      </DataTableToolbar>

      <VerifyChainResult verify={verify} />

      <DataTable
        table={table}
        caption={t("audit.title")}
        {...dataTableQueryProps(query, t)}
        filtered={url.hasFilters}
        onRowClick={setSelected}
        empty={url.hasFilters ? undefined : <EmptyState icon={ScrollText} className="border-0" title={t("audit.empty")} />}
      />

      <AuditDetailSheet
        entry={selected}
        onClose={() => setSelected(null)}
        onShowEntity={(entityType, entityId) => {
          setSelected(null);
          url.setParams({ entityType, entityId });
        }}
      />
    </div>
  );
}
