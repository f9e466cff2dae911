/**
 * A sub-account's orders and fills, signed with its key: list pending / history / fills, place, cancel
 * (one or a batch of up to 20), close a position. Place and cancel answer per item (sCode / sMsg), with
 * OKX's envelope code "1" when every item failed and "2" when some did.
 */
import "server-only";
import { PerItemAnswer, TradeErrors, paramError } from "../errors";
import { cancelOrder, itemError } from "../trading/engine";
import { isLive } from "../trading/ledger";
import { closePosition, placeOrder } from "../trading/orders";
import { touch, trim, tradingOf } from "../trading/state";
import { cursorById, fillRow, orderRow } from "../trading/views";
import { isLimit, isTrueFalse, oneOf, optional, parse, required } from "../validation";
import { type Handler, type HandlerContext, ownSubaccount } from "./context";

const okxId = (v: string) => /^\d{1,32}$/.test(v);
const clOrdIdRule = (v: string) => /^[A-Za-z0-9]{1,32}$/.test(v);
const decimalRule = (v: string) => /^\d{1,20}(\.\d{1,18})?$/.test(v) && Number(v) > 0;
const INST_TYPES = ["SPOT", "MARGIN", "SWAP", "FUTURES", "OPTION"];
const ORD_TYPES = ["market", "limit", "post_only", "fok", "ioc"];

const stateOf = (ctx: HandlerContext) => tradingOf(ctx.store, ownSubaccount(ctx), ctx.now);

/** GET trade/orders-pending: newest first, after/before are order ids. */
export const ordersPending: Handler = (ctx) => {
  const p = parse(ctx.params, { instType: optional(oneOf(...INST_TYPES)), instId: optional(), ordType: optional(oneOf(...ORD_TYPES)), state: optional(oneOf("live", "partially_filled")), after: optional(okxId), before: optional(okxId), limit: optional(isLimit) });
  const rows = stateOf(ctx).orders.filter((o) => isLive(o) && (!p.instType || o.instType === p.instType) && (!p.instId || o.instId === p.instId) && (!p.ordType || o.ordType === p.ordType) && (!p.state || o.state === p.state));
  return cursorById(rows, (o) => o.ordId, p.after, p.before, p.limit).map(orderRow);
};

/** GET trade/orders-history: finished orders of the last 7 days (instType required, as at OKX). */
export const ordersHistory: Handler = (ctx) => {
  const p = parse(ctx.params, { instType: required(oneOf(...INST_TYPES)), instId: optional(), ordType: optional(oneOf(...ORD_TYPES)), state: optional(oneOf("canceled", "filled", "mmp_canceled")), after: optional(okxId), before: optional(okxId), limit: optional(isLimit) });
  const week = ctx.now - 7 * 86_400_000;
  const rows = stateOf(ctx).orders.filter((o) => !isLive(o) && o.uTime >= week && o.instType === p.instType && (!p.instId || o.instId === p.instId) && (!p.ordType || o.ordType === p.ordType) && (!p.state || o.state === p.state));
  return cursorById(rows, (o) => o.ordId, p.after, p.before, p.limit).map(orderRow);
};

/** GET trade/fills: the last 3 days, newest first; after/before are bill ids. */
export const fills: Handler = (ctx) => {
  const p = parse(ctx.params, { instType: optional(oneOf(...INST_TYPES)), instId: optional(), ordId: optional(okxId), after: optional(okxId), before: optional(okxId), limit: optional(isLimit) });
  const since = ctx.now - 3 * 86_400_000;
  const rows = stateOf(ctx).fills.filter((f) => f.ts >= since && (!p.instType || f.instType === p.instType) && (!p.instId || f.instId === p.instId) && (!p.ordId || f.ordId === p.ordId));
  return cursorById(rows, (f) => f.billId, p.after, p.before, p.limit).map(fillRow);
};

/** One item answered "1" (failed) → thrown; succeeded → the row. */
function single(row: Record<string, string>) {
  if (row.sCode !== "0") throw new PerItemAnswer("1", [row]);
  return [row];
}

/** POST trade/order. */
export const placeOrderHandler: Handler = (ctx) => {
  const p = parse(ctx.params, {
    instId: required(),
    tdMode: required(oneOf("cash", "cross", "isolated", "spot_isolated")),
    side: required(oneOf("buy", "sell")),
    posSide: optional(oneOf("net", "long", "short")),
    ordType: required(oneOf(...ORD_TYPES)),
    sz: required(decimalRule),
    px: optional(decimalRule),
    clOrdId: optional(clOrdIdRule),
    tag: optional((v) => /^[A-Za-z0-9]{1,16}$/.test(v)),
    reduceOnly: optional(isTrueFalse),
  });
  const state = stateOf(ctx);
  const base = { ordId: "", clOrdId: p.clOrdId ?? "", tag: p.tag ?? "", ts: String(ctx.now) };
  let row: Record<string, string>;
  try {
    const o = placeOrder(state, ownSubaccount(ctx), { ...p, side: p.side as "buy" | "sell", ordType: p.ordType as "market", reduceOnly: p.reduceOnly === "true" }, ctx.now);
    trim(state, ctx.now);
    if (ctx.caller?.subAcct) touch(ctx.store, state);
    row = { ...base, ordId: o.ordId, sCode: "0", sMsg: "Order placed" };
  } catch (e) {
    row = itemError(e, base);
  }
  return single(row);
};

/** The orders of a cancel: one from the params, or the batch's JSON array (≤ 20). */
function cancelItems(ctx: HandlerContext, batch: boolean): { instId?: string; ordId?: string; clOrdId?: string }[] {
  if (!batch) return [{ instId: ctx.params.get("instId"), ordId: ctx.params.get("ordId"), clOrdId: ctx.params.get("clOrdId") }];
  const raw = ctx.params.get("orders");
  let list: unknown;
  try {
    list = JSON.parse(raw ?? "[]");
  } catch {
    throw paramError("orders");
  }
  if (!Array.isArray(list) || list.length === 0) throw paramError("orders");
  // OKX's limit per request (its table words no code for more; the parameter is refused).
  if (list.length > 20) throw paramError("orders");
  return list.map((x) => {
    const o = (typeof x === "object" && x !== null ? x : {}) as Record<string, unknown>;
    const s = (k: string) => (typeof o[k] === "string" && o[k] !== "" ? (o[k] as string) : undefined);
    return { instId: s("instId"), ordId: s("ordId"), clOrdId: s("clOrdId") };
  });
}

function cancel(ctx: HandlerContext, batch: boolean) {
  const items = cancelItems(ctx, batch);
  const state = stateOf(ctx);
  let failed = 0;
  const rows = items.map((it) => {
    const base = { ordId: it.ordId ?? "", clOrdId: it.clOrdId ?? "", ts: String(ctx.now) };
    try {
      if (!it.instId) throw paramError("instId");
      if (it.ordId !== undefined && !okxId(it.ordId)) throw TradeErrors.cancelFailed();
      const o = cancelOrder(state, { instId: it.instId, ordId: it.ordId, clOrdId: it.clOrdId }, ctx.now);
      return { ...base, ordId: o.ordId, clOrdId: o.clOrdId, sCode: "0", sMsg: "" };
    } catch (e) {
      failed++;
      return itemError(e, base);
    }
  });
  if (failed < rows.length && ctx.caller?.subAcct) touch(ctx.store, state);
  if (failed === 0) return rows;
  throw new PerItemAnswer(failed === rows.length ? "1" : "2", rows);
}

/** POST trade/cancel-order. */
export const cancelOrderHandler: Handler = (ctx) => cancel(ctx, false);
/** POST trade/cancel-batch-orders (JSON array body). */
export const cancelBatchOrders: Handler = (ctx) => cancel(ctx, true);

/** POST trade/close-position: market-closes the whole position. */
export const closePositionHandler: Handler = (ctx) => {
  const p = parse(ctx.params, {
    instId: required(),
    mgnMode: required(oneOf("cross", "isolated")),
    posSide: optional(oneOf("net", "long", "short")),
    ccy: optional(),
    autoCxl: optional(isTrueFalse),
    clOrdId: optional(clOrdIdRule),
    tag: optional((v) => /^[A-Za-z0-9]{1,16}$/.test(v)),
  });
  const state = stateOf(ctx);
  const row = closePosition(state, ownSubaccount(ctx), { ...p, autoCxl: p.autoCxl === "true" }, ctx.now);
  if (ctx.caller?.subAcct) touch(ctx.store, state);
  return [row];
};
