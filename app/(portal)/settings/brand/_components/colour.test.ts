import { describe, expect, it } from "vitest";
import { isHexColour, normaliseHex } from "./colour";

describe("normaliseHex", () => {
  it("adds the hash and lower-cases six digits", () => expect(normaliseHex(" 2563EB ")).toBe("#2563eb"));
  it("expands three digits", () => expect(normaliseHex("#AbC")).toBe("#aabbcc"));
  it("leaves anything else for the validator to reject", () => {
    expect(normaliseHex("blue")).toBe("blue");
    expect(normaliseHex("#12345")).toBe("#12345");
  });
});

describe("isHexColour", () => {
  it("accepts #rrggbb in either case only", () => {
    expect(isHexColour("#2563EB")).toBe(true);
    expect(isHexColour("#abc")).toBe(false);
    expect(isHexColour("2563eb")).toBe(false);
  });
});
