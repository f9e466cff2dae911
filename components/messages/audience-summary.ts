"use client";
/**
 * A message's audience in a few words ("Group: VIP", "1,200 UIDs"): group and segment names come from
 * the brand's lists (one query each, cached), a customer links to their page.
 */
import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";

interface StoredAudience {
  kind?: string;
  customerId?: string;
  uids?: string[];
  groupId?: string;
  segmentId?: string;
}

export function useAudienceSummary() {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const groups = useQuery(trpc.customerGroup.list.queryOptions(undefined, { staleTime: 60_000 }));
  const segments = useQuery(trpc.message.segments.queryOptions(undefined, { staleTime: 60_000 }));
  return useCallback(
    (audience: unknown): { text: string; customerId?: string } => {
      const a = (audience ?? {}) as StoredAudience;
      switch (a.kind) {
        case "customer":
          return { text: t("messages.audience.summary.customer"), customerId: a.customerId };
        case "uids":
          return { text: t("messages.audience.summary.uids", { count: f.number(a.uids?.length ?? 0) }) };
        case "group": {
          const name = groups.data?.find((g) => g.id === a.groupId)?.name;
          if (!groups.data) return { text: "…" };
          return { text: name ? t("messages.audience.summary.group", { name }) : t("messages.audience.summary.unknownGroup") };
        }
        case "segment": {
          const name = segments.data?.find((s) => s.id === a.segmentId)?.name;
          if (!segments.data) return { text: "…" };
          return { text: name ? t("messages.audience.summary.segment", { name }) : t("messages.audience.summary.unknownSegment") };
        }
        case "everyone":
          return { text: t("messages.audience.summary.everyone") };
        default:
          return { text: "—" };
      }
    },
    [t, f, groups.data, segments.data],
  );
}
