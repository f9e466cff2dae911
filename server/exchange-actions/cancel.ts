/**
 * Cancelling a customer's open orders on the exchange: one order, or all of them across their
 * sub-accounts (per instrument, in batches of at most 20 — OKX's limit). Cancelling is safe to repeat, so
 * the client retries what failed on the way; when the answer stays unclear, the open orders are read again
 * to tell which went through.
 */
import "server-only";
import Decimal from "decimal.js";
import type { z } from "zod";
import type { BrandContext } from "../actor";
import { isOkxError } from "../exchange/okx";
import type { Order } from "../exchange/okx/schemas";
import type { ZCancelAllOrdersInput, ZCancelOrderInput } from "@/lib/exchange-actions/schemas";
import type { ActionItemResult, ExchangeActionResult, SkippedSubaccount } from "@/lib/exchange-actions/types";
import { liveOrders, readLive } from "./live";
import { assertExchangeMutationsAllowed } from "./mutation-guard";
import { answerOf, finish, itemOf, runBulk, unclear } from "./record";
import { customerSubaccounts, reachableTargets, singleTarget, type ExchangeActionDeps, type Target } from "./targets";

const BATCH = 20;

const orderTarget = (t: Target, o: { instId: string; ordId: string; sz?: string; accFillSz?: string }) => ({
  kind: "order" as const,
  subaccountId: t.subaccountId,
  subAcct: t.subAcct,
  instId: o.instId,
  ordId: o.ordId,
  mgnMode: null,
  posSide: null,
  size: o.sz !== undefined && o.accFillSz !== undefined ? Decimal.max(new Decimal(o.sz).minus(o.accFillSz), 0).toFixed() : null,
});

/**
 * Sends one batch (same sub-account, ≤ 20 orders) and answers one result per order. `guarded: false` only
 * for the emergency stop's own cancelling (server/emergency/cancel-orders.ts), which runs while it holds.
 */
async function cancelBatch(ctx: BrandContext, t: Target, orders: Order[], guarded = true): Promise<ActionItemResult[]> {
  if (guarded) await assertExchangeMutationsAllowed(ctx.db, ctx.tenantId);
  try {
    const acks = await t.client.cancelBatchOrders({ orders: orders.map((o) => ({ instId: o.instId, ordId: o.ordId })) });
    return orders.map((o, i) => {
      const ack = acks.find((a) => a.ordId === o.ordId) ?? acks[i];
      if (!ack) return itemOf(orderTarget(t, o), "unknown", { code: null, message: "no answer for this order" });
      return itemOf(orderTarget(t, o), ack.sCode === "0" ? "done" : "failed", { code: ack.sCode, message: ack.sMsg });
    });
  } catch (e) {
    if (!isOkxError(e)) throw e;
    if (!unclear(e)) return orders.map((o) => itemOf(orderTarget(t, o), "failed", answerOf(e)));
    try {
      const open = new Set((await liveOrders(t.client)).map((o) => o.ordId));
      return orders.map((o) => itemOf(orderTarget(t, o), open.has(o.ordId) ? "failed" : "done", { ...answerOf(e), checked: true }));
    } catch {
      return orders.map((o) => itemOf(orderTarget(t, o), "unknown", answerOf(e)));
    }
  }
}

/** Cancels every order of `orders` (one sub-account), batched per instrument; each batch's results go into `results` as they come. */
export async function cancelAllOf(ctx: BrandContext, t: Target, orders: Order[], results: ActionItemResult[], { guarded = true } = {}): Promise<void> {
  const byInstrument = new Map<string, Order[]>();
  for (const o of orders) byInstrument.set(o.instId, [...(byInstrument.get(o.instId) ?? []), o]);
  for (const group of byInstrument.values()) {
    for (let i = 0; i < group.length; i += BATCH) results.push(...(await cancelBatch(ctx, t, group.slice(i, i + BATCH), guarded)));
  }
}

/**
 * Cancels one open order of one of the brand's sub-accounts, with a reason. The order is looked up among
 * the exchange's open orders first; one that is no longer open is reported as such and nothing is sent.
 */
export async function cancelOrder(ctx: BrandContext, input: z.output<typeof ZCancelOrderInput>, deps: ExchangeActionDeps = {}): Promise<ExchangeActionResult> {
  const t = await singleTarget(ctx, input.subaccountId, "trade", deps);
  const open = await readLive(() => liveOrders(t.client, input.instId));
  const order = open.find((o) => o.ordId === input.ordId);
  const items = order ? await cancelBatch(ctx, t, [order]) : [itemOf(orderTarget(t, input), "not_open")];
  return finish(ctx, {
    action: "cancelOrder",
    reason: input.reason,
    asked: { subaccountId: input.subaccountId, instId: input.instId, ordId: input.ordId },
    entity: { type: "subaccount", id: input.subaccountId },
    items,
    skipped: [],
  });
}

/**
 * Cancels every open order of a customer's sub-accounts (or one of them), as the exchange lists them now.
 * Sub-accounts without a key that may trade, or whose orders could not be read, are reported as skipped.
 * The emergency stop (checked before each batch) interrupts it: what was cancelled by then is audited.
 */
export async function cancelAllOrders(ctx: BrandContext, input: z.output<typeof ZCancelAllOrdersInput>, deps: ExchangeActionDeps = {}): Promise<ExchangeActionResult> {
  const subs = await customerSubaccounts(ctx, input);
  const { targets, skipped } = await reachableTargets(ctx, subs, "trade", deps);
  const items: ActionItemResult[] = [];
  // The same arrays the loop fills: an interrupted run audits what it had sent by then.
  const allSkipped: SkippedSubaccount[] = [...skipped];
  const finished = { action: "cancelAllOrders" as const, reason: input.reason, asked: { customerId: input.customerId, subaccountId: input.subaccountId ?? null }, entity: { type: "customer" as const, id: input.customerId }, items, skipped: allSkipped };
  return runBulk(ctx, finished, async () => {
    for (const t of targets) {
      let orders: Order[];
      try {
        orders = await liveOrders(t.client);
      } catch (e) {
        if (!isOkxError(e)) throw e;
        allSkipped.push({ subaccountId: t.subaccountId, subAcct: t.subAcct, reason: "exchangeActions.errors.readFailed", params: { code: e.code, msg: e.msg } });
        continue;
      }
      await cancelAllOf(ctx, t, orders, items);
    }
  });
}
