"use client";
/** The brand's campaigns, newest first, with budget and amount granted; "New campaign" for bonus.manage. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Gift, Plus, SearchX } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { DataTableFacetedFilter, type FacetOption } from "@/components/data-table/data-table-faceted-filter";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { LoadError } from "@/components/load-error";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Amount } from "@/components/ui/amount";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { BONUS_CAMPAIGN_STATUSES, ZCampaignListInput, type BonusCampaignStatus } from "@/lib/bonuses/schemas";
import { CampaignStatusBadge } from "./bonus-badges";
import { CampaignDialog } from "./campaign-dialog";

const PAGE_SIZE = 20;

export function CampaignsList({ canManage }: { canManage: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const date = useDateTimeFormat("date");
  // Status and page live in the URL, so the dashboard's tiles can open the list filtered.
  const url = useTableUrlState(ZCampaignListInput);
  const { page, status } = url.input;
  const setPage = (next: number) => url.setParams({ page: next });
  const [creating, setCreating] = useState(false);
  const list = useQuery({ ...trpc.bonus.campaign.list.queryOptions({ page, pageSize: PAGE_SIZE, dir: "desc", status }), placeholderData: keepPreviousData });
  const statusOptions = useMemo<FacetOption<BonusCampaignStatus>[]>(
    () => BONUS_CAMPAIGN_STATUSES.map((value) => ({ value, label: t(`bonuses.campaignStatuses.${value}`) })),
    [t],
  );
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));

  const newButton = canManage && (
    <Button size="sm" onClick={() => setCreating(true)}>
      <Plus />
      {t("bonuses.create.button")}
    </Button>
  );

  let body;
  if (list.isPending) {
    body = (
      <div className="grid gap-2" aria-busy="true">
        <span className="sr-only" role="status">
          {t("common.loading")}
        </span>
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-10 w-full" />
      </div>
    );
  } else if (list.isError) {
    body = (
      <LoadError title={t("bonuses.loadError")} error={list.error} onRetry={() => void list.refetch()} />
    );
  } else if (list.data.total === 0 && url.hasFilters) {
    body = (
      <EmptyState
        icon={SearchX}
        title={t("bonuses.list.filteredEmpty")}
        action={
          <Button variant="outline" size="sm" onClick={url.resetFilters}>
            {t("bonuses.grantsList.empty.clearFilters")}
          </Button>
        }
      />
    );
  } else if (list.data.total === 0) {
    body = <EmptyState icon={Gift} title={t("bonuses.list.empty")} description={t("bonuses.list.emptyHint")} action={newButton || undefined} />;
  } else {
    body = (
      <div className="grid gap-3">
        <Table>
          <TableCaption className="sr-only">{t("bonuses.title")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("bonuses.list.name")}</TableHead>
              <TableHead>{t("bonuses.list.type")}</TableHead>
              <TableHead>{t("bonuses.list.status")}</TableHead>
              <TableHead className="text-right">{t("bonuses.list.budget")}</TableHead>
              <TableHead className="text-right">{t("bonuses.list.granted")}</TableHead>
              <TableHead>{t("bonuses.list.period")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.rows.map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  <Link href={`/bonuses/${c.id}`} className="font-medium underline-offset-4 hover:underline">
                    {c.name}
                  </Link>
                </TableCell>
                <TableCell>{t(`bonuses.types.${c.type}`)}</TableCell>
                <TableCell>
                  <CampaignStatusBadge status={c.status} />
                </TableCell>
                <TableCell className="text-right font-mono tabular-nums">
                  <Amount value={c.budget} currency={c.currency} />
                </TableCell>
                <TableCell className="text-right font-mono tabular-nums">
                  <Amount value={c.granted} />
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  {date.format(c.startsAt)} – {c.endsAt ? date.format(c.endsAt) : t("bonuses.none")}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {pages > 1 && (
          <div className="flex items-center justify-end gap-2 text-sm">
            <span className="text-muted-foreground">{t("bonuses.list.pageOf", { page, pages })}</span>
            <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t("bonuses.list.previous")}
            </Button>
            <Button variant="outline" size="sm" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              {t("bonuses.list.next")}
            </Button>
          </div>
        )}
      </div>
    );
  }

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <DataTableFacetedFilter title={t("bonuses.list.status")} options={statusOptions} value={status} onChange={(next) => url.setParams({ status: next })} />
        {list.data && (list.data.total > 0 || url.hasFilters) && newButton}
      </div>
      {body}
      {creating && <CampaignDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
