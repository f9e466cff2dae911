"use client";
/**
 * The KYC queue: URL state (parsed by `ZKycQueueInput`) → `kyc.queue` → one server page, oldest first.
 * With no status chosen the server shows the open statuses, so the status filter shows those as its
 * default. Reviewers can claim unassigned applications straight from the list; a row opens the review.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Inbox } from "lucide-react";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { toast } from "sonner";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableFacetedFilter, type FacetOption } from "@/components/data-table/data-table-faceted-filter";
import { DataTableSelectFilter } from "@/components/data-table/data-table-select-filter";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { dataTableQueryProps } from "@/components/data-table/query-props";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { CountryFilter } from "@/components/kyc/country-picker";
import { kycRefusal } from "@/components/kyc/kyc-errors";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import {
  KYC_APPLICATION_LEVELS,
  KYC_SCENARIOS,
  KYC_STATUSES,
  OPEN_KYC_STATUSES,
  ZKycQueueInput,
  type KycScenario,
  type KycStatus,
} from "@/lib/kyc/schemas";
import type { KycQueueRow } from "@/server/kyc/types";
import { useKycQueueColumns } from "./kyc-queue-columns";

const getRowId = (row: KycQueueRow) => row.id;
const MIN_AGE_HOURS = [4, 24, 72] as const;
type LevelValue = `${(typeof KYC_APPLICATION_LEVELS)[number]}`;
const LEVELS = KYC_APPLICATION_LEVELS.map((level) => `${level}` as LevelValue);

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v) => b.includes(v));

interface KycQueueTableProps {
  canReview: boolean;
  currentUserId: string;
}

/** What fits a 1440 px screen with the reviewer in view; the rest is in "View". */
const DEFAULT_HIDDEN = ["scenario", "country", "documents"] as const;

export function KycQueueTable({ canReview, currentUserId }: KycQueueTableProps) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const url = useTableUrlState(ZKycQueueInput);
  const { input } = url;
  const query = useQuery(trpc.kyc.queue.queryOptions(input, { placeholderData: keepPreviousData }));
  const slaHours = useQuery(trpc.kyc.settings.queryOptions(undefined, { staleTime: 5 * 60_000 })).data?.slaHours;
  const claim = useQuickClaim();

  // Mirrors the server's claim rule (transitions.ts) for the button only; the server decides.
  const canClaim = useMemo(
    () =>
      canReview
        ? (row: KycQueueRow) =>
            !row.assignee &&
            (row.status === "submitted" || row.status === "pending_second_approval") &&
            row.firstApprover?.id !== currentUserId
        : null,
    [canReview, currentUserId],
  );
  const columns = useKycQueueColumns({ currentUserId, slaHours, canClaim, claimingId: claim.pendingId, onClaim: claim.run });
  const table = useDataTable({
    id: "kyc-queue",
    columns,
    page: query.data,
    url,
    getRowId,
    defaultSort: { id: "submittedAt", desc: false },
    defaultHidden: DEFAULT_HIDDEN,
  });

  const statusOptions = useMemo<FacetOption<KycStatus>[]>(
    () => KYC_STATUSES.map((value) => ({ value, label: t(`kyc.status.${value}`) })),
    [t],
  );
  const levelOptions = useMemo<FacetOption<LevelValue>[]>(
    () => LEVELS.map((value) => ({ value, label: t("kyc.levelN", { level: value }) })),
    [t],
  );
  const scenarioOptions = useMemo<FacetOption<KycScenario>[]>(
    () => KYC_SCENARIOS.map((value) => ({ value, label: t(`kyc.scenario.${value}`) })),
    [t],
  );
  const assigneeOptions = useMemo(
    () => [
      { value: "me", label: t("kyc.queue.assignee.me") },
      { value: "unassigned", label: t("kyc.queue.assignee.unassigned") },
    ],
    [t],
  );
  const minAgeOptions = useMemo(
    () => MIN_AGE_HOURS.map((hours) => ({ value: String(hours), label: t("kyc.queue.minAge", { hours }) })),
    [t],
  );

  return (
    <div className="flex flex-col gap-3">
      <DataTableToolbar table={table} url={url} searchPlaceholder={t("kyc.queue.searchPlaceholder")}>
        <DataTableFacetedFilter
          title={t("kyc.queue.filters.status")}
          options={statusOptions}
          value={input.status ?? OPEN_KYC_STATUSES}
          // The open statuses are the default: keep them out of the URL; none at all also means the default.
          onChange={(value) => url.setParams({ status: value.length === 0 || sameSet(value, OPEN_KYC_STATUSES) ? null : value })}
        />
        <DataTableFacetedFilter
          title={t("kyc.queue.filters.level")}
          options={levelOptions}
          value={input.level}
          onChange={(value) => url.setParams({ level: value })}
        />
        <DataTableFacetedFilter
          title={t("kyc.queue.filters.scenario")}
          options={scenarioOptions}
          value={input.scenario}
          onChange={(value) => url.setParams({ scenario: value })}
        />
        <CountryFilter title={t("kyc.queue.filters.country")} value={input.country} onChange={(country) => url.setParams({ country })} />
        <DataTableSelectFilter
          title={t("kyc.queue.filters.assignee")}
          options={assigneeOptions}
          value={input.assignee === "any" ? null : input.assignee}
          onChange={(assignee) => url.setParams({ assignee })}
        />
        <DataTableSelectFilter
          title={t("kyc.queue.filters.minAge")}
          options={minAgeOptions}
          value={input.minAgeHours === undefined ? null : String(input.minAgeHours)}
          onChange={(minAgeHours) => url.setParams({ minAgeHours })}
        />
      </DataTableToolbar>

      <DataTable
        table={table}
        caption={t("kyc.queue.caption")}
        {...dataTableQueryProps(query, t)}
        filtered={url.hasFilters}
        onRowClick={(row) => router.push(`/kyc/${row.id}`)}
        empty={
          url.hasFilters ? undefined : (
            <EmptyState icon={Inbox} className="border-0" title={t("kyc.queue.empty")} description={t("kyc.queue.emptyHint")} />
          )
        }
      />
    </div>
  );
}

/** Claim from the list: one at a time, with a toast; a refusal (someone was quicker) refreshes the list. */
function useQuickClaim() {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pendingId, setPendingId] = useState<string | null>(null);
  const { mutate } = useMutation(trpc.kyc.claim.mutationOptions());
  const run = useCallback(
    (row: KycQueueRow) => {
      setPendingId(row.id);
      mutate(
        { id: row.id, version: row.version },
        {
          onSuccess: (detail) => {
            queryClient.setQueryData(trpc.kyc.get.queryKey({ id: detail.id }), detail);
            // Claiming from the list usually means reviewing next: offer the way there.
            toast.success(t("kyc.toast.claimed", { name: row.customerName }), {
              action: { label: t("kyc.queue.openClaimed"), onClick: () => router.push(`/kyc/${detail.id}`) },
            });
          },
          onError: (error) => toast.error(kycRefusal(error, t).message),
          onSettled: () => {
            setPendingId(null);
            return queryClient.invalidateQueries(trpc.kyc.queue.queryFilter());
          },
        },
      );
    },
    [mutate, queryClient, router, t, trpc],
  );
  return { pendingId, run };
}
