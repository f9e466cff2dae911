"use client";
/**
 * The brand's messages: URL state → `message.list` → one server page, newest first. Filters: status, type
 * and source (automatic messages only when chosen there — there are many, one per event and customer).
 * Each title opens the message's page.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Mail, Plus } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableFacetedFilter, type FacetOption } from "@/components/data-table/data-table-faceted-filter";
import { DataTableSelectFilter, type SelectFilterOption } from "@/components/data-table/data-table-select-filter";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { FilteredEmpty } from "@/components/data-table/filtered-empty";
import { dataTableQueryProps } from "@/components/data-table/query-props";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { MESSAGE_SOURCES, MESSAGE_STATUSES, MESSAGE_TYPES, ZMessageListInput, type MessageStatus, type MessageType } from "@/lib/messages/schemas";
import { MESSAGE_DEFAULT_HIDDEN, useMessageColumns } from "./message-columns";
import type { MessageListRow } from "./types";

const getRowId = (row: MessageListRow) => row.id;

export function MessagesTable({ canManage }: { canManage: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const url = useTableUrlState(ZMessageListInput);
  const { input } = url;
  const query = useQuery(trpc.message.list.queryOptions(input, { placeholderData: keepPreviousData }));
  const columns = useMessageColumns();
  const table = useDataTable({
    id: "messages",
    columns,
    page: query.data,
    url,
    getRowId,
    defaultHidden: MESSAGE_DEFAULT_HIDDEN,
  });

  const statusOptions = useMemo<FacetOption<MessageStatus>[]>(() => MESSAGE_STATUSES.map((value) => ({ value, label: t(`messages.statuses.${value}`) })), [t]);
  const typeOptions = useMemo<FacetOption<MessageType>[]>(() => MESSAGE_TYPES.map((value) => ({ value, label: t(`messages.types.${value}`) })), [t]);
  const sourceOptions = useMemo<SelectFilterOption[]>(() => MESSAGE_SOURCES.map((value) => ({ value, label: t(`messages.list.sourceOptions.${value}`) })), [t]);

  return (
    <div className="flex flex-col gap-3">
      <DataTableToolbar table={table} url={url} searchPlaceholder={t("messages.list.searchPlaceholder")}>
        <DataTableFacetedFilter title={t("messages.list.filters.status")} options={statusOptions} value={input.status} onChange={(status) => url.setParams({ status })} />
        <DataTableFacetedFilter title={t("messages.list.filters.type")} options={typeOptions} value={input.type} onChange={(type) => url.setParams({ type })} />
        <DataTableSelectFilter title={t("messages.list.filters.source")} options={sourceOptions} value={input.source} onChange={(source) => url.setParams({ source })} />
        {!input.source && <span className="text-xs text-muted-foreground">{t("messages.list.sourceHint")}</span>}
      </DataTableToolbar>
      <DataTable
        table={table}
        caption={t("messages.title")}
        {...dataTableQueryProps(query, t)}
        filtered={url.hasFilters}
        onRowClick={(row) => router.push(`/messages/${row.id}`)}
        empty={
          url.hasFilters ? (
            <FilteredEmpty title={t("messages.list.empty.filteredTitle")} hint={t("messages.list.empty.filteredHint")} clearLabel={t("messages.list.empty.clearFilters")} onClear={url.resetFilters} />
          ) : (
            <EmptyState
              icon={Mail}
              className="border-0"
              title={t("messages.list.empty.title")}
              description={t("messages.list.empty.hint")}
              action={
                canManage && (
                  <Button asChild size="sm">
                    <Link href="/messages/new">
                      <Plus />
                      {t("messages.header.new")}
                    </Link>
                  </Button>
                )
              }
            />
          )
        }
      />
    </div>
  );
}
