/**
 * Inputs of staff actions on a customer's exchange account (cancel orders, close positions), shared by the
 * procedures, the partner API and the dialogs' forms. Client-safe: no server imports.
 */
import { z } from "zod";
import { zId } from "@/lib/validation/ids";
import { zText } from "@/lib/validation/text";

/** Why staff act on a customer's account: required, kept in the audit log. */
export const zExchangeActionReason = zText(500, {
  min: 3,
  multiline: true,
  required: "Give a reason",
  tooShort: "Give a reason (at least 3 characters)",
  tooLong: "A reason is at most 500 characters",
});

const zInstId = z.string().regex(/^[A-Z0-9]+(-[A-Z0-9]+){1,4}$/, { error: "Enter an instrument like BTC-USDT-SWAP" });
const zOrdId = z.string().regex(/^\d{1,32}$/, { error: "Enter an exchange order id (digits)" });
export const MARGIN_MODES = ["cross", "isolated"] as const;
export const POSITION_SIDES = ["long", "short", "net"] as const;

/** One open order of one sub-account. */
export const ZOrderRef = z.object({ subaccountId: zId("Unknown sub-account"), instId: zInstId, ordId: zOrdId });
/** One position of one sub-account: OKX tells positions apart by instrument, margin mode and side. */
export const ZPositionRef = z.object({
  subaccountId: zId("Unknown sub-account"),
  instId: zInstId,
  mgnMode: z.enum(MARGIN_MODES, { error: "Choose cross or isolated" }),
  posSide: z.enum(POSITION_SIDES, { error: "Choose long, short or net" }),
});
/** All of a customer's sub-accounts, or only one of them. */
export const ZCustomerScope = z.object({
  customerId: zId("Unknown customer"),
  subaccountId: zId("Unknown sub-account").optional(),
});

export const ZCancelOrderInput = ZOrderRef.extend({ reason: zExchangeActionReason });
export const ZClosePositionInput = ZPositionRef.extend({ reason: zExchangeActionReason });
export const ZCancelAllOrdersInput = ZCustomerScope.extend({ reason: zExchangeActionReason });
export const ZCloseAllPositionsInput = ZCustomerScope.extend({ reason: zExchangeActionReason });

export const EXCHANGE_ACTIONS = ["cancelOrder", "cancelAllOrders", "closePosition", "closeAllPositions"] as const;
export type ExchangeAction = (typeof EXCHANGE_ACTIONS)[number];

/** What an action would do, read live from the exchange: the same targets the action takes. */
export const ZExchangeActionPreviewInput = z.discriminatedUnion("action", [
  ZOrderRef.extend({ action: z.literal("cancelOrder") }),
  ZCustomerScope.extend({ action: z.literal("cancelAllOrders") }),
  ZPositionRef.extend({ action: z.literal("closePosition") }),
  ZCustomerScope.extend({ action: z.literal("closeAllPositions") }),
]);
export type ExchangeActionPreviewInput = z.input<typeof ZExchangeActionPreviewInput>;
/** The reason form of every action dialog. */
export const ZExchangeActionReasonForm = z.object({ reason: zExchangeActionReason });
