/**
 * Inputs of the customer procedures, shared by the procedures, the pages' URL state, the forms and the
 * CSV export. Client-safe: no server imports.
 */
import { z } from "zod";
import { zDateParam, zMulti, ZTableQuery } from "@/lib/table-state";
import { zCursor } from "@/lib/validation/cursor";
import { zId } from "@/lib/validation/ids";
import { zOptionalText, zSearchTerm, zText } from "@/lib/validation/text";

export const CUSTOMER_STATUSES = ["active", "frozen", "closed"] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
export const REGISTRATION_SOURCES = ["web", "app", "api", "backoffice"] as const;
export type RegistrationSource = (typeof REGISTRATION_SOURCES)[number];
export const KYC_LEVELS = ["0", "1", "2", "3"] as const;
export const CUSTOMER_SORTS = ["registeredAt", "uid", "name"] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];
/** Languages customers can read messages in. */
export const CUSTOMER_LANGUAGES = ["en", "zh-CN"] as const;

/** ISO 3166-1 alpha-2, upper case. */
export const zCountryCode = z
  .string({ error: "Choose a country" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: "Choose a country" });

/** Several countries from "CN,SG" (URL) or ["CN","SG"] (tRPC). */
const zCountries = z.preprocess(
  (v) => (typeof v === "string" ? (v === "" ? undefined : v.split(",")) : v),
  z.array(zCountryCode).max(50).optional(),
);
/** Several group ids; "none" stands for customers in no group. */
const zGroupIds = z.preprocess(
  (v) => (typeof v === "string" ? (v === "" ? undefined : v.split(",")) : v),
  z.array(z.union([zId(), z.literal("none")])).max(50).optional(),
);

export const ZCustomerListInput = ZTableQuery.extend({
  sort: z.enum(CUSTOMER_SORTS).optional(),
  /** uid (digits), email, phone number (digits, optional +code) or name. */
  q: zSearchTerm(100),
  status: zMulti(CUSTOMER_STATUSES),
  kycLevel: zMulti(KYC_LEVELS),
  group: zGroupIds,
  country: zCountries,
  tag: zOptionalText(32),
  registeredFrom: zDateParam,
  registeredTo: zDateParam,
  /** Frozen, unfrozen or closed on or after this day (the dashboard's "frozen today" links here). */
  statusChangedFrom: zDateParam,
  statusChangedTo: zDateParam,
  /**
   * Keyset cursor from a previous page's `nextCursor` / `prevCursor`. With a cursor, `page` is only the
   * number shown; without one, `page` is read with OFFSET (fine for the first pages, which is all the
   * UI produces without a cursor).
   */
  cursor: zCursor,
});
export type CustomerListInput = z.infer<typeof ZCustomerListInput>;

export const ZCustomerId = z.object({ id: zId("Unknown customer") });
/** A change to a customer carries the version the caller saw; a stale version is refused. */
export const ZCustomerVersion = ZCustomerId.extend({ version: z.number().int().min(1) });

const zName = zText(100, { min: 1, required: "Enter a name", tooLong: "Name must be at most 100 characters" });
const zEmail = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z.email({ error: "Enter a valid email address" }).max(254).toLowerCase().optional(),
);
const zPhoneCountryCode = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z.string().trim().regex(/^\+[1-9]\d{0,3}$/, { error: "Area code is + and 1–4 digits, e.g. +86" }).optional(),
);
const zPhone = z.preprocess(
  (v) => (typeof v === "string" ? (v.replace(/[\s-]/g, "") || undefined) : v),
  z.string().regex(/^\d{4,15}$/, { error: "Phone number is 4–15 digits" }).optional(),
);
export const zTag = z
  .string()
  .trim()
  .min(1)
  .max(32, { error: "A tag is at most 32 characters" })
  .regex(/^[\p{L}\p{N}_\-.]+$/u, { error: "Tags are letters, digits, - _ and ." });
const zTags = z.array(zTag).max(10, { error: "At most 10 tags" }).default([]);

/** Profile fields shared by registration and editing. Email or phone is required; phone needs its area code. */
const ZCustomerProfile = z.object({
  name: zName,
  email: zEmail,
  phoneCountryCode: zPhoneCountryCode,
  phone: zPhone,
  country: zCountryCode,
  language: z.enum(CUSTOMER_LANGUAGES, { error: "Choose a language" }),
  tags: zTags,
});

const contactRules = <T extends z.ZodType<{ email?: string; phone?: string; phoneCountryCode?: string }>>(schema: T) =>
  schema
    .refine((v) => Boolean(v.email || v.phone), { error: "Enter an email address or a phone number", path: ["email"] })
    .refine((v) => !v.phone || Boolean(v.phoneCountryCode), { error: "Enter the area code", path: ["phoneCountryCode"] })
    .refine((v) => !v.phoneCountryCode || Boolean(v.phone), { error: "Enter the phone number", path: ["phone"] });

/** The B-end "customer registration": staff register a customer on their behalf. */
export const ZRegisterCustomerInput = contactRules(
  ZCustomerProfile.extend({ groupId: zId().nullable().default(null) }),
);
export type RegisterCustomerInput = z.input<typeof ZRegisterCustomerInput>;

export const ZUpdateCustomerInput = contactRules(ZCustomerProfile.extend(ZCustomerVersion.shape));
export type UpdateCustomerInput = z.input<typeof ZUpdateCustomerInput>;

/** Seed 003 "检测客户信息是否存在": is this email / phone already a customer of the brand? */
export const ZCustomerExistsInput = z
  .object({ email: zEmail, phoneCountryCode: zPhoneCountryCode, phone: zPhone, exceptId: zId().optional() })
  .refine((v) => Boolean(v.email || (v.phone && v.phoneCountryCode)), { error: "Give an email or a phone with its area code", path: ["email"] });

export const ZSetCustomerGroupInput = ZCustomerVersion.extend({ groupId: zId().nullable() });

const zReason = zText(500, {
  min: 3,
  multiline: true,
  required: "Give a reason",
  tooShort: "Give a reason (at least 3 characters)",
  tooLong: "A reason is at most 500 characters",
});
/** Freeze, unfreeze and close all need a reason. */
export const ZCustomerStatusChangeInput = ZCustomerVersion.extend({ reason: zReason });

export const ZCustomerTimelineInput = z.object({
  id: zId("Unknown customer"),
  /** Opaque cursor from the previous call's `nextCursor`. */
  cursor: zCursor,
  limit: z.number().int().min(1).max(100).default(30),
});

export const ZAddCustomerNoteInput = z.object({
  customerId: zId("Unknown customer"),
  body: zText(2000, { min: 1, multiline: true, required: "Write the note", tooLong: "A note is at most 2,000 characters" }),
});

// ── Groups
const zGroupName = zText(60, { min: 1, required: "Enter a name", tooLong: "Name must be at most 60 characters" });
const zGroupDescription = z.preprocess(
  (v) => (v === "" ? null : v),
  zText(300, { multiline: true, tooLong: "Description must be at most 300 characters" }).nullable().default(null),
);
export const ZCreateCustomerGroupInput = z.object({ name: zGroupName, description: zGroupDescription });
export const ZUpdateCustomerGroupInput = ZCreateCustomerGroupInput.extend({ id: zId("Unknown group") });
export const ZCustomerGroupId = z.object({ id: zId("Unknown group") });
