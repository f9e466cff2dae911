"use client";
/**
 * Counts shown next to navigation items: for now the open high and medium risk events next to "Risk
 * events". One cheap query (cached per brand on the server for 30 s), asked again every minute and when
 * the window regains focus; only for roles that may read it.
 */
import { useQuery } from "@tanstack/react-query";
import type { Permission } from "@/lib/auth/permissions";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";

export interface NavCount {
  value: number;
  /** What the number counts, for screen readers and the tooltip. */
  label: string;
  tone: "danger" | "warning";
}

export function useNavCounts(permissions: readonly Permission[], hasBrand: boolean): Record<string, NavCount | undefined> {
  const t = useT();
  const trpc = useTRPC();
  const risk = useQuery(
    trpc.risk.attention.queryOptions(undefined, {
      enabled: hasBrand && permissions.includes("risk.read"),
      refetchInterval: 60_000,
      refetchOnWindowFocus: true,
      staleTime: 30_000,
    }),
  );
  const open = risk.data ? risk.data.high + risk.data.medium : 0;
  return {
    risk: open > 0 && risk.data ? { value: open, label: t("risk.navCount", { high: risk.data.high, medium: risk.data.medium }), tone: risk.data.high > 0 ? "danger" : "warning" } : undefined,
  };
}
