"use client";
/**
 * The views of the Rebates area, as links (each is its own page with its own URL state): the exchange
 * files (/rebates), the fee reports built from them (/rebates/reports), for a brand that fetches FD rebate
 * files their report (/rebates/reports/fd), and the trading details' reconciliation with the exchange
 * (/rebates/reconciliation). Each page shows it under its header.
 */
import { LinkTabs } from "@/components/shell/link-tabs";
import { useT } from "@/lib/i18n/client";

export function RebateTabs({ current, fd = false }: { current: "files" | "reports" | "fd" | "reconciliation"; fd?: boolean }) {
  const t = useT();
  return (
    <LinkTabs
      label={t("rebateReports.tabs.label")}
      tabs={[
        { href: "/rebates", label: t("rebateReports.tabs.files"), current: current === "files" },
        { href: "/rebates/reports", label: t("rebateReports.tabs.reports"), current: current === "reports" },
        ...(fd ? [{ href: "/rebates/reports/fd", label: t("fdReports.tab"), current: current === "fd" }] : []),
        { href: "/rebates/reconciliation", label: t("rebateReports.tabs.reconciliation"), current: current === "reconciliation" },
      ]}
    />
  );
}
