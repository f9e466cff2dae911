import { describe, expect, it } from "vitest";
import { actionKey, fieldChanges } from "./timeline-helpers";

describe("fieldChanges", () => {
  it("lists only the fields that changed, without bookkeeping", () => {
    const before = { name: "Ada", status: "active", statusReason: null, version: 1, tags: ["vip"] };
    const after = { name: "Ada", status: "frozen", statusReason: "Chargeback", version: 2, tags: ["vip"] };
    expect(fieldChanges(before, after)).toEqual([
      { field: "status", before: "active", after: "frozen" },
      { field: "statusReason", before: null, after: "Chargeback" },
    ]);
  });

  it("compares arrays by value", () => {
    expect(fieldChanges({ tags: ["a"] }, { tags: ["a", "b"] })).toEqual([{ field: "tags", before: ["a"], after: ["a", "b"] }]);
  });

  it("lists the fields a creating entry set, leaving out empty ones", () => {
    expect(fieldChanges(null, { noteId: "n1", body: "Called back", email: null, tags: [] })).toEqual([{ field: "body", after: "Called back" }]);
  });

  it("has nothing to say about entries without snapshots", () => {
    expect(fieldChanges({ a: 1 }, null)).toEqual([]);
    expect(fieldChanges(null, "text")).toEqual([]);
  });
});

describe("actionKey", () => {
  it("turns an action into a dictionary key", () => {
    expect(actionKey("customer.set_group")).toBe("customer_set_group");
    expect(actionKey("kyc.approve_first")).toBe("kyc_approve_first");
  });
});
