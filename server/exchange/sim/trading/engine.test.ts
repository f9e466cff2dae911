/** The trading engine's arithmetic on one in-memory account: fills, fees, bills, positions, PnL, lazy fills. */
import { describe, expect, it } from "vitest";
import type { Subaccount } from "../model";
import { newSubaccount } from "../generate";
import { Rng } from "../random";
import { settle } from "./engine";
import { balances, book, D } from "./ledger";
import { instrument, priceAt, quote } from "./market";
import { closePosition, placeOrder } from "./orders";
import { emptyTrading } from "./state";

const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);
const sub = (): Subaccount => ({ ...newSubaccount(new Rng(1), "unitsub1", "unit", T0 - 86_400_000), acctLv: "2" });
const funded = () => {
  const s = emptyTrading("unitsub1", T0);
  book(s, { ccy: "USDT", balChg: D(10_000), type: "1", subType: "11", ts: T0 });
  return s;
};

describe("trading engine", () => {
  it("a spot market buy pays the ask in USDT and receives BTC less the taker fee, one bill per currency", () => {
    const s = funded();
    const o = placeOrder(s, sub(), { instId: "BTC-USDT", tdMode: "cash", side: "buy", ordType: "market", sz: "1000" }, T0);
    const ask = quote(instrument("BTC-USDT")!, T0).ask;
    const qty = D(1000).div(ask).toDecimalPlaces(8, 1);
    expect(o).toMatchObject({ state: "filled", accFillSz: qty.toFixed(), avgPx: D(ask).toFixed(), feeCcy: "BTC" });
    // Lv1 spot taker rate -0.001: the fee is taken from the BTC received.
    expect(s.trading.BTC).toBe(qty.times("0.999").toDecimalPlaces(8).toFixed());
    expect(D(s.trading.USDT).toFixed(8)).toBe(D(10_000).minus(qty.times(ask)).toFixed(8));
    expect(s.bills.slice(1).map((b) => [b.ccy, b.type, b.subType])).toEqual([["USDT", "2", "1"], ["BTC", "2", "1"]]);
    expect(s.fills).toEqual([expect.objectContaining({ execType: "T", fee: qty.times("-0.001").toDecimalPlaces(8).toFixed() })]);
  });

  it("SWAP in net mode: open, add at a new price (average), reduce with realised PnL, flip", () => {
    const s = funded();
    const inst = instrument("BTC-USDT-SWAP")!;
    const buy = (sz: string, t: number) => placeOrder(s, sub(), { instId: inst.instId, tdMode: "cross", side: "buy", ordType: "market", sz }, t);
    const sell = (sz: string, t: number) => placeOrder(s, sub(), { instId: inst.instId, tdMode: "cross", side: "sell", ordType: "market", sz }, t);
    buy("2", T0);
    const p1 = D(quote(inst, T0).ask);
    buy("2", T0 + 3_600_000);
    const p2 = D(quote(inst, T0 + 3_600_000).ask);
    expect(s.positions[0]).toMatchObject({ posSide: "net", pos: "4", avgPx: p1.plus(p2).div(2).toDecimalPlaces(3).toFixed() });
    const avg = D(s.positions[0].avgPx);
    const t3 = T0 + 7_200_000;
    sell("1", t3);
    const bid = D(quote(inst, t3).last);
    const closeBill = s.bills[s.bills.length - 1];
    expect(closeBill).toMatchObject({ subType: "5", pnl: bid.minus(avg).times("0.01").toDecimalPlaces(8).toFixed() });
    expect(s.positions[0].pos).toBe("3");
    sell("5", t3 + 1000);
    expect(s.positions[0]).toMatchObject({ pos: "-2", avgPx: quote(inst, t3 + 1000).last });
  });

  it("a resting limit order fills as maker, at its price, the first whole second the path reaches it", () => {
    const s = funded();
    const inst = instrument("ETH-USDT")!;
    const at2 = (t: number) => Number(priceAt(inst, t).toFixed(2));
    // A minute in which the price dips below where it starts: a buy at the dip's low rests, then fills.
    let start = T0;
    const lowIn = (t0: number) => Math.min(...Array.from({ length: 60 }, (_, i) => at2(t0 + (i + 1) * 1000)));
    while (lowIn(start) > at2(start) - 0.05) start += 60_000;
    const seconds = Array.from({ length: 60 }, (_, i) => start + (i + 1) * 1000);
    const low = lowIn(start);
    s.evaluatedTo = start;
    const o = placeOrder(s, sub(), { instId: "ETH-USDT", tdMode: "cash", side: "buy", ordType: "limit", px: low.toFixed(2), sz: "0.1" }, start);
    expect(o.state).toBe("live");
    expect(balances(s, start).find((b) => b.ccy === "USDT")?.ordFrozen.toFixed()).toBe(D(low.toFixed(2)).times("0.1").toFixed());
    const at = seconds.find((t) => at2(t) <= low)!;
    expect(settle(s, sub(), at - 1)).toBe(false);
    expect(settle(s, sub(), start + 61_000)).toBe(true);
    expect(o).toMatchObject({ state: "filled", avgPx: D(low.toFixed(2)).toFixed() });
    expect(s.fills[0]).toMatchObject({ execType: "M", ts: at });
  });

  it("close-position refuses with pending orders (51115) unless autoCxl, and with no position (51023)", () => {
    const s = funded();
    placeOrder(s, sub(), { instId: "ETH-USDT-SWAP", tdMode: "isolated", side: "sell", ordType: "market", sz: "3" }, T0);
    placeOrder(s, sub(), { instId: "ETH-USDT-SWAP", tdMode: "isolated", side: "buy", ordType: "limit", px: "1000.00", sz: "1" }, T0);
    expect(() => closePosition(s, sub(), { instId: "ETH-USDT-SWAP", mgnMode: "isolated", autoCxl: false }, T0)).toThrow("Cancel all pending close-orders before liquidation.");
    closePosition(s, sub(), { instId: "ETH-USDT-SWAP", mgnMode: "isolated", autoCxl: true }, T0 + 1000);
    expect(s.positions).toEqual([]);
    expect(() => closePosition(s, sub(), { instId: "ETH-USDT-SWAP", mgnMode: "isolated", autoCxl: true }, T0 + 2000)).toThrow("Position doesn't exist.");
  });
});
