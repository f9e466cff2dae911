/** Reconciliation of the trading details: per day, the exchange's file, what was imported and the exchange's daily rebate statement. */
import type { Metadata } from "next";
import { Suspense } from "react";
import { RebateTabs } from "@/components/rebate-reports/rebate-tabs";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { brandFetchesFd } from "@/server/rebates/settings";
import { ReconcileButton } from "./_components/reconcile-dialog";
import { ReconciliationView } from "./_components/reconciliation-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("rebateReconciliation.title") };
}

export default async function RebateReconciliationPage() {
  const { shell, allowed } = await requirePermission("rebate.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  const canManage = shell.permissions.includes("rebate.manage");
  return (
    <>
      <PageHeader
        className="mb-4"
        title={t("rebateReconciliation.title")}
        description={t("rebateReconciliation.description")}
        actions={shell.brand && canManage ? <ReconcileButton /> : undefined}
      />
      <RebateTabs current="reconciliation" fd={shell.brand ? await brandFetchesFd(shell.brand.id) : false} />
      {shell.brand ? (
        // useSearchParams needs a boundary; the view renders its own skeletons.
        <Suspense>
          <ReconciliationView />
        </Suspense>
      ) : (
        <NoBrand hint={t("rebateReconciliation.description")} />
      )}
    </>
  );
}
