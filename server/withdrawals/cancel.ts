/**
 * Cancelling a withdrawal while it still can be: ours alone before anything was sent (pending approval
 * or queued — the send job's claim then finds it cancelled); OKX's cancel-withdrawal once sent, while OKX
 * still holds it (waiting or in review). While a send is in flight ("sending") the outcome is unknown, so
 * a cancel is refused until it is known. After OKX accepts, the follow job records the cancellation.
 */
import "server-only";
import type { z } from "zod";
import { recordAudit } from "../audit/audit";
import { AppError } from "../errors";
import { isOkxError } from "../exchange/okx";
import type { BrandClientOptions } from "../exchange/brand-client";
import type { ZCancelWithdrawalInput } from "@/lib/withdrawals/schemas";
import { assertExchangeMutationsAllowed } from "../exchange-actions/mutation-guard";
import { isCancellable, loadWithdrawal, lockWithdrawal, snapshot, staffId, toRow, withdrawalNotFound, WITHDRAWAL_INCLUDE, type WithdrawalCtx } from "./common";
import { withdrawClient } from "./exchange";
import type { WithdrawalRow } from "./types";

const notCancellable = (state: string) => new AppError("CONFLICT", "withdrawals.errors.notCancellable", { params: { state } });

export async function cancelWithdrawal(ctx: WithdrawalCtx, input: z.infer<typeof ZCancelWithdrawalInput>, clientOptions?: BrandClientOptions): Promise<WithdrawalRow> {
  const current = await loadWithdrawal(ctx.db, ctx.tenantId, input.id);
  if (!current) throw withdrawalNotFound();
  if (current.state === "pending_approval" || current.state === "queued") {
    const w = await ctx.db.$transaction(async (tx) => {
      const before = await lockWithdrawal(tx, ctx.tenantId, input.id);
      if (before.state !== "pending_approval" && before.state !== "queued") throw notCancellable(before.state);
      const after = await tx.withdrawal.update({
        where: { id: before.id },
        data: { state: "cancelled", cancelledById: staffId(ctx.actor), cancelReason: input.reason, finishedAt: new Date(), version: { increment: 1 } },
        include: WITHDRAWAL_INCLUDE,
      });
      await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "withdrawal.cancel", entityType: "withdrawal", entityId: before.id, before: snapshot(before), after: { ...snapshot(after), reason: input.reason } });
      return after;
    });
    return toRow(ctx.db, w);
  }
  if (current.state === "sending") throw new AppError("CONFLICT", "withdrawals.errors.sendingNow");
  if (!isCancellable(current) || !current.wdId) throw notCancellable(current.state);

  await assertExchangeMutationsAllowed(ctx.db, ctx.tenantId);
  const sc = await withdrawClient(ctx.db, ctx.tenantId, current.subaccountId, clientOptions);
  try {
    await sc.client.cancelWithdrawal({ wdId: current.wdId });
  } catch (error) {
    if (isOkxError(error)) throw new AppError("CONFLICT", "withdrawals.errors.cancelRefused", { params: { code: error.code, msg: error.msg || "—" }, cause: error });
    throw error;
  }
  const w = await ctx.db.$transaction(async (tx) => {
    const before = await lockWithdrawal(tx, ctx.tenantId, input.id);
    const after = await tx.withdrawal.update({
      where: { id: before.id },
      data: { okxState: before.state === "sent" ? "-3" : before.okxState, cancelledById: staffId(ctx.actor), cancelReason: input.reason, version: { increment: 1 } },
      include: WITHDRAWAL_INCLUDE,
    });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "withdrawal.cancel_on_exchange", entityType: "withdrawal", entityId: before.id, before: snapshot(before), after: { ...snapshot(after), reason: input.reason } });
    return after;
  });
  return toRow(ctx.db, w);
}
