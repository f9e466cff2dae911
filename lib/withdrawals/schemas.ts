/**
 * Inputs of the withdrawal procedures, shared by the procedures, the partner API, the page's URL state,
 * the forms and the CSV export. Client-safe: no server imports.
 */
import { z } from "zod";
import { zDateParam, zMulti, ZTableQuery } from "@/lib/table-state";
import { zId } from "@/lib/validation/ids";
import { zOptionalText, zSearchTerm, zText } from "@/lib/validation/text";
import { zCurrency, zPositiveAmount } from "@/lib/ledger/schemas";

export const WITHDRAWAL_STATES = ["pending_approval", "rejected", "queued", "sending", "sent", "completed", "failed", "cancelled", "refused"] as const;
export type WithdrawalState = (typeof WITHDRAWAL_STATES)[number];
/** States that will not change again. */
export const FINAL_WITHDRAWAL_STATES: readonly WithdrawalState[] = ["rejected", "completed", "failed", "cancelled", "refused"];
/** States that count towards the daily limit and hold the funding balance (everything not ended unpaid). */
export const COUNTED_WITHDRAWAL_STATES: readonly WithdrawalState[] = ["pending_approval", "queued", "sending", "sent", "completed"];
/** Ours to cancel without asking the exchange: nothing has been sent. */
export const CANCELLABLE_BEFORE_SENDING: readonly WithdrawalState[] = ["pending_approval", "queued"];

/** OKX's withdrawal states (its withdrawal history): -3 cancelling … 2 success, 4–17 review stages. */
export const OKX_WITHDRAWAL_STATES = ["-3", "-2", "-1", "0", "1", "2", "4", "5", "6", "7", "8", "9", "10", "12", "15", "16", "17"] as const;
/**
 * OKX states in which OKX still accepts a cancel: its first stage, "pending withdrawal" (waiting, waiting for a
 * transfer, manual reviews, approved, the Travel Rule vendor). Not 1, 15 or 16: broadcast or being validated.
 */
export const OKX_CANCELLABLE_STATES: readonly string[] = ["0", "4", "5", "6", "7", "8", "9", "10", "12", "17"];

export const zChain = z
  .string({ error: "Choose a chain" })
  .trim()
  .regex(/^[A-Za-z0-9]{1,12}-[A-Za-z0-9 ()._-]{1,40}$/, { error: "Choose a chain like USDT-TRC20" });
export const zAddress = zText(256, { min: 1, required: "Enter the address", tooLong: "An address is at most 256 characters" }).refine((v) => !/\s/.test(v), {
  error: "An address has no spaces",
});
export const zTag = zOptionalText(64, { tooLong: "A tag or memo is at most 64 characters" });
export const zWithdrawalReason = zOptionalText(500, { multiline: true, tooLong: "A note is at most 500 characters" });

export const ZRequestWithdrawalInput = z.object({
  customerId: zId("Choose a customer"),
  subaccountId: zId("Choose a sub-account"),
  ccy: zCurrency,
  chain: zChain,
  amount: zPositiveAmount,
  address: zAddress,
  tag: zTag,
  reason: zWithdrawalReason,
});
export type RequestWithdrawalInput = z.input<typeof ZRequestWithdrawalInput>;

export const ZWithdrawalRef = z.object({ id: zId("Unknown withdrawal") });
export const ZDecideWithdrawalInput = ZWithdrawalRef.extend({ note: zWithdrawalReason });
export const ZRejectWithdrawalInput = ZWithdrawalRef.extend({
  reason: zText(500, { min: 3, multiline: true, required: "Give a reason", tooShort: "Give a reason (at least 3 characters)", tooLong: "A reason is at most 500 characters" }),
});
export const ZCancelWithdrawalInput = ZRejectWithdrawalInput;

export const ZWithdrawalListInput = ZTableQuery.extend({
  sort: z.enum(["createdAt", "amount"]).optional(),
  /** Customer uid (digits), name, address, clientId or OKX wdId. */
  q: zSearchTerm(100),
  customerId: z.preprocess((v) => (v === "" ? undefined : v), zId().optional()),
  state: zMulti(WITHDRAWAL_STATES),
  ccy: z.preprocess((v) => (v === "" ? undefined : v), zCurrency.optional()),
  createdFrom: zDateParam,
  createdTo: zDateParam,
});
export type WithdrawalListInput = z.infer<typeof ZWithdrawalListInput>;

// ── Address book ────────────────────────────────────────────────────────────────────────────────────
export const ZCustomerRef = z.object({ customerId: zId("Unknown customer") });
export const ZAddAddressInput = z.object({
  customerId: zId("Unknown customer"),
  ccy: zCurrency,
  chain: zChain,
  address: zAddress,
  tag: zTag,
  label: zOptionalText(60, { tooLong: "A label is at most 60 characters" }),
});
export type AddAddressInput = z.input<typeof ZAddAddressInput>;
export const ZRemoveAddressInput = z.object({ id: zId("Unknown address") });

/** What the "New withdrawal" dialog asks before it is filled in: the sub-account's currencies and balances. */
export const ZWithdrawalOptionsInput = z.object({ customerId: zId("Choose a customer"), subaccountId: zId("Choose a sub-account") });

// ── Settings ────────────────────────────────────────────────────────────────────────────────────────
/** "" or absent: no limit (threshold: every withdrawal waits for approval). */
const zOptionalLimit = z.preprocess((v) => (v === "" || v === null ? undefined : v), zPositiveAmount.optional());
export const ZWithdrawalSettingsInput = z.object({
  perWithdrawalLimit: zOptionalLimit,
  dailyLimit: zOptionalLimit,
  approvalThreshold: zOptionalLimit,
  coolingOffHours: z.coerce.number({ error: "Enter a number of hours" }).int({ error: "Enter whole hours" }).min(0, { error: "At least 0 hours" }).max(720, { error: "At most 720 hours (30 days)" }),
});
export type WithdrawalSettingsInput = z.input<typeof ZWithdrawalSettingsInput>;

/** The dialog's customer search: UID (digits), name or email. */
export const ZWithdrawalPartiesInput = z.object({ q: zSearchTerm(100) });
