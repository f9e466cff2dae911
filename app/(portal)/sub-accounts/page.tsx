/** The brand's exchange sub-accounts: find, filter, export; operations also start a sync. */
import type { Metadata } from "next";
import { Suspense } from "react";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { SyncControls } from "@/components/subaccounts/sync-controls";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { SubaccountsTable } from "./_components/subaccounts-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("subaccounts.title") };
}

export default async function SubaccountsPage() {
  const { shell, allowed } = await requirePermission("subaccount.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <PageHeader
        className="mb-4"
        title={t("subaccounts.title")}
        description={t("subaccounts.description")}
        actions={<SyncControls canManage={shell.permissions.includes("subaccount.manage")} />}
      />
      {/* useSearchParams needs a boundary; the table renders its own skeleton. */}
      <Suspense>
        <SubaccountsTable />
      </Suspense>
    </>
  );
}
