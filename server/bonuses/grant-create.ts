/**
 * Granting bonus credit to one customer's trading account: everything checked before anything is locked,
 * the idempotency key claimed, then applied at once or left pending for approval (locking order and
 * accounting: ./grant-posting.ts).
 */
import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { recordAudit } from "../audit/audit";
import { Prisma, type DbTx } from "../db/client";
import { openTradingAccountIn } from "../ledger/service";
import { assertCustomerMoneyAllowed } from "../emergency/customer-breaker";
import { enqueueEvaluations } from "../risk/triggers";
import { assertMoneyMovementAllowed } from "../emergency/guard";
import { AppError, invalid, notFound } from "../errors";
import { brandThreshold, grantSnapshot, loadGrant, refusalError, row, staffId, TX, type BonusCtx, type GrantRecord } from "./common";
import { assertBudget, campaignRefusal, post, type CampaignRecord } from "./grant-posting";
import { addDays, D, dec, ineligibility, needsApproval, ruleAmount, RuleError, type BonusReason } from "./rules";
import type { ZGrantInput } from "@/lib/bonuses/schemas";
import type { TradingAccountType } from "@/lib/ledger/schemas";
import type { GrantRow } from "./types";

type In<T extends z.ZodType> = z.infer<T>;

/** Bonuses go to active customers and accounts only: one reason per other status. */
const CUSTOMER_NOT_ACTIVE: Record<"frozen" | "closed", BonusReason> = {
  frozen: "bonuses.errors.customerNotActive.frozen",
  closed: "bonuses.errors.customerNotActive.closed",
};
const ACCOUNT_NOT_ACTIVE: Record<"frozen" | "closed", BonusReason> = {
  frozen: "bonuses.errors.accountNotActive.frozen",
  closed: "bonuses.errors.accountNotActive.closed",
};

/**
 * A repeat of an idempotency key must be the same grant: same customer, account and campaign, and — when
 * the caller names an amount (a grant without a campaign, or one overriding its campaign's) — the same amount.
 */
function assertSameGrant(existing: GrantRecord, input: { customerId: string; tradingAccountId: string; campaignId?: string; amount?: string }) {
  const sameAmount = input.amount === undefined || dec(existing.amount).eq(input.amount);
  if (existing.customerId !== input.customerId || existing.tradingAccountId !== input.tradingAccountId || existing.campaignId !== (input.campaignId ?? null) || !sameAmount) {
    throw new AppError("CONFLICT", "bonuses.errors.keyUsedForOtherGrant", { field: "idempotencyKey" });
  }
}

interface Resolved {
  campaign: CampaignRecord | null;
  account: { id: string; currency: string; demo: boolean };
  amount: D;
  withdrawable: boolean;
  validityDays: number | null;
}

/** Checks everything a grant needs that the database can tell before locking anything. */
async function resolve(tx: DbTx, ctx: BonusCtx, input: In<typeof ZGrantInput>, now: Date): Promise<Resolved> {
  const campaign = input.campaignId ? await tx.bonusCampaign.findFirst({ where: { id: input.campaignId, brandId: ctx.tenantId } }) : null;
  if (input.campaignId && !campaign) throw notFound("campaign");
  const customer = await tx.customer.findFirst({
    where: { id: input.customerId, brandId: ctx.tenantId },
    select: { id: true, uid: true, status: true, groupId: true, country: true, kycLevel: true },
  });
  if (!customer) throw notFound("customer");
  if (customer.status !== "active") throw new AppError("CONFLICT", CUSTOMER_NOT_ACTIVE[customer.status], { field: "customerId", params: { uid: String(customer.uid) } });
  const account = await tx.tradingAccount.findFirst({
    where: { id: input.tradingAccountId, brandId: ctx.tenantId },
    select: { id: true, customerId: true, status: true, currency: true, demo: true },
  });
  if (!account) throw notFound("tradingAccount");
  if (account.customerId !== customer.id) throw invalid("tradingAccountId", "bonuses.errors.accountNotCustomers");
  if (account.status !== "active") throw new AppError("CONFLICT", ACCOUNT_NOT_ACTIVE[account.status], { field: "tradingAccountId" });

  let amount: D;
  if (campaign) {
    const refusal = campaignRefusal(campaign, now);
    if (refusal) throw refusalError("CONFLICT", refusal, "campaignId");
    if (account.currency !== campaign.currency) {
      throw invalid("tradingAccountId", "bonuses.errors.currencyMismatch", { campaignCurrency: campaign.currency, accountCurrency: account.currency });
    }
    const why = ineligibility(campaign, customer);
    if (why) throw refusalError("CONFLICT", why, "customerId");
    try {
      amount = input.amount ? dec(input.amount) : ruleAmount(campaign, input.depositAmount ?? null);
    } catch (error) {
      if (error instanceof RuleError) throw invalid(error.field, error.refusal.reason, error.refusal.params);
      throw error;
    }
  } else {
    if (!input.amount) throw invalid("amount", "bonuses.errors.amountNeeded");
    amount = dec(input.amount);
  }
  if (!amount.gt(0)) throw invalid("amount", "bonuses.errors.amountZero");
  return {
    campaign,
    account,
    amount,
    withdrawable: campaign ? campaign.withdrawable : (input.withdrawable ?? false),
    validityDays: campaign ? campaign.validityDays : (input.validityDays ?? null),
  };
}

/**
 * Grants bonus credit to one customer's trading account. The idempotency key is claimed first (an INSERT
 * … ON CONFLICT DO NOTHING on the unique (brand, key) index, which makes a concurrent holder of the same key
 * wait for the first to commit): a repeat returns the first grant, `replayed: true`, and changes nothing.
 * Staff grants above the brand's threshold wait for approval; `automatic` grants (bonus-auto-grants) were
 * approved with their campaign and apply at once.
 */
export async function grant(ctx: BonusCtx, input: In<typeof ZGrantInput>, opts: { automatic?: boolean } = {}): Promise<GrantRow> {
  const earlier = await loadGrant(ctx.db, ctx.tenantId, { idempotencyKey: input.idempotencyKey });
  if (earlier) {
    assertSameGrant(earlier, input);
    return row(ctx.db, earlier, true);
  }
  return grantOnce(ctx, input, async () => input.tradingAccountId, opts);
}

type AccountKind = { type: TradingAccountType; currency: string };

/**
 * A grant to the customer's real account of one type and currency (the partner API names the account so),
 * opening it in the grant's own transaction when the customer has none: a refused grant opens nothing.
 */
export async function grantToAccountOf(ctx: BonusCtx, input: Omit<In<typeof ZGrantInput>, "tradingAccountId">, kind: AccountKind): Promise<GrantRow> {
  const find = () => ctx.db.tradingAccount.findFirst({ where: { brandId: ctx.tenantId, customerId: input.customerId, ...kind, demo: false }, select: { id: true } });
  const existing = (await find()) ?? (await loadGrant(ctx.db, ctx.tenantId, { idempotencyKey: input.idempotencyKey }).then((g) => g && { id: g.tradingAccountId }));
  if (existing) return grant(ctx, { ...input, tradingAccountId: existing.id });
  try {
    return await grantOnce(ctx, { ...input, tradingAccountId: "" }, async (tx) => (await openTradingAccountIn(tx, ctx, { customerId: input.customerId, ...kind, demo: false })).id, {});
  } catch (error) {
    // A concurrent call opened the account first: grant to it.
    const opened = isDuplicateAccount(error) ? await find() : null;
    if (opened) return grant(ctx, { ...input, tradingAccountId: opened.id });
    throw error;
  }
}

const isDuplicateAccount = (error: unknown) =>
  (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") ||
  (error instanceof AppError && error.reason === "tradingAccounts.errors.alreadyHasRealAccount");

async function grantOnce(
  ctx: BonusCtx,
  given: In<typeof ZGrantInput>,
  accountIdIn: (tx: DbTx) => Promise<string>,
  opts: { automatic?: boolean },
): Promise<GrantRow> {
  let input = given;
  const created = await ctx.db.$transaction(async (tx): Promise<GrantRow | null> => {
    input = { ...given, tradingAccountId: await accountIdIn(tx) };
    const now = new Date();
    const r = await resolve(tx, ctx, input, now);
    const pending = !opts.automatic && needsApproval(r.amount, await brandThreshold(tx, ctx.tenantId));
    const id = randomUUID();
    const applied = !pending;
    const expiresAt = applied && r.validityDays ? addDays(now, r.validityDays) : null;
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO bonus_grant (id, brand_id, campaign_id, customer_id, trading_account_id, amount, currency, withdrawable, remaining,
                               status, idempotency_key, reason, expires_at, requested_by_id, applied_at, updated_at)
      VALUES (${id}::uuid, ${ctx.tenantId}::uuid, ${r.campaign?.id ?? null}::uuid, ${input.customerId}::uuid, ${r.account.id}::uuid,
              ${r.amount.toFixed()}::numeric, ${r.account.currency}, ${r.withdrawable}, ${applied ? r.amount.toFixed() : "0"}::numeric,
              ${pending ? "pending_approval" : "applied"}::"BonusGrantStatus", ${input.idempotencyKey}, ${input.reason}, ${expiresAt},
              ${staffId(ctx.actor)}::uuid, ${applied ? now : null}, now())
      ON CONFLICT (brand_id, idempotency_key) DO NOTHING
      RETURNING id::text`;
    if (inserted.length === 0) return null;
    // The emergency stop refuses every new grant, one waiting for approval too (a replay above still answers).
    await assertMoneyMovementAllowed(tx, ctx.tenantId);
    await assertCustomerMoneyAllowed(tx, ctx.tenantId, [input.customerId]);

    if (pending) {
      if (r.campaign) assertBudget(r.campaign, r.amount);
    } else {
      await post(tx, ctx, { id, customerId: input.customerId, tradingAccountId: r.account.id, amount: r.amount, withdrawable: r.withdrawable, currency: r.account.currency, demo: r.account.demo, campaignId: r.campaign?.id ?? null });
    }
    const record = (await loadGrant(tx, ctx.tenantId, { id }))!;
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: pending ? "bonus.grant_request" : "bonus.grant",
      entityType: "bonus_grant",
      entityId: id,
      after: { ...grantSnapshot(record), reason: input.reason },
    });
    return row(tx, record, false);
  }, TX);
  if (created) {
    // Credit applied: the customer's risk limits (bonus per period) are evaluated now, not at the next sweep.
    if (created.status === "applied") await enqueueEvaluations(ctx.tenantId, [created.customer.id]);
    return created;
  }
  // Another call holding the same key committed while this one waited: return its grant.
  const winner = await loadGrant(ctx.db, ctx.tenantId, { idempotencyKey: input.idempotencyKey });
  if (!winner) throw new AppError("CONFLICT", "bonuses.errors.keyInFlight");
  assertSameGrant(winner, input);
  return row(ctx.db, winner, true);
}
