/** Fund locks of the current brand (admins, operations, compliance, support): filter, export; operations unlock. */
import type { Metadata } from "next";
import { Suspense } from "react";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { FundLocksTable } from "./_components/fund-locks-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("fundLocks.title") };
}

export default async function FundLocksPage() {
  const { shell, allowed } = await requirePermission("fundlock.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <PageHeader className="mb-4" title={t("fundLocks.title")} description={t("fundLocks.description")} />
      {shell.brand ? (
        // useSearchParams needs a boundary; the table renders its own skeleton.
        <Suspense>
          <FundLocksTable
            canManage={shell.permissions.includes("fundlock.manage")}
            canReleaseRiskRule={shell.permissions.includes("risk.manage")}
          />
        </Suspense>
      ) : (
        <NoBrand hint={t("fundLocks.description")} />
      )}
    </>
  );
}
