"use client";
/**
 * Keeping the sub-account page current after a change: every change procedure returns the sub-account as
 * it now is, which replaces the cached copy; the lists (this brand's, and a customer's tab) refresh. A
 * refusal for a stale version reloads it, so the next attempt starts from what is really there.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { errorCodeOf } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { SubaccountDetail } from "@/lib/subaccounts/schemas";

export function useSubaccountCache(id: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMemo(
    () => ({
      applied(detail: SubaccountDetail) {
        queryClient.setQueryData(trpc.subaccount.get.queryKey({ id }), detail);
        void queryClient.invalidateQueries(trpc.subaccount.list.pathFilter());
      },
      /** Reloads the sub-account; resolves true when that worked. */
      async reload(): Promise<boolean> {
        return queryClient
          .fetchQuery({ ...trpc.subaccount.get.queryOptions({ id }), staleTime: 0 })
          .then(() => true)
          .catch(() => false);
      },
    }),
    [id, queryClient, trpc],
  );
}

/** A CONFLICT means the sub-account is not what the page showed (changed meanwhile, removed, ...). */
export const isConflict = (error: unknown) => errorCodeOf(error) === "CONFLICT";
