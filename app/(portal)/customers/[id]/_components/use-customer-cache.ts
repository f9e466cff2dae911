"use client";
/**
 * Keeping the customer page current after a change. Every change procedure returns the customer as it
 * now is, which replaces the cached copy at once; the timeline and the list then refresh. A refusal
 * for a stale version reloads the customer, so the next attempt starts from what is really there.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { errorCodeOf } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { CustomerDetail } from "@/server/customers/types";

export function useCustomerCache(id: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMemo(
    () => ({
      applied(customer: CustomerDetail) {
        queryClient.setQueryData(trpc.customer.get.queryKey({ id }), customer);
        void queryClient.invalidateQueries(trpc.customer.timeline.pathFilter());
        void queryClient.invalidateQueries(trpc.customer.list.pathFilter());
        void queryClient.invalidateQueries(trpc.customerGroup.list.pathFilter()); // member counts
      },
      /** Reloads the customer and resolves with the fresh copy (undefined if that failed too). */
      async reload(): Promise<CustomerDetail | undefined> {
        await queryClient.invalidateQueries(trpc.customer.timeline.pathFilter());
        return queryClient.fetchQuery({ ...trpc.customer.get.queryOptions({ id }), staleTime: 0 }).catch(() => undefined);
      },
    }),
    [id, queryClient, trpc],
  );
}

/** A CONFLICT means the customer is not what this page showed (changed meanwhile, or in a state that forbids it). */
export const isConflict = (error: unknown) => errorCodeOf(error) === "CONFLICT";
