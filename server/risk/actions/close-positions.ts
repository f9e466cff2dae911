/**
 * close_positions: every open position of the customer's sub-accounts closed at market, as the exchange
 * lists them now (exchange-actions/close.ts, as the system: audited there on the customer, each close behind
 * the emergency stop). A second run finds nothing open and skips. Not undoable: a closed position cannot be
 * reopened as it was.
 */
import "server-only";
import { closeAllPositions } from "../../exchange-actions/close";
import { bulkExchangeAction } from "./exchange-items";

export const closePositionsAction = bulkExchangeAction("close_positions", closeAllPositions, "risk.items.noOpenPositions");
