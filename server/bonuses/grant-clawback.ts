/**
 * Taking bonus credit back: staff revoke one grant, and the expiry job claws back every grant whose
 * validity has ended. Both close the grant and record what was already used as its shortfall.
 */
import "server-only";
import type { z } from "zod";
import { systemActor, type Actor } from "../actor";
import { recordAudit } from "../audit/audit";
import type { Db, DbTx } from "../db/client";
import { AppError, notFound } from "../errors";
import { postJournal } from "../ledger/post";
import { grantSnapshot, loadGrant, lockGrant, row, staffId, TX, type BonusCtx, type GrantRecord } from "./common";
import { bucketBalance, bucketOf, bumpCampaigns } from "./grant-posting";
import { clawbackSplit, dec, type BonusReason } from "./rules";
import type { ZRevokeInput } from "@/lib/bonuses/schemas";
import type { GrantRow } from "./types";

type In<T extends z.ZodType> = z.infer<T>;

/** A revoke that found nothing left to take back, by the status the grant had when it was read. */
const NOTHING_TO_REVOKE: Record<Exclude<GrantRow["status"], "pending_approval">, BonusReason> = {
  applied: "bonuses.errors.nothingToRevoke.applied",
  rejected: "bonuses.errors.nothingToRevoke.rejected",
  closed: "bonuses.errors.nothingToRevoke.closed",
};

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
    if (!g) throw notFound("grant");
    if (g.status === "pending_approval") throw new AppError("CONFLICT", "bonuses.errors.revokePending");
    const after = await clawback(tx, ctx, ctx.tenantId, g.id, "revoke", input.reason);
    if (!after) throw new AppError("CONFLICT", NOTHING_TO_REVOKE[g.status]);
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
