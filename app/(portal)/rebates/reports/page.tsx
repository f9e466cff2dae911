/** Fee reports over the imported trading details: totals, fees per day, the largest contributors and the trades behind them. */
import type { Metadata } from "next";
import { Suspense } from "react";
import { RebateTabs } from "@/components/rebate-reports/rebate-tabs";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { brandFetchesFd } from "@/server/rebates/settings";
import { ReportsView } from "./_components/reports-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("rebateReports.title") };
}

export default async function RebateReportsPage() {
  const { shell, allowed } = await requirePermission("rebate.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <PageHeader className="mb-4" title={t("rebateReports.title")} description={t("rebateReports.description")} />
      <RebateTabs current="reports" fd={shell.brand ? await brandFetchesFd(shell.brand.id) : false} />
      {shell.brand ? (
        // useSearchParams needs a boundary; the view renders its own skeletons.
        <Suspense>
          <ReportsView />
        </Suspense>
      ) : (
        <NoBrand hint={t("rebateReports.description")} />
      )}
    </>
  );
}
