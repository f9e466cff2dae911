/**
 * cancel_orders: every open order of the customer's sub-accounts cancelled on the exchange, as the
 * exchange lists them now (exchange-actions/cancel.ts, as the system: audited there on the customer, each
 * batch behind the emergency stop). A second run finds nothing open and skips. Nothing to undo.
 */
import "server-only";
import { cancelAllOrders } from "../../exchange-actions/cancel";
import { assertExchangeMutationsAllowed } from "../../exchange-actions/mutation-guard";
import { customerSubaccounts } from "../../exchange-actions/targets";
import { NoUsableKeyError } from "../../exchange/subaccount-client";
import { itemsOf } from "./exchange-items";
import { ruleReason, type RiskAction } from "./types";

export const cancelOrdersAction: RiskAction = {
  key: "cancel_orders",
  undoable: false,
  async apply(ctx, event) {
    // Stopped: nothing is sent and the action fails with the stop's words (a lasting breach acts again next window).
    await assertExchangeMutationsAllowed(ctx.db, ctx.tenantId);
    const subs = await customerSubaccounts(ctx, { customerId: event.customerId });
    if (subs.length === 0) return [];
    try {
      return itemsOf(await cancelAllOrders(ctx, { customerId: event.customerId, reason: ruleReason(event).slice(0, 500) }), subs, "risk.items.noOpenOrders");
    } catch (e) {
      // No sub-account has a key that may trade: each is reported, nothing was sent.
      if (e instanceof NoUsableKeyError) return subs.map((s) => ({ type: "subaccount", id: s.subAcct, result: "failed" as const, detail: e.message }));
      throw e;
    }
  },
};
