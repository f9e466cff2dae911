"use client";
/**
 * The two views of the Rebates area, as links (each is its own page with its own URL state): the exchange
 * files (/rebates) and the fee reports built from them (/rebates/reports). Either page shows it under its header.
 */
import { LinkTabs } from "@/components/shell/link-tabs";
import { useT } from "@/lib/i18n/client";

export function RebateTabs({ current }: { current: "files" | "reports" }) {
  const t = useT();
  return (
    <LinkTabs
      label={t("rebateReports.tabs.label")}
      tabs={[
        { href: "/rebates", label: t("rebateReports.tabs.files"), current: current === "files" },
        { href: "/rebates/reports", label: t("rebateReports.tabs.reports"), current: current === "reports" },
      ]}
    />
  );
}
