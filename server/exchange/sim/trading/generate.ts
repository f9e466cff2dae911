/**
 * A demo sub-account's trading activity, generated from its name and the account seed: money transferred
 * in three days before the data set was made, a few spot trades, swap positions for accounts that may
 * trade derivatives, and resting limit orders priced outside the path's range (so they stay open until
 * someone cancels them). It runs the real engine, so bills, fills and balances agree.
 */
import "server-only";
import type { Subaccount } from "../model";
import { Rng, hash32 } from "../random";
import { D, book } from "./ledger";
import { DAY, HOUR, SWING, instrument, px } from "./market";
import type { SubTrading } from "./model";
import { type OrderRequest, placeOrder } from "./orders";

const FUNDING: [string, number, number][] = [
  ["USDT", 50, 20_000],
  ["BTC", 0.001, 0.3],
  ["ETH", 0.01, 4],
  ["TRX", 100, 20_000],
  ["SOL", 0.5, 40],
];

export function generateTrading(seed: number, sub: Subaccount, anchor: number): SubTrading {
  const rng = new Rng(hash32(`${seed}|trading|${sub.subAcct}`));
  const state: SubTrading = {
    subAcct: sub.subAcct,
    posMode: rng.bool(0.8) ? "net_mode" : "long_short_mode",
    seq: 0,
    evaluatedTo: anchor,
    trading: {},
    funding: {},
    uTime: {},
    orders: [],
    fills: [],
    bills: [],
    positions: [],
  };
  for (const [ccy, min, max] of FUNDING) {
    if (ccy === "USDT" || rng.bool(0.5)) state.funding[ccy] = (min + rng.next() * (max - min)).toFixed(ccy === "USDT" || ccy === "TRX" ? 2 : 6);
  }
  let t = anchor - 3 * DAY + rng.int(0, HOUR);
  book(state, { ccy: "USDT", balChg: D(rng.int(2_000, 60_000)), type: "1", subType: "11", ts: t });
  if (rng.bool(0.4)) book(state, { ccy: "BTC", balChg: D((0.01 + rng.next() * 0.2).toFixed(6)), type: "1", subType: "11", ts: (t += 60_000) });
  const order = (r: OrderRequest) => {
    try {
      placeOrder(state, sub, r, t);
    } catch {
      // An order the generated balance cannot pay for is simply not part of the history.
    }
  };
  for (let i = rng.int(1, 5); i > 0; i--) {
    t += rng.int(1, 6) * HOUR;
    const instId = rng.pick(["BTC-USDT", "ETH-USDT", "SOL-USDT", "XRP-USDT"]);
    const inst = instrument(instId)!;
    const side = rng.bool(0.65) ? "buy" : "sell";
    const sz = side === "buy" ? String(rng.int(50, 1500)) : (Number(state.trading[inst.baseCcy] ?? 0) / 2).toFixed(inst.szDecimals);
    order({ instId, tdMode: "cash", side, ordType: "market", sz });
  }
  if (sub.acctLv !== "1") {
    for (const instId of ["BTC-USDT-SWAP", "ETH-USDT-SWAP"]) {
      if (!rng.bool(0.55)) continue;
      t += rng.int(1, 4) * HOUR;
      const side = rng.bool(0.6) ? "buy" : "sell";
      const posSide = state.posMode === "net_mode" ? "net" : side === "buy" ? "long" : "short";
      order({ instId, tdMode: rng.bool(0.7) ? "cross" : "isolated", side, posSide, ordType: "market", sz: String(rng.int(1, 40)) });
    }
  }
  // Resting orders beyond the path's range: they never fill on their own.
  for (let i = rng.int(0, 3); i > 0; i--) {
    t += rng.int(1, 3) * HOUR;
    const swap = sub.acctLv !== "1" && rng.bool(0.4);
    const instId = swap ? rng.pick(["BTC-USDT-SWAP", "ETH-USDT-SWAP"]) : rng.pick(["BTC-USDT", "ETH-USDT"]);
    const inst = instrument(instId)!;
    const price = px(inst, inst.base * Math.exp(-SWING) * (0.97 - rng.next() * 0.1));
    const sz = swap ? String(rng.int(1, 10)) : inst.instId === "BTC-USDT" ? "0.001" : "0.01";
    const posSide = swap ? (state.posMode === "net_mode" ? "net" : "long") : undefined;
    order({ instId, tdMode: swap ? "cross" : "cash", side: "buy", posSide, ordType: "limit", px: price, sz });
  }
  state.evaluatedTo = Math.max(t, anchor);
  return state;
}
