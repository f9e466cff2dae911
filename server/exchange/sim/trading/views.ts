/** Records → OKX's answer rows (account, trade), and id-cursor paging. */
import "server-only";
import Decimal from "decimal.js";
import { D, MMR_RATE, positionFigures, text, textDp } from "./ledger";
import type { SimBill, SimFill, SimOrder, SimPosition } from "./model";

/**
 * Newest first, `after` = older than that id, `before` = newer; with only `before`, the `limit` just newer
 * (still newest first). Rows come oldest first.
 */
export function cursorById<T>(oldestFirst: readonly T[], id: (row: T) => string, after?: string, before?: string, limit?: string): T[] {
  const size = Number(limit ?? 100);
  let rows = [...oldestFirst].reverse();
  if (after) rows = rows.filter((r) => BigInt(id(r)) < BigInt(after));
  if (before) rows = rows.filter((r) => BigInt(id(r)) > BigInt(before));
  return before && !after ? rows.slice(Math.max(0, rows.length - size)) : rows.slice(0, size);
}

const dp4 = (d: Decimal) => textDp(d, 4);

/** One position with its mark at `now`; `crossEq` is the account's USDT equity (cross margin's cushion). */
export function positionRow(p: SimPosition, now: number, crossEq: Decimal) {
  const f = positionFigures(p, now);
  if (!f) return null;
  const size = f.qty.abs();
  const margin = size.times(p.avgPx).div(p.lever);
  const long = f.qty.isPositive();
  let liq: Decimal;
  let mgnRatio: Decimal;
  if (p.mgnMode === "isolated") {
    const move = D(1).div(p.lever).minus(MMR_RATE);
    liq = D(p.avgPx).times(long ? D(1).minus(move) : D(1).plus(move));
    mgnRatio = f.mmr.isZero() ? D(0) : margin.plus(f.upl).div(f.mmr);
  } else {
    const cushion = crossEq.minus(f.mmr).div(size);
    liq = long ? f.mark.minus(cushion) : f.mark.plus(cushion);
    mgnRatio = f.mmr.isZero() ? D(0) : crossEq.div(f.mmr);
  }
  return {
    instType: "SWAP",
    instId: p.instId,
    posId: p.posId,
    posSide: p.posSide,
    pos: p.pos,
    availPos: p.posSide === "net" ? "" : p.pos,
    mgnMode: p.mgnMode,
    posCcy: "",
    ccy: f.inst.quoteCcy,
    avgPx: p.avgPx,
    markPx: text(f.mark),
    last: text(f.mark),
    upl: textDp(f.upl, 8),
    uplRatio: margin.isZero() ? "0" : dp4(f.upl.div(margin)),
    lever: p.lever,
    liqPx: liq.isPositive() ? textDp(liq, f.inst.decimals) : "",
    mgnRatio: dp4(mgnRatio),
    imr: p.mgnMode === "cross" ? textDp(f.imr, 8) : "",
    margin: p.mgnMode === "isolated" ? textDp(margin, 8) : "",
    mmr: textDp(f.mmr, 8),
    notionalUsd: textDp(f.notional, 8),
    cTime: String(p.cTime),
    uTime: String(p.uTime),
  };
}

export const orderRow = (o: SimOrder) => ({
  instType: o.instType,
  instId: o.instId,
  ordId: o.ordId,
  clOrdId: o.clOrdId,
  tag: o.tag,
  px: o.px,
  sz: o.sz,
  ordType: o.ordType,
  side: o.side,
  posSide: o.posSide,
  tdMode: o.tdMode,
  accFillSz: o.accFillSz,
  fillPx: o.avgPx,
  avgPx: o.avgPx,
  state: o.state,
  lever: o.lever,
  fee: o.fee,
  feeCcy: o.feeCcy,
  reduceOnly: String(o.reduceOnly),
  cTime: String(o.cTime),
  uTime: String(o.uTime),
});

export const fillRow = (f: SimFill) => ({ ...f, ts: String(f.ts) });
export const billRow = (b: SimBill) => ({ ...b, ts: String(b.ts) });
