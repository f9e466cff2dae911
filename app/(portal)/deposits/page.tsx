/** Deposits of the current brand (operations, compliance, support, admins): filter, export, sync now. */
import type { Metadata } from "next";
import { Suspense } from "react";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { DepositsTable } from "./_components/deposits-table";
import { SyncNow } from "./_components/sync-now";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("deposits.title") };
}

export default async function DepositsPage() {
  const { shell, allowed } = await requirePermission("deposit.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <PageHeader className="mb-4" title={t("deposits.title")} description={t("deposits.description")} actions={shell.brand && shell.permissions.includes("subaccount.manage") ? <SyncNow /> : undefined} />
      {shell.brand ? (
        // useSearchParams needs a boundary; the table renders its own skeleton.
        <Suspense>
          <DepositsTable />
        </Suspense>
      ) : (
        <NoBrand hint={t("deposits.description")} />
      )}
    </>
  );
}
