import { describe, expect, it } from "vitest";
import { commissionOf, dayFills, dayTotals, TraderBook } from "./dma-fills";
import { feeRatesFor, newSubaccount } from "./generate";
import type { Subaccount } from "./model";
import { Rng } from "./random";
import { dmaFileLines, dmaTradeLines, feeTypeOf, rowsPerDayForTotal } from "./handlers/trades-csv";

const HEADER = "subAcct,subAcctLv,firstLvSubAcct,instId,ordId,tradeId,amt,fee,execType,ts\n";
const DAY = 86_400_000;
const JAN1 = Date.UTC(2024, 0, 1);
const file = { begin: "20240101", end: "20240103" };
const sub = (name: string, over: Partial<Subaccount> = {}): Subaccount => ({ ...newSubaccount(new Rng(1), name, "", Date.UTC(2023, 0, 1)), ...over });
const rowsOf = (lines: Iterable<string>) => [...lines].slice(1).map((l) => l.trimEnd().split(","));

describe("DMA fills and trading-file rows", () => {
  it("maps instruments to OKX's fee types 1–9", () => {
    expect(["BTC-USDT", "ETH-BTC", "BTC-USDC", "BTC-USDT-250926", "BTC-USDC-250926", "BTC-USD-250926", "BTC-USDT-SWAP", "BTC-USDC-SWAP", "BTC-USD-SWAP", "BTC-USD-250926-120000-C"].map(feeTypeOf)).toEqual([
      1, 2, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
  });

  it("is the header alone without sub-accounts; a sub-account trades only from its creation on", () => {
    expect([...dmaFileLines(file, [], 7, 10)]).toEqual([HEADER]);
    // Created at noon on the second day: nothing on the first, and nothing before noon on the second.
    const noon = JAN1 + DAY + DAY / 2;
    const rows = rowsOf(dmaFileLines(file, [sub("lateComer01", { ts: String(noon) })], 7, 200));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => Number(r[9]) >= noon)).toBe(true);
  });

  it("rounds fee = amt × rate half away from zero to 8 decimals, keeps OKX's sign, and stays in [begin, end)", () => {
    // A rate with 10 decimals makes the product need rounding; a positive maker rate is a rebate paid.
    const rates = feeRatesFor("Lv1").map((r) => ({ ...r, maker: "0.0000123457", taker: "-0.0000123457" }));
    const rows = rowsOf(dmaTradeLines(file, [sub("roundMe01", { feeRates: rates })], 2000));
    expect(rows).toHaveLength(2000);
    for (const [, lv, first, , ordId, , amt, fee, execType, ts] of rows) {
      expect([lv, first]).toEqual(["1", "roundMe01"]);
      expect(ordId).toMatch(/^\d{18}$/);
      expect(amt).toMatch(/^\d+(\.\d{1,2})?$/);
      const cents = BigInt(Math.round(Number(amt) * 100));
      const exact = cents * BigInt(123457); // 1e-12 USDT
      const want = (exact + BigInt(5000)) / BigInt(10000); // half up on a positive magnitude
      expect(fee.replace("-", "")).toBe(units8(want));
      expect(fee.startsWith("-")).toBe(execType === "T");
      expect(Number(ts)).toBeGreaterThanOrEqual(JAN1);
      expect(Number(ts)).toBeLessThan(JAN1 + 2 * DAY);
    }
  });

  it("gives a day the same fills in every file that covers it, ids unique across days; another seed, other fills", () => {
    const subs = [sub("parentAcct01"), sub("childAcct001", { mainAcct: "parentAcct01" }), sub("thirdAcct01")];
    const a = rowsOf(dmaFileLines({ begin: "20240101", end: "20240103" }, subs, 7, 300));
    const b = rowsOf(dmaFileLines({ begin: "20240102", end: "20240104" }, subs, 7, 300));
    const onDay2 = (rows: string[][]) => rows.filter((r) => Number(r[9]) >= JAN1 + DAY && Number(r[9]) < JAN1 + 2 * DAY).map((r) => r.join(","));
    expect(onDay2(a)).toHaveLength(300);
    expect(onDay2(b)).toEqual(onDay2(a));
    const keys = new Set([...a, ...b].map((r) => `${r[5]}|${r[4]}`));
    expect(keys.size).toBe(900); // three distinct days of 300
    expect(a.some((r) => r[0] === "childAcct001" && r[1] === "2" && r[2] === "parentAcct01")).toBe(true);
    expect(rowsOf(dmaFileLines({ begin: "20240102", end: "20240103" }, subs, 8, 300)).map((r) => r.join(","))).not.toEqual(onDay2(a));
  });

  it("charges each day the rates in force that day: a change does not rewrite earlier days", () => {
    const before = sub("ratesChange1");
    const after = { ...before, feeRates: feeRatesFor("Lv1").map((r) => ({ ...r, maker: "-0.0001", taker: "-0.0002" })), feeRateHistory: [{ until: String(JAN1 + DAY), feeRates: before.feeRates }] };
    const day = (s: Subaccount, at: number) => [...dayFills(7, at, new TraderBook([s]), 50)].map((f) => `${f.tradeId},${f.fee}`);
    expect(day(after, JAN1)).toEqual(day(before, JAN1));
    expect(day(after, JAN1 + DAY)).not.toEqual(day(before, JAN1 + DAY));
  });

  it("sums a day per sub-account exactly as its rows add up; the commission is 30 % of Σ |fee|, half up", () => {
    const subs = [sub("sumAcct01"), sub("sumAcct02", { feeRates: feeRatesFor("Lv1").map((r) => ({ ...r, maker: "0.0001" })) })];
    const totals = dayTotals(7, JAN1, new TraderBook(subs), 400);
    const rows = rowsOf(dmaFileLines({ begin: "20240101", end: "20240102" }, subs, 7, 400));
    for (const s of subs) {
      const mine = rows.filter((r) => r[0] === s.subAcct);
      const t = totals.get(s.subAcct)!;
      expect(t.fills).toBe(mine.length);
      expect(t.cents).toBe(mine.reduce((n, r) => n + BigInt(Math.round(Number(r[6]) * 100)), 0n));
      expect(t.absFee).toBe(mine.reduce((n, r) => n + abs8(r[7]), 0n));
    }
    expect([commissionOf(0n), commissionOf(5n), commissionOf(15n), commissionOf(10n)]).toEqual([0n, 2n, 5n, 3n]); // 1.5 → 2, 4.5 → 5, 3
  });

  it("spreads a total over the file's days exactly (the benchmark's rows)", () => {
    const f = { begin: "20260101", end: "20261201" };
    const perDay = rowsPerDayForTotal(f, 1_000_003);
    let sum = 0;
    for (let d = Date.UTC(2026, 0, 1); d < Date.UTC(2026, 11, 1); d += DAY) sum += perDay(d);
    expect(sum).toBe(1_000_003);
    expect(rowsOf(dmaTradeLines({ begin: "20240101", end: "20240104" }, [sub("spread01")], 1001))).toHaveLength(1001);
  });
});

/** |decimal text| → 1e-8 units. */
function abs8(text: string): bigint {
  const [whole, frac = ""] = text.replace("-", "").split(".");
  return BigInt(whole) * 100_000_000n + BigInt(frac.padEnd(8, "0"));
}

/** 1e-8 units → decimal text without trailing zeros. */
function units8(n: bigint): string {
  const s = n.toString().padStart(9, "0");
  const frac = s.slice(-8).replace(/0+$/, "");
  return s.slice(0, -8) + (frac ? `.${frac}` : "");
}
