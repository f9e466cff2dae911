"use client";
/**
 * The brand's partner keys: `partnerKey.list` (all of them: a brand has a few) filtered by status on the
 * server, searched (label, access key) and paged here from URL state. "New partner key", and per row Edit,
 * Rotate and Revoke; a new secret (create, rotate) is shown once and dropped from state when its dialog closes.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { KeySquare, Plus } from "lucide-react";
import { useCallback, useMemo, useState } from "react";
import { z } from "zod";
import { DataTable } from "@/components/data-table/data-table";
import { FilteredEmpty } from "@/components/data-table/filtered-empty";
import { DataTableSelectFilter, type SelectFilterOption } from "@/components/data-table/data-table-select-filter";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { dataTableQueryProps } from "@/components/data-table/query-props";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import { PARTNER_KEY_STATUSES } from "@/lib/partner-api/schemas";
import { ZTableQuery, type Page } from "@/lib/table-state";
import { useTRPC } from "@/lib/trpc/client";
import type { PartnerKeyRow } from "@/server/partner/types";
import { RevokePartnerKeyDialog, RotatePartnerKeyDialog } from "./key-action-dialogs";
import { usePartnerKeyColumns } from "./partner-key-columns";
import { CreatePartnerKeyDialog, EditPartnerKeyDialog } from "./partner-key-form-dialog";
import type { RowAction } from "./partner-key-row-actions";
import { PartnerKeySecretDialog, type IssuedSecret } from "./partner-key-secret-dialog";

const ZPartnerKeyTable = ZTableQuery.extend({ status: z.enum(PARTNER_KEY_STATUSES).optional() });
const getRowId = (row: PartnerKeyRow) => row.id;

type Open = { action: "create" } | { action: RowAction; row: PartnerKeyRow } | null;

export function PartnerKeysTable() {
  const t = useT();
  const trpc = useTRPC();
  const url = useTableUrlState(ZPartnerKeyTable);
  const { input } = url;
  const query = useQuery(trpc.partnerKey.list.queryOptions({ status: input.status }, { placeholderData: keepPreviousData }));
  const [open, setOpen] = useState<Open>(null);
  const [issued, setIssued] = useState<IssuedSecret | null>(null);
  const onAction = useCallback((action: RowAction, row: PartnerKeyRow) => setOpen({ action, row }), []);
  const columns = usePartnerKeyColumns(onAction);

  const page = useMemo<Page<PartnerKeyRow> | undefined>(() => {
    if (!query.data) return undefined;
    const q = input.q?.toLowerCase();
    const rows = q ? query.data.filter((r) => r.label.toLowerCase().includes(q) || r.accessKey.toLowerCase().includes(q)) : query.data;
    const start = (input.page - 1) * input.pageSize;
    return { rows: rows.slice(start, start + input.pageSize), total: rows.length, page: input.page, pageSize: input.pageSize };
  }, [query.data, input.q, input.page, input.pageSize]);

  const table = useDataTable({ id: "partner-keys", columns, page, url, getRowId });
  const statusOptions = useMemo<SelectFilterOption[]>(() => PARTNER_KEY_STATUSES.map((value) => ({ value, label: t(`partnerApi.statuses.${value}`) })), [t]);
  const create = (
    <Button size="sm" className="h-8" onClick={() => setOpen({ action: "create" })}>
      <Plus />
      {t("partnerApi.create.open")}
    </Button>
  );
  const close = () => setOpen(null);
  const showSecret = (next: IssuedSecret) => {
    setOpen(null);
    setIssued(next);
  };

  return (
    <div className="flex flex-col gap-3">
      <DataTableToolbar table={table} url={url} searchPlaceholder={t("partnerApi.searchPlaceholder")} actions={create}>
        <DataTableSelectFilter title={t("partnerApi.filters.status")} options={statusOptions} value={input.status} onChange={(status) => url.setParams({ status })} />
      </DataTableToolbar>

      <DataTable
        table={table}
        caption={t("partnerApi.title")}
        {...dataTableQueryProps(query, t)}
        filtered={url.hasFilters}
        empty={
          url.hasFilters ? (
            <FilteredEmpty title={t("partnerApi.empty.filteredTitle")} hint={t("partnerApi.empty.filteredHint")} clearLabel={t("partnerApi.empty.clearFilters")} onClear={url.resetFilters} />
          ) : (
            <EmptyState icon={KeySquare} className="border-0" title={t("partnerApi.empty.title")} description={t("partnerApi.empty.hint")} action={create} />
          )
        }
      />

      {open?.action === "create" && <CreatePartnerKeyDialog onClose={close} onCreated={showSecret} />}
      {open?.action === "edit" && <EditPartnerKeyDialog row={open.row} onClose={close} />}
      {open?.action === "rotate" && <RotatePartnerKeyDialog row={open.row} onClose={close} onRotated={showSecret} />}
      {open?.action === "revoke" && <RevokePartnerKeyDialog row={open.row} onClose={close} />}
      {issued && <PartnerKeySecretDialog issued={issued} onClose={() => setIssued(null)} />}
    </div>
  );
}
