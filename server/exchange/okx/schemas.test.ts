import { describe, expect, it } from "vitest";
import { RESULTS } from "./schemas";
import { SEED_EXAMPLES } from "./testing/seed-examples";

describe("response schemas on seed 001's examples", () => {
  it("parses every example the seed gives", () => {
    for (const [id, data] of Object.entries(SEED_EXAMPLES)) {
      const parsed = RESULTS[id as keyof typeof SEED_EXAMPLES].safeParse(data);
      expect(parsed.success, `${id}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it("turns broker list pages into numbers, ms timestamps into Dates, flags into booleans", () => {
    const page = RESULTS.subaccountInfo.parse(SEED_EXAMPLES.subaccountInfo);
    expect(page.page).toBe(1);
    expect(page.totalPage).toBe(1);
    const sub = page.details[0];
    expect(sub.ts).toEqual(new Date(1648521249000));
    expect(sub.enable).toBe(true);
    expect(sub.canTransOut).toBe(false);
    expect(sub.frozenFunc).toEqual([]);
    expect(RESULTS.subaccountInfo.parse([{ ...SEED_EXAMPLES.subaccountInfo[0], details: [{ ...sub, ts: "1648521249000", canTransOut: "true" }] }]).details[0].canTransOut).toBe(true);
  });

  it("exposes the seed example's `marker` as `maker`, and accepts `maker` as the table spells it", () => {
    const fee = RESULTS.subaccountTradeFee.parse(SEED_EXAMPLES.subaccountTradeFee).details[0];
    expect(fee.feeRates[0]).toEqual({ type: "1", maker: "-0.0008", taker: "-0.001" });
    expect(fee.feeRates).toHaveLength(9);
    const spelled = RESULTS.subaccountTradeFee.parse([
      { page: "1", totalPage: "1", details: [{ ...SEED_EXAMPLES.subaccountTradeFee[0].details[0], feeRates: [{ type: "9", maker: "0.0002", taker: "0.0003" }] }] },
    ]);
    expect(spelled.details[0].feeRates[0].maker).toBe("0.0002");
    expect(RESULTS.subaccountTradeFee.safeParse([{ page: "1", totalPage: "1", details: [{ subAcct: "a", uid: "1", ts: "1", feeRates: [{ type: "1", taker: "0" }] }] }]).success).toBe(false);
  });

  it("keeps amounts and rates as decimal strings and refuses JSON numbers for them", () => {
    const [deposit] = RESULTS.depositHistory.parse(SEED_EXAMPLES.depositHistory);
    expect(deposit.amt).toBe("0.01044408");
    expect(typeof deposit.amt).toBe("string");
    expect(RESULTS.depositHistory.safeParse([{ ...SEED_EXAMPLES.depositHistory[0], amt: 0.01044408 }]).success).toBe(false);
    const rebate = RESULTS.ifRebate.parse(SEED_EXAMPLES.ifRebate);
    expect(rebate).toEqual({ type: "0", brokerCode: "6099c63a8d75SCDE", affiliated: false, clientRebateRatio: "0", lastRebate: null });
  });

  it("splits comma lists and returns single-object calls as one object", () => {
    const key = RESULTS.createApiKey.parse(SEED_EXAMPLES.createApiKey);
    expect(key.perm).toEqual(["read_only", "trade"]);
    expect(key.ip).toEqual(["10.0.108.9"]);
    expect(key.ts).toBeInstanceOf(Date);
    expect(RESULTS.getApiKeys.parse(SEED_EXAMPLES.getApiKeys)[0].ip).toEqual(["1.1.1.1", "2.2.2.2"]);
    expect(RESULTS.setSubaccountLevel.parse(SEED_EXAMPLES.setSubaccountLevel)).toEqual({ acctLv: "3" });
    expect(RESULTS.createRebateFile.parse(SEED_EXAMPLES.createRebateFile)).toEqual({ result: true, ts: new Date(1646892328000) });
    expect(RESULTS.setSubaccountLevel.safeParse([]).success).toBe(false);
  });

  it("reads rebate file links with their dates and state", () => {
    const [file] = RESULTS.getRebateFile.parse(SEED_EXAMPLES.getRebateFile);
    expect(file.state).toBe("finished");
    expect(file.cTime).toEqual(new Date(1671675432000));
    expect(file.fileHref).toMatch(/^http:\/\/okg-pri-hk/);
  });

  it("reads DMA trading-file requests and links like the FD ones (OKX's DMA examples)", () => {
    expect(RESULTS.createDmaTradesFile.parse([{ result: "false", ts: "1646892328000" }])).toEqual({ result: false, ts: new Date(1646892328000) });
    const [file] = RESULTS.getDmaTradesFile.parse(SEED_EXAMPLES.getRebateFile);
    expect(file).toMatchObject({ state: "finished", beginTime: new Date(1671638400000), ts: new Date(1671676696000) });
    const [ongoing] = RESULTS.getDmaTradesFile.parse([{ ...SEED_EXAMPLES.getRebateFile[0], state: "ongoing", fileHref: "" }]);
    expect(ongoing).toMatchObject({ state: "ongoing", fileHref: "" });
    expect(RESULTS.getDmaTradesFile.safeParse([{ ...SEED_EXAMPLES.getRebateFile[0], state: "queued" }]).success).toBe(false);
  });

  it("reads the affiliate if-rebate answer in data[0], or as the bare object OKX's docs example shows", () => {
    expect(RESULTS.partnerIfRebate.parse([{ result: true, type: "0" }])).toEqual({ result: true, type: "0" });
    expect(RESULTS.partnerIfRebate.parse({ result: false, type: "2" })).toEqual({ result: false, type: "2" });
    expect(RESULTS.partnerIfRebate.parse([{ result: "true", type: "4" }])).toEqual({ result: true, type: "4" });
    expect(RESULTS.partnerIfRebate.safeParse([]).success).toBe(false);
    expect(RESULTS.partnerIfRebate.safeParse([{ type: "0" }]).success).toBe(false);
  });

  it("reads an empty broker page as page 1 of 0, and candles as objects", () => {
    expect(RESULTS.subaccountInfo.parse([])).toEqual({ page: 1, totalPage: 0, details: [] });
    const [c] = RESULTS.candles.parse([["1597026383085", "3.721", "3.743", "3.677", "3.708", "8422410", "22698348.04828491", "12698348.04828491", "0"]]);
    expect(c).toEqual({
      ts: new Date(1597026383085),
      open: "3.721",
      high: "3.743",
      low: "3.677",
      close: "3.708",
      vol: "8422410",
      volCcy: "22698348.04828491",
      volCcyQuote: "12698348.04828491",
      confirmed: false,
    });
  });
});
