"use client";
/**
 * The jobs of one queue in one state, newest first, one server page at a time (`jobs.list`), refreshed
 * with the overview. A row opens its details; managers retry failed jobs and remove finished ones
 * (after a confirmation).
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Inbox } from "lucide-react";
import { useCallback, useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableQueryProps } from "@/components/data-table/query-props";
import { useDataTable } from "@/components/data-table/use-data-table";
import type { TableUrlState } from "@/components/data-table/use-table-url-state";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import type { JobRow } from "@/server/jobs/types";
import { useJobColumns } from "./job-columns";
import { JobDetailsSheet } from "./job-details-sheet";
import type { JobActions } from "./use-job-actions";
import type { ZJobsPageParams } from "./url-state";

const getRowId = (row: JobRow) => row.id;

interface JobListProps {
  queue: string;
  url: TableUrlState<typeof ZJobsPageParams>;
  canManage: boolean;
  /** Platform admins: system jobs (no brand) are theirs to retry and remove. */
  canControl: boolean;
  actions: JobActions;
  refetchInterval: number | false;
}

export function JobList({ queue, url, canManage, canControl, actions, refetchInterval }: JobListProps) {
  const t = useT();
  const trpc = useTRPC();
  const { state, page, pageSize } = url.input;
  const query = useQuery(
    trpc.jobs.list.queryOptions({ queue, state, page, pageSize }, { placeholderData: keepPreviousData, refetchInterval }),
  );
  const [openId, setOpenId] = useState<string | null>(null);
  const [removing, setRemoving] = useState<JobRow | null>(null);

  const { retry, remove } = actions;
  const retryMutate = retry.mutate;
  const onRetry = useCallback((row: JobRow) => retryMutate({ queue: row.queue, id: row.id }), [retryMutate]);
  const onRemove = useCallback((row: JobRow) => setRemoving(row), []);
  const pendingId = retry.isPending ? (retry.variables?.id ?? null) : remove.isPending ? (remove.variables?.id ?? null) : null;

  const canAct = useCallback((row: JobRow) => row.brandId !== null || canControl, [canControl]);
  const columns = useJobColumns({ onRetry: canManage ? onRetry : null, onRemove: canManage ? onRemove : null, pendingId, canAct });
  const table = useDataTable({ id: "jobs", columns, page: query.data, url, getRowId });

  // Details follow the live list: a retried job leaves "failed", and its sheet closes with it.
  const openJob = useMemo(() => query.data?.rows.find((row) => row.id === openId) ?? null, [query.data, openId]);
  const stateLabel = t(`jobs.state.${state}`);

  return (
    <section className="flex flex-col gap-3" aria-labelledby="jobs-list-title">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="jobs-list-title" className="text-base font-semibold">
          {t("jobs.list.title", { state: stateLabel, queue })}
        </h2>
        {query.data && !query.data.totalIsExact && <p className="text-xs text-muted-foreground">{t("jobs.list.capped")}</p>}
      </div>
      <DataTable
        table={table}
        caption={t("jobs.list.caption", { state: stateLabel, queue })}
        {...dataTableQueryProps(query, t)}
        onRowClick={(row) => setOpenId(row.id)}
        empty={<EmptyState icon={Inbox} className="border-0" title={t(`jobs.list.empty.${state}`)} description={t("jobs.list.emptyHint")} />}
      />
      <JobDetailsSheet
        job={openJob}
        onOpenChange={(open) => !open && setOpenId(null)}
        onRetry={canManage && openJob && canAct(openJob) ? onRetry : null}
        onRemove={canManage && openJob && canAct(openJob) ? onRemove : null}
        pending={pendingId !== null && pendingId === openJob?.id}
      />
      {canManage && (
        <ConfirmDialog
          open={removing !== null}
          onOpenChange={(open) => !open && setRemoving(null)}
          title={t("jobs.confirm.removeTitle", { id: removing?.id ?? "" })}
          description={t("jobs.confirm.removeDescription")}
          confirmLabel={t("jobs.actions.remove")}
          cancelLabel={t("common.cancel")}
          destructive
          pending={remove.isPending}
          onConfirm={() => {
            if (!removing) return;
            remove.mutate(
              { queue: removing.queue, id: removing.id },
              {
                onSuccess: () => {
                  if (openId === removing.id) setOpenId(null);
                },
                onSettled: () => setRemoving(null),
              },
            );
          }}
        />
      )}
    </section>
  );
}
