import { describe, expect, it } from "vitest";
import { createTranslator, translateDynamic } from "@/lib/i18n/translate";
import { actionKey, actorInWords, auditEntityHref, fieldDiff, REDACTED, valueWordsKey } from "./present";

describe("fieldDiff", () => {
  it("lists the fields that changed, sorted, without bookkeeping", () => {
    const before = { status: "active", statusReason: null, name: "Ada", version: 1, tags: ["vip"] };
    const after = { status: "frozen", statusReason: "Chargeback", name: "Ada", version: 2, tags: ["vip"] };
    expect(fieldDiff(before, after)).toEqual([
      { field: "status", before: "active", after: "frozen", redacted: false },
      { field: "statusReason", before: null, after: "Chargeback", redacted: false },
    ]);
  });

  it("compares arrays and nested values by content", () => {
    expect(fieldDiff({ ips: ["1.1.1.1"] }, { ips: ["1.1.1.1"] })).toEqual([]);
    expect(fieldDiff({ ips: ["1.1.1.1"] }, { ips: ["2.2.2.2"] })).toEqual([{ field: "ips", before: ["1.1.1.1"], after: ["2.2.2.2"], redacted: false }]);
  });

  it("lists what a creating entry set and what a deleting entry had, empty values left out", () => {
    expect(fieldDiff(null, { name: "VIP", description: null, tags: [] })).toEqual([{ field: "name", before: undefined, after: "VIP", redacted: false }]);
    expect(fieldDiff({ name: "VIP", description: "" }, null)).toEqual([{ field: "name", before: "VIP", after: undefined, redacted: false }]);
  });

  it("marks secret fields redacted, by name or by the stored marker", () => {
    const rows = fieldDiff({ okxApiKey: null, okxPassphraseEnc: null, note: "a" }, { okxApiKey: "k-123", okxPassphraseEnc: REDACTED, note: REDACTED });
    expect(rows.map((r) => [r.field, r.redacted])).toEqual([
      ["note", true],
      ["okxApiKey", true],
      ["okxPassphraseEnc", true],
    ]);
  });

  it("has nothing to say without object snapshots", () => {
    expect(fieldDiff(null, null)).toEqual([]);
    expect(fieldDiff([1], "text")).toEqual([]);
  });
});

describe("actionKey", () => {
  it("turns a code into a dictionary key", () => {
    expect(actionKey("customer.freeze")).toBe("customer_freeze");
    expect(actionKey("export.fundLocks")).toBe("export_fundLocks");
  });
});

describe("auditEntityHref", () => {
  it("links records that have a page, and nothing else", () => {
    expect(auditEntityHref("customer", "c1")).toBe("/customers/c1");
    expect(auditEntityHref("kyc_application", "k1")).toBe("/kyc/k1");
    expect(auditEntityHref("bonus_campaign", "b1")).toBe("/bonuses/b1");
    expect(auditEntityHref("subaccount", "s1")).toBe("/sub-accounts/s1");
    expect(auditEntityHref("customer", null)).toBeNull();
    expect(auditEntityHref("deposit_sync", "x")).toBeNull();
  });
});

describe("actorInWords", () => {
  const words = { system: "System", unknown: "Someone" };
  it("names staff by name, falling back to the email, and the system as such", () => {
    expect(actorInWords({ actorType: "staff", actorName: "Olivia Ops", actorLabel: "ops@a.demo" }, words)).toBe("Olivia Ops");
    expect(actorInWords({ actorType: "staff", actorName: null, actorLabel: "ops@a.demo" }, words)).toBe("ops@a.demo");
    expect(actorInWords({ actorType: "system", actorName: null, actorLabel: "job:fund-lock-expiry" }, words)).toBe("System");
    expect(actorInWords({ actorType: "anonymous", actorName: null, actorLabel: null }, words)).toBe("Someone");
  });
});

describe("valueWordsKey", () => {
  const zh = createTranslator("zh-CN");
  const words = (type: string, field: string, value: string) => translateDynamic(zh, valueWordsKey(type, field, value) ?? "", value);
  it("puts coded values into words by kind of record, and leaves other values alone", () => {
    expect(words("customer", "status", "frozen")).not.toBe("frozen");
    expect(words("staff_user", "role", "operations")).not.toBe("operations");
    expect(valueWordsKey("customer", "status", "frozen")).toBe("customers.status.frozen");
    expect(valueWordsKey("kyc_application", "status", "approved")).toBe("customers.kyc.statuses.approved");
    expect(valueWordsKey("thing", "status", "x")).toBeNull();
    expect(valueWordsKey("customer", "name", "Ada")).toBeNull();
    expect(valueWordsKey("customer", "status", 3)).toBeNull();
  });
});
