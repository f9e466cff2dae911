/**
 * lock_transfer_out: a transfer-out fund lock (source risk_rule, naming the limit) on each of the customer's
 * real trading accounts not closed; a transfer-out lock also stops withdrawals (withdrawals/checks.ts).
 * An account already locked that way is skipped. Undo releases the locks this event placed, with a reason.
 */
import "server-only";
import { AppError } from "../../errors";
import { lock, unlock } from "../../fund-locks/service";
import { ruleReason, type ItemResult, type RiskAction } from "./types";

const failure = (e: unknown): string => (e instanceof AppError ? e.reason : e instanceof Error ? e.message : String(e));

export const lockTransferOutAction: RiskAction = {
  key: "lock_transfer_out",
  undoable: true,
  async apply(ctx, event) {
    const accounts = await ctx.db.tradingAccount.findMany({
      where: { brandId: ctx.tenantId, customerId: event.customerId, demo: false, status: { not: "closed" } },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    const items: ItemResult[] = [];
    for (const account of accounts) {
      try {
        const placed = await lock(ctx, { tradingAccountId: account.id, direction: "transfer_out", reason: ruleReason(event) }, { source: "risk_rule", riskRuleId: event.limitId });
        items.push({ type: "fund_lock", id: placed.id, result: "applied" });
      } catch (e) {
        const already = e instanceof AppError && e.reason.startsWith("fundLocks.errors.alreadyLocked");
        items.push({ type: "trading_account", id: account.id, result: already ? "skipped" : "failed", detail: already ? "risk.items.alreadyLocked" : failure(e) });
      }
    }
    return items;
  },
  async undo(ctx, _event, applied, reason) {
    const items: ItemResult[] = [];
    for (const item of applied.filter((i) => i.type === "fund_lock" && i.result === "applied")) {
      const current = await ctx.db.fundLock.findFirst({ where: { id: item.id, brandId: ctx.tenantId }, select: { version: true, endedAt: true } });
      if (!current || current.endedAt) {
        items.push({ type: "fund_lock", id: item.id, result: "skipped", detail: "risk.items.alreadyReleased" });
        continue;
      }
      try {
        await unlock(ctx, { id: item.id, reason, version: current.version });
        items.push({ type: "fund_lock", id: item.id, result: "applied" });
      } catch (e) {
        items.push({ type: "fund_lock", id: item.id, result: "failed", detail: failure(e) });
      }
    }
    return items;
  },
};
