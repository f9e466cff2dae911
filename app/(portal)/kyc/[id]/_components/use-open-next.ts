"use client";
/**
 * "Approve and open next": after a decision, ask the server for the next application this reviewer may
 * work and open it; when none is left, say so and offer the way back to the queue.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { toast } from "sonner";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";

export function useOpenNext(currentId: string): () => Promise<void> {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    try {
      const next = await queryClient.fetchQuery(trpc.kyc.next.queryOptions({ after: currentId }, { staleTime: 0 }));
      if (next) {
        router.push(`/kyc/${next.id}`);
        return;
      }
      toast.info(t("kyc.next.none"), { action: { label: t("kyc.next.backToQueue"), onClick: () => router.push("/kyc") } });
    } catch (error) {
      toast.error(t("kyc.next.failed", { message: describeTrpcError(error, t).message }));
    }
  }, [currentId, queryClient, router, t, trpc]);
}
