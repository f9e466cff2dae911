import { describe, expect, it } from "vitest";
import { fill, pickLocale, render, unknownVariables, variablesIn } from "./template";

describe("message templates", () => {
  it("finds the variables a text uses, once each, spaces inside the braces allowed", () => {
    expect(variablesIn("Hi {{name}}, {{ uid }} — {{name}} again, {not} {{1bad}}")).toEqual(["name", "uid"]);
  });

  it("names the field of each unknown variable", () => {
    const content = { en: { title: "Hi {{name}}", body: "You won {{prize}}" }, "zh-CN": { title: "{{奖品}} {{gift}}", body: "ok" } };
    expect(unknownVariables(content, ["name", "uid"])).toEqual([
      { field: "content.en.body", variable: "prize" },
      { field: "content.zh-CN.title", variable: "gift" },
    ]);
  });

  it("picks the customer's language, else the brand's default, else the one there is", () => {
    const both = { en: { title: "a", body: "b" }, "zh-CN": { title: "c", body: "d" } };
    expect(pickLocale(both, "zh-CN", "en")).toBe("zh-CN");
    expect(pickLocale({ en: both.en }, "zh-CN", "zh-CN")).toBe("en");
    expect(pickLocale({ "zh-CN": both["zh-CN"] }, "en", "en")).toBe("zh-CN");
    expect(pickLocale(both, "fr", "zh-CN")).toBe("zh-CN");
  });

  it("formats amounts in the reader's language, fills words per language, and keeps markup as text", () => {
    const values = { amount: { amount: "12345.5", currency: "USDT" }, direction: { words: { en: "transfers in", "zh-CN": "转入" } }, name: "<script>alert(1)</script>" };
    expect(fill("{{name}} got {{amount}}; {{direction}}; {{missing}}", values, "en")).toBe("<script>alert(1)</script> got 12,345.50 USDT; transfers in; {{missing}}");
    expect(render({ "zh-CN": { title: "{{direction}}", body: "{{amount}}" } }, "zh-CN", values)).toEqual({ title: "转入", body: "12,345.50 USDT" });
  });
});
