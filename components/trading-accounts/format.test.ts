import { describe, expect, it } from "vitest";
import { formatAmount, isNegativeAmount } from "./format";

describe("formatAmount", () => {
  it("groups and pads by string, keeping every significant decimal", () => {
    expect(formatAmount("1234567.5")).toBe("1,234,567.50");
    expect(formatAmount("0")).toBe("0.00");
    expect(formatAmount("0.000000000000000001")).toBe("0.000000000000000001");
    expect(formatAmount("999999999999999999.999999999999999999")).toBe("999,999,999,999,999,999.999999999999999999");
    expect(formatAmount("12.300000000000000000")).toBe("12.30");
  });
  it("signs amounts when asked, never a negative zero", () => {
    expect(formatAmount("-40.5", { signed: true })).toBe("−40.50");
    expect(formatAmount("40.5", { signed: true })).toBe("+40.50");
    expect(formatAmount("-0.00", { signed: true })).toBe("0.00");
    expect(isNegativeAmount("-0.1")).toBe(true);
    expect(isNegativeAmount("-0")).toBe(false);
  });
  it("leaves anything that is not a decimal as it is", () => {
    expect(formatAmount("n/a")).toBe("n/a");
  });
});
