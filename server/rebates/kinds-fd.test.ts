/**
 * The FD rebate file's checks, pure: flags, instrument ids, and the broker code, which is the brand's
 * (given to the checks by the import) and refused when another.
 */
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import { FILE_KINDS } from "./kinds";
import { LineChecker } from "./line-checks";
import { BOOLEAN, brandBrokerCode, INST_ID } from "./value-checks";

const fd = FILE_KINDS.fd_rebates!;
const header = fd.columns.map((c) => c.header).join(",");
const GOOD: Record<string, string> = {
  brokerCode: "AURORA01",
  level: "Lv1",
  instId: "BTC-USDT-SWAP",
  ordId: "590908157585625111",
  spotTradeAmt: "0",
  derivativeTradeAmt: "12000.5",
  fee: "6.00025",
  netFee: "5.5",
  settlementFee: "5.1",
  brokerRebate: "1.53",
  suBrokerRebate: "0",
  userRebate: "0.51",
  affiliated: "false",
  ts: "1764979200000",
};
const row = (patch: Record<string, string> = {}) => fd.columns.map((c) => patch[c.header] ?? GOOD[c.header]).join(",");
const brand = (brokerCode: string | null) => ({ brandId: "b", brokerCode });

async function check(text: string, brokerCode: string | null) {
  const checker = new LineChecker(fd, brand(brokerCode));
  await pipeline(Readable.from([Buffer.from(text)]), checker, new Writable({ write: (_c, _e, done) => done() }));
  return checker;
}

describe("FD value checks", () => {
  it("takes true and false as flags, nothing else", () => {
    expect(BOOLEAN("true")).toBeNull();
    expect(BOOLEAN("false")).toBeNull();
    expect(["TRUE", "1", "yes", " true"].map(BOOLEAN)).toEqual(["invalid", "invalid", "invalid", "invalid"]);
    expect(BOOLEAN("")).toBe("missing");
  });

  it("takes OKX instrument ids of every family", () => {
    for (const id of ["BTC-USDT", "BTC-USDT-SWAP", "BTC-USD-250627", "BTC-USD-250627-100000-C", "ETH-USD-250627-2500.5-P"]) expect(INST_ID(id)).toBeNull();
    expect(["BTCUSDT", "btc-usdt", "BTC-USDT;DROP", "BTC--USDT"].map(INST_ID)).toEqual(["invalid", "invalid", "invalid", "invalid"]);
  });

  it("takes the brand's broker code only, and none when the brand has none", async () => {
    const aurora = brand("AURORA01");
    expect(brandBrokerCode("AURORA01", aurora)).toBeNull();
    expect(brandBrokerCode("BOREAL02", aurora)).toBe("otherBroker");
    expect(brandBrokerCode("aurora01", aurora)).toBe("otherBroker");
    expect(brandBrokerCode("", aurora)).toBe("missing");
    expect(brandBrokerCode("AURORA01", brand(null))).toBe("otherBroker");
  });
});

describe("an FD file's lines", () => {
  it("has the seed's columns in the seed's order", () => {
    expect(header).toBe("brokerCode,level,instId,ordId,spotTradeAmt,derivativeTradeAmt,fee,netFee,settlementFee,brokerRebate,suBrokerRebate,userRebate,affiliated,ts");
  });

  it("refuses another broker's row with its line, and bad values with their fields", async () => {
    const text = [header, row(), row({ brokerCode: "OTHER99" }), row({ affiliated: "maybe", userRebate: "1e-3" }), row({ ts: "17649792" }), ""].join("\n");
    const checker = await check(text, "AURORA01");
    expect(checker.rows).toBe(4);
    expect(checker.refusedRows).toBe(3);
    expect(checker.errors.map((e) => [e.line, e.field, e.reason])).toEqual([
      [3, "brokerCode", "otherBroker"],
      [4, "userRebate", "invalid"],
      [4, "affiliated", "invalid"],
      [5, "ts", "invalid"],
    ]);
  });

  it("keeps the brand of each import apart when two run at once", async () => {
    const text = [header, row(), ""].join("\n");
    const [a, b] = await Promise.all([check(text, "AURORA01"), check(text, "BOREAL02")]);
    expect(a.refusedRows).toBe(0);
    expect(b.refusedRows).toBe(1);
  });
});
