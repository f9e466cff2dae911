/**
 * The DMA kind's whole-line check (the direct load's fast path) must accept exactly the lines whose every
 * value passes its column's own check: lines built from good and bad values per column, every combination
 * of one bad value, and random mixes.
 */
import { describe, expect, it } from "vitest";
import { DMA_TRADES } from "./kinds-dma";

const GOOD: string[][] = [
  ["sub1", "ABCdef0123456789abcdefABCDEF0123"],
  ["1", "2"],
  ["sub1", "Z9"],
  ["BTC-USDT", "BTC-USDT-SWAP", "BTC-USD-250926-120000-C", "ETH-USDT-250627", "1INCH-USDT"],
  ["1", "414298500000000000", "9".repeat(32)],
  ["459592961", "0"],
  ["23.8", "0", "-0.5", "123456789012345678.123456789012345678", "100"],
  ["-0.0238", "0.00000001", "-123456789012345678", "0.000000000000000001"],
  ["T", "M"],
  ["1767225615165", "1483228800000", "4102444799999"],
];
const BAD: string[][] = [
  ["", "sub_1", "a".repeat(33), "süb"],
  ["0", "3", "", "12"],
  ["", "x-y"],
  ["btc-usdt", "BTC", "BTC-", "BTC-USDT-SWAP-1-2-3", ""],
  ["", "1a", "1".repeat(33), "-1"],
  ["", "1.5"],
  ["", "1e5", "NaN", "Infinity", "1.", ".5", "0.1234567890123456789", "1234567890123456789", "+1", "1,5"],
  ["", "-", "0x10", "1.0000000000000000001"],
  ["", "t", "TM", "X"],
  ["", "176722561516", "17672256151650", "1483228799999", "4102444800000", "1767225615165.0"],
];

const checks = DMA_TRADES.columns.map((c) => c.check);
const linePasses = (values: string[]) => DMA_TRADES.direct!.line.test(values.join(","));
const BRAND = { brandId: "b", brokerCode: null };
const valuesPass = (values: string[]) => values.every((v, i) => checks[i](v, BRAND) === null);

describe("the DMA whole-line check", () => {
  it("accepts every good value in every column", () => {
    for (let col = 0; col < GOOD.length; col++) {
      for (const value of GOOD[col]) {
        const values = GOOD.map((g) => g[0]);
        values[col] = value;
        expect(valuesPass(values), `${col}: ${value}`).toBe(true);
      }
    }
  });

  it("agrees with the columns' checks on one bad value in any column", () => {
    for (let col = 0; col < BAD.length; col++) {
      for (const value of BAD[col]) {
        const values = GOOD.map((g) => g[0]);
        values[col] = value;
        // The line check does not know the time's range (the loader checks ts on its own), so compare on the pattern.
        const expected = col === 9 && /^[0-9]{13}$/.test(value) ? true : valuesPass(values);
        expect(linePasses(values), `column ${DMA_TRADES.columns[col].header}: "${value}"`).toBe(expected);
        expect(valuesPass(values), `column ${DMA_TRADES.columns[col].header}: "${value}"`).toBe(false);
      }
    }
  });

  it("agrees with the columns' checks on random mixes", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 5000; i++) {
      const values = GOOD.map((good, col) => {
        const pool = next() < 0.8 ? good : BAD[col];
        return pool[Math.floor(next() * pool.length)];
      });
      const tsInRange = checks[9](values[9], BRAND) === null || !/^[0-9]{13}$/.test(values[9]);
      const expected = tsInRange ? valuesPass(values) : valuesPass([...values.slice(0, 9), GOOD[9][0]]);
      expect(linePasses(values), values.join(",")).toBe(expected);
    }
  });
});
