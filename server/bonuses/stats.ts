/** A campaign's totals and its activity per day (UTC), for the campaign page's figures and chart. */
import "server-only";
import type { BonusCtx } from "./common";
import { notFound } from "../errors";
import { dec, D, text } from "./rules";
import type { CampaignStats } from "./types";

export async function campaignStats(ctx: BonusCtx, input: { id: string }): Promise<CampaignStats> {
  const c = await ctx.db.bonusCampaign.findFirst({ where: { id: input.id, brandId: ctx.tenantId } });
  if (!c) throw notFound("campaign");
  const [granted, clawed, counts] = await Promise.all([
    ctx.db.$queryRaw<{ day: string; amount: string }[]>`
      SELECT to_char(date_trunc('day', applied_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, sum(amount)::text AS amount
      FROM bonus_grant WHERE campaign_id = ${c.id}::uuid AND applied_at IS NOT NULL GROUP BY 1 ORDER BY 1`,
    // What expiries and revokes took back: the system side of their journals, per grant of the campaign.
    ctx.db.$queryRaw<{ day: string; amount: string }[]>`
      SELECT to_char(date_trunc('day', j.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, sum(l.amount)::text AS amount
      FROM bonus_grant g
      JOIN ledger_journal j ON j.brand_id = g.brand_id AND j.reference_type = 'bonus_grant' AND j.reference_id = g.id::text
                           AND j.kind IN ('bonus_expire', 'bonus_revoke')
      JOIN ledger_line l ON l.journal_id = j.id
      JOIN ledger_account a ON a.id = l.ledger_account_id AND a.bucket = 'system'
      WHERE g.campaign_id = ${c.id}::uuid GROUP BY 1 ORDER BY 1`,
    ctx.db.bonusGrant.groupBy({ by: ["status"], where: { campaignId: c.id }, _count: { _all: true } }),
  ]);
  const days = new Map<string, { granted: D; clawedBack: D }>();
  const at = (day: string) => days.get(day) ?? days.set(day, { granted: new D(0), clawedBack: new D(0) }).get(day)!;
  for (const g of granted) at(g.day).granted = dec(g.amount);
  for (const g of clawed) at(g.day).clawedBack = dec(g.amount);
  let cumulative = new D(0);
  const series = [...days.keys()].sort().map((day) => {
    const d = days.get(day)!;
    cumulative = cumulative.plus(d.granted);
    return { day, granted: text(d.granted), clawedBack: text(d.clawedBack), cumulativeGranted: text(cumulative) };
  });
  const count = (s: string) => counts.find((x) => x.status === s)?._count._all ?? 0;
  return {
    budget: text(c.budget),
    granted: text(c.granted),
    released: text(c.released),
    expired: text(c.expired),
    revoked: text(c.revoked),
    remainingBudget: text(dec(c.budget).minus(dec(c.granted))),
    grants: count("applied") + count("closed"),
    pendingGrants: count("pending_approval"),
    series,
  };
}
