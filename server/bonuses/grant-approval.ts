/**
 * Maker-checker on a single pending grant: an admin who did not request it applies it (budget, account
 * and fund locks checked again now) or rejects it. Grants of a CSV batch are decided with their batch.
 */
import "server-only";
import type { z } from "zod";
import { recordAudit } from "../audit/audit";
import { AppError } from "../errors";
import { enqueueEvaluations } from "../risk/triggers";
import { assertApprover, grantSnapshot, loadGrant, lockGrant, row, staffId, TX, type BonusCtx } from "./common";
import { post } from "./grant-posting";
import { addDays, dec, type BonusReason } from "./rules";
import type { ZGrantRef, ZRejectInput } from "@/lib/bonuses/schemas";
import type { GrantRow } from "./types";

type In<T extends z.ZodType> = z.infer<T>;
const noted = (note: string | undefined) => (note ? { note } : {});

/** Only a pending grant is decided: one reason per other status. */
const NOT_PENDING: Record<Exclude<GrantRow["status"], "pending_approval">, BonusReason> = {
  applied: "bonuses.errors.grantNotPending.applied",
  rejected: "bonuses.errors.grantNotPending.rejected",
  closed: "bonuses.errors.grantNotPending.closed",
};
/** A grant is applied to an active account only: one reason per other status. */
const ACCOUNT_NOT_ACTIVE: Record<"frozen" | "closed", BonusReason> = {
  frozen: "bonuses.errors.approvalAccountNotActive.frozen",
  closed: "bonuses.errors.approvalAccountNotActive.closed",
};

/**
 * Applies a pending grant: an admin who did not request it. Budget, account and locks are checked now. An
 * approver's note (from the approvals inbox) goes into the audit entry.
 */
export async function approveGrant(ctx: BonusCtx, input: In<typeof ZGrantRef> & { note?: string }): Promise<GrantRow> {
  const applied = await ctx.db.$transaction(async (tx) => {
    const before = await lockGrant(tx, ctx.tenantId, input.id);
    if (before.status !== "pending_approval") throw new AppError("CONFLICT", NOT_PENDING[before.status]);
    if (before.batchId) throw new AppError("CONFLICT", "bonuses.errors.grantInBatch");
    assertApprover(ctx.actor, before.requestedById);
    const account = await tx.tradingAccount.findUniqueOrThrow({ where: { id: before.tradingAccountId }, select: { status: true, demo: true } });
    if (account.status !== "active") throw new AppError("CONFLICT", ACCOUNT_NOT_ACTIVE[account.status]);
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
    await post(tx, ctx, { id: before.id, customerId: before.customerId, tradingAccountId: before.tradingAccountId, amount: dec(before.amount), withdrawable: before.withdrawable, currency: before.currency, demo: account.demo, campaignId: before.campaignId });
    const after = (await loadGrant(tx, ctx.tenantId, { id: before.id }))!;
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "bonus.grant_approve", entityType: "bonus_grant", entityId: before.id, before: grantSnapshot(before), after: { ...grantSnapshot(after), ...noted(input.note) } });
    return row(tx, after);
  }, TX);
  await enqueueEvaluations(ctx.tenantId, [applied.customer.id]);
  return applied;
}

/** Rejects a pending grant with a reason: nothing was posted, nothing is. */
export async function rejectGrant(ctx: BonusCtx, input: In<typeof ZRejectInput>): Promise<GrantRow> {
  return ctx.db.$transaction(async (tx) => {
    const before = await lockGrant(tx, ctx.tenantId, input.id);
    if (before.status !== "pending_approval") throw new AppError("CONFLICT", NOT_PENDING[before.status]);
    if (before.batchId) throw new AppError("CONFLICT", "bonuses.errors.grantInBatch");
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
