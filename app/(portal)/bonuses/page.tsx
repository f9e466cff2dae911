/** Bonus campaigns of the current brand: the list, and "New campaign" for marketing and admins; the grants list is the other tab. */
import type { Metadata } from "next";
import { ApprovalThreshold } from "@/components/bonuses/approval-threshold";
import { BonusTabs } from "@/components/bonuses/bonus-tabs";
import { CampaignsList } from "@/components/bonuses/campaigns-list";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("bonuses.title") };
}

export default async function BonusesPage() {
  const { shell, allowed } = await requirePermission("bonus.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <PageHeader className="mb-4" title={t("bonuses.title")} description={t("bonuses.description")} />
      <BonusTabs current="campaigns" labels={{ nav: t("bonuses.tabs.label"), campaigns: t("bonuses.tabs.campaigns"), grants: t("bonuses.tabs.grants") }} />
      <div className="grid gap-4">
        <ApprovalThreshold canSet={shell.permissions.includes("bonus.approve")} />
        <CampaignsList canManage={shell.permissions.includes("bonus.manage")} />
      </div>
    </>
  );
}
