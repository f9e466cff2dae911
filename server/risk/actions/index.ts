/** The registry of risk actions: add an action here (and to RISK_ACTIONS in lib/risk/schemas.ts). */
import "server-only";
import type { RiskActionKey } from "@/lib/risk/schemas";
import { alertAction } from "./alert";
import { customerBreakerAction } from "./customer-breaker";
import { cancelOrdersAction } from "./cancel-orders";
import { closePositionsAction } from "./close-positions";
import { freezeCustomerAction } from "./freeze-customer";
import { holdWithdrawalsAction } from "./hold-withdrawals";
import { keysReadOnlyAction } from "./keys-read-only";
import { lockTransferOutAction } from "./lock-transfer-out";
import type { RiskAction } from "./types";

export const RISK_ACTION_REGISTRY: Record<RiskActionKey, RiskAction> = {
  alert: alertAction,
  hold_withdrawals: holdWithdrawalsAction,
  lock_transfer_out: lockTransferOutAction,
  freeze_customer: freezeCustomerAction,
  customer_breaker: customerBreakerAction,
  cancel_orders: cancelOrdersAction,
  close_positions: closePositionsAction,
  keys_read_only: keysReadOnlyAction,
};
