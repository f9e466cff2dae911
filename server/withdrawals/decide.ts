/**
 * Maker-checker on a withdrawal above the threshold: someone holding withdrawal.approve who did not ask
 * for it approves (it is queued and sent) or rejects it (nothing is sent). A partner key's request has no
 * staff requester, so any approver may decide it.
 */
import "server-only";
import type { z } from "zod";
import { recordAudit } from "../audit/audit";
import { assertCustomerMoneyAllowed } from "../emergency/customer-breaker";
import { assertMoneyMovementAllowed } from "../emergency/guard";
import { AppError } from "../errors";
import type { ZDecideWithdrawalInput, ZRejectWithdrawalInput } from "@/lib/withdrawals/schemas";
import { assertApprover, lockWithdrawal, snapshot, staffId, toRow, WITHDRAWAL_INCLUDE, type WithdrawalCtx } from "./common";
import { enqueueSend } from "./request";
import type { WithdrawalRow } from "./types";

const notPending = (state: string) => new AppError("CONFLICT", "withdrawals.errors.notPending", { params: { state } });

export async function approveWithdrawal(ctx: WithdrawalCtx, input: z.infer<typeof ZDecideWithdrawalInput>): Promise<WithdrawalRow> {
  const w = await ctx.db.$transaction(async (tx) => {
    // Approving queues the send: refused while an emergency stop applies (the withdrawal stays pending).
    await assertMoneyMovementAllowed(tx, ctx.tenantId);
    const before = await lockWithdrawal(tx, ctx.tenantId, input.id);
    if (before.state !== "pending_approval") throw notPending(before.state);
    assertApprover(ctx.actor, before.requestedById);
    // The customer's risk breaker: refused too (the withdrawal stays pending until staff reset it).
    await assertCustomerMoneyAllowed(tx, ctx.tenantId, [before.customerId]);
    const after = await tx.withdrawal.update({
      where: { id: before.id },
      data: { state: "queued", approvedById: staffId(ctx.actor), decidedAt: new Date(), decisionNote: input.note ?? null, version: { increment: 1 } },
      include: WITHDRAWAL_INCLUDE,
    });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "withdrawal.approve", entityType: "withdrawal", entityId: before.id, before: snapshot(before), after: { ...snapshot(after), note: input.note ?? null } });
    return after;
  });
  await enqueueSend(ctx.tenantId, w.id);
  return toRow(ctx.db, w);
}

export async function rejectWithdrawal(ctx: WithdrawalCtx, input: z.infer<typeof ZRejectWithdrawalInput>): Promise<WithdrawalRow> {
  const w = await ctx.db.$transaction(async (tx) => {
    const before = await lockWithdrawal(tx, ctx.tenantId, input.id);
    if (before.state !== "pending_approval") throw notPending(before.state);
    assertApprover(ctx.actor, before.requestedById);
    const after = await tx.withdrawal.update({
      where: { id: before.id },
      data: { state: "rejected", approvedById: staffId(ctx.actor), decidedAt: new Date(), decisionNote: input.reason, finishedAt: new Date(), version: { increment: 1 } },
      include: WITHDRAWAL_INCLUDE,
    });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "withdrawal.reject", entityType: "withdrawal", entityId: before.id, before: snapshot(before), after: { ...snapshot(after), reason: input.reason } });
    return after;
  });
  return toRow(ctx.db, w);
}
