/**
 * Inputs of the bonus procedures, shared by the procedures, the forms and the CSV export. Client-safe: no
 * server imports. Amounts are decimal strings on the wire (never `number`); the service re-reads them
 * exactly with `toDec`.
 */
import { z } from "zod";
import { zDateParam, zMulti, ZTableQuery } from "@/lib/table-state";
import { zDate } from "@/lib/validation/dates";
import { zId } from "@/lib/validation/ids";
import { plainText, zSearchTerm, zText } from "@/lib/validation/text";

export const BONUS_CAMPAIGN_TYPES = ["registration", "first_deposit", "airdrop", "manual"] as const;
export type BonusCampaignType = (typeof BONUS_CAMPAIGN_TYPES)[number];
export const BONUS_AMOUNT_RULES = ["fixed", "percent_of_deposit"] as const;
export type BonusAmountRule = (typeof BONUS_AMOUNT_RULES)[number];
export const BONUS_CAMPAIGN_STATUSES = ["draft", "pending_approval", "active", "paused", "ended"] as const;
export type BonusCampaignStatus = (typeof BONUS_CAMPAIGN_STATUSES)[number];
export const BONUS_GRANT_STATUSES = ["pending_approval", "applied", "rejected", "closed"] as const;
export type BonusGrantStatus = (typeof BONUS_GRANT_STATUSES)[number];
export const BONUS_BATCH_STATUSES = ["pending_approval", "applied", "rejected"] as const;

const DECIMAL = /^\d{1,18}(\.\d{1,18})?$/;
/** A positive decimal string with at most 18 digits each side of the point. */
export const zAmount = z
  .string({ error: "Enter an amount" })
  .trim()
  .regex(DECIMAL, { error: "Enter a positive decimal amount (up to 18 decimal places)" })
  .refine((v) => !/^0+(\.0+)?$/.test(v), { error: "The amount must be more than zero" });

const zOptionalAmount = z.preprocess((v) => (v === "" || v == null ? undefined : v), zAmount.optional());
/** An optional end: "" or absent is null (no end). */
const zOptionalDate = z.preprocess((v) => (v === "" || v == null ? null : v), zDate().nullable());

export const zBonusReason = zText(500, {
  min: 3,
  multiline: true,
  required: "Give a reason",
  tooShort: "Give a reason (at least 3 characters)",
  tooLong: "A reason is at most 500 characters",
});

/** The campaign's editable fields; cross-field rules (fixed vs percent, dates) are checked by the service. */
export const ZCampaignFields = z.object({
  name: zText(120, { min: 2, required: "Give the campaign a name" }),
  description: zText(2000, { multiline: true }).default(""),
  type: z.enum(BONUS_CAMPAIGN_TYPES, { error: "Choose a campaign type" }),
  amountRule: z.enum(BONUS_AMOUNT_RULES, { error: "Choose how the amount is worked out" }),
  fixedAmount: zOptionalAmount,
  /** Percent of the deposit, e.g. "10" for 10 %. */
  percent: z.preprocess((v) => (v === "" || v == null ? undefined : v), z.string().trim().regex(/^\d{1,3}(\.\d{1,4})?$/, { error: "Enter a percent between 0 and 100" }).optional()),
  capAmount: zOptionalAmount,
  currency: zText(12, { min: 2, required: "Enter a currency" }),
  withdrawable: z.boolean().default(false),
  eligibleGroupIds: z.array(zId()).max(100).default([]),
  eligibleCountries: z.array(zText(2, { min: 2, required: "Use two-letter country codes", tooLong: "Use two-letter country codes" })).max(250).default([]),
  minKycLevel: z.coerce.number().int().min(0).max(3).default(0),
  budget: zAmount,
  startsAt: zDate("Enter a start date"),
  endsAt: zOptionalDate,
  validityDays: z.preprocess((v) => (v === "" || v == null ? null : v), z.coerce.number().int().min(1, { error: "At least one day" }).max(3650).nullable()),
});
export type CampaignFieldsInput = z.input<typeof ZCampaignFields>;

export const ZCreateCampaignInput = ZCampaignFields;
export const ZUpdateCampaignInput = ZCampaignFields.extend({ id: zId(), version: z.number().int().min(1) });
export const ZCampaignRef = z.object({ id: zId("Unknown campaign") });
export const ZCampaignVersionRef = ZCampaignRef.extend({ version: z.number().int().min(1) });
export const ZRejectInput = z.object({ id: zId(), reason: zBonusReason });

export const ZCampaignListInput = ZTableQuery.extend({
  sort: z.enum(["createdAt", "name"]).optional(),
  status: zMulti(BONUS_CAMPAIGN_STATUSES),
  type: zMulti(BONUS_CAMPAIGN_TYPES),
});
export type CampaignListInput = z.infer<typeof ZCampaignListInput>;

/** One grant. `amount` omitted: the campaign's rule decides (fixed, or percent of `depositAmount` capped). */
export const ZGrantInput = z.object({
  campaignId: z.preprocess((v) => (v === "" ? undefined : v), zId().optional()),
  customerId: zId("Choose a customer"),
  tradingAccountId: zId("Choose a trading account"),
  amount: zOptionalAmount,
  depositAmount: zOptionalAmount,
  /** Only for a grant without a campaign (a campaign decides it otherwise). */
  withdrawable: z.boolean().optional(),
  /** Only for a grant without a campaign: days before unused credit is clawed back. */
  validityDays: z.coerce.number().int().min(1).max(3650).optional(),
  idempotencyKey: zText(200, { min: 1, required: "An idempotency key is required" }),
  reason: zBonusReason,
});
export type GrantInput = z.input<typeof ZGrantInput>;

export const ZGrantListInput = ZTableQuery.extend({
  sort: z.enum(["createdAt", "amount"]).optional(),
  /** Customer uid (digits), name or email. */
  q: zSearchTerm(100),
  campaignId: z.preprocess((v) => (v === "" ? undefined : v), zId().optional()),
  customerId: z.preprocess((v) => (v === "" ? undefined : v), zId().optional()),
  batchId: z.preprocess((v) => (v === "" ? undefined : v), zId().optional()),
  status: zMulti(BONUS_GRANT_STATUSES),
  /** Granted between these days (inclusive). */
  createdFrom: zDateParam,
  createdTo: zDateParam,
});
export type GrantListInput = z.infer<typeof ZGrantListInput>;

export const ZGrantRef = z.object({ id: zId("Unknown grant") });
export const ZRevokeInput = z.object({ grantId: zId(), reason: zBonusReason });

export const ZReleaseInput = z.object({
  tradingAccountId: zId("Choose a trading account"),
  /** A decimal amount, or "all" for every non-withdrawable credit left. */
  amount: z.union([z.literal("all"), zAmount]),
  reason: zBonusReason,
});

export const ZCustomerBonusRef = z.object({ customerId: zId("Unknown customer") });

/** The CSV text itself (UTF-8), at most 100,000 rows. */
export const ZBatchPreviewInput = z.object({
  campaignId: z.preprocess((v) => (v === "" ? undefined : v), zId().optional()),
  fileName: zText(255, { min: 1 }).default("grants.csv"),
  csv: z
    .string()
    .min(1, { error: "The file is empty" })
    .max(32 * 1024 * 1024, { error: "The file is larger than 32 MB" })
    .check(plainText({ multiline: true })),
});
export const ZBatchSubmitInput = ZBatchPreviewInput.extend({ reason: zBonusReason });
export const ZBatchRef = z.object({ id: zId("Unknown batch") });
export const ZBatchListInput = z.object({ campaignId: zId().optional() });

/** null: every grant and campaign needs a second admin's approval. */
export const ZApprovalThresholdInput = z.object({
  threshold: z.preprocess((v) => (v === "" ? null : v), z.string().trim().regex(/^\d{1,18}(\.\d{1,18})?$/, { error: "Enter an amount, or leave it empty" }).nullable()),
});
