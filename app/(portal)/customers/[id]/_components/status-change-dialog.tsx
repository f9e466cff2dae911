"use client";
/**
 * Freeze, unfreeze or close, each confirmed with a required reason. Closing is final and says so. A
 * refusal (changed meanwhile, already in that state, or close refused while balances are open) is
 * shown in the dialog, and the customer is reloaded so the page and the next attempt are current.
 */
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { ReasonConfirmDialog, type ReasonRefusal } from "@/components/customers/reason-confirm-dialog";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { CustomerDetail } from "@/server/customers/types";
import { isConflict, useCustomerCache } from "./use-customer-cache";

export type StatusChange = "freeze" | "unfreeze" | "close";

interface StatusChangeDialogProps {
  change: StatusChange;
  customer: CustomerDetail;
  onClose: () => void;
}

export function StatusChangeDialog({ change, customer, onClose }: StatusChangeDialogProps) {
  const t = useT();
  const trpc = useTRPC();
  const cache = useCustomerCache(customer.id);
  const [refusal, setRefusal] = useState<ReasonRefusal | null>(null);
  const options = {
    onSuccess: (updated: CustomerDetail) => {
      cache.applied(updated);
      toast.success(t(`customers.statusChange.${change}.done`, { name: updated.name }));
      onClose();
    },
    onError: async (error: unknown) => {
      const { message } = describeTrpcError(error, t);
      const refreshed = isConflict(error) && (await cache.reload()) !== undefined;
      setRefusal({ message, refreshed });
    },
  };
  const freeze = useMutation(trpc.customer.freeze.mutationOptions(options));
  const unfreeze = useMutation(trpc.customer.unfreeze.mutationOptions(options));
  const close = useMutation(trpc.customer.close.mutationOptions(options));
  const mutation = { freeze, unfreeze, close }[change];
  const vars = { name: customer.name, uid: customer.uid };

  return (
    <ReasonConfirmDialog
      title={t(`customers.statusChange.${change}.title`, vars)}
      description={t(`customers.statusChange.${change}.body`, vars)}
      confirmLabel={t(`customers.statusChange.${change}.action`)}
      destructive={change !== "unfreeze"}
      pending={mutation.isPending}
      refusal={refusal}
      onClose={onClose}
      onConfirm={(reason) => {
        setRefusal(null);
        // The version of the customer as shown now (it moves on when a refusal reloaded it).
        mutation.mutate({ id: customer.id, version: customer.version, reason });
      }}
    />
  );
}
