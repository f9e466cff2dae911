import { describe, expect, it } from "vitest";
import { DATE_MAX, DATE_MIN, isIsoTimestamp, zDate, zOptionalDate, zPastDay } from "./dates";

describe("zDate", () => {
  it("accepts what forms, URLs and tRPC send", () => {
    expect(zDate().parse("2026-11-21").toISOString()).toBe("2026-11-21T00:00:00.000Z");
    expect(zDate().parse("2026-11-21T08:30:00.000Z").toISOString()).toBe("2026-11-21T08:30:00.000Z");
    expect(zDate().parse(new Date("2026-11-21T08:30:00Z")).getTime()).toBe(Date.UTC(2026, 10, 21, 8, 30));
    expect(zDate().parse(DATE_MIN)).toEqual(DATE_MIN);
    expect(zDate().parse(DATE_MAX)).toEqual(DATE_MAX);
  });

  it("refuses dates PostgreSQL or Prisma cannot take, invalid dates, numbers and other types", () => {
    const refused = [
      new Date(-8.64e15),
      new Date(8.64e15),
      new Date(Number.NaN),
      "0000-01-01",
      "-271821-04-20",
      "+275760-09-13",
      "1969-12-31T23:59:59.999Z",
      "3000-01-01",
      "2026-13-01",
      "garbage",
      "x".repeat(100),
      0,
      1e15,
      true,
      null,
      {},
    ];
    for (const value of refused) expect(zDate().safeParse(value).success, String(value)).toBe(false);
  });

  it("has an optional variant: empty is none", () => {
    expect(zOptionalDate().parse("")).toBeUndefined();
    expect(zOptionalDate().parse(null)).toBeUndefined();
    expect(zOptionalDate().safeParse("0000-01-01").success).toBe(false);
  });
});

describe("isIsoTimestamp", () => {
  it("is exactly toISOString's form for a real instant in range", () => {
    expect(isIsoTimestamp("2026-01-02T03:04:05.678Z")).toBe(true);
    for (const bad of ["2026-13-01T00:00:00.000Z", "2026-02-30T00:00:00.000Z", "2026-01-01T24:00:00.000Z", "0000-01-01T00:00:00.000Z", "2026-01-02", "2026-01-02T03:04:05Z", 5, null]) {
      expect(isIsoTimestamp(bad), String(bad)).toBe(false);
    }
  });
});

describe("zPastDay", () => {
  it("is a real day from the given one up to today", () => {
    const day = zPastDay("1900-01-01", "Enter a date");
    expect(day.parse("1985-06-30")).toBe("1985-06-30");
    for (const bad of ["1899-12-31", "1985-02-30", "0000-01-01", "9999-01-01", "1985-6-30"]) expect(day.safeParse(bad).success, bad).toBe(false);
  });
});
