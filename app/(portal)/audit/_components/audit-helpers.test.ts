import { describe, expect, it } from "vitest";
import { createTranslator } from "@/lib/i18n/translate";
import { actionName, actionOptions, entityTypeName, sentenceParts } from "./audit-helpers";

const t = createTranslator("en");
const zh = createTranslator("zh-CN");

describe("actionOptions", () => {
  it("offers a prefix only where several actions share it, before the exact actions, which show by name", () => {
    const options = actionOptions(["auth.login", "staff.create", "staff.disable", "tenant"], t);
    expect(options.map((o) => o.value)).toEqual(["staff.", "auth.login", "staff.create", "staff.disable", "tenant"]);
    expect(options.map((o) => o.label)).toEqual(["All staff.*", "Signed in", "Staff member added", "Staff member disabled", "tenant"]);
  });

  it("is empty without facets", () => {
    expect(actionOptions([], t)).toEqual([]);
  });
});

describe("names", () => {
  it("translates actions and kinds of records, falling back to the code", () => {
    expect(actionName(t, "customer.freeze")).toBe("Customer frozen");
    expect(actionName(zh, "customer.freeze")).toBe("冻结客户");
    expect(actionName(t, "made.up")).toBe("made.up");
    expect(entityTypeName(t, "staff_user")).toBe("Staff member");
    expect(entityTypeName(zh, "kyc_application")).toBe("KYC 申请");
    expect(entityTypeName(t, "thing")).toBe("thing");
  });
});

describe("sentenceParts", () => {
  it("splits a sentence at its actor and entity", () => {
    expect(sentenceParts("{actor} froze customer {entity}")).toEqual([{ slot: "actor" }, { text: " froze customer " }, { slot: "entity" }]);
    expect(sentenceParts("以 {actor} 登录失败")).toEqual([{ text: "以 " }, { slot: "actor" }, { text: " 登录失败" }]);
  });
});
