/**
 * The create and edit forms' schema: the boxes as typed (addresses one per line, the expiry a day, the
 * limit a text box), turned into the procedure's input and checked by the procedure's own schema
 * (ZPartnerKeyFields), with each problem worded in the reader's language on its field. Field names equal
 * the procedure's, so a server refusal naming a field lands on it.
 */
import { z } from "zod";
import { parseDateValue } from "@/components/ui/date-picker";
import type { FieldMessages } from "@/lib/forms/field-errors";
import type { Translate } from "@/lib/i18n/translate";
import { MAX_ALLOWED_IPS, RATE_LIMIT_MAX, ZPartnerKeyFields, type PartnerKeyFields } from "@/lib/partner-api/schemas";
import { SCOPES, type Scope } from "@/lib/partner-api/scopes";
import type { PartnerKeyRow } from "@/server/partner/types";

export interface PartnerKeyFormValues {
  label: string;
  scopes: Scope[];
  /** One address or CIDR block per line. */
  ipAllowlist: string;
  /** A day, "2026-11-22", or "" for none. */
  expiresAt: string;
  /** Digits, or "" for the default. */
  rateLimitPerSecond: string;
}

export const EMPTY_PARTNER_KEY_FORM: PartnerKeyFormValues = { label: "", scopes: [], ipAllowlist: "", expiresAt: "", rateLimitPerSecond: "" };

export const ipLines = (text: string) =>
  text
    .split(/[\r\n]+/)
    .map((line) => line.trim())
    .filter(Boolean);

const dayOf = (at: Date) => `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, "0")}-${String(at.getDate()).padStart(2, "0")}`;

/** A row as the form shows it: its expiry as the reader's local day. */
export function formValuesOf(row: PartnerKeyRow): PartnerKeyFormValues {
  return {
    label: row.label,
    scopes: row.scopes as Scope[],
    ipAllowlist: row.ipAllowlist.join("\n"),
    expiresAt: row.expiresAt ? dayOf(row.expiresAt) : "",
    rateLimitPerSecond: row.rateLimitPerSecond === null ? "" : String(row.rateLimitPerSecond),
  };
}

/**
 * The end of the chosen day in the reader's time zone (a key set to expire on 22 November works all that
 * day); the key's current expiry when its day is unchanged; an invalid date for text that is not a day.
 */
function expiryOf(value: string, current: Date | null): Date | null {
  const text = value.trim();
  if (!text) return null;
  if (current && text === dayOf(current)) return current;
  const day = parseDateValue(text, "date");
  if (!day) return new Date(Number.NaN);
  day.setHours(23, 59, 59, 999);
  return day;
}

const field = (issue: z.core.$ZodIssue) => String(issue.path[0] ?? "");

function messageOf(t: Translate, issue: z.core.$ZodIssue, ips: string[]): string {
  switch (field(issue)) {
    case "label":
      return t(issue.code === "too_small" || issue.code === "invalid_type" ? "partnerApi.form.invalid.labelRequired" : issue.code === "too_big" ? "partnerApi.form.invalid.labelTooLong" : "partnerApi.form.invalid.labelBad");
    case "scopes":
      return t("partnerApi.form.invalid.scopes");
    case "ipAllowlist":
      return typeof issue.path[1] === "number"
        ? t("partnerApi.form.invalid.ip", { value: ips[issue.path[1]] ?? "" })
        : t("partnerApi.form.invalid.ipTooMany", { max: MAX_ALLOWED_IPS });
    case "expiresAt":
      return t("partnerApi.form.invalid.expiresAt");
    default:
      return t("partnerApi.form.invalid.rateLimit", { rateMax: RATE_LIMIT_MAX });
  }
}

/** `current`: the edited key's expiry, kept as it is while its day is not changed. */
export function partnerKeyFormSchema(t: Translate, current: Date | null = null) {
  const boxes = z.object({ label: z.string(), scopes: z.array(z.enum(SCOPES as readonly [Scope, ...Scope[]])), ipAllowlist: z.string(), expiresAt: z.string(), rateLimitPerSecond: z.string() });
  return boxes.transform((v, ctx): z.output<typeof ZPartnerKeyFields> => {
    const ips = ipLines(v.ipAllowlist);
    const rate = v.rateLimitPerSecond.trim();
    const input: PartnerKeyFields = {
      label: v.label,
      scopes: v.scopes,
      ipAllowlist: ips,
      expiresAt: expiryOf(v.expiresAt, current),
      rateLimitPerSecond: rate === "" ? null : Number(rate),
    };
    const parsed = ZPartnerKeyFields.safeParse(input);
    if (parsed.success && (!parsed.data.expiresAt || parsed.data.expiresAt.getTime() > Date.now())) return parsed.data;
    const issues = parsed.success ? [] : parsed.error.issues;
    const seen = new Set<string>();
    for (const issue of issues) {
      const name = field(issue);
      if (seen.has(name)) continue; // one message per field: the first problem
      seen.add(name);
      ctx.addIssue({ code: "custom", path: [name], message: messageOf(t, issue, ips) });
    }
    if (parsed.success) ctx.addIssue({ code: "custom", path: ["expiresAt"], message: t("partnerApi.form.invalid.expiresAtPast") });
    return z.NEVER;
  });
}

/** Where server refusals go: invalid input in the form's words; a service refusal (expiry in the past) in the server's. */
export const PARTNER_KEY_MESSAGES: FieldMessages<PartnerKeyFormValues> = {
  invalid: {
    label: "partnerApi.form.invalid.labelRequired",
    scopes: "partnerApi.form.invalid.scopes",
    ipAllowlist: "partnerApi.form.ipAllowlistHint",
    expiresAt: "partnerApi.form.invalid.expiresAt",
    rateLimitPerSecond: "partnerApi.form.invalid.rateLimit",
  },
  refused: { expiresAt: "partnerApi.errors.expiryInPast" },
  vars: { max: MAX_ALLOWED_IPS, rateMax: RATE_LIMIT_MAX },
};
