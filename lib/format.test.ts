import { describe, expect, it } from "vitest";
import { formatDate, formatDecimal, formatElapsed, formatMoney, formatMoneyFull, formatNumber, isNegativeDecimal, separatorsOf } from "./format";

describe("formatDecimal", () => {
  it("groups and pads by string in English and Chinese, keeping every significant decimal", () => {
    for (const locale of ["en", "zh-CN"]) {
      expect(formatDecimal("10000", locale)).toBe("10,000.00");
      expect(formatDecimal("1234567.5", locale)).toBe("1,234,567.50");
      expect(formatDecimal("0", locale)).toBe("0.00");
      expect(formatDecimal("12.300000000000000000", locale)).toBe("12.30");
    }
  });

  it("keeps 18 decimals and numbers past a float's 15 significant digits exactly", () => {
    expect(formatDecimal("0.000000000000000001", "en")).toBe("0.000000000000000001");
    expect(formatDecimal("999999999999999999.999999999999999999", "zh-CN")).toBe("999,999,999,999,999,999.999999999999999999");
    expect(formatDecimal("12345678901234567890.123456789012345678", "en")).toBe("12,345,678,901,234,567,890.123456789012345678");
  });

  it("signs negatives with a minus, positives with + when asked, never a negative zero", () => {
    expect(formatDecimal("-40.5", "en")).toBe("−40.50");
    expect(formatDecimal("-1234.5", "zh-CN")).toBe("−1,234.50");
    expect(formatDecimal("40.5", "en", { signed: true })).toBe("+40.50");
    expect(formatDecimal("-0.00", "en", { signed: true })).toBe("0.00");
    expect(formatDecimal("-0.000000000000000001", "en")).toBe("−0.000000000000000001");
  });

  it("rounds half away from zero as text when told how many decimals to show", () => {
    expect(formatDecimal("1.234567891", "en", { maxDecimals: 8 })).toBe("1.23456789");
    expect(formatDecimal("1.005", "en", { maxDecimals: 2 })).toBe("1.01"); // a float would give 1.00
    expect(formatDecimal("999999.995", "en", { maxDecimals: 2 })).toBe("1,000,000.00");
    expect(formatDecimal("-0.004", "en", { maxDecimals: 2 })).toBe("0.00");
    expect(formatDecimal("-2.5", "en", { maxDecimals: 0, minDecimals: 0 })).toBe("−3");
  });

  it("uses the locale's own separators", () => {
    expect(separatorsOf("de-DE")).toMatchObject({ group: ".", decimal: "," });
    expect(formatDecimal("1234567.891", "de-DE")).toBe("1.234.567,891");
  });

  it("leaves anything that is not a decimal as it is", () => {
    expect(formatDecimal("n/a", "en")).toBe("n/a");
    expect(formatDecimal("1e5", "en")).toBe("1e5");
    expect(isNegativeDecimal("-0.1")).toBe(true);
    expect(isNegativeDecimal("-0")).toBe(false);
  });
});

describe("formatMoney", () => {
  it("rounds for reading to 8 decimals, the full value keeps all", () => {
    expect(formatMoney("10000", "USDT", "en")).toBe("10,000.00 USDT");
    expect(formatMoney("0.123456789012345678", "BTC", "zh-CN")).toBe("0.12345679 BTC");
    expect(formatMoneyFull("0.123456789012345678", "BTC", "zh-CN")).toBe("0.123456789012345678 BTC");
    expect(formatMoney("5", null, "en")).toBe("5.00");
  });
});

describe("formatNumber and formatDate", () => {
  it("formats counts and dates with Intl in the locale", () => {
    expect(formatNumber(10000, "en")).toBe("10,000");
    expect(formatNumber(1234567, "zh-CN")).toBe("1,234,567");
    const date = new Date(Date.UTC(2026, 0, 2, 9, 5));
    expect(formatDate(date, "en", "date", "UTC")).toBe("Jan 2, 2026");
    expect(formatDate(date, "zh-CN", "date", "UTC")).toBe("2026年1月2日");
    expect(formatDate(date.toISOString(), "en", "dateTime", "UTC")).toMatch(/^Jan 2, 2026, 9:05\sAM$/);
    expect(formatDate("not a date", "en")).toBe("");
  });
});

describe("formatElapsed", () => {
  const now = new Date("2026-12-06T12:00:00Z");
  it("says how long ago in the largest whole unit", () => {
    expect(formatElapsed(new Date("2026-12-03T11:00:00Z"), now, "en")).toBe("3 days ago");
    expect(formatElapsed(new Date("2026-12-06T09:30:00Z"), now, "en")).toBe("2 hours ago");
    expect(formatElapsed(new Date("2026-12-06T11:55:00Z"), now, "en")).toBe("5 minutes ago");
    expect(formatElapsed(new Date("2026-12-06T11:59:59Z"), now, "en")).toBe("now");
  });
  it("in Chinese", () => {
    expect(formatElapsed(new Date("2026-12-03T11:00:00Z"), now, "zh-CN")).toBe("3天前");
  });
});
