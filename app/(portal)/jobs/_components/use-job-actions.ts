"use client";
/**
 * The jobs page's actions (jobs.manage): pause / resume / run now per queue, retry / remove per job.
 * Each one toasts its outcome, shows a refusal with describeTrpcError, and refreshes the overview and
 * the job lists, since every action changes the counts.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { toast } from "sonner";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { describeTrpcError } from "@/lib/trpc/errors";

export function useJobActions() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();

  const refresh = useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.jobs.overview.queryFilter()),
        queryClient.invalidateQueries(trpc.jobs.list.pathFilter()),
      ]),
    [queryClient, trpc],
  );
  const onError = (error: unknown) => toast.error(describeTrpcError(error, t).message);

  const pause = useMutation(
    trpc.jobs.pause.mutationOptions({
      onSuccess: ({ queue }) => toast.success(t("jobs.toast.paused", { queue })),
      onError,
      onSettled: refresh,
    }),
  );
  const resume = useMutation(
    trpc.jobs.resume.mutationOptions({
      onSuccess: ({ queue }) => toast.success(t("jobs.toast.resumed", { queue })),
      onError,
      onSettled: refresh,
    }),
  );
  const runNow = useMutation(
    trpc.jobs.runNow.mutationOptions({
      // Same-minute run-nows share a job id: say so rather than pretend a second run was added.
      onSuccess: ({ queue, duplicate }) =>
        duplicate ? toast.info(t("jobs.toast.runDuplicate", { queue })) : toast.success(t("jobs.toast.runAdded", { queue })),
      onError,
      onSettled: refresh,
    }),
  );
  const retry = useMutation(
    trpc.jobs.retry.mutationOptions({
      onSuccess: ({ jobId }) => toast.success(t("jobs.toast.retried", { id: jobId })),
      onError,
      onSettled: refresh,
    }),
  );
  const remove = useMutation(
    trpc.jobs.remove.mutationOptions({
      onSuccess: ({ jobId }) => toast.success(t("jobs.toast.removed", { id: jobId })),
      onError,
      onSettled: refresh,
    }),
  );

  return { pause, resume, runNow, retry, remove };
}

export type JobActions = ReturnType<typeof useJobActions>;
