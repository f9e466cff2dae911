import { describe, expect, it } from "vitest";
import { blocks, directionsBlocking, isLockActive } from "./guard";
import { FUND_LOCK_DIRECTIONS } from "@/lib/fund-locks/schemas";

describe("isLockActive", () => {
  const now = new Date("2026-11-22T10:00:00Z");
  it("is active while not ended and the expiry is ahead or absent", () => {
    expect(isLockActive({ endedAt: null, expiresAt: null }, now)).toBe(true);
    expect(isLockActive({ endedAt: null, expiresAt: new Date("2026-11-22T10:00:00.001Z") }, now)).toBe(true);
  });
  it("is not active once the expiry is reached (even before the job ends it) or once ended", () => {
    expect(isLockActive({ endedAt: null, expiresAt: now }, now)).toBe(false);
    expect(isLockActive({ endedAt: null, expiresAt: new Date("2026-11-22T09:00:00Z") }, now)).toBe(false);
    expect(isLockActive({ endedAt: new Date("2026-11-22T09:00:00Z"), expiresAt: null }, now)).toBe(false);
    expect(isLockActive({ endedAt: new Date("2026-11-22T09:00:00Z"), expiresAt: new Date("2026-12-01T00:00:00Z") }, now)).toBe(false);
  });
});

describe("blocks", () => {
  it("out is blocked by transfer_out and both; in by transfer_in and both", () => {
    const table = FUND_LOCK_DIRECTIONS.map((d) => [d, blocks(d, "out"), blocks(d, "in")]);
    expect(table).toEqual([
      ["transfer_in", false, true],
      ["transfer_out", true, false],
      ["both", true, true],
    ]);
  });
  it("directionsBlocking agrees with blocks", () => {
    for (const side of ["out", "in"] as const) {
      expect(directionsBlocking(side).sort()).toEqual(FUND_LOCK_DIRECTIONS.filter((d) => blocks(d, side)).sort());
    }
  });
});
