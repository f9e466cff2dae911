"use client";
/**
 * "Unlock" a fund lock, confirmed with a required reason. A refusal (changed meanwhile, already ended, or a
 * risk-rule lock for a non-admin) shows in the dialog, and the lock lists are reloaded so the next attempt
 * uses the current version.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { ReasonConfirmDialog, type ReasonRefusal } from "@/components/customers/reason-confirm-dialog";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { FundLockRow } from "@/server/fund-locks/types";
import { accountName } from "./fund-lock-badges";

export function UnlockDialog({ lock, onClose }: { lock: FundLockRow; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<ReasonRefusal | null>(null);
  const account = accountName(t, lock.account);
  // The trading-account list shows lock badges too.
  const reload = () => Promise.all([queryClient.invalidateQueries(trpc.fundLock.pathFilter()), queryClient.invalidateQueries(trpc.tradingAccount.pathFilter())]);
  const unlock = useMutation(
    trpc.fundLock.unlock.mutationOptions({
      onSuccess: () => {
        toast.success(t("fundLocks.unlock.done", { account, customer: lock.customer.name, direction: t(`fundLocks.directions.${lock.direction}`) }));
        void reload();
        onClose();
      },
      onError: async (error) => {
        const { message, code } = describeTrpcError(error, t);
        const refreshed = code === "CONFLICT";
        if (refreshed) await reload();
        setRefusal({ message, refreshed });
      },
    }),
  );

  return (
    <ReasonConfirmDialog
      title={t("fundLocks.unlock.title")}
      description={t("fundLocks.unlock.body", {
        blocks: t(`fundLocks.lock.blocks.${lock.direction}`),
        account,
        customer: lock.customer.name,
        reason: lock.reason,
      })}
      confirmLabel={t("fundLocks.unlock.action")}
      pending={unlock.isPending}
      refusal={refusal}
      onClose={onClose}
      onConfirm={(reason) => {
        setRefusal(null);
        unlock.mutate({ id: lock.id, version: lock.version, reason });
      }}
    />
  );
}
