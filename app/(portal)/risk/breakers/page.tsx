/** The brand's exchange circuit breakers (admins and operations see them; admins close one by hand). */
import type { Metadata } from "next";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { BreakersPanel } from "./_components/breakers-panel";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("exchange.breakers.title") };
}

export default async function BreakersPage() {
  const { shell, allowed } = await requirePermission("breaker.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <PageHeader className="mb-4" title={t("exchange.breakers.title")} description={t("exchange.breakers.description")} />
      {shell.brand ? <BreakersPanel canReset={shell.permissions.includes("breaker.reset")} /> : <NoBrand hint={t("exchange.breakers.noBrandHint")} />}
    </>
  );
}
