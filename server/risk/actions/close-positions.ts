/**
 * close_positions: every open position of the customer's sub-accounts closed at market, as the
 * exchange lists them now (exchange-actions/close.ts, as the system: audited there on the customer, each
 * close behind the emergency stop). A second run finds nothing open and skips. Not undoable: a closed
 * position cannot be reopened as it was.
 */
import "server-only";
import { closeAllPositions } from "../../exchange-actions/close";
import { assertExchangeMutationsAllowed } from "../../exchange-actions/mutation-guard";
import { customerSubaccounts } from "../../exchange-actions/targets";
import { NoUsableKeyError } from "../../exchange/subaccount-client";
import { itemsOf } from "./exchange-items";
import { ruleReason, type RiskAction } from "./types";

export const closePositionsAction: RiskAction = {
  key: "close_positions",
  undoable: false,
  async apply(ctx, event) {
    // Stopped: nothing is sent and the action fails with the stop's words (a lasting breach acts again next window).
    await assertExchangeMutationsAllowed(ctx.db, ctx.tenantId);
    const subs = await customerSubaccounts(ctx, { customerId: event.customerId });
    if (subs.length === 0) return [];
    try {
      return itemsOf(await closeAllPositions(ctx, { customerId: event.customerId, reason: ruleReason(event).slice(0, 500) }), subs, "risk.items.noOpenPositions");
    } catch (e) {
      // No sub-account has a key that may trade: each is reported, nothing was sent.
      if (e instanceof NoUsableKeyError) return subs.map((s) => ({ type: "subaccount", id: s.subAcct, result: "failed" as const, detail: e.message }));
      throw e;
    }
  },
};
