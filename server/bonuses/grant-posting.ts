/**
 * How bonus grants meet their campaign and the ledger: the campaign's checks under its row lock, the
 * credit itself, and the bucket balances and campaign totals that release and clawback change. Shared by
 * the grant files here, CSV batches (./batches.ts) and automatic grants (./auto.ts).
 *
 * Bonus grants: one customer's trading account credited from the brand's `bonus_funding` account, once per
 * idempotency key, never past the campaign's budget; maker-checker above the brand's threshold; release
 * (non-withdrawable → withdrawable), revoke and expiry (clawed back to `bonus_clawback`, never below zero:
 * what is missing is recorded as the grant's shortfall).
 *
 * Locking order, the same on every path so two of them never deadlock: grant rows (the idempotency key's
 * index entry, or FOR NO KEY UPDATE) → trading accounts (by id) → campaigns (by id) → ledger accounts (postJournal)
 * → the audit chain. The budget check reads `campaign.granted` under the campaign's row lock, so N
 * concurrent grants against one campaign are serialised at that row and the last ones are refused.
 *
 * Pending grants reserve nothing: the budget (and the account's state and fund locks) are checked again,
 * under the same locks, when the grant is approved and applied. A request over the budget is refused at
 * once so staff learn early; an approval that no longer fits is refused (the grant stays pending and can
 * be rejected). Either way the budget is never exceeded.
 *
 * Grant accounting: `amount = remaining + released + expired + revoked + shortfall` for applied and closed
 * grants, where `shortfall` is the part the customer had already used (traded away) when it was clawed
 * back. Pending and rejected grants hold `remaining = 0` and post nothing.
 */
import "server-only";
import { Prisma, type DbTx } from "../db/client";
import { AppError, notFound } from "../errors";
import { assertTransferAllowed } from "../fund-locks/guard";
import { postJournal, type CustomerBucket } from "../ledger/post";
import { queueAutomaticMessage } from "../messages/queue";
import { refusalError, staffId, type BonusCtx } from "./common";
import { D, dec, text, type BonusReason, type Refusal } from "./rules";

export type CampaignRecord = Prisma.BonusCampaignGetPayload<object>;

/** A campaign that is not active refuses to grant: one reason per status. */
const INACTIVE: Record<Exclude<CampaignRecord["status"], "active">, BonusReason> = {
  draft: "bonuses.errors.campaignInactive.draft",
  pending_approval: "bonuses.errors.campaignInactive.pendingApproval",
  paused: "bonuses.errors.campaignInactive.paused",
  ended: "bonuses.errors.campaignInactive.ended",
};

export const bucketOf = (withdrawable: boolean): CustomerBucket => (withdrawable ? "bonus_withdrawable" : "bonus_non_withdrawable");

/** A campaign may grant while active and inside its start / end window. */
export function campaignRefusal(c: Pick<CampaignRecord, "status" | "startsAt" | "endsAt" | "name">, now: Date): Refusal | null {
  const params = { campaign: c.name };
  if (c.status !== "active") return { reason: INACTIVE[c.status], params };
  if (c.startsAt.getTime() > now.getTime()) return { reason: "bonuses.errors.campaignNotStarted", params };
  if (c.endsAt && c.endsAt.getTime() <= now.getTime()) return { reason: "bonuses.errors.campaignPastEnd", params };
  return null;
}

/** The campaign itself refused a grant (not active, or not enough budget left): it would refuse any customer. */
export const isCampaignRefusal = (error: AppError) => error.field === "campaignId" || error.reason === "bonuses.errors.budgetExceeded";

/**
 * Locks the campaign row and returns it as it is now. FOR NO KEY UPDATE, not FOR UPDATE: each new grant's
 * foreign key holds KEY SHARE on the campaign, which FOR UPDATE would wait on (and deadlock with).
 */
async function lockCampaign(tx: DbTx, brandId: string, id: string): Promise<CampaignRecord> {
  await tx.$queryRaw`SELECT id FROM bonus_campaign WHERE id = ${id}::uuid AND brand_id = ${brandId}::uuid FOR NO KEY UPDATE`;
  const c = await tx.bonusCampaign.findFirst({ where: { id, brandId } });
  if (!c) throw notFound("campaign");
  return c;
}

export function assertBudget(c: CampaignRecord, amount: D) {
  const left = dec(c.budget).minus(dec(c.granted));
  if (amount.gt(left)) {
    throw new AppError("CONFLICT", "bonuses.errors.budgetExceeded", { field: "amount", params: { campaign: c.name, left: text(left), currency: c.currency, amount: text(amount) } });
  }
}

/**
 * Credits an applied grant under the locks described at the top: fund-lock guard (money comes in), the
 * campaign's status and budget, the journal, the campaign's running total, and the customer's "bonus
 * credited" message (one row, sent by the message dispatcher). The grant row is already written with its
 * applied values by the caller.
 */
export async function post(
  tx: DbTx,
  ctx: BonusCtx,
  g: { id: string; customerId: string; tradingAccountId: string; amount: D; withdrawable: boolean; currency: string; demo: boolean; campaignId: string | null },
) {
  await assertTransferAllowed(tx, { in: g.tradingAccountId });
  if (g.campaignId) {
    const campaign = await lockCampaign(tx, ctx.tenantId, g.campaignId);
    const refusal = campaignRefusal(campaign, new Date());
    if (refusal) throw refusalError("CONFLICT", refusal, "campaignId");
    assertBudget(campaign, g.amount);
  }
  await postJournal(tx, {
    brandId: ctx.tenantId,
    kind: "bonus_grant",
    reference: { type: "bonus_grant", id: g.id },
    idempotencyKey: `bonus-grant:${g.id}`,
    actorId: staffId(ctx.actor) ?? undefined,
    lines: [
      { account: { system: "bonus_funding", currency: g.currency, demo: g.demo }, amount: g.amount.neg().toFixed() },
      { account: { tradingAccountId: g.tradingAccountId, bucket: bucketOf(g.withdrawable) }, amount: g.amount.toFixed() },
    ],
  });
  if (g.campaignId) {
    await tx.$executeRaw`UPDATE bonus_campaign SET granted = granted + ${g.amount.toFixed()}::numeric, updated_at = now() WHERE id = ${g.campaignId}::uuid`;
  }
  await queueAutomaticMessage(tx, {
    brandId: ctx.tenantId,
    customerId: g.customerId,
    event: "bonus.credited",
    ref: g.id,
    vars: { amount: { amount: text(g.amount), currency: g.currency } },
  });
}

export const bucketBalance = async (tx: DbTx, tradingAccountId: string, bucket: CustomerBucket): Promise<D> => {
  const column = bucket === "bonus_withdrawable" ? Prisma.sql`bonus_withdrawable` : bucket === "cash" ? Prisma.sql`cash` : Prisma.sql`bonus_non_withdrawable`;
  const [r] = await tx.$queryRaw<{ v: string }[]>`SELECT ${column}::text AS v FROM trading_account WHERE id = ${tradingAccountId}::uuid FOR NO KEY UPDATE`;
  return dec(r?.v ?? "0");
};

/** Bumps campaigns' running totals in id order (part of the fixed locking order). */
export async function bumpCampaigns(tx: DbTx, column: "released" | "expired" | "revoked", parts: Map<string, D>) {
  for (const id of [...parts.keys()].sort()) {
    const amount = parts.get(id)!.toFixed();
    if (column === "released") await tx.$executeRaw`UPDATE bonus_campaign SET released = released + ${amount}::numeric, updated_at = now() WHERE id = ${id}::uuid`;
    if (column === "expired") await tx.$executeRaw`UPDATE bonus_campaign SET expired = expired + ${amount}::numeric, updated_at = now() WHERE id = ${id}::uuid`;
    if (column === "revoked") await tx.$executeRaw`UPDATE bonus_campaign SET revoked = revoked + ${amount}::numeric, updated_at = now() WHERE id = ${id}::uuid`;
  }
}
