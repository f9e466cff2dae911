"use client";
/**
 * A segment's filter in words ("Status: Active, Frozen", "Group: VIP"), one part per filter of the customer
 * list it was saved from. A stored filter that no longer reads is shown as it is, not guessed.
 */
import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { countryName } from "@/lib/countries";
import { dateFormatter } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n/client";
import { ZSegmentFilter, type SegmentFilter } from "@/lib/messages/schemas";
import type { CustomerListInput } from "@/lib/customers/schemas";
import { useTRPC } from "@/lib/trpc/client";

const KEYS = ["q", "status", "kycLevel", "group", "country", "tag", "registeredFrom", "registeredTo"] as const;

/** The segment part of the customer list's URL state: its filters, nothing of paging or sorting. */
export function segmentFilterOf(input: CustomerListInput): SegmentFilter {
  const filter: Record<string, unknown> = {};
  for (const key of KEYS) {
    const value = input[key];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) filter[key] = value;
  }
  return filter as SegmentFilter;
}

export function useSegmentFilterWords() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const groups = useQuery(trpc.customerGroup.list.queryOptions(undefined, { staleTime: 60_000 }));
  return useCallback(
    (stored: unknown): string[] => {
      const parsed = ZSegmentFilter.safeParse(stored);
      if (!parsed.success) return [JSON.stringify(stored)];
      const filter = parsed.data;
      // Days of the list's date filters are UTC days ("2026-11-21" in the URL).
      const day = (d: Date) => dateFormatter(locale, "date", "UTC").format(d);
      const parts: string[] = [];
      if (filter.q) parts.push(t("messages.segments.filter.q", { value: filter.q }));
      if (filter.status?.length) parts.push(t("messages.segments.filter.status", { value: filter.status.map((s) => t(`customers.status.${s}`)).join(", ") }));
      if (filter.kycLevel?.length) parts.push(t("messages.segments.filter.kycLevel", { value: filter.kycLevel.join(", ") }));
      if (filter.group?.length) {
        const names = filter.group.map((id) => (id === "none" ? t("messages.segments.filter.noGroup") : (groups.data?.find((g) => g.id === id)?.name ?? "…")));
        parts.push(t("messages.segments.filter.group", { value: names.join(", ") }));
      }
      if (filter.country?.length) parts.push(t("messages.segments.filter.country", { value: filter.country.map((c) => countryName(c, locale)).join(", ") }));
      if (filter.tag) parts.push(t("messages.segments.filter.tag", { value: filter.tag }));
      if (filter.registeredFrom) parts.push(t("messages.segments.filter.registeredFrom", { value: day(filter.registeredFrom) }));
      if (filter.registeredTo) parts.push(t("messages.segments.filter.registeredTo", { value: day(filter.registeredTo) }));
      return parts.length ? parts : [t("messages.segments.filter.none")];
    },
    [t, locale, groups.data],
  );
}
