import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isPlainText, isWellFormed, zOptionalText, zSearchTerm, zSecret, zText } from "./text";

const fieldOf = (schema: z.ZodType, value: unknown) => {
  const result = z.object({ name: schema }).safeParse({ name: value });
  return result.success ? null : Object.keys(z.flattenError(result.error).fieldErrors);
};

describe("well-formed text", () => {
  it("tells a lone surrogate from a pair", () => {
    expect(isWellFormed("a😀b")).toBe(true);
    expect(isWellFormed("\u{10FFFF}")).toBe(true);
    for (const broken of ["\uD800", "a\uD83D", "\uDE00b", "\uDE00\uD83D", "😀\uD800"]) expect(isWellFormed(broken), broken).toBe(false);
  });

  it("keeps tab and line breaks only in multi-line text", () => {
    expect(isPlainText("a\tb\nc\r\n")).toBe(false);
    expect(isPlainText("a\tb\nc\r\n", true)).toBe(true);
    for (const control of ["\0", "\u0001", "\u001b", "\u007f", "\u000b"]) expect(isPlainText(`a${control}`, true)).toBe(false);
  });
});

describe("zText", () => {
  const name = zText(10, { min: 2, required: "Enter a name", tooLong: "Too long" });

  it("trims, then checks length", () => {
    expect(name.parse("  Ann  ")).toBe("Ann");
    expect(name.safeParse(" a ").error?.issues[0].message).toBe("Enter a name");
    expect(name.safeParse("x".repeat(11)).error?.issues[0].message).toBe("Too long");
    expect(name.safeParse(5).error?.issues[0].message).toBe("Enter a name");
  });

  it("refuses NUL, other controls and lone surrogates, naming the field", () => {
    for (const bad of ["a\0b", "ab\u0007", "a\uD800", "\uDFFFab", "a\nb"]) expect(fieldOf(name, bad), JSON.stringify(bad)).toEqual(["name"]);
    expect(fieldOf(zText(10, { multiline: true }), "a\nb\tc")).toBeNull();
    // U+10FFFF is a character like any other.
    expect(name.parse("a\u{10FFFF}")).toBe("a\u{10FFFF}");
  });

  it("has optional and search variants", () => {
    expect(zOptionalText(5).parse("")).toBeUndefined();
    expect(zOptionalText(5).parse(undefined)).toBeUndefined();
    expect(fieldOf(zOptionalText(5), "\0")).toEqual(["name"]);
    expect(zSearchTerm(5).parse(" li ")).toBe("li");
    expect(fieldOf(zSearchTerm(5), "li\0")).toEqual(["name"]);
    expect(fieldOf(zSearchTerm(5), "x".repeat(6))).toEqual(["name"]);
  });

  it("takes secrets as typed, but refuses what no one can type", () => {
    expect(zSecret(20).parse(" pass word ")).toBe(" pass word ");
    expect(fieldOf(zSecret(20), "pass\0word")).toEqual(["name"]);
    expect(fieldOf(zSecret(20), "\uD800")).toEqual(["name"]);
  });
});
