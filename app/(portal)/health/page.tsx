/** System health (admins and operations): dependencies, queues, exchange connectivity and data freshness. */
import type { Metadata } from "next";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { HealthDashboard } from "./_components/health-dashboard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("health.title") };
}

export default async function HealthPage() {
  const { allowed } = await requirePermission("health.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <PageHeader className="mb-4" title={t("health.title")} description={t("health.description")} />
      <HealthDashboard />
    </>
  );
}
