"use client";
/** Status badges of campaigns, grants and uploads, in the reader's language. */
import { Badge } from "@/components/ui/badge";
import { useT } from "@/lib/i18n/client";
import type { BonusCampaignStatus, BonusGrantStatus } from "@/lib/bonuses/schemas";

type Variant = "default" | "secondary" | "destructive" | "outline";
const CAMPAIGN: Record<BonusCampaignStatus, Variant> = { draft: "outline", pending_approval: "secondary", active: "default", paused: "secondary", ended: "outline" };
const GRANT: Record<BonusGrantStatus, Variant> = { pending_approval: "secondary", applied: "default", rejected: "destructive", closed: "outline" };

export function CampaignStatusBadge({ status }: { status: BonusCampaignStatus }) {
  const t = useT();
  return <Badge variant={CAMPAIGN[status]}>{t(`bonuses.campaignStatuses.${status}`)}</Badge>;
}

export function GrantStatusBadge({ status }: { status: BonusGrantStatus }) {
  const t = useT();
  return <Badge variant={GRANT[status]}>{t(`bonuses.grantStatuses.${status}`)}</Badge>;
}

export function BatchStatusBadge({ status }: { status: "pending_approval" | "applied" | "rejected" }) {
  const t = useT();
  return <Badge variant={GRANT[status]}>{t(`bonuses.batchStatuses.${status}`)}</Badge>;
}
