/**
 * freeze_customer: the customer goes from active to frozen (customers/status.ts, audited there); a frozen
 * customer cannot withdraw. Already frozen or closed: skipped. Undo unfreezes, if still frozen, with a reason.
 */
import "server-only";
import { AppError } from "../../errors";
import { freezeCustomer, unfreezeCustomer } from "../../customers/status";
import { ruleReason, type RiskAction } from "./types";

const failure = (e: unknown): string => (e instanceof AppError ? e.reason : e instanceof Error ? e.message : String(e));

export const freezeCustomerAction: RiskAction = {
  key: "freeze_customer",
  undoable: true,
  async apply(ctx, event) {
    const c = await ctx.db.customer.findFirst({ where: { id: event.customerId, brandId: ctx.tenantId }, select: { status: true, version: true } });
    if (!c || c.status !== "active") return [{ type: "customer", id: event.customerId, result: "skipped", detail: "risk.items.notActive" }];
    try {
      await freezeCustomer(ctx, { id: event.customerId, version: c.version, reason: ruleReason(event).slice(0, 500) });
      return [{ type: "customer", id: event.customerId, result: "applied" }];
    } catch (e) {
      return [{ type: "customer", id: event.customerId, result: "failed", detail: failure(e) }];
    }
  },
  async undo(ctx, event, applied, reason) {
    if (!applied.some((i) => i.type === "customer" && i.result === "applied")) return [];
    const c = await ctx.db.customer.findFirst({ where: { id: event.customerId, brandId: ctx.tenantId }, select: { status: true, version: true } });
    if (!c || c.status !== "frozen") return [{ type: "customer", id: event.customerId, result: "skipped", detail: "risk.items.notFrozen" }];
    try {
      await unfreezeCustomer(ctx, { id: event.customerId, version: c.version, reason });
      return [{ type: "customer", id: event.customerId, result: "applied" }];
    } catch (e) {
      return [{ type: "customer", id: event.customerId, result: "failed", detail: failure(e) }];
    }
  },
};
