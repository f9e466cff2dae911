/**
 * Placing an order and closing a position, with OKX's checks in OKX's order: instrument, account mode,
 * position side, size and price steps, client order id, reduce-only, funds. A refusal throws the OkxError
 * that becomes the item's sCode / sMsg.
 */
import "server-only";
import Decimal from "decimal.js";
import { TradeErrors, paramError } from "../errors";
import type { Subaccount } from "../model";
import { closes, execute, takerPrice } from "./engine";
import { D, available, isLive, nextId, text } from "./ledger";
import { instrument, quote, tickSz } from "./market";
import type { SimOrder, SubTrading } from "./model";

export interface OrderRequest {
  instId: string;
  tdMode: string;
  side: "buy" | "sell";
  posSide?: string;
  ordType: SimOrder["ordType"];
  sz: string;
  px?: string;
  clOrdId?: string;
  tag?: string;
  reduceOnly?: boolean;
}

const multipleOf = (v: Decimal, step: string) => v.mod(step).isZero();
const DEFAULT_LEVER = "10";

export function placeOrder(state: SubTrading, sub: Subaccount | null, r: OrderRequest, now: number): SimOrder {
  const inst = instrument(r.instId);
  if (!inst) throw TradeErrors.unknownInstrument();
  // A disabled sub-account, or one whose trading is frozen (frozenFunc), may not trade.
  if (sub && (!sub.enable || sub.frozenFunc.includes("trading"))) throw TradeErrors.tradingBlocked();
  const swap = inst.instType === "SWAP";
  if (swap && (!sub || sub.acctLv === "1")) throw TradeErrors.accountMode();
  if (swap ? r.tdMode === "cash" : r.tdMode !== "cash") throw paramError("tdMode");
  let posSide = "";
  if (swap) {
    if (state.posMode === "net_mode") {
      if (r.posSide && r.posSide !== "net") throw paramError("posSide");
      posSide = "net";
    } else {
      if (r.posSide !== "long" && r.posSide !== "short") throw paramError("posSide");
      posSide = r.posSide;
    }
  }
  const sz = D(r.sz);
  // A SPOT market buy is sized in the quote currency (OKX's default tgtCcy), so it has no base lot to check.
  const quoteSized = !swap && r.ordType === "market" && r.side === "buy";
  if (!quoteSized) {
    if (!multipleOf(sz, inst.lotSz)) throw TradeErrors.lotSize();
    if (sz.lt(inst.minSz)) throw TradeErrors.belowMinSize();
  }
  if (r.ordType !== "market") {
    if (!r.px) throw paramError("px");
    if (!multipleOf(D(r.px), tickSz(inst))) throw TradeErrors.precision();
  }
  if (r.clOrdId && state.orders.some((o) => o.clOrdId === r.clOrdId && isLive(o))) throw TradeErrors.clOrdIdExists();
  const order: SimOrder = {
    ordId: nextId(state, now),
    clOrdId: r.clOrdId ?? "",
    tag: r.tag ?? "",
    instId: inst.instId,
    instType: inst.instType,
    tdMode: r.tdMode as SimOrder["tdMode"],
    side: r.side,
    posSide,
    ordType: r.ordType,
    px: r.ordType === "market" ? "" : (r.px ?? ""),
    sz: r.sz,
    accFillSz: "0",
    avgPx: "",
    state: "live",
    lever: swap ? DEFAULT_LEVER : "",
    fee: "0",
    feeCcy: swap ? inst.quoteCcy : r.side === "buy" ? inst.baseCcy : inst.quoteCcy,
    reduceOnly: r.reduceOnly ?? false,
    cTime: now,
    uTime: now,
  };
  if (swap && closes(order)) {
    const pos = state.positions.find((p) => p.instId === inst.instId && p.posSide === posSide && p.mgnMode === r.tdMode);
    const size = pos ? D(pos.pos) : D(0);
    const against = posSide === "net" ? (order.side === "buy" ? size.isNegative() : size.isPositive()) : !size.isZero();
    if (!pos || size.isZero() || !against) throw TradeErrors.noPositionToReduce();
    if (sz.gt(size.abs())) throw TradeErrors.closeExceeds();
  }
  const price = takerPrice(inst, r.side, now);
  const marketable = r.ordType === "market" || (r.side === "buy" ? D(r.px!).gte(price) : D(r.px!).lte(price));
  // Funds: what the order would take or hold, against the available balance.
  const at = D(r.ordType === "market" ? price : marketable ? price : r.px!);
  if (!swap) {
    const ccy = r.side === "buy" ? inst.quoteCcy : inst.baseCcy;
    const need = r.side === "buy" ? (quoteSized ? sz : sz.times(at)) : sz;
    if (available(state, ccy, now).lt(need)) throw TradeErrors.insufficientBalance(ccy);
  } else if (!closes(order)) {
    const need = sz.times(inst.ctVal).times(at).div(DEFAULT_LEVER).times("1.001");
    if (available(state, inst.quoteCcy, now).lt(need)) throw TradeErrors.insufficientMargin(inst.quoteCcy);
  }
  state.orders.push(order);
  if (marketable && r.ordType === "post_only") {
    // A post-only order that would take is cancelled, as at OKX.
    order.state = "canceled";
  } else if (marketable) {
    let qty = sz;
    if (quoteSized) {
      qty = sz.div(price).toDecimalPlaces(inst.szDecimals, Decimal.ROUND_DOWN);
      if (qty.lt(inst.minSz)) {
        state.orders.pop();
        throw TradeErrors.belowMinSize();
      }
    }
    execute(state, sub, order, qty, price, false, now);
    order.state = "filled";
  } else if (r.ordType === "ioc" || r.ordType === "fok") {
    order.state = "canceled";
  }
  return order;
}

/** close-position: a market order for the whole position; pending orders on the instrument block unless autoCxl. */
export function closePosition(
  state: SubTrading,
  sub: Subaccount | null,
  r: { instId: string; mgnMode: string; posSide?: string; autoCxl: boolean; clOrdId?: string; tag?: string },
  now: number,
) {
  const side = state.posMode === "net_mode" ? "net" : r.posSide;
  if (state.posMode === "net_mode" ? r.posSide && r.posSide !== "net" : side !== "long" && side !== "short") throw paramError("posSide");
  const pos = state.positions.find((p) => p.instId === r.instId && p.posSide === side && p.mgnMode === r.mgnMode);
  if (!pos || D(pos.pos).isZero()) throw TradeErrors.noPosition();
  const pending = state.orders.filter((o) => o.instId === r.instId && isLive(o));
  if (pending.length > 0 && !r.autoCxl) throw TradeErrors.pendingCloseOrders();
  for (const o of pending) {
    o.state = "canceled";
    o.uTime = now;
  }
  const size = D(pos.pos);
  const closeSide = side === "net" ? (size.isPositive() ? "sell" : "buy") : side === "long" ? "sell" : "buy";
  placeOrder(state, sub, { instId: r.instId, tdMode: r.mgnMode, side: closeSide, posSide: side, ordType: "market", sz: text(size.abs()), clOrdId: r.clOrdId, tag: r.tag, reduceOnly: side === "net" }, now);
  return { instId: r.instId, posSide: side ?? "net", clOrdId: r.clOrdId ?? "", tag: r.tag ?? "" };
}

export { quote };
