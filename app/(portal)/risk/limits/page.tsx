/** The brand's risk limits (risk.read); admins (risk.manage) create, edit and disable them. */
import type { Metadata } from "next";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { EnforcementWarning } from "../_components/controls-panel";
import { LimitsTable } from "./_components/limits-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("risk.limits.title") };
}

export default async function RiskLimitsPage() {
  const { shell, allowed } = await requirePermission("risk.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <PageHeader className="mb-4" title={t("risk.limits.title")} description={t("risk.limits.description")} />
      {shell.brand ? (
        <>
          <EnforcementWarning />
          <LimitsTable canManage={shell.permissions.includes("risk.manage")} />
        </>
      ) : <NoBrand hint={t("risk.limits.description")} />}
    </>
  );
}
