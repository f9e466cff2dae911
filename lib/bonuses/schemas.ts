/**
 * Inputs of the bonus procedures, shared by the procedures, the forms and the CSV export. Client-safe: no
 * server imports. Amounts are decimal strings on the wire (never `number`); the service re-reads them
 * exactly with `toDec`.
 */
import { z } from "zod";
import { zMulti, ZTableQuery } from "@/lib/table-state";

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
const zOptionalDate = z.preprocess((v) => (v === "" || v == null ? null : v), z.coerce.date({ error: "Enter a valid date" }).nullable());

export const zBonusReason = z
  .string({ error: "Give a reason" })
  .trim()
  .min(3, { error: "Give a reason (at least 3 characters)" })
  .max(500, { error: "A reason is at most 500 characters" });

/** The campaign's editable fields; cross-field rules (fixed vs percent, dates) are checked by the service. */
export const ZCampaignFields = z.object({
  name: z.string({ error: "Give the campaign a name" }).trim().min(2, { error: "Give the campaign a name" }).max(120),
  description: z.string().trim().max(2000).default(""),
  type: z.enum(BONUS_CAMPAIGN_TYPES, { error: "Choose a campaign type" }),
  amountRule: z.enum(BONUS_AMOUNT_RULES, { error: "Choose how the amount is worked out" }),
  fixedAmount: zOptionalAmount,
  /** Percent of the deposit, e.g. "10" for 10 %. */
  percent: z.preprocess((v) => (v === "" || v == null ? undefined : v), z.string().trim().regex(/^\d{1,3}(\.\d{1,4})?$/, { error: "Enter a percent between 0 and 100" }).optional()),
  capAmount: zOptionalAmount,
  currency: z.string({ error: "Enter a currency" }).trim().min(2, { error: "Enter a currency" }).max(12),
  withdrawable: z.boolean().default(false),
  eligibleGroupIds: z.array(z.uuid()).max(100).default([]),
  eligibleCountries: z.array(z.string().trim().length(2, { error: "Use two-letter country codes" })).max(250).default([]),
  minKycLevel: z.coerce.number().int().min(0).max(3).default(0),
  budget: zAmount,
  startsAt: z.coerce.date({ error: "Enter a start date" }),
  endsAt: zOptionalDate,
  validityDays: z.preprocess((v) => (v === "" || v == null ? null : v), z.coerce.number().int().min(1, { error: "At least one day" }).max(3650).nullable()),
});
export type CampaignFieldsInput = z.input<typeof ZCampaignFields>;

export const ZCreateCampaignInput = ZCampaignFields;
export const ZUpdateCampaignInput = ZCampaignFields.extend({ id: z.uuid(), version: z.number().int().min(1) });
export const ZCampaignRef = z.object({ id: z.uuid({ error: "Unknown campaign" }) });
export const ZCampaignVersionRef = ZCampaignRef.extend({ version: z.number().int().min(1) });
export const ZRejectInput = z.object({ id: z.uuid(), reason: zBonusReason });

export const ZCampaignListInput = ZTableQuery.extend({
  sort: z.enum(["createdAt", "name"]).optional(),
  status: zMulti(BONUS_CAMPAIGN_STATUSES),
  type: zMulti(BONUS_CAMPAIGN_TYPES),
});
export type CampaignListInput = z.infer<typeof ZCampaignListInput>;

/** One grant. `amount` omitted: the campaign's rule decides (fixed, or percent of `depositAmount` capped). */
export const ZGrantInput = z.object({
  campaignId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()),
  customerId: z.uuid({ error: "Choose a customer" }),
  tradingAccountId: z.uuid({ error: "Choose a trading account" }),
  amount: zOptionalAmount,
  depositAmount: zOptionalAmount,
  /** Only for a grant without a campaign (a campaign decides it otherwise). */
  withdrawable: z.boolean().optional(),
  /** Only for a grant without a campaign: days before unused credit is clawed back. */
  validityDays: z.coerce.number().int().min(1).max(3650).optional(),
  idempotencyKey: z.string({ error: "An idempotency key is required" }).trim().min(1).max(200),
  reason: zBonusReason,
});
export type GrantInput = z.input<typeof ZGrantInput>;

export const ZGrantListInput = ZTableQuery.extend({
  sort: z.enum(["createdAt"]).optional(),
  campaignId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()),
  customerId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()),
  batchId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()),
  status: zMulti(BONUS_GRANT_STATUSES),
});
export type GrantListInput = z.infer<typeof ZGrantListInput>;

export const ZGrantRef = z.object({ id: z.uuid({ error: "Unknown grant" }) });
export const ZRevokeInput = z.object({ grantId: z.uuid(), reason: zBonusReason });

export const ZReleaseInput = z.object({
  tradingAccountId: z.uuid({ error: "Choose a trading account" }),
  /** A decimal amount, or "all" for every non-withdrawable credit left. */
  amount: z.union([z.literal("all"), zAmount]),
  reason: zBonusReason,
});

export const ZCustomerBonusRef = z.object({ customerId: z.uuid({ error: "Unknown customer" }) });

/** The CSV text itself (UTF-8), at most 100,000 rows. */
export const ZBatchPreviewInput = z.object({
  campaignId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()),
  fileName: z.string().trim().min(1).max(255).default("grants.csv"),
  csv: z.string().min(1, { error: "The file is empty" }).max(32 * 1024 * 1024, { error: "The file is larger than 32 MB" }),
});
export const ZBatchSubmitInput = ZBatchPreviewInput.extend({ reason: zBonusReason });
export const ZBatchRef = z.object({ id: z.uuid({ error: "Unknown batch" }) });
export const ZBatchListInput = z.object({ campaignId: z.uuid().optional() });

/** null: every grant and campaign needs a second admin's approval. */
export const ZApprovalThresholdInput = z.object({
  threshold: z.preprocess((v) => (v === "" ? null : v), z.string().trim().regex(/^\d{1,18}(\.\d{1,18})?$/, { error: "Enter an amount, or leave it empty" }).nullable()),
});
