import { describe, expect, it } from "vitest";
import { createTranslator } from "@/lib/i18n/translate";
import { partnerKeyFormSchema } from "./partner-key-form";

const t = createTranslator("en");
const boxes = { label: "CRM", scopes: ["customers:read"] as const, ipAllowlist: "", expiresAt: "", rateLimitPerSecond: "" };
const problems = (values: Record<string, unknown>, current: Date | null = null) => {
  const result = partnerKeyFormSchema(t, current).safeParse({ ...boxes, ...values });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("the partner key form", () => {
  it("turns the boxes into the procedure's input", () => {
    const out = partnerKeyFormSchema(t).parse({ ...boxes, ipAllowlist: " 203.0.113.7 \n\n2001:db8::/32\n", rateLimitPerSecond: "20", expiresAt: "2999-01-31" });
    expect(out).toMatchObject({ label: "CRM", scopes: ["customers:read"], ipAllowlist: ["203.0.113.7", "2001:db8::/32"], rateLimitPerSecond: 20 });
    expect(out.expiresAt).toEqual(new Date(2999, 0, 31, 23, 59, 59, 999));
    expect(partnerKeyFormSchema(t).parse(boxes)).toMatchObject({ ipAllowlist: [], expiresAt: null, rateLimitPerSecond: null });
  });

  it("words each problem on its field, naming the bad address", () => {
    expect(problems({ label: " ", scopes: [], ipAllowlist: "10.0.0.1\n10.0.0.300", rateLimitPerSecond: "1.5", expiresAt: "soon" })).toEqual({
      label: "Give the key a label.",
      scopes: "Choose at least one scope.",
      ipAllowlist: "“10.0.0.300” is not an IP address or CIDR block, e.g. 203.0.113.7 or 203.0.113.0/24.",
      rateLimitPerSecond: "Enter a whole number from 1 to 10000.",
      expiresAt: "Enter a valid date.",
    });
    expect(problems({ ipAllowlist: Array.from({ length: 21 }, (_, i) => `10.0.0.${i}`).join("\n") })).toEqual({ ipAllowlist: "At most 20 addresses or blocks." });
    expect(problems({ rateLimitPerSecond: "abc" })).toEqual({ rateLimitPerSecond: "Enter a whole number from 1 to 10000." });
  });

  it("refuses an expiry in the past, but keeps an edited key's own expiry while its day is unchanged", () => {
    expect(problems({ expiresAt: "2020-01-01" })).toEqual({ expiresAt: "The expiry must be in the future." });
    const current = new Date(2999, 5, 1, 14, 30);
    expect(partnerKeyFormSchema(t, current).parse({ ...boxes, expiresAt: "2999-06-01" }).expiresAt).toEqual(current);
  });
});
