"use client";
/**
 * The two views of the Rebates area, as links (each is its own page with its own URL state): the exchange
 * files (/rebates) and the fee reports built from them (/rebates/reports). Either page shows it under its header.
 */
import Link from "next/link";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";

export function RebateTabs({ current }: { current: "files" | "reports" }) {
  const t = useT();
  const tabs = [
    { id: "files", href: "/rebates", label: t("rebateReports.tabs.files") },
    { id: "reports", href: "/rebates/reports", label: t("rebateReports.tabs.reports") },
  ] as const;
  return (
    <nav aria-label={t("rebateReports.tabs.label")} className="mb-4 inline-flex h-9 w-fit items-center rounded-lg bg-muted p-[3px] text-muted-foreground">
      {tabs.map((tab) => (
        <Link
          key={tab.id}
          href={tab.href}
          aria-current={tab.id === current ? "page" : undefined}
          className={cn(
            "inline-flex h-full items-center rounded-md px-3 text-sm font-medium whitespace-nowrap outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
            tab.id === current ? "bg-background text-foreground shadow-sm" : "hover:text-foreground",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
