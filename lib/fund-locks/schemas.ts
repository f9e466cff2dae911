/**
 * Inputs of the fund-lock procedures, shared by the procedures, the pages' URL state, the forms and the
 * CSV export. Client-safe: no server imports.
 */
import { z } from "zod";
import { zDateParam, zMulti, ZTableQuery } from "@/lib/table-state";
import { zOptionalDate } from "@/lib/validation/dates";
import { zId } from "@/lib/validation/ids";
import { zSearchTerm, zText } from "@/lib/validation/text";

export const FUND_LOCK_DIRECTIONS = ["transfer_in", "transfer_out", "both"] as const;
export type FundLockDirection = (typeof FUND_LOCK_DIRECTIONS)[number];
export const FUND_LOCK_SOURCES = ["manual", "risk_rule", "partner_api"] as const;
export type FundLockSource = (typeof FUND_LOCK_SOURCES)[number];
/**
 * A lock's status as the desk sees it. "expired" covers a lock ended by the expiry job and one whose expiry
 * has passed but the job has not reached yet: it already stops blocking (guard.ts), so it is not "active".
 */
export const FUND_LOCK_STATUSES = ["active", "expired", "released"] as const;
export type FundLockStatus = (typeof FUND_LOCK_STATUSES)[number];

export const zFundLockReason = zText(500, {
  min: 3,
  multiline: true,
  required: "Give a reason",
  tooShort: "Give a reason (at least 3 characters)",
  tooLong: "A reason is at most 500 characters",
});

/** An optional expiry: "" or absent means none; the service refuses one that is not in the future. */
const zExpiresAt = zOptionalDate("Enter a valid date and time");

export const ZLockInput = z.object({
  tradingAccountId: zId("Choose a trading account"),
  direction: z.enum(FUND_LOCK_DIRECTIONS, { error: "Choose what to lock" }),
  reason: zFundLockReason,
  expiresAt: zExpiresAt,
});
export type LockInput = z.input<typeof ZLockInput>;

export const ZUnlockInput = z.object({
  id: zId("Unknown fund lock"),
  reason: zFundLockReason,
  version: z.number().int().min(1),
});

export const ZCustomerRef = z.object({ customerId: zId("Unknown customer") });

export const ZFundLockListInput = ZTableQuery.extend({
  sort: z.enum(["createdAt"]).optional(),
  /** Customer uid (digits), name or email. */
  q: zSearchTerm(100),
  customerId: z.preprocess((v) => (v === "" ? undefined : v), zId().optional()),
  status: zMulti(FUND_LOCK_STATUSES),
  direction: zMulti(FUND_LOCK_DIRECTIONS),
  source: zMulti(FUND_LOCK_SOURCES),
  createdFrom: zDateParam,
  createdTo: zDateParam,
  /** Locks whose expiry falls in this range (the dashboard links "expiring within a week" here). */
  expiresFrom: zDateParam,
  expiresTo: zDateParam,
});
export type FundLockListInput = z.infer<typeof ZFundLockListInput>;
