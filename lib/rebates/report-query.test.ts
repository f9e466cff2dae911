import { describe, expect, it } from "vitest";
import { daysIn, drillPatch, eachDay, lastFullDays, negateDecimal, rangeProblem, ZRebateReportsQuery, ZRebateTradeQuery } from "./report-query";

describe("fee report ranges", () => {
  it("defaults to the last 30 full UTC days, whatever the hour", () => {
    expect(lastFullDays(30, new Date("2026-12-07T00:00:01Z"))).toEqual({ from: "2026-11-07", to: "2026-12-06" });
    expect(lastFullDays(30, new Date("2026-12-07T23:59:59Z"))).toEqual({ from: "2026-11-07", to: "2026-12-06" });
    expect(daysIn("2026-11-07", "2026-12-06")).toBe(30);
    expect(lastFullDays(7, new Date("2026-03-01T12:00:00Z"))).toEqual({ from: "2026-02-22", to: "2026-02-28" });
  });

  it("lists every day of a range and refuses reversed or over-long ones", () => {
    expect(eachDay("2026-02-27", "2026-03-02")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(rangeProblem("2026-12-02", "2026-12-01")).toBe("order");
    expect(rangeProblem("2025-01-01", "2026-12-01")).toBe("length");
    expect(rangeProblem("2026-12-01", "2026-12-01")).toBeNull();
  });

  it("parses a bare URL to the default range and dimension, and keeps the drill-down filters", () => {
    const bare = ZRebateReportsQuery.parse({});
    expect(bare).toMatchObject({ ...lastFullDays(), by: "customer", page: 1, pageSize: 20, dir: "desc" });
    expect(ZRebateTradeQuery.parse({ from: "2026-11-01", to: "2026-11-30", customerId: "none", execType: "M" })).toMatchObject({ customerId: "none", execType: "M" });
    expect(ZRebateTradeQuery.safeParse({ customerId: "someone" }).success).toBe(false);
  });
});

describe("drill-down", () => {
  it("sets the row's filter and clears the others; the unlinked customer row filters on none", () => {
    expect(drillPatch("instrument", "BTC-USDT")).toEqual({ customerId: null, subAcct: null, instId: "BTC-USDT", instFamily: null, execType: null });
    expect(drillPatch("customer", null)).toMatchObject({ customerId: "none", instId: null });
    expect(drillPatch("execType", "M")).toMatchObject({ execType: "M", customerId: null });
  });
});

describe("negateDecimal", () => {
  it("turns OKX's signed fee into the fee paid, as text", () => {
    expect(negateDecimal("-0.800200000000000000")).toBe("0.800200000000000000");
    expect(negateDecimal("0.0125")).toBe("-0.0125");
    expect(negateDecimal("+3")).toBe("-3");
    expect(negateDecimal("0.000")).toBe("0.000");
    expect(negateDecimal("-0")).toBe("0");
  });
});
