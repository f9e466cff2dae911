/**
 * The dictionaries agree: every Chinese text uses exactly the `{placeholders}` of its English one, so the
 * same params fill both languages (a refusal's reason params included).
 */
import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";
import { leaves } from "./helpers/dictionaries";

/** Texts whose languages deliberately use different params the server sends both of. */
const DIFFERENT_PARAMS = new Set([
  // English names the country ("United States"); Chinese shows its code, having no Chinese names on the server.
  "kyc.errors.corporateCountryNotSupported",
]);

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("zh-CN against en", () => {
  it("uses the same placeholders in every text", () => {
    const zh = new Map(leaves(messages["zh-CN"]));
    const mismatched = leaves(messages.en)
      .filter(([key]) => !DIFFERENT_PARAMS.has(key))
      .filter(([key, text]) => JSON.stringify(placeholders(zh.get(key) ?? "")) !== JSON.stringify(placeholders(text)))
      .map(([key, text]) => `${key}: en ${placeholders(text).join(",") || "-"} / zh ${placeholders(zh.get(key) ?? "").join(",") || "-"}`);
    expect(mismatched).toEqual([]);
  });
});
