/** The approvals inbox of the current brand: what waits for the caller, their own requests, everything pending. */
import type { Metadata } from "next";
import { Suspense } from "react";
import { ApprovalsInbox } from "@/components/approvals/approvals-inbox";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("approvals.title") };
}

export default async function ApprovalsPage() {
  const { shell, allowed } = await requirePermission("approval.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <PageHeader className="mb-4" title={t("approvals.title")} description={t("approvals.description")} />
      {shell.brand ? (
        // useSearchParams needs a boundary; the table renders its own skeleton.
        <Suspense>
          <ApprovalsInbox canDecide={shell.permissions.includes("approval.decide")} viewerId={shell.user.id} />
        </Suspense>
      ) : (
        <NoBrand hint={t("approvals.description")} />
      )}
    </>
  );
}
