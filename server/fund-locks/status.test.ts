import { describe, expect, it } from "vitest";
import { ZFundLockListInput, ZLockInput } from "@/lib/fund-locks/schemas";
import { statusOf } from "./status";

const now = new Date("2026-11-22T10:00:00Z");
const past = new Date("2026-11-22T09:00:00Z");
const future = new Date("2026-11-22T11:00:00Z");

describe("statusOf", () => {
  it("active, released, expired by the job, and expired but not yet processed", () => {
    expect(statusOf({ endedAt: null, endReason: null, expiresAt: null }, now)).toBe("active");
    expect(statusOf({ endedAt: null, endReason: null, expiresAt: future }, now)).toBe("active");
    expect(statusOf({ endedAt: past, endReason: "released", expiresAt: future }, now)).toBe("released");
    expect(statusOf({ endedAt: past, endReason: "expired", expiresAt: past }, now)).toBe("expired");
    expect(statusOf({ endedAt: null, endReason: null, expiresAt: past }, now)).toBe("expired");
  });
});

describe("schemas", () => {
  const id = "7b0c3a5e-2a4f-4b8e-9a61-0f7c1d2e3b4a";
  it("trims the reason and requires 3-500 characters", () => {
    expect(ZLockInput.parse({ tradingAccountId: id, direction: "both", reason: "  fraud check  " }).reason).toBe("fraud check");
    expect(ZLockInput.safeParse({ tradingAccountId: id, direction: "both", reason: " ab " }).success).toBe(false);
    expect(ZLockInput.safeParse({ tradingAccountId: id, direction: "both", reason: "x".repeat(501) }).success).toBe(false);
  });
  it("treats an empty expiry as none and parses a datetime", () => {
    expect(ZLockInput.parse({ tradingAccountId: id, direction: "transfer_in", reason: "abc", expiresAt: "" }).expiresAt).toBeUndefined();
    expect(ZLockInput.parse({ tradingAccountId: id, direction: "transfer_in", reason: "abc", expiresAt: "2026-12-01T10:00:00Z" }).expiresAt).toEqual(
      new Date("2026-12-01T10:00:00Z"),
    );
  });
  it("reads the URL's comma-separated filters", () => {
    expect(ZFundLockListInput.parse({ status: "active,expired", direction: "both", source: "", customerId: "" })).toMatchObject({
      status: ["active", "expired"],
      direction: ["both"],
      source: undefined,
      customerId: undefined,
      page: 1,
      pageSize: 20,
    });
  });
});
