import { describe, expect, it } from "vitest";
import { groupedDecimal, waitedFor } from "./format";

describe("waitedFor", () => {
  const now = new Date("2026-12-06T12:00:00Z");
  it("names the largest whole unit", () => {
    expect(waitedFor(new Date("2026-12-03T11:00:00Z"), now, "en")).toBe("3 days ago");
    expect(waitedFor(new Date("2026-12-06T09:30:00Z"), now, "en")).toBe("2 hours ago");
    expect(waitedFor(new Date("2026-12-06T11:55:00Z"), now, "en")).toBe("5 minutes ago");
    expect(waitedFor(new Date("2026-12-06T11:59:59Z"), now, "en")).toBe("now");
  });
  it("speaks the reader's language", () => {
    expect(waitedFor(new Date("2026-12-03T11:00:00Z"), now, "zh-CN")).toBe("3天前");
  });
});

describe("groupedDecimal", () => {
  it("groups digits and keeps every decimal", () => {
    expect(groupedDecimal("10000", "en")).toBe("10,000");
    expect(groupedDecimal("1234567.000000000000000001", "en")).toBe("1,234,567.000000000000000001");
    expect(groupedDecimal("5", "zh-CN")).toBe("5");
    expect(groupedDecimal("not a number", "en")).toBe("not a number");
  });
});
