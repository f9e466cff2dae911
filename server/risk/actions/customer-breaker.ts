/**
 * customer_breaker ("block money movements"): trips the customer's breaker, naming the event; until staff
 * reset it, every ledger posting touching the customer's accounts and every withdrawal request, approval
 * and send of the customer is refused (server/emergency/customer-breaker.ts). Already tripped: skipped.
 * Undo resets the breaker this event tripped, with a reason.
 */
import "server-only";
import { resetTrippedBy, tripCustomerBreaker } from "../breaker";
import type { RiskAction } from "./types";

export const customerBreakerAction: RiskAction = {
  key: "customer_breaker",
  undoable: true,
  async apply(ctx, event) {
    const { id, tripped } = await tripCustomerBreaker(ctx, event.customerId, event.id);
    return [{ type: "customer_breaker", id, result: tripped ? "applied" : "skipped", ...(tripped ? {} : { detail: "risk.items.alreadyTripped" }) }];
  },
  async undo(ctx, event, applied, reason) {
    const mine = applied.find((i) => i.type === "customer_breaker" && i.result === "applied");
    if (!mine) return [];
    const result = await resetTrippedBy(ctx, event.customerId, event.id, reason);
    return [{ type: "customer_breaker", id: mine.id, result, ...(result === "skipped" ? { detail: "risk.items.breakerAlreadyReset" } : {}) }];
  },
};
