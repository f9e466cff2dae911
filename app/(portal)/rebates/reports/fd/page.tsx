/** FD rebate reports over the imported FD rebate files: totals, rebates per day, the largest contributors and the orders behind them. */
import type { Metadata } from "next";
import { Suspense } from "react";
import { RebateTabs } from "@/components/rebate-reports/rebate-tabs";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { FdReportsView } from "./_components/fd-reports-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("fdReports.title") };
}

export default async function FdReportsPage() {
  const { shell, allowed } = await requirePermission("rebate.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <PageHeader className="mb-4" title={t("fdReports.title")} description={t("fdReports.description")} />
      <RebateTabs current="fd" fd />
      {shell.brand ? (
        // useSearchParams needs a boundary; the view renders its own skeletons.
        <Suspense>
          <FdReportsView />
        </Suspense>
      ) : (
        <NoBrand hint={t("fdReports.description")} />
      )}
    </>
  );
}
