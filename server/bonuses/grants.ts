/**
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
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { systemActor, type Actor } from "../actor";
import { recordAudit } from "../audit/audit";
import { Prisma, type Db, type DbTx } from "../db/client";
import { AppError, invalid, notFound } from "../errors";
import { assertTransferAllowed } from "../fundlocks/guard";
import { postJournal, type CustomerBucket } from "../ledger/post";
import { assertApprover, brandThreshold, GRANT_INCLUDE, grantSnapshot, staffId, toGrantRows, TX, type BonusCtx, type GrantRecord } from "./common";
import { addDays, allocateFifo, clawbackSplit, D, dec, ineligibility, needsApproval, ruleAmount, RuleError, text } from "./rules";
import type { GrantListInput, ZGrantInput, ZGrantRef, ZRejectInput, ZReleaseInput, ZRevokeInput } from "@/lib/bonuses/schemas";
import type { GrantRow, ReleaseResult } from "./types";

type In<T extends z.ZodType> = z.infer<T>;
type CampaignRecord = Prisma.BonusCampaignGetPayload<object>;

export const bucketOf = (withdrawable: boolean): CustomerBucket => (withdrawable ? "bonus_withdrawable" : "bonus_non_withdrawable");

/** A campaign may grant while active and inside its start / end window. */
export function campaignRefusal(c: Pick<CampaignRecord, "status" | "startsAt" | "endsAt" | "name">, now: Date): string | null {
  if (c.status !== "active") return `Campaign "${c.name}" is ${c.status.replace("_", " ")}; it grants only while active`;
  if (c.startsAt.getTime() > now.getTime()) return `Campaign "${c.name}" has not started yet`;
  if (c.endsAt && c.endsAt.getTime() <= now.getTime()) return `Campaign "${c.name}" has ended`;
  return null;
}

/** The campaign itself refused a grant (not active, or not enough budget left): it would refuse any customer. */
export const isCampaignRefusal = (error: AppError) => error.field === "campaignId" || error.message.includes("of budget left");

/**
 * Locks the campaign row and returns it as it is now. FOR NO KEY UPDATE, not FOR UPDATE: each new grant's
 * foreign key holds KEY SHARE on the campaign, which FOR UPDATE would wait on (and deadlock with).
 */
async function lockCampaign(tx: DbTx, brandId: string, id: string): Promise<CampaignRecord> {
  await tx.$queryRaw`SELECT id FROM bonus_campaign WHERE id = ${id}::uuid AND brand_id = ${brandId}::uuid FOR NO KEY UPDATE`;
  const c = await tx.bonusCampaign.findFirst({ where: { id, brandId } });
  if (!c) throw notFound("Campaign");
  return c;
}

function assertBudget(c: CampaignRecord, amount: D) {
  const left = dec(c.budget).minus(dec(c.granted));
  if (amount.gt(left)) {
    throw new AppError("CONFLICT", `Campaign "${c.name}" has ${text(left)} ${c.currency} of budget left; ${text(amount)} was asked for`, { field: "amount" });
  }
}

const loadGrant = async (db: Db | DbTx, brandId: string, where: { id: string } | { idempotencyKey: string }): Promise<GrantRecord | null> =>
  db.bonusGrant.findFirst({ where: { brandId, ...where }, include: GRANT_INCLUDE });

const row = async (db: Db | DbTx, g: GrantRecord, replayed?: boolean): Promise<GrantRow> => ({
  ...(await toGrantRows(db, [g]))[0],
  ...(replayed === undefined ? {} : { replayed }),
});

/** A repeat of an idempotency key must be the same grant: same customer and account. */
function assertSameGrant(existing: GrantRecord, input: { customerId: string; tradingAccountId: string }) {
  if (existing.customerId !== input.customerId || existing.tradingAccountId !== input.tradingAccountId) {
    throw new AppError("CONFLICT", "This idempotency key was already used for a different grant", { field: "idempotencyKey" });
  }
}

/**
 * Credits an applied grant under the locks described at the top: fund-lock guard (money comes in), the
 * campaign's status and budget, the journal, the campaign's running total. The grant row is already
 * written with its applied values by the caller.
 */
async function post(tx: DbTx, ctx: BonusCtx, g: { id: string; tradingAccountId: string; amount: D; withdrawable: boolean; currency: string; demo: boolean; campaignId: string | null }) {
  await assertTransferAllowed(tx, { in: g.tradingAccountId });
  if (g.campaignId) {
    const campaign = await lockCampaign(tx, ctx.tenantId, g.campaignId);
    const refusal = campaignRefusal(campaign, new Date());
    if (refusal) throw new AppError("CONFLICT", refusal, { field: "campaignId" });
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
  if (input.campaignId && !campaign) throw notFound("Campaign");
  const customer = await tx.customer.findFirst({
    where: { id: input.customerId, brandId: ctx.tenantId },
    select: { id: true, uid: true, status: true, groupId: true, country: true, kycLevel: true },
  });
  if (!customer) throw notFound("Customer");
  if (customer.status !== "active") throw new AppError("CONFLICT", `Customer ${customer.uid} is ${customer.status}; bonuses go to active customers only`, { field: "customerId" });
  const account = await tx.tradingAccount.findFirst({
    where: { id: input.tradingAccountId, brandId: ctx.tenantId },
    select: { id: true, customerId: true, status: true, currency: true, demo: true },
  });
  if (!account) throw notFound("Trading account");
  if (account.customerId !== customer.id) throw invalid("tradingAccountId", "This trading account is not the customer's");
  if (account.status !== "active") throw new AppError("CONFLICT", `The trading account is ${account.status}; bonuses go to active accounts only`, { field: "tradingAccountId" });

  let amount: D;
  if (campaign) {
    const refusal = campaignRefusal(campaign, now);
    if (refusal) throw new AppError("CONFLICT", refusal, { field: "campaignId" });
    if (account.currency !== campaign.currency) {
      throw invalid("tradingAccountId", `The campaign grants ${campaign.currency}; this account is in ${account.currency}`);
    }
    const why = ineligibility(campaign, customer);
    if (why) throw new AppError("CONFLICT", why, { field: "customerId" });
    try {
      amount = input.amount ? dec(input.amount) : ruleAmount(campaign, input.depositAmount ?? null);
    } catch (error) {
      if (error instanceof RuleError) throw invalid(error.field, error.message);
      throw error;
    }
  } else {
    if (!input.amount) throw invalid("amount", "Enter an amount (there is no campaign to work it out)");
    amount = dec(input.amount);
  }
  if (!amount.gt(0)) throw invalid("amount", "The amount works out at zero; nothing to grant");
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
  const created = await ctx.db.$transaction(async (tx): Promise<GrantRow | null> => {
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

    if (pending) {
      if (r.campaign) assertBudget(r.campaign, r.amount);
    } else {
      await post(tx, ctx, { id, tradingAccountId: r.account.id, amount: r.amount, withdrawable: r.withdrawable, currency: r.account.currency, demo: r.account.demo, campaignId: r.campaign?.id ?? null });
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
  if (created) return created;
  // Another call holding the same key committed while this one waited: return its grant.
  const winner = await loadGrant(ctx.db, ctx.tenantId, { idempotencyKey: input.idempotencyKey });
  if (!winner) throw new AppError("CONFLICT", "The idempotency key is being used by a grant that did not finish; try again");
  assertSameGrant(winner, input);
  return row(ctx.db, winner, true);
}

/** Locks one grant of the brand (FOR NO KEY UPDATE) and returns it as it is now. */
async function lockGrant(tx: DbTx, brandId: string, id: string): Promise<GrantRecord> {
  await tx.$queryRaw`SELECT id FROM bonus_grant WHERE id = ${id}::uuid AND brand_id = ${brandId}::uuid FOR NO KEY UPDATE`;
  const g = await loadGrant(tx, brandId, { id });
  if (!g) throw notFound("Grant");
  return g;
}

/** Applies a pending grant: an admin who did not request it. Budget, account and locks are checked now. */
export async function approveGrant(ctx: BonusCtx, input: In<typeof ZGrantRef>): Promise<GrantRow> {
  return ctx.db.$transaction(async (tx) => {
    const before = await lockGrant(tx, ctx.tenantId, input.id);
    if (before.status !== "pending_approval") throw new AppError("CONFLICT", `This grant is ${before.status.replace("_", " ")}, not waiting for approval`);
    if (before.batchId) throw new AppError("CONFLICT", "This grant belongs to a CSV batch; approve or reject the batch");
    assertApprover(ctx.actor, before.requestedById);
    const account = await tx.tradingAccount.findUniqueOrThrow({ where: { id: before.tradingAccountId }, select: { status: true, demo: true } });
    if (account.status !== "active") throw new AppError("CONFLICT", `The trading account is ${account.status}; reject this grant instead`);
    const now = new Date();
    let validityDays: number | null = null;
    if (before.campaignId) validityDays = (await tx.bonusCampaign.findUniqueOrThrow({ where: { id: before.campaignId }, select: { validityDays: true } })).validityDays;
    await tx.bonusGrant.update({
      where: { id: before.id },
      data: {
        status: "applied",
        remaining: before.amount,
        appliedAt: now,
        decidedAt: now,
        approvedById: staffId(ctx.actor),
        expiresAt: validityDays ? addDays(now, validityDays) : null,
        version: { increment: 1 },
      },
    });
    await post(tx, ctx, { id: before.id, tradingAccountId: before.tradingAccountId, amount: dec(before.amount), withdrawable: before.withdrawable, currency: before.currency, demo: account.demo, campaignId: before.campaignId });
    const after = (await loadGrant(tx, ctx.tenantId, { id: before.id }))!;
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "bonus.grant_approve", entityType: "bonus_grant", entityId: before.id, before: grantSnapshot(before), after: grantSnapshot(after) });
    return row(tx, after);
  }, TX);
}

/** Rejects a pending grant with a reason: nothing was posted, nothing is. */
export async function rejectGrant(ctx: BonusCtx, input: In<typeof ZRejectInput>): Promise<GrantRow> {
  return ctx.db.$transaction(async (tx) => {
    const before = await lockGrant(tx, ctx.tenantId, input.id);
    if (before.status !== "pending_approval") throw new AppError("CONFLICT", `This grant is ${before.status.replace("_", " ")}, not waiting for approval`);
    if (before.batchId) throw new AppError("CONFLICT", "This grant belongs to a CSV batch; approve or reject the batch");
    assertApprover(ctx.actor, before.requestedById);
    await tx.bonusGrant.update({
      where: { id: before.id },
      data: { status: "rejected", decidedAt: new Date(), approvedById: staffId(ctx.actor), rejectReason: input.reason, version: { increment: 1 } },
    });
    const after = (await loadGrant(tx, ctx.tenantId, { id: before.id }))!;
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "bonus.grant_reject", entityType: "bonus_grant", entityId: before.id, before: grantSnapshot(before), after: { ...grantSnapshot(after), rejectReason: input.reason } });
    return row(tx, after);
  });
}

// ── Release ────────────────────────────────────────────────────────────────────────────────────────

const bucketBalance = async (tx: DbTx, tradingAccountId: string, bucket: CustomerBucket): Promise<D> => {
  const column = bucket === "bonus_withdrawable" ? Prisma.sql`bonus_withdrawable` : bucket === "cash" ? Prisma.sql`cash` : Prisma.sql`bonus_non_withdrawable`;
  const [r] = await tx.$queryRaw<{ v: string }[]>`SELECT ${column}::text AS v FROM trading_account WHERE id = ${tradingAccountId}::uuid FOR NO KEY UPDATE`;
  return dec(r?.v ?? "0");
};

/** Bumps campaigns' running totals in id order (part of the fixed locking order). */
async function bumpCampaigns(tx: DbTx, column: "released" | "expired" | "revoked", parts: Map<string, D>) {
  for (const id of [...parts.keys()].sort()) {
    const amount = parts.get(id)!.toFixed();
    if (column === "released") await tx.$executeRaw`UPDATE bonus_campaign SET released = released + ${amount}::numeric, updated_at = now() WHERE id = ${id}::uuid`;
    if (column === "expired") await tx.$executeRaw`UPDATE bonus_campaign SET expired = expired + ${amount}::numeric, updated_at = now() WHERE id = ${id}::uuid`;
    if (column === "revoked") await tx.$executeRaw`UPDATE bonus_campaign SET revoked = revoked + ${amount}::numeric, updated_at = now() WHERE id = ${id}::uuid`;
  }
}

/**
 * Converts non-withdrawable bonus credit to withdrawable in the same account (all, or part), consuming the
 * account's non-withdrawable grants oldest first. At most what the bucket still holds: credit already used
 * in trading cannot be released. Not a transfer (the money stays in the account), so fund locks don't apply.
 */
export async function release(ctx: BonusCtx, input: In<typeof ZReleaseInput>): Promise<ReleaseResult> {
  return ctx.db.$transaction(async (tx) => {
    const account = await tx.tradingAccount.findFirst({ where: { id: input.tradingAccountId, brandId: ctx.tenantId }, select: { id: true, currency: true, status: true } });
    if (!account) throw notFound("Trading account");
    if (account.status === "closed") throw new AppError("CONFLICT", "The trading account is closed");
    const grants = await tx.$queryRaw<{ id: string; remaining: string; campaign_id: string | null }[]>`
      SELECT id::text, remaining::text, campaign_id::text FROM bonus_grant
      WHERE trading_account_id = ${account.id}::uuid AND brand_id = ${ctx.tenantId}::uuid AND status = 'applied'
        AND withdrawable = false AND remaining > 0
      ORDER BY applied_at, id FOR NO KEY UPDATE`;
    const held = await bucketBalance(tx, account.id, "bonus_non_withdrawable");
    const open = grants.reduce((s, g) => s.plus(g.remaining), new D(0));
    const available = D.min(open, held);
    const wanted = input.amount === "all" ? available : dec(input.amount);
    if (!wanted.gt(0)) throw new AppError("CONFLICT", "There is no non-withdrawable bonus credit to release on this account", { field: "amount" });
    if (wanted.gt(available)) {
      throw new AppError("CONFLICT", `At most ${text(available)} ${account.currency} of non-withdrawable bonus credit can be released`, { field: "amount" });
    }
    const parts = allocateFifo(grants, wanted);
    const perCampaign = new Map<string, D>();
    for (const { grant: g, take } of parts) if (g.campaign_id) perCampaign.set(g.campaign_id, (perCampaign.get(g.campaign_id) ?? new D(0)).plus(take));
    await bumpCampaigns(tx, "released", perCampaign);
    const releaseId = randomUUID();
    const journal = await postJournal(tx, {
      brandId: ctx.tenantId,
      kind: "bonus_release",
      reference: { type: "bonus_release", id: releaseId },
      memo: input.reason,
      actorId: staffId(ctx.actor) ?? undefined,
      lines: [
        { account: { tradingAccountId: account.id, bucket: "bonus_non_withdrawable" }, amount: wanted.neg().toFixed() },
        { account: { tradingAccountId: account.id, bucket: "bonus_withdrawable" }, amount: wanted.toFixed() },
      ],
    });
    for (const { grant: g, take } of parts) {
      const left = dec(g.remaining).minus(take);
      await tx.bonusGrant.update({
        where: { id: g.id },
        data: { remaining: left.toFixed(), released: { increment: take.toFixed() }, status: left.isZero() ? "closed" : "applied", version: { increment: 1 } },
      });
    }
    const result: ReleaseResult = { journalId: journal.id, released: text(wanted), grants: parts.map((p) => ({ id: p.grant.id, released: text(p.take) })) };
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "bonus.release",
      entityType: "trading_account",
      entityId: account.id,
      after: { ...result, reason: input.reason, releaseId },
    });
    return result;
  }, TX);
}

// ── Revoke and expiry ──────────────────────────────────────────────────────────────────────────────

/**
 * Claws back what is left of one grant (at most what its bucket still holds) to `bonus_clawback` and
 * closes it; the part already used is recorded as shortfall. Runs inside the caller's transaction with
 * the grant row locked: a second caller (another worker, a double click) finds it closed and does
 * nothing; the journal's idempotency key (per grant and action) is the second guard.
 *
 * Fund locks are deliberately not checked: a revoke or an expiry takes back credit the brand gave, it is
 * not a transfer the customer makes, and must succeed whatever locks the account has.
 */
async function clawback(tx: DbTx, who: { actor: Actor; request: BonusCtx["request"] }, brandId: string, grantId: string, kind: "revoke" | "expire", reason: string | null): Promise<GrantRecord | null> {
  const before = await lockGrant(tx, brandId, grantId);
  if (before.status !== "applied" || !dec(before.remaining).gt(0)) return null;
  const bucket = bucketOf(before.withdrawable);
  const held = await bucketBalance(tx, before.tradingAccountId, bucket);
  const { take, shortfall } = clawbackSplit(before.remaining, held);
  if (before.campaignId && take.gt(0)) await bumpCampaigns(tx, kind === "revoke" ? "revoked" : "expired", new Map([[before.campaignId, take]]));
  if (take.gt(0)) {
    await postJournal(tx, {
      brandId,
      kind: kind === "revoke" ? "bonus_revoke" : "bonus_expire",
      reference: { type: "bonus_grant", id: before.id },
      idempotencyKey: `bonus-${kind}:${before.id}`,
      memo: reason ?? undefined,
      actorId: staffId(who.actor) ?? undefined,
      lines: [
        { account: { tradingAccountId: before.tradingAccountId, bucket }, amount: take.neg().toFixed() },
        { account: { system: "bonus_clawback", currency: before.currency, demo: before.tradingAccount.demo }, amount: take.toFixed() },
      ],
    });
  }
  await tx.bonusGrant.update({
    where: { id: before.id },
    data: {
      remaining: "0",
      ...(kind === "revoke" ? { revoked: { increment: take.toFixed() } } : { expired: { increment: take.toFixed() } }),
      shortfall: { increment: shortfall.toFixed() },
      status: "closed",
      version: { increment: 1 },
    },
  });
  const after = (await loadGrant(tx, brandId, { id: before.id }))!;
  await recordAudit(tx, who, {
    brandId,
    action: kind === "revoke" ? "bonus.grant_revoke" : "bonus.grant_expire",
    entityType: "bonus_grant",
    entityId: before.id,
    before: grantSnapshot(before),
    after: { ...grantSnapshot(after), ...(reason ? { reason } : {}) },
  });
  return after;
}

/** Revokes what is left of an applied grant (staff, with a reason). */
export async function revoke(ctx: BonusCtx, input: In<typeof ZRevokeInput>): Promise<GrantRow> {
  return ctx.db.$transaction(async (tx) => {
    const g = await loadGrant(tx, ctx.tenantId, { id: input.grantId });
    if (!g) throw notFound("Grant");
    if (g.status === "pending_approval") throw new AppError("CONFLICT", "This grant is waiting for approval; reject it instead");
    const after = await clawback(tx, ctx, ctx.tenantId, g.id, "revoke", input.reason);
    if (!after) throw new AppError("CONFLICT", `This grant is ${g.status}; there is nothing left to revoke`);
    return row(tx, after);
  }, TX);
}

const EXPIRY_WHO = { actor: systemActor("bonus-expiry"), request: { ip: null, userAgent: null } };
const EXPIRY_BATCH = 200;

/**
 * Claws back the unused credit of every applied grant whose validity ended at or before `now` (all
 * brands), one transaction and one audit row per grant. Safe to run twice at once: each grant is locked
 * and re-checked, so the second run finds it closed.
 */
export async function expireDue(db: Db, now: Date): Promise<{ expired: number; shortfalls: number; failed: { grantId: string; message: string }[] }> {
  let expired = 0;
  let shortfalls = 0;
  // A grant that cannot be clawed back now (e.g. its account was closed) must not stop the others.
  const failed: { grantId: string; message: string }[] = [];
  const skipped = new Set<string>();
  for (;;) {
    const due = await db.bonusGrant.findMany({
      where: { status: "applied", expiresAt: { lte: now }, id: { notIn: [...skipped] } },
      orderBy: { expiresAt: "asc" },
      take: EXPIRY_BATCH,
      select: { id: true, brandId: true },
    });
    for (const g of due) {
      try {
        const after = await db.$transaction((tx) => clawback(tx, EXPIRY_WHO, g.brandId, g.id, "expire", null), TX);
        if (after) {
          expired += 1;
          if (dec(after.shortfall).gt(0)) shortfalls += 1;
        }
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        failed.push({ grantId: g.id, message: error.message });
      }
      skipped.add(g.id);
    }
    if (due.length < EXPIRY_BATCH) return { expired, shortfalls, failed };
  }
}

// ── Reads ──────────────────────────────────────────────────────────────────────────────────────────

export function grantWhere(tenantId: string, q: Omit<GrantListInput, "page" | "pageSize" | "sort" | "dir">): Prisma.BonusGrantWhereInput {
  const search: Prisma.BonusGrantWhereInput[] = [];
  if (q.q) {
    const text: Prisma.CustomerWhereInput[] = [{ name: { contains: q.q, mode: "insensitive" } }, { email: { contains: q.q, mode: "insensitive" } }];
    search.push({ customer: /^\d{1,18}$/.test(q.q) ? { OR: [{ uid: BigInt(q.q) }, ...text] } : { OR: text } });
  }
  return {
    brandId: tenantId,
    ...(q.campaignId ? { campaignId: q.campaignId } : {}),
    ...(q.customerId ? { customerId: q.customerId } : {}),
    ...(q.batchId ? { batchId: q.batchId } : {}),
    ...(q.status?.length ? { status: { in: q.status } } : {}),
    ...(search.length ? { AND: search } : {}),
  };
}

export async function listGrants(ctx: BonusCtx, q: GrantListInput) {
  const where = grantWhere(ctx.tenantId, q);
  const [records, total] = await Promise.all([
    ctx.db.bonusGrant.findMany({ where, orderBy: [{ createdAt: q.dir }, { id: q.dir }], skip: (q.page - 1) * q.pageSize, take: q.pageSize, include: GRANT_INCLUDE }),
    ctx.db.bonusGrant.count({ where }),
  ]);
  return { rows: await toGrantRows(ctx.db, records), total, page: q.page, pageSize: q.pageSize };
}

/** Every grant matching the filters, in keyset batches (the CSV export). */
export async function* iterateGrants(ctx: BonusCtx, q: GrantListInput, batchSize = 500): AsyncGenerator<GrantRow> {
  const where = grantWhere(ctx.tenantId, q);
  let cursor: { id: string } | undefined;
  for (;;) {
    const records = await ctx.db.bonusGrant.findMany({
      where,
      orderBy: [{ createdAt: q.dir }, { id: q.dir }],
      take: batchSize,
      ...(cursor ? { cursor, skip: 1 } : {}),
      include: GRANT_INCLUDE,
    });
    for (const r of await toGrantRows(ctx.db, records)) yield r;
    if (records.length < batchSize) return;
    cursor = { id: records[records.length - 1].id };
  }
}

/** The customer's grants (newest first) and their trading accounts with bonus balances, for the customer tab. */
export async function customerBonuses(ctx: BonusCtx, input: { customerId: string }) {
  const customer = await ctx.db.customer.findFirst({ where: { id: input.customerId, brandId: ctx.tenantId }, select: { id: true } });
  if (!customer) throw notFound("Customer");
  const [records, accounts] = await Promise.all([
    ctx.db.bonusGrant.findMany({ where: { brandId: ctx.tenantId, customerId: customer.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 500, include: GRANT_INCLUDE }),
    ctx.db.tradingAccount.findMany({
      where: { brandId: ctx.tenantId, customerId: customer.id },
      orderBy: [{ demo: "asc" }, { type: "asc" }, { currency: "asc" }],
      select: { id: true, type: true, currency: true, demo: true, status: true, bonusWithdrawable: true, bonusNonWithdrawable: true },
    }),
  ]);
  return {
    grants: await toGrantRows(ctx.db, records),
    accounts: accounts.map((a) => ({ ...a, bonusWithdrawable: text(a.bonusWithdrawable), bonusNonWithdrawable: text(a.bonusNonWithdrawable) })),
  };
}
