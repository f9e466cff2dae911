/**
 * The simulator's matching: market orders fill at once at the best price (buy at the ask, sell at the last
 * = bid); a marketable limit order fills at once as taker; a resting limit order fills as maker at its own
 * price the first whole second the price path crosses it — found lazily, on the next read, so the same
 * request times always give the same fills. Fees use the sub-account's maker / taker rates.
 */
import "server-only";
import Decimal from "decimal.js";
import { OkxError, TradeErrors } from "../errors";
import type { Subaccount } from "../model";
import { D, book, closes, isLive, nextId, remaining, text, textDp } from "./ledger";
import { type Instrument, SWING, instrument, priceAt, quote } from "./market";
import type { SimFill, SimOrder, SimPosition, SubTrading } from "./model";

/** Fee-rate type of an instrument (sub-account feeRates): 1 spot vs USDT/USDC, 2 spot vs crypto, 6 USDT swaps. */
function feeRate(sub: Subaccount | null, inst: Instrument, maker: boolean): Decimal {
  const type = inst.instType === "SWAP" ? "6" : inst.quoteCcy === "USDT" || inst.quoteCcy === "USDC" ? "1" : "2";
  const rate = sub?.feeRates.find((r) => r.type === type);
  return D(rate ? (maker ? rate.maker : rate.taker) : maker ? "-0.0008" : "-0.001");
}

const POS_DP = 8;

function findPosition(state: SubTrading, instId: string, posSide: string, mgnMode: string): SimPosition | undefined {
  return state.positions.find((p) => p.instId === instId && p.posSide === posSide && p.mgnMode === mgnMode);
}

/**
 * One fill of `qty` (base for SPOT, contracts for SWAP) of order `o` at `price`: fill, bills, position.
 * Returns the fill.
 */
export function execute(state: SubTrading, sub: Subaccount | null, o: SimOrder, qty: Decimal, price: string, maker: boolean, ts: number): SimFill {
  const inst = instrument(o.instId)!;
  const rate = feeRate(sub, inst, maker);
  const p = D(price);
  let fee: Decimal;
  let feeCcy: string;
  let billId: string;
  if (inst.instType === "SPOT") {
    const value = qty.times(p);
    if (o.side === "buy") {
      fee = qty.times(rate);
      feeCcy = inst.baseCcy;
      book(state, { ccy: inst.quoteCcy, balChg: value.neg(), type: "2", subType: "1", inst, sz: text(qty), px: price, ordId: o.ordId, ts });
      billId = book(state, { ccy: inst.baseCcy, balChg: qty.plus(fee), type: "2", subType: "1", inst, sz: text(qty), px: price, fee, ordId: o.ordId, ts }).billId;
    } else {
      fee = value.times(rate);
      feeCcy = inst.quoteCcy;
      book(state, { ccy: inst.baseCcy, balChg: qty.neg(), type: "2", subType: "2", inst, sz: text(qty), px: price, ordId: o.ordId, ts });
      billId = book(state, { ccy: inst.quoteCcy, balChg: value.plus(fee), type: "2", subType: "2", inst, sz: text(qty), px: price, fee, ordId: o.ordId, ts }).billId;
    }
  } else {
    fee = qty.times(inst.ctVal).times(p).times(rate);
    feeCcy = inst.quoteCcy;
    const { pnl, subType } = applyToPosition(state, o, inst, qty, p, ts);
    billId = book(state, { ccy: inst.quoteCcy, balChg: pnl.plus(fee), type: "2", subType, inst, sz: text(qty), px: price, pnl, fee, ordId: o.ordId, ts }).billId;
  }
  const filled = D(o.accFillSz).plus(qty);
  o.avgPx = textDp(D(o.avgPx || 0).times(o.accFillSz).plus(qty.times(p)).div(filled), inst.decimals + 2);
  o.accFillSz = text(filled);
  o.fee = textDp(D(o.fee).plus(fee), 8);
  o.feeCcy = feeCcy;
  o.state = filled.gte(o.sz) || o.ordType === "market" ? "filled" : "partially_filled";
  o.uTime = ts;
  const fill: SimFill = {
    tradeId: nextId(state, ts).slice(-9),
    ordId: o.ordId,
    clOrdId: o.clOrdId,
    billId,
    instId: o.instId,
    instType: o.instType,
    fillPx: price,
    fillSz: text(qty),
    side: o.side,
    posSide: o.posSide,
    execType: maker ? "M" : "T",
    fee: textDp(fee, 8),
    feeCcy,
    ts,
  };
  state.fills.push(fill);
  return fill;
}

/** Moves the SWAP position by a fill; returns the realised PnL and the bill sub-type (3/4 open, 5/6 close). */
function applyToPosition(state: SubTrading, o: SimOrder, inst: Instrument, qty: Decimal, p: Decimal, ts: number) {
  const mgnMode = o.tdMode === "isolated" ? "isolated" : "cross";
  const side = o.posSide === "long" || o.posSide === "short" ? o.posSide : "net";
  let pos = findPosition(state, o.instId, side, mgnMode);
  if (!pos) {
    pos = { posId: nextId(state, ts), instId: o.instId, posSide: side, pos: "0", mgnMode, avgPx: "0", lever: o.lever || "10", cTime: ts, uTime: ts };
    state.positions.push(pos);
  }
  // Signed change in contracts: net mode buys add, sells subtract; long/short count their own direction.
  const delta = side === "net" ? (o.side === "buy" ? qty : qty.neg()) : (side === "long") === (o.side === "buy") ? qty : qty.neg();
  const cur = D(pos.pos);
  const sign = side === "short" ? -1 : 1;
  let pnl = D(0);
  let subType: string;
  if (cur.isZero() || cur.isPositive() === delta.isPositive()) {
    const size = cur.abs().plus(delta.abs());
    pos.avgPx = textDp(cur.abs().times(pos.avgPx).plus(delta.abs().times(p)).div(size), inst.decimals + 2);
    subType = (side === "net" ? o.side === "buy" : side === "long") ? "3" : "4";
  } else {
    const closing = Decimal.min(cur.abs(), delta.abs());
    const direction = side === "net" ? (cur.isPositive() ? 1 : -1) : sign;
    pnl = p.minus(pos.avgPx).times(closing).times(inst.ctVal).times(direction);
    subType = direction > 0 ? "5" : "6";
    if (delta.abs().gt(cur.abs())) pos.avgPx = p.toFixed();
  }
  pos.pos = textDp(cur.plus(delta), POS_DP);
  pos.uTime = ts;
  if (D(pos.pos).isZero()) state.positions = state.positions.filter((x) => x !== pos);
  return { pnl, subType };
}

/** Fills due resting orders up to `now` (whole seconds, oldest first), then remembers how far it looked. */
export function settle(state: SubTrading, sub: Subaccount | null, now: number): boolean {
  const due: { t: number; o: SimOrder }[] = [];
  for (const o of state.orders) {
    if (!isLive(o) || o.px === "") continue;
    const inst = instrument(o.instId);
    if (!inst) continue;
    const limit = Number(o.px);
    // Outside the path's whole range: it can never fill, no need to look.
    if (o.side === "buy" ? limit < inst.base * Math.exp(-SWING) : limit > inst.base * Math.exp(SWING)) continue;
    const from = Math.floor(Math.max(o.cTime, state.evaluatedTo) / 1000) * 1000 + 1000;
    for (let t = from; t <= now; t += 1000) {
      const price = Number(priceAt(inst, t).toFixed(inst.decimals));
      if (o.side === "buy" ? price <= limit : price >= limit) {
        due.push({ t, o });
        break;
      }
    }
  }
  const moved = due.length > 0;
  due.sort((a, b) => a.t - b.t || (a.o.ordId < b.o.ordId ? -1 : 1));
  for (const { t, o } of due) execute(state, sub, o, remaining(o), o.px, true, t);
  if (now > state.evaluatedTo) state.evaluatedTo = now;
  return moved;
}

/** The market price an order takes at t: buyers pay the ask, sellers get the last (bid). */
export const takerPrice = (inst: Instrument, side: string, t: number) => (side === "buy" ? quote(inst, t).ask : quote(inst, t).last);

/** Cancels a live order; 51400 when it is filled, cancelled or unknown. */
export function cancelOrder(state: SubTrading, ref: { instId: string; ordId?: string; clOrdId?: string }, now: number): SimOrder {
  if (!ref.ordId && !ref.clOrdId) throw TradeErrors.eitherOrdId();
  const o = state.orders.find((x) => x.instId === ref.instId && (ref.ordId ? x.ordId === ref.ordId : x.clOrdId === ref.clOrdId && isLive(x)));
  if (!o || !isLive(o)) throw TradeErrors.cancelFailed();
  o.state = "canceled";
  o.uTime = now;
  return o;
}

/** The order's refusal as a per-item row. */
export const itemError = (e: unknown, row: Record<string, string>) => {
  if (!(e instanceof OkxError)) throw e;
  return { ...row, sCode: e.code, sMsg: e.message };
};

export { closes };
