/**
 * Inputs of the trading-account procedures, shared by the procedures and the forms. Client-safe: no server
 * imports. Amounts travel as decimal strings and are never parsed into a `number`.
 */
import { z } from "zod";
import { zCursor } from "@/lib/validation/cursor";
import { zId } from "@/lib/validation/ids";
import { zText } from "@/lib/validation/text";

export const TRADING_ACCOUNT_TYPES = ["spot", "margin", "futures", "swap", "options"] as const;
export type TradingAccountType = (typeof TRADING_ACCOUNT_TYPES)[number];
export const TRADING_ACCOUNT_STATUSES = ["active", "frozen", "closed"] as const;
export type TradingAccountStatus = (typeof TRADING_ACCOUNT_STATUSES)[number];
/** Currencies staff can open accounts in from the form (the service accepts any well-formed code). */
export const COMMON_CURRENCIES = ["USDT", "USDC", "USD", "BTC", "ETH"] as const;

/** A positive amount of at most 18 digits before and 18 after the point, as text ("100", "0.25"). */
export const zPositiveAmount = z
  .string({ error: "Enter an amount" })
  .trim()
  .regex(/^\d{1,18}(\.\d{1,18})?$/, { error: "Enter an amount like 100 or 0.25 (up to 18 decimals)" })
  .refine((v) => /[1-9]/.test(v), { error: "The amount must be more than zero" });

export const zCurrency = z
  .string({ error: "Enter a currency" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{2,12}$/, { error: "Enter a currency code like USDT" });

/** Unique per form opening, so a double submit or a retry posts once. */
export const zIdempotencyKey = zText(100, { min: 8 });

export const ZCustomerRef = z.object({ customerId: zId("Unknown customer") });

export const ZOpenTradingAccountInput = z.object({
  customerId: zId("Unknown customer"),
  type: z.enum(TRADING_ACCOUNT_TYPES, { error: "Choose an account type" }),
  currency: zCurrency,
  demo: z.boolean().default(false),
});

export const ZLedgerLinesInput = z.object({
  tradingAccountId: zId("Unknown trading account"),
  cursor: zCursor,
  limit: z.number().int().min(1).max(100).default(20),
});

export const ZTransferInput = z.object({
  fromTradingAccountId: zId("Unknown trading account"),
  toTradingAccountId: zId("Choose the account to transfer to"),
  amount: zPositiveAmount,
  idempotencyKey: zIdempotencyKey,
  memo: zText(500, { multiline: true }).optional(),
});

export const ADJUST_DIRECTIONS = ["credit", "debit"] as const;
export type AdjustDirection = (typeof ADJUST_DIRECTIONS)[number];

export const ZAdjustCashInput = z.object({
  tradingAccountId: zId("Unknown trading account"),
  direction: z.enum(ADJUST_DIRECTIONS, { error: "Choose credit or debit" }),
  amount: zPositiveAmount,
  reason: zText(500, { min: 3, multiline: true, required: "Give a reason", tooShort: "Give a reason (at least 3 characters)" }),
  idempotencyKey: zIdempotencyKey,
});
