/** The Risk overview (risk.read): risk control status with its switches, and the way to the risk pages. */
import type { Metadata } from "next";
import Link from "next/link";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { RiskControlsPanel } from "./_components/controls-panel";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("risk.controls.title") };
}

const LINKS = [
  ["events", "/risk/events"],
  ["limits", "/risk/limits"],
  ["breakers", "/risk/breakers"],
  ["emergency", "/risk/emergency"],
] as const;

export default async function RiskPage() {
  const { shell, allowed } = await requirePermission("risk.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <PageHeader className="mb-4" title={t("risk.controls.title")} description={t("risk.controls.description")} />
      {shell.brand ? (
        <div className="grid gap-6">
          <RiskControlsPanel canBrand={shell.permissions.includes("risk.manage")} canGlobal={shell.permissions.includes("emergency.global")} />
          <nav aria-label={t("risk.controls.sections")} className="flex flex-wrap gap-4 text-sm">
            {LINKS.map(([key, href]) => (
              <Link key={key} href={href} className="underline underline-offset-4">
                {t(`risk.controls.links.${key}`)}
              </Link>
            ))}
          </nav>
        </div>
      ) : (
        <NoBrand hint={t("risk.controls.description")} />
      )}
    </>
  );
}
