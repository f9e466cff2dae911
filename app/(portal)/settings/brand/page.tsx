/**
 * Settings → Brand. Anyone with `brand.read` sees the settings; only `brand.manage` may change them
 * (the form renders read-only otherwise, and the procedures enforce it either way).
 */
import type { Metadata } from "next";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { BrandSettingsView } from "./_components/brand-settings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("brandSettings.title") };
}

export default async function BrandSettingsPage() {
  const { shell, allowed } = await requirePermission("brand.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <PageHeader title={t("brandSettings.title")} description={t("brandSettings.description")} />
      {shell.brand ? (
        <BrandSettingsView
          key={shell.brand.id}
          brandId={shell.brand.id}
          canManage={shell.permissions.includes("brand.manage")}
        />
      ) : (
        // Platform admins work on whichever brand they picked; with none picked there is nothing to edit.
        <NoBrand hint={t("brandSettings.noBrandHint")} />
      )}
    </>
  );
}
