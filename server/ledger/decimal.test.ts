/** Money paths take decimals only: a `number` does not compile and is refused at run time too. */
import { describe, expect, it } from "vitest";
import { Prisma } from "../db/generated/client";
import { decText, sumDec, toDec, type Amount } from "./decimal";
import type { PostLine } from "./post";

describe("ledger amounts", () => {
  it("do not accept a number at the type level", () => {
    // @ts-expect-error a float cannot be an amount
    const amount: Amount = 0.1;
    // @ts-expect-error nor in a journal line
    const line: PostLine = { account: { system: "external", currency: "USDT", demo: false }, amount: 1 };
    expect([amount, line]).toHaveLength(2);
  });

  it("refuse a number, bigint or anything else at run time, naming the field", () => {
    for (const bad of [0.1, 1, 10n, null, undefined, {}, NaN]) {
      expect(() => toDec(bad, "amount")).toThrow(/amount must be a decimal string or Decimal/);
    }
  });

  it("refuse text that is not an exact decimal of numeric(36,18)", () => {
    for (const bad of ["", "abc", "1e3", "Infinity", "NaN", "1.", ".5", "0x10", "1,5"]) expect(() => toDec(bad)).toThrow(/not a decimal number/);
    expect(() => toDec("1.0000000000000000001")).toThrow(/more than 18 decimal places/);
    expect(() => toDec("1000000000000000000")).toThrow(/too large/);
    expect(() => toDec("1,5", "price")).toThrow(expect.objectContaining({ reason: "tradingAccounts.errors.amountNotDecimal", field: "price", message: 'price is not a decimal number: "1,5"' }));
    expect(decText(toDec("999999999999999999.999999999999999999"))).toBe("999999999999999999.999999999999999999");
  });

  it("accept strings and Prisma decimals, and add them exactly at full width", () => {
    expect(decText(toDec(new Prisma.Decimal("0.1")).plus(toDec("0.2")))).toBe("0.3");
    expect(decText(sumDec(["999999999999999999.999999999999999999", "0.000000000000000001"]))).toBe("1000000000000000000");
    expect(decText(toDec(" -12.500 "))).toBe("-12.5");
    expect(decText(toDec("-0"))).toBe("0");
  });
});
