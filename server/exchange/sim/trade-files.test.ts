import { describe, expect, it } from "vitest";
import { feeRatesFor, newSubaccount } from "./generate";
import type { RebateFile, Subaccount } from "./model";
import { Rng } from "./random";
import { dmaTradeLines, feeTypeOf } from "./handlers/trades-csv";

const file: RebateFile = { id: "0f1e2d3c4b5a69788796a5b4", scope: "dma", begin: "20240101", end: "20240103", brokerType: "", cTime: Date.UTC(2024, 5, 1), readyAt: 0 };
const sub = (name: string, over: Partial<Subaccount> = {}): Subaccount => ({ ...newSubaccount(new Rng(1), name, "", Date.UTC(2023, 0, 1)), ...over });

describe("DMA trading-file rows", () => {
  it("maps instruments to OKX's fee types 1–9", () => {
    expect(["BTC-USDT", "ETH-BTC", "BTC-USDC", "BTC-USDT-250926", "BTC-USDC-250926", "BTC-USD-250926", "BTC-USDT-SWAP", "BTC-USDC-SWAP", "BTC-USD-SWAP", "BTC-USD-250926-120000-C"].map(feeTypeOf)).toEqual([
      1, 2, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
  });

  it("is the header alone without sub-accounts, and leaves out those created after the request", () => {
    expect([...dmaTradeLines(file, [], 10)]).toEqual(["subAcct,subAcctLv,firstLvSubAcct,instId,ordId,tradeId,amt,fee,execType,ts\n"]);
    expect([...dmaTradeLines(file, [sub("lateComer01", { ts: String(file.cTime + 1) })], 10)]).toHaveLength(1);
  });

  it("rounds fee = amt × rate half away from zero to 8 decimals, keeps OKX's sign, and stays in [begin, end)", () => {
    // A rate with 10 decimals makes the product need rounding; a positive maker rate is a rebate paid.
    const rates = feeRatesFor("Lv1").map((r) => ({ ...r, maker: "0.0000123457", taker: "-0.0000123457" }));
    const lines = [...dmaTradeLines(file, [sub("roundMe01", { feeRates: rates })], 2000)].slice(1).map((l) => l.trimEnd().split(","));
    expect(lines).toHaveLength(2000);
    for (const [, lv, first, , , , amt, fee, execType, ts] of lines) {
      expect([lv, first]).toEqual(["1", "roundMe01"]);
      expect(amt).toMatch(/^\d+(\.\d{1,2})?$/);
      const cents = BigInt(Math.round(Number(amt) * 100));
      const exact = cents * BigInt(123457); // 1e-12 USDT
      const want = (exact + BigInt(5000)) / BigInt(10000); // half up on a positive magnitude
      expect(fee.replace("-", "")).toBe(units8(want));
      expect(fee.startsWith("-")).toBe(execType === "T");
      expect(Number(ts)).toBeGreaterThanOrEqual(Date.UTC(2024, 0, 1));
      expect(Number(ts)).toBeLessThan(Date.UTC(2024, 0, 3));
    }
  });

  it("is the same for the same file id, and second-level sub-accounts name their parent", () => {
    const subs = [sub("parentAcct01"), sub("childAcct001", { mainAcct: "parentAcct01" })];
    const once = [...dmaTradeLines(file, subs, 500)].join("");
    expect([...dmaTradeLines(file, subs, 500)].join("")).toBe(once);
    expect(once).toContain(",2,parentAcct01,");
    expect([...dmaTradeLines({ ...file, id: "ffffffffffffffffffffffff" }, subs, 500)].join("")).not.toBe(once);
  });
});

/** 1e-8 units → decimal text without trailing zeros. */
function units8(n: bigint): string {
  const s = n.toString().padStart(9, "0");
  const frac = s.slice(-8).replace(/0+$/, "");
  return s.slice(0, -8) + (frac ? `.${frac}` : "");
}
