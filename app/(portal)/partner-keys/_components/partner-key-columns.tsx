"use client";
/** Column definitions of the partner-key table. Keys are few per brand: nothing is sortable, the list is newest first. */
import { useMemo } from "react";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { useLocale, useT } from "@/lib/i18n/client";
import { formatNumber } from "@/lib/format";
import type { PartnerKeyRow } from "@/server/partner/types";
import { AllowList, PartnerKeyStatusBadge, RateLimit, ScopeBadges, When } from "./partner-key-badges";
import { PartnerKeyRowActions, type RowAction } from "./partner-key-row-actions";

const col = createDataTableColumnHelper<PartnerKeyRow>();

export function usePartnerKeyColumns(onAction: (action: RowAction, row: PartnerKeyRow) => void) {
  const t = useT();
  const locale = useLocale();

  return useMemo(() => {
    const title = {
      label: t("partnerApi.columns.label"),
      accessKey: t("partnerApi.columns.accessKey"),
      scopes: t("partnerApi.columns.scopes"),
      ipAllowlist: t("partnerApi.columns.ipAllowlist"),
      rateLimit: t("partnerApi.columns.rateLimit"),
      status: t("partnerApi.columns.status"),
      expiresAt: t("partnerApi.columns.expiresAt"),
      lastUsed: t("partnerApi.columns.lastUsed"),
      requestCount: t("partnerApi.columns.requestCount"),
      createdAt: t("partnerApi.columns.createdAt"),
      actions: t("partnerApi.columns.actions"),
    };
    return col.columns([
      col.accessor("label", {
        header: title.label,
        enableHiding: false,
        cell: ({ getValue }) => <span className="block max-w-28 truncate font-medium" title={getValue()}>{getValue()}</span>,
        meta: { label: title.label },
      }),
      col.accessor("accessKey", {
        header: title.accessKey,
        // One click selects the whole key (select-all) for copying; a copy button per row would widen the table past the page.
        cell: ({ getValue }) => <span className="font-mono text-xs whitespace-nowrap select-all">{getValue()}</span>,
        meta: { label: title.accessKey },
      }),
      col.accessor("scopes", { header: title.scopes, cell: ({ getValue }) => <ScopeBadges scopes={getValue()} />, meta: { label: title.scopes } }),
      col.accessor("ipAllowlist", { header: title.ipAllowlist, cell: ({ getValue }) => <AllowList ips={getValue()} />, meta: { label: title.ipAllowlist } }),
      col.accessor("rateLimitPerSecond", { id: "rateLimit", header: title.rateLimit, cell: ({ getValue }) => <RateLimit limit={getValue()} />, meta: { label: title.rateLimit } }),
      col.accessor("status", { header: title.status, cell: ({ row }) => <PartnerKeyStatusBadge row={row.original} />, meta: { label: title.status } }),
      col.accessor("expiresAt", { header: title.expiresAt, cell: ({ getValue }) => <When at={getValue()} preset="date" />, meta: { label: title.expiresAt } }),
      col.accessor("lastUsedAt", {
        id: "lastUsed",
        header: title.lastUsed,
        cell: ({ row }) => <When at={row.original.lastUsedAt} detail={row.original.lastUsedIp} />,
        meta: { label: title.lastUsed },
      }),
      col.accessor("requestCount", {
        header: title.requestCount,
        cell: ({ getValue }) => formatNumber(getValue(), locale),
        meta: { label: title.requestCount, className: "text-right tabular-nums" },
      }),
      col.accessor("createdAt", { header: title.createdAt, cell: ({ getValue }) => <When at={getValue()} preset="date" />, meta: { label: title.createdAt } }),
      col.display({
        id: "actions",
        header: () => <span className="sr-only">{title.actions}</span>,
        cell: ({ row }) => <PartnerKeyRowActions row={row.original} onAction={onAction} />,
        enableHiding: false,
        meta: { label: title.actions, className: "w-10 text-right" },
      }),
    ]);
  }, [t, locale, onAction]);
}
