import { describe, expect, it } from "vitest";
import { createTranslator } from "@/lib/i18n/translate";
import { actionOptions, changedKeys } from "./audit-helpers";

const t = createTranslator("en");

describe("actionOptions", () => {
  it("offers a prefix only where several actions share it, before the exact actions", () => {
    const options = actionOptions(["auth.login", "staff.create", "staff.disable", "tenant"], t);
    expect(options.map((o) => o.value)).toEqual(["staff.", "auth.login", "staff.create", "staff.disable", "tenant"]);
    expect(options[0].label).toBe("All staff.*");
  });

  it("is empty without facets", () => {
    expect(actionOptions([], t)).toEqual([]);
  });
});

describe("changedKeys", () => {
  it("lists added, removed and changed top-level keys, sorted", () => {
    expect(changedKeys({ name: "A", role: "admin", gone: 1 }, { name: "B", role: "admin", added: true })).toEqual([
      "added",
      "gone",
      "name",
    ]);
  });

  it("compares nested values by content", () => {
    expect(changedKeys({ ips: ["1.1.1.1"] }, { ips: ["1.1.1.1"] })).toEqual([]);
    expect(changedKeys({ ips: ["1.1.1.1"] }, { ips: ["2.2.2.2"] })).toEqual(["ips"]);
  });

  it("returns nothing unless both sides are objects", () => {
    expect(changedKeys(null, { a: 1 })).toEqual([]);
    expect(changedKeys([1], [2])).toEqual([]);
  });
});
