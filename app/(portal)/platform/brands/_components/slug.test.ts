import { describe, expect, it } from "vitest";
import { ZCreateBrandForm } from "./schemas";
import { SLUG_MAX, suggestSlug } from "./slug";

const slugRule = ZCreateBrandForm.shape.slug;

describe("suggestSlug", () => {
  it("joins words with dashes and drops punctuation", () => expect(suggestSlug("Acme Markets (EU)")).toBe("acme-markets-eu"));
  it("folds accents", () => expect(suggestSlug("Café Crème")).toBe("cafe-creme"));
  it("gives nothing for names without Latin letters or digits", () => expect(suggestSlug("环球金融")).toBe(""));
  it("keeps digits and trims dashes at both ends", () => expect(suggestSlug("  -- 24/7 Trade --  ")).toBe("24-7-trade"));
  it("cuts long names without leaving a dash at the end", () => {
    const slug = suggestSlug(`${"a".repeat(39)} b`);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(slug.endsWith("-")).toBe(false);
  });
  it("always satisfies the procedure's slug rule when not empty", () => {
    for (const name of ["Acme", "Zürich Brokers AG", "x".repeat(80), "A & B", "9 Lives"]) {
      expect(slugRule.safeParse(suggestSlug(name)).success).toBe(true);
    }
  });
});
