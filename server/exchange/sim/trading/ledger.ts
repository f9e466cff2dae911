/**
 * The money side of a sub-account's trading account: cash per currency, a bill for every change, ids, and
 * what open orders and positions hold (OKX's ordFrozen / frozenBal / availBal), all in decimal.js.
 */
import "server-only";
import Decimal from "decimal.js";
import { type Instrument, instrument, priceAt } from "./market";
import type { SimBill, SimOrder, SimPosition, SubTrading } from "./model";

export const D = (v: string | number | Decimal | undefined) => new Decimal(v === undefined || v === "" ? 0 : v);
/** Decimal → OKX text (no exponent, no trailing zeros). */
export const text = (d: Decimal) => {
  const s = d.toFixed();
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
};
/** Rounded to `dp` decimals first (amounts that come from prices). */
export const textDp = (d: Decimal, dp: number) => text(d.toDecimalPlaces(dp, Decimal.ROUND_HALF_EVEN));

/** An 18-digit OKX-style id that grows with time: the ms timestamp and a per-account counter. */
export function nextId(state: SubTrading, ts: number): string {
  state.seq += 1;
  return `${ts}${String(state.seq % 100_000).padStart(5, "0")}`;
}

/** Ids compare as numbers (all the same length in practice; BigInt keeps it exact either way). */
export const idLess = (a: string, b: string) => BigInt(a) < BigInt(b);

export const cash = (state: SubTrading, ccy: string) => D(state.trading[ccy]);

export interface BillInput {
  ccy: string;
  balChg: Decimal;
  type: string;
  subType: string;
  inst?: Instrument;
  sz?: string;
  px?: string;
  pnl?: Decimal;
  fee?: Decimal;
  ordId?: string;
  ts: number;
}

/** Changes the trading account's cash and records the bill (OKX: one bill per balance change). */
export function book(state: SubTrading, b: BillInput, dp = 8): SimBill {
  const bal = cash(state, b.ccy).plus(b.balChg);
  state.trading[b.ccy] = textDp(bal, dp);
  state.uTime[b.ccy] = b.ts;
  const bill: SimBill = {
    billId: nextId(state, b.ts),
    instType: b.inst?.instType ?? "",
    instId: b.inst?.instId ?? "",
    ccy: b.ccy,
    balChg: textDp(b.balChg, dp),
    bal: state.trading[b.ccy],
    type: b.type,
    subType: b.subType,
    sz: b.sz ?? "0",
    px: b.px ?? "",
    pnl: b.pnl ? textDp(b.pnl, dp) : "0",
    fee: b.fee ? textDp(b.fee, dp) : "0",
    ordId: b.ordId ?? "",
    ts: b.ts,
  };
  state.bills.push(bill);
  return bill;
}

export const isLive = (o: SimOrder) => o.state === "live" || o.state === "partially_filled";
export const remaining = (o: SimOrder) => D(o.sz).minus(D(o.accFillSz));

/** Whether a SWAP order can only shrink a position (reduce-only, or a close side in long/short mode). */
export const closes = (o: SimOrder) => o.reduceOnly || (o.posSide === "long" && o.side === "sell") || (o.posSide === "short" && o.side === "buy");

/** What live orders hold, per currency. */
export function ordFrozen(state: SubTrading): Map<string, Decimal> {
  const held = new Map<string, Decimal>();
  const add = (ccy: string, v: Decimal) => held.set(ccy, (held.get(ccy) ?? D(0)).plus(v));
  for (const o of state.orders) {
    if (!isLive(o) || o.px === "") continue;
    const inst = instrument(o.instId);
    if (!inst) continue;
    if (inst.instType === "SPOT") {
      if (o.side === "buy") add(inst.quoteCcy, remaining(o).times(o.px));
      else add(inst.baseCcy, remaining(o));
    } else if (!closes(o)) {
      add(inst.quoteCcy, remaining(o).times(o.px).times(inst.ctVal).div(o.lever || "10"));
    }
  }
  return held;
}

export interface PositionFigures {
  inst: Instrument;
  mark: Decimal;
  /** Signed size in base currency (contracts × ctVal; negative = short). */
  qty: Decimal;
  notional: Decimal;
  upl: Decimal;
  imr: Decimal;
  /** Maintenance margin (0.4 % of notional: OKX's first tier for BTC/ETH swaps). */
  mmr: Decimal;
}

export const MMR_RATE = D("0.004");

export function positionFigures(p: SimPosition, t: number): PositionFigures | null {
  const inst = instrument(p.instId);
  if (!inst) return null;
  const mark = D(priceAt(inst, t).toFixed(inst.decimals));
  const sign = p.posSide === "short" ? -1 : 1;
  const qty = D(p.pos).times(inst.ctVal).times(sign);
  const notional = qty.abs().times(mark);
  return { inst, mark, qty, notional, upl: mark.minus(p.avgPx).times(qty), imr: notional.div(p.lever), mmr: notional.times(MMR_RATE) };
}

/** Per currency: cash, ordFrozen, position margin and upl → OKX's balance figures. */
export function balances(state: SubTrading, t: number) {
  const frozen = ordFrozen(state);
  const margin = new Map<string, Decimal>();
  const upl = new Map<string, Decimal>();
  for (const p of state.positions) {
    const f = positionFigures(p, t);
    if (!f) continue;
    const ccy = f.inst.quoteCcy;
    margin.set(ccy, (margin.get(ccy) ?? D(0)).plus(f.imr));
    upl.set(ccy, (upl.get(ccy) ?? D(0)).plus(f.upl));
  }
  const ccys = new Set([...Object.keys(state.trading), ...frozen.keys(), ...margin.keys()]);
  return [...ccys].sort().map((ccy) => {
    const cashBal = cash(state, ccy);
    const ord = frozen.get(ccy) ?? D(0);
    const frozenBal = ord.plus(margin.get(ccy) ?? 0);
    const u = upl.get(ccy) ?? D(0);
    return { ccy, cashBal, ordFrozen: ord, frozenBal, availBal: Decimal.max(0, cashBal.minus(frozenBal)), upl: u, eq: cashBal.plus(u) };
  });
}

/** Available trading balance of one currency. */
export function available(state: SubTrading, ccy: string, t: number): Decimal {
  return balances(state, t).find((b) => b.ccy === ccy)?.availBal ?? D(0);
}
