/**
 * Trading: cancelling a customer's open orders and closing their positions on the exchange, through the
 * same service staff use (live state first, per-item results, audited with the partner key as actor). The
 * customer is named by UID and a sub-account by its exchange name, as the brand's own systems know them.
 */
import "server-only";
import { z } from "zod";
import { cancelAllOrders, cancelOrder } from "../../exchange-actions/cancel";
import { closeAllPositions } from "../../exchange-actions/close";
import type { PartnerContext } from "../../actor";
import { notFound } from "../../errors";
import { ZCancelAllOrdersInput, ZCancelOrderInput, ZCloseAllPositionsInput } from "@/lib/exchange-actions/schemas";
import { ITEM_STATUSES, type ExchangeActionResult } from "@/lib/exchange-actions/types";
import { createTranslator, translateDynamic } from "@/lib/i18n/translate";
import { endpoint } from "../registry";

const TAG = "Trading";
const zReason = z.string().min(3).max(500).meta({ description: "Why: kept in the audit log with the partner key as actor.", example: "Customer asked to flatten the account" });

const ZItem = z
  .object({
    kind: z.enum(["order", "position"]),
    subaccountId: z.uuid(),
    subAcct: z.string(),
    instId: z.string(),
    ordId: z.string().nullable(),
    mgnMode: z.string().nullable(),
    posSide: z.string().nullable(),
    size: z.string().nullable().meta({ description: "Unfilled size of the order, or the position's size, as sent." }),
    status: z.enum(ITEM_STATUSES).meta({
      description:
        "`done`: accepted by the exchange; `failed`: refused or not done (see `code`, `message`); `unknown`: no clear answer and the live state could not be read; `not_open`: no longer open, nothing sent.",
    }),
    code: z.string().nullable().meta({ description: "The exchange's code (`0` accepted), or a local one such as `TIMEOUT` or `HTTP_503`." }),
    message: z.string().nullable(),
    checkedAfterUnclearAnswer: z.boolean().meta({ description: "The answer was unclear, so the outcome was read back from the live state (a close is never sent twice)." }),
  })
  .meta({ id: "ExchangeActionItem" });

const ZResult = z
  .object({
    items: z.array(ZItem),
    skipped: z.array(z.object({ subaccountId: z.uuid(), subAcct: z.string(), reason: z.string().meta({ description: "Why the sub-account could not be reached (e.g. no API key with the trade permission)." }) })),
    counts: z.object(Object.fromEntries(ITEM_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof ITEM_STATUSES)[number], z.ZodNumber>),
  })
  .meta({ id: "ExchangeActionResult" });

const english = createTranslator("en");

const answer = (r: ExchangeActionResult) => ({
  items: r.items,
  // The reason in English words for an API client (staff see the same in their language).
  skipped: r.skipped.map((s) => ({ subaccountId: s.subaccountId, subAcct: s.subAcct, reason: translateDynamic((key, vars) => english(key, { ...vars, ...s.params }), s.reason, s.reason) })),
  counts: r.counts,
});

const zCustomerUid = z.string().regex(/^\d{1,18}$/, { error: "customerUid is the customer's number (digits)" }).meta({ description: "The customer's UID.", example: "100023" });
const zSubAcct = z.string().min(1).max(32).meta({ description: "The customer's sub-account (its exchange name).", example: "jufu0001" });

/** The customer (by UID) and their sub-accounts (or the one named), within the key's brand; NOT_FOUND otherwise. */
async function customerScope(ctx: PartnerContext, customerUid: string, subAcct?: string) {
  const customer = await ctx.db.customer.findFirst({ where: { brandId: ctx.tenantId, uid: BigInt(customerUid) }, select: { id: true } });
  if (!customer) throw notFound("customer");
  if (!subAcct) return { customerId: customer.id, subaccountId: undefined };
  const sub = await ctx.db.subaccount.findFirst({ where: { brandId: ctx.tenantId, customerId: customer.id, subAcct, removedAt: null }, select: { id: true } });
  if (!sub) throw notFound("subAccount");
  return { customerId: customer.id, subaccountId: sub.id };
}

const ZScopeBody = z.strictObject({
  customerUid: zCustomerUid,
  subAcct: zSubAcct.optional().meta({ description: "Only this sub-account of the customer; all of them when absent." }),
  reason: zReason,
});

export const tradingEndpoints = [
  endpoint({
    operationId: "cancelOrder",
    method: "POST",
    path: "/trading/orders/cancel",
    group: "trading",
    access: "write",
    tag: TAG,
    summary: "Cancel one of a customer's open orders",
    description: "Looks the order up among the exchange's open orders first; one no longer open is answered as `not_open` and nothing is sent.",
    body: z
      .strictObject({ customerUid: zCustomerUid, subAcct: zSubAcct, instId: z.string().min(1).max(40).meta({ example: "BTC-USDT-SWAP" }), ordId: z.string().min(1).max(32), reason: zReason })
      .meta({ id: "CancelOrder" }),
    response: ZResult,
    refusals: [400, 404, 409],
    handler: async (ctx, { body }) => {
      const { subaccountId } = await customerScope(ctx, body.customerUid, body.subAcct);
      return answer(await cancelOrder(ctx, ZCancelOrderInput.parse({ subaccountId, instId: body.instId, ordId: body.ordId, reason: body.reason })));
    },
  }),
  endpoint({
    operationId: "cancelAllOrders",
    method: "POST",
    path: "/trading/orders/cancel-all",
    group: "trading",
    access: "write",
    tag: TAG,
    summary: "Cancel all of a customer's open orders",
    description: "Every open order the exchange lists for the customer's sub-accounts (or one), in batches of up to 20 per instrument; one result per order.",
    body: ZScopeBody.meta({ id: "CancelAllOrders" }),
    response: ZResult,
    refusals: [400, 404, 409],
    handler: async (ctx, { body }) => {
      const scope = await customerScope(ctx, body.customerUid, body.subAcct);
      return answer(await cancelAllOrders(ctx, ZCancelAllOrdersInput.parse({ ...scope, reason: body.reason })));
    },
  }),
  endpoint({
    operationId: "closeAllPositions",
    method: "POST",
    path: "/trading/positions/close-all",
    group: "trading",
    access: "write",
    tag: TAG,
    summary: "Close all of a customer's positions at market",
    description:
      "Every open position the exchange lists for the customer's sub-accounts (or one), closed at market with its pending orders cancelled; one result per position. After an unclear answer a close is not sent again: the positions are read back.",
    body: ZScopeBody.meta({ id: "CloseAllPositions" }),
    response: ZResult,
    refusals: [400, 404, 409],
    handler: async (ctx, { body }) => {
      const scope = await customerScope(ctx, body.customerUid, body.subAcct);
      return answer(await closeAllPositions(ctx, ZCloseAllPositionsInput.parse({ ...scope, reason: body.reason })));
    },
  }),
];
