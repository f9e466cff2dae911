/**
 * cancel_orders: every open order of the customer's sub-accounts cancelled on the exchange, as the
 * exchange lists them now (exchange-actions/cancel.ts, as the system: audited there on the customer, each
 * batch behind the emergency stop). A second run finds nothing open and skips. Nothing to undo.
 */
import "server-only";
import { cancelAllOrders } from "../../exchange-actions/cancel";
import { bulkExchangeAction } from "./exchange-items";

export const cancelOrdersAction = bulkExchangeAction("cancel_orders", cancelAllOrders, "risk.items.noOpenOrders");
