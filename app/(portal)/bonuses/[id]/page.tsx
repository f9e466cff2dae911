/** One bonus campaign: totals, chart, grants, CSV uploads and the maker-checker actions. */
import type { Metadata } from "next";
import { z } from "zod";
import { CampaignView } from "@/components/bonuses/campaign-view";
import { Forbidden } from "@/components/shell/forbidden";
import { EmptyState } from "@/components/ui/empty-state";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("bonuses.title") };
}

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { shell, allowed } = await requirePermission("bonus.read");
  if (!allowed) return <Forbidden />;
  const { id } = await params;
  const t = await getT();
  if (!z.uuid().safeParse(id).success) return <EmptyState title={t("bonuses.campaign.notFound")} />;
  const has = (p: "bonus.manage" | "bonus.approve") => shell.permissions.includes(p);
  return <CampaignView id={id} selfId={shell.user.id} canManage={has("bonus.manage")} canApprove={has("bonus.approve")} />;
}
