import { describe, expect, it } from "vitest";
import { classifySearch, couldBeUid, digitPrefixEnd, escapeLike, prefixRange } from "./search";

describe("classifySearch", () => {
  it("reads digits as a uid or the start of a phone number, ignoring spaces and dashes", () => {
    expect(classifySearch("1000042")).toEqual({ kind: "digits", digits: "1000042", suffix: true, international: [] });
    expect(classifySearch(" 138-0013 8000 ")).toMatchObject({ kind: "digits", digits: "13800138000" });
  });

  it("reads four digits or more also as the end of a phone number, three as too common an ending", () => {
    expect(classifySearch("0132")).toMatchObject({ suffix: true });
    expect(classifySearch("132")).toMatchObject({ suffix: false });
  });

  it("reads eight digits or more also as a calling code and number typed without +", () => {
    expect(classifySearch("8613927640132")).toMatchObject({
      kind: "digits",
      international: [
        { countryCode: "+8", numberPrefix: "613927640132" },
        { countryCode: "+86", numberPrefix: "13927640132" },
        { countryCode: "+861", numberPrefix: "3927640132" },
        { countryCode: "+8613", numberPrefix: "927640132" },
      ],
    });
    expect(classifySearch("1392764")).toMatchObject({ international: [] });
    expect(classifySearch("013927640132")).toMatchObject({ international: [] });
  });

  it("splits a leading +code every way a calling code can be split", () => {
    expect(classifySearch("+86 138")).toEqual({
      kind: "phone",
      splits: [
        { countryCode: "+8", numberPrefix: "6138" },
        { countryCode: "+86", numberPrefix: "138" },
        { countryCode: "+861", numberPrefix: "38" },
        { countryCode: "+8613", numberPrefix: "8" },
      ],
    });
    expect(classifySearch("+44")).toEqual({
      kind: "phone",
      splits: [
        { countryCode: "+4", numberPrefix: "4" },
        { countryCode: "+44", numberPrefix: "" },
      ],
    });
    expect(classifySearch("+0123")).toEqual({ kind: "phone", splits: [] });
  });

  it("reads anything with @ as an email, exact only when it is a whole address", () => {
    expect(classifySearch("Liang.Wei@Example.COM")).toEqual({ kind: "email", email: "liang.wei@example.com", exact: true });
    expect(classifySearch("@example.com")).toEqual({ kind: "email", email: "@example.com", exact: false });
  });

  it("reads the rest as part of a name or email, with LIKE wildcards escaped", () => {
    expect(classifySearch("Liang")).toEqual({ kind: "text", pattern: "%Liang%" });
    expect(classifySearch("50%_off")).toEqual({ kind: "text", pattern: "%50\\%\\_off%" });
  });

  it("reads one or two characters as the start of a name, in every case spelling, or of an email", () => {
    expect(classifySearch("li")).toEqual({
      kind: "prefix",
      nameStarts: [
        { from: "li", to: "lj" },
        { from: "lI", to: "lJ" },
        { from: "Li", to: "Lj" },
        { from: "LI", to: "LJ" },
      ],
      emailStarts: { from: "li", to: "lj" },
    });
    // Chinese has no case: one range; the next code point after 芳 is 芴.
    expect(classifySearch(" 王芳 ")).toEqual({ kind: "prefix", nameStarts: [{ from: "王芳", to: "王芴" }], emailStarts: { from: "王芳", to: "王芴" } });
    // Characters outside the basic plane count as one.
    expect(prefixRange("a😀")).toEqual({ from: "a😀", to: "a😁" });
    expect(classifySearch("abc")).toMatchObject({ kind: "text" });
    expect(classifySearch("   ")).toBeNull();
  });

  it("has a range for a prefix ending in U+10FFFF, the last code point, and skips the surrogates", () => {
    expect(prefixRange("a\u{10FFFF}")).toEqual({ from: "a\u{10FFFF}", to: "b" });
    expect(prefixRange("\u{10FFFF}")).toEqual({ from: "\u{10FFFF}", to: null });
    expect(prefixRange("\u{10FFFF}\u{10FFFF}")).toEqual({ from: "\u{10FFFF}\u{10FFFF}", to: null });
    expect(prefixRange("\uD7FF")).toEqual({ from: "\uD7FF", to: "\uE000" });
    expect(classifySearch("a\u{10FFFF}")).toMatchObject({ kind: "prefix", emailStarts: { from: "a\u{10FFFF}", to: "b" } });
  });
});

describe("digitPrefixEnd", () => {
  it("is the smallest digit string above every string with the prefix", () => {
    expect(digitPrefixEnd("138")).toBe("139");
    expect(digitPrefixEnd("1299")).toBe("13");
    expect(digitPrefixEnd("0")).toBe("1");
    expect(digitPrefixEnd("999")).toBeNull();
    for (const phone of ["138", "1380000", "13899999999"]) expect(phone < digitPrefixEnd("138")!).toBe(true);
    expect("139" < digitPrefixEnd("138")!).toBe(false);
  });
});

describe("helpers", () => {
  it("escapes LIKE wildcards and the escape character", () => {
    expect(escapeLike("a\\b%c_d")).toBe("a\\\\b\\%c\\_d");
  });
  it("treats only bigint-sized numbers without a leading zero as uids", () => {
    expect(couldBeUid("10000001")).toBe(true);
    expect(couldBeUid("0138")).toBe(false);
    expect(couldBeUid("1".repeat(19))).toBe(false);
  });
});
