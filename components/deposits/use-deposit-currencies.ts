"use client";
/**
 * The brand's exchange's depositable currencies (`deposit.currencies`), shared by the address forms and the
 * deposits filter. Suggestions only: while it loads, or if it failed, the forms still take any code.
 * The server keeps the list ten minutes, so the browser does too, and does not retry a failure.
 */
import { useQuery } from "@tanstack/react-query";
import type { KnownCurrency } from "@/lib/deposits/currencies";
import { useTRPC } from "@/lib/trpc/client";

const EMPTY: readonly KnownCurrency[] = [];

export function useDepositCurrencies() {
  const trpc = useTRPC();
  const query = useQuery(trpc.deposit.currencies.queryOptions(undefined, { staleTime: 10 * 60_000, retry: false }));
  return { list: query.data ?? EMPTY, loading: query.isPending, failed: query.isError };
}
