/** The emergency stop (admins trigger and reset; operations and compliance see it): state, history, dialogs. */
import type { Metadata } from "next";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { EmergencyPanel } from "./_components/emergency-panel";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("emergency.title") };
}

export default async function EmergencyPage() {
  const { shell, allowed } = await requirePermission("emergency.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <PageHeader className="mb-4" title={t("emergency.title")} description={t("emergency.description")} />
      {shell.brand ? (
        <EmergencyPanel canManage={shell.permissions.includes("emergency.manage")} canGlobal={shell.permissions.includes("emergency.global")} />
      ) : (
        <NoBrand hint={t("emergency.noBrandHint")} />
      )}
    </>
  );
}
