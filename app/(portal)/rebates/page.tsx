/** The brand's exchange files (trading details, rebates): their states and imports; operations request and retry them. */
import type { Metadata } from "next";
import { Suspense } from "react";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { RebateTabs } from "@/components/rebate-reports/rebate-tabs";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { brandFetchesFd } from "@/server/rebates/settings";
import { EligibilityButton } from "./_components/eligibility-dialog";
import { RebateFilesTable } from "./_components/rebate-files-table";
import { RequestFilesButton } from "./_components/request-files-dialog";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("rebates.title") };
}

export default async function RebatesPage() {
  const { shell, allowed } = await requirePermission("rebate.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  const canManage = shell.permissions.includes("rebate.manage");
  return (
    <>
      <PageHeader
        className="mb-4"
        title={t("rebates.title")}
        description={t("rebates.description")}
        actions={
          shell.brand ? (
            <>
              <EligibilityButton />
              {canManage && <RequestFilesButton />}
            </>
          ) : undefined
        }
      />
      <RebateTabs current="files" fd={shell.brand ? await brandFetchesFd(shell.brand.id) : false} />
      {shell.brand ? (
        // useSearchParams needs a boundary; the table renders its own skeleton.
        <Suspense>
          <RebateFilesTable canManage={canManage} />
        </Suspense>
      ) : (
        <NoBrand hint={t("rebates.description")} />
      )}
    </>
  );
}
