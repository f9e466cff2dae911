/** Every bonus grant of the current brand: search, filters, paging, sorting and CSV export. */
import type { Metadata } from "next";
import { Suspense } from "react";
import { BonusTabs } from "@/components/bonuses/bonus-tabs";
import { GrantsList } from "@/components/bonuses/grants-list";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("bonuses.grantsList.title") };
}

export default async function BonusGrantsPage() {
  const { shell, allowed } = await requirePermission("bonus.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <PageHeader className="mb-4" title={t("bonuses.title")} description={t("bonuses.grantsList.description")} />
      <BonusTabs current="grants" labels={{ nav: t("bonuses.tabs.label"), campaigns: t("bonuses.tabs.campaigns"), grants: t("bonuses.tabs.grants") }} />
      {shell.brand ? (
        // useSearchParams needs a boundary; the table renders its own skeleton.
        <Suspense>
          <GrantsList />
        </Suspense>
      ) : (
        <NoBrand hint={t("bonuses.grantsList.description")} />
      )}
    </>
  );
}
