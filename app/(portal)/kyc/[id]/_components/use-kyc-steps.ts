"use client";
/**
 * What every step on the review page does after the server answers. A success shows the returned
 * application at once and refreshes the lists that show it (queue, the customer's KYC tab and level).
 * A refusal always refetches, since it usually means the application moved on; a conflict (a stale
 * version, someone else was quicker) is announced in the page banner rather than inside a dialog.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { toast } from "sonner";
import { kycRefusal } from "@/components/kyc/kyc-errors";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import type { KycApplicationDetail } from "@/server/kyc/types";

export interface KycSteps {
  applied: (detail: KycApplicationDetail, message: string) => void;
  /** Returns the refusal; when `conflict` is true the banner already shows it. */
  refused: (error: unknown) => { conflict: boolean; message: string };
}

export function useKycSteps(applicationId: string, customerId: string, onConflict: (message: string) => void): KycSteps {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMemo(() => {
    const refreshLists = () => {
      void queryClient.invalidateQueries(trpc.kyc.queue.queryFilter());
      void queryClient.invalidateQueries(trpc.kyc.forCustomer.queryFilter({ customerId }));
      void queryClient.invalidateQueries(trpc.customer.get.queryFilter({ id: customerId }));
      void queryClient.invalidateQueries(trpc.customer.timeline.queryFilter());
    };
    return {
      applied(detail, message) {
        queryClient.setQueryData(trpc.kyc.get.queryKey({ id: applicationId }), detail);
        toast.success(message);
        refreshLists();
      },
      refused(error) {
        const refusal = kycRefusal(error, t);
        void queryClient.invalidateQueries(trpc.kyc.get.queryFilter({ id: applicationId }));
        if (refusal.conflict) {
          onConflict(refusal.message);
          refreshLists();
        }
        return refusal;
      },
    };
  }, [applicationId, customerId, onConflict, queryClient, t, trpc]);
}
