/** Withdrawals of the current brand: the rules, the list (filters, export) and "New withdrawal" for those who may. */
import type { Metadata } from "next";
import { Suspense } from "react";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { WithdrawalSettingsCard } from "./_components/settings-card";
import { WithdrawalsTable } from "./_components/withdrawals-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("withdrawals.title") };
}

export default async function WithdrawalsPage() {
  const { shell, allowed } = await requirePermission("withdrawal.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <PageHeader className="mb-4" title={t("withdrawals.title")} description={t("withdrawals.description")} />
      {shell.brand ? (
        <div className="flex flex-col gap-4">
          <WithdrawalSettingsCard canEdit={shell.permissions.includes("brand.manage")} />
          {/* useSearchParams needs a boundary; the table renders its own skeleton. */}
          <Suspense>
            <WithdrawalsTable canRequest={shell.permissions.includes("withdrawal.request")} />
          </Suspense>
        </div>
      ) : (
        <NoBrand hint={t("withdrawals.description")} />
      )}
    </>
  );
}
