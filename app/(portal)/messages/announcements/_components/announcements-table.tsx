"use client";
/**
 * The brand's announcements: URL state → `announcement.list` → one offset-paged server page. Title search,
 * the status filter (draft, scheduled, live, ended, unpublished), sorting by creation or start, column choice;
 * for those who may change them, "New announcement" and per row publish / unpublish / delete.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Megaphone, Plus } from "lucide-react";
import Link from "next/link";
import { useCallback, useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableFacetedFilter, type FacetOption } from "@/components/data-table/data-table-faceted-filter";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { FilteredEmpty } from "@/components/data-table/filtered-empty";
import { dataTableQueryProps } from "@/components/data-table/query-props";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { ANNOUNCEMENT_STATES, ZAnnouncementListInput, type AnnouncementState } from "@/lib/announcements/schemas";
import type { AnnouncementRow } from "@/server/announcements/types";
import { AnnouncementActionDialog, type AnnouncementAction } from "./announcement-action-dialogs";
import { ANNOUNCEMENT_DEFAULT_HIDDEN, useAnnouncementColumns } from "./announcement-columns";

const getRowId = (row: AnnouncementRow) => row.id;

/** "New announcement": opens the editor. */
export function NewAnnouncementButton() {
  const t = useT();
  return (
    <Button asChild size="sm" className="h-8">
      <Link href="/messages/announcements/new">
        <Plus />
        {t("announcements.create.open")}
      </Link>
    </Button>
  );
}

export function AnnouncementsTable({ canManage }: { canManage: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const url = useTableUrlState(ZAnnouncementListInput);
  const { input } = url;
  const query = useQuery(trpc.announcement.list.queryOptions(input, { placeholderData: keepPreviousData }));
  const [open, setOpen] = useState<{ action: AnnouncementAction; id: string } | null>(null);
  const onAction = useCallback((action: AnnouncementAction, row: AnnouncementRow) => setOpen({ action, id: row.id }), []);
  const columns = useAnnouncementColumns(canManage ? onAction : null);
  const table = useDataTable({
    id: "announcements",
    columns,
    page: query.data,
    url,
    getRowId,
    defaultSort: { id: "createdAt", desc: true },
    defaultHidden: ANNOUNCEMENT_DEFAULT_HIDDEN,
  });
  const statusOptions = useMemo<FacetOption<AnnouncementState>[]>(() => ANNOUNCEMENT_STATES.map((value) => ({ value, label: t(`announcements.states.${value}`) })), [t]);
  // The row as the list has it now (reloaded after a refusal), so a second attempt uses its current version.
  const openRow = open ? query.data?.rows.find((r) => r.id === open.id) : undefined;

  return (
    <div className="flex flex-col gap-3">
      <DataTableToolbar table={table} url={url} searchPlaceholder={t("announcements.searchPlaceholder")} actions={canManage ? <NewAnnouncementButton /> : undefined}>
        <DataTableFacetedFilter title={t("announcements.filters.status")} options={statusOptions} value={input.status} onChange={(status) => url.setParams({ status })} />
      </DataTableToolbar>

      <DataTable
        table={table}
        caption={t("announcements.title")}
        {...dataTableQueryProps(query, t)}
        filtered={url.hasFilters}
        empty={
          url.hasFilters ? (
            <FilteredEmpty title={t("announcements.empty.filteredTitle")} hint={t("announcements.empty.filteredHint")} clearLabel={t("announcements.empty.clearFilters")} onClear={url.resetFilters} />
          ) : (
            <EmptyState icon={Megaphone} className="border-0" title={t("announcements.empty.title")} description={t("announcements.empty.hint")} action={canManage ? <NewAnnouncementButton /> : undefined} />
          )
        }
      />
      {open && openRow && <AnnouncementActionDialog action={open.action} row={openRow} onClose={() => setOpen(null)} />}
    </div>
  );
}
