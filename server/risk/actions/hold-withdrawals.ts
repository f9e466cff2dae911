/**
 * hold_withdrawals: the customer's withdrawals not yet sent (queued) go back to pending_approval, marked
 * with the event, so a second person must approve them. The send job claims a row under the same row lock,
 * so a withdrawal is either held here or already being sent (reported as skipped), never both. Nothing to
 * undo automatically: the approver decides each held withdrawal.
 */
import "server-only";
import { recordAudit } from "../../audit/audit";
import { lockWithdrawal, snapshot } from "../../withdrawals/common";
import type { ItemResult, RiskAction } from "./types";

export const holdWithdrawalsAction: RiskAction = {
  key: "hold_withdrawals",
  undoable: false,
  async apply(ctx, event) {
    return ctx.db.$transaction(async (tx) => {
      const open = await tx.withdrawal.findMany({
        where: { brandId: ctx.tenantId, customerId: event.customerId, OR: [{ state: { in: ["queued", "sending"] } }, { riskEventId: event.id }] },
        select: { id: true },
        orderBy: { id: "asc" },
      });
      const items: ItemResult[] = [];
      for (const { id } of open) {
        const before = await lockWithdrawal(tx, ctx.tenantId, id);
        if (before.riskEventId === event.id && before.state === "pending_approval") {
          // Held when it was requested (the synchronous check): counted here, nothing more to do.
          items.push({ type: "withdrawal", id, result: "applied", detail: "risk.items.heldAtRequest" });
          continue;
        }
        if (before.state !== "queued") {
          items.push({ type: "withdrawal", id, result: "skipped", detail: before.state === "sending" ? "risk.items.alreadySending" : "risk.items.notQueued" });
          continue;
        }
        const after = await tx.withdrawal.update({ where: { id }, data: { state: "pending_approval", riskEventId: event.id, version: { increment: 1 } } });
        await recordAudit(tx, ctx, {
          brandId: ctx.tenantId,
          action: "withdrawal.risk_hold",
          entityType: "withdrawal",
          entityId: id,
          before: snapshot(before),
          after: { ...snapshot(after), riskEventId: event.id, limitId: event.limitId, numbers: event.numbers },
        });
        items.push({ type: "withdrawal", id, result: "applied" });
      }
      return items;
    });
  },
};
