/**
 * Inputs of the partner-key procedures (the portal's key pages). Client-safe: the forms use them too.
 */
import { z } from "zod";
import { zDate } from "@/lib/validation/dates";
import { zId } from "@/lib/validation/ids";
import { zText } from "@/lib/validation/text";
import { SCOPES, type Scope } from "./scopes";
import { isCidr } from "./cidr";

export const PARTNER_KEY_STATUSES = ["active", "retiring", "expired", "revoked"] as const;
export type PartnerKeyStatus = (typeof PARTNER_KEY_STATUSES)[number];

export const MAX_ALLOWED_IPS = 20;
export const RATE_LIMIT_MAX = 10_000;
export const DEFAULT_RATE_LIMIT_PER_SECOND = 50;
/** How long a rotated-out key may keep working: none, or up to 30 days. */
export const ROTATION_OVERLAP_HOURS = [0, 1, 24, 72, 168, 720] as const;

const zScopes = z
  .array(z.enum(SCOPES as readonly [Scope, ...Scope[]], { error: "Unknown scope" }))
  .min(1, { error: "Choose at least one scope" })
  .transform((list) => [...new Set(list)]);

const zCidrList = z
  .array(
    z
      .string()
      .trim()
      .min(1)
      .refine(isCidr, { error: "Enter an IP address or a CIDR block, e.g. 203.0.113.7 or 203.0.113.0/24" }),
  )
  .max(MAX_ALLOWED_IPS, { error: `At most ${MAX_ALLOWED_IPS} addresses or blocks` })
  .default([]);

const zLabel = zText(50, { min: 1, required: "Give the key a label", tooLong: "A label is at most 50 characters" });

export const ZPartnerKeyFields = z.object({
  label: zLabel,
  scopes: zScopes,
  ipAllowlist: zCidrList,
  expiresAt: zDate("Enter a valid date").nullable().default(null),
  rateLimitPerSecond: z
    .number({ error: "Enter a number" })
    .int({ error: "Enter a whole number" })
    .min(1, { error: "At least 1 request per second" })
    .max(RATE_LIMIT_MAX, { error: `At most ${RATE_LIMIT_MAX} requests per second` })
    .nullable()
    .default(null),
});
export type PartnerKeyFields = z.input<typeof ZPartnerKeyFields>;

export const ZPartnerKeyRef = z.object({ id: zId("Unknown partner key") });
export const ZUpdatePartnerKeyInput = ZPartnerKeyFields.extend({ id: zId("Unknown partner key"), version: z.number().int().min(1) });
export const ZRevokePartnerKeyInput = ZPartnerKeyRef.extend({ version: z.number().int().min(1) });
export const ZRotatePartnerKeyInput = ZPartnerKeyRef.extend({
  version: z.number().int().min(1),
  overlapHours: z.number().int().refine((h) => (ROTATION_OVERLAP_HOURS as readonly number[]).includes(h), { error: "Choose how long the old key keeps working" }),
});
export const ZPartnerKeyListInput = z.object({
  status: z.enum(PARTNER_KEY_STATUSES).optional(),
});
