/**
 * Inputs of the exchange-account procedures, shared by the procedures, the pages' URL state, the CSV
 * exports and the partner API. Client-safe: no server imports.
 */
import { z } from "zod";
import { zDateParam, zMulti, ZTableQuery } from "@/lib/table-state";
import { zId } from "@/lib/validation/ids";
import { zSearchTerm } from "@/lib/validation/text";

export const DATA_KINDS = ["balances", "positions", "orders", "fills", "bills"] as const;
export type DataKind = (typeof DATA_KINDS)[number];
export const INST_TYPES = ["SPOT", "MARGIN", "SWAP", "FUTURES", "OPTION"] as const;
export const ORDER_SIDES = ["buy", "sell"] as const;
/** Which way a position points: long (long side, or a positive net), short (short side, or a negative net). */
export const POSITION_DIRECTIONS = ["long", "short"] as const;
/** Error codes a sync records per data kind (server/exchange-accounts/sync.ts kindFailure). */
export const SYNC_ERROR_CODES = ["rate_limited", "timeout", "unavailable", "auth", "exchange", "internal"] as const;
/** OKX bill types the bills filter offers (the words are in the exchangeAccounts dictionary). */
export const BILL_TYPES = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "22"] as const;
export const NO_KEY_REASONS = ["no_key", "no_stored_secret", "missing_permission", "unreadable_secret"] as const;

const optionalId = (message: string) => z.preprocess((v) => (v === "" ? undefined : v), zId(message).optional());
/** An instrument id as typed in a filter: upper-cased, letters, digits and dashes. */
const zInstFilter = z.preprocess(
  (v) => (v === "" || v === null ? undefined : typeof v === "string" ? v.trim().toUpperCase() : v),
  z.string().max(40, { error: "An instrument is at most 40 characters" }).regex(/^[A-Z0-9-]+$/, { error: "An instrument looks like BTC-USDT-SWAP" }).optional(),
);
const zCcyFilter = z.preprocess(
  (v) => (v === "" || v === null ? undefined : typeof v === "string" ? v.trim().toUpperCase() : v),
  z.string().max(20, { error: "A currency code is at most 20 characters" }).regex(/^[A-Z0-9]+$/, { error: "A currency code is letters and digits, e.g. BTC" }).optional(),
);

export const ZCustomerExchangeInput = z.object({ customerId: zId("Unknown customer") });
export type CustomerExchangeInput = z.input<typeof ZCustomerExchangeInput>;

/** "Refresh": all the customer's sub-accounts with a key, or one of them. */
export const ZRefreshInput = z.object({ customerId: zId("Unknown customer"), subaccountId: optionalId("Unknown sub-account") });

export const FILL_SORTS = ["ts"] as const;
/** Fills, newest first, server-side paged: a customer's (the Exchange tab), or the brand's without one. */
export const ZFillListInput = ZTableQuery.extend({
  sort: z.enum(FILL_SORTS).optional(),
  customerId: optionalId("Unknown customer"),
  subaccountId: optionalId("Unknown sub-account"),
  instId: zInstFilter,
  side: zMulti(ORDER_SIDES),
  /** Exact order id or trade id. */
  q: zSearchTerm(64),
  dateFrom: zDateParam,
  dateTo: zDateParam,
});
export type FillListInput = z.input<typeof ZFillListInput>;

export const BILL_SORTS = ["ts"] as const;
/** Bills, newest first, server-side paged: a customer's (the Exchange tab), or the brand's without one. */
export const ZBillListInput = ZTableQuery.extend({
  sort: z.enum(BILL_SORTS).optional(),
  customerId: optionalId("Unknown customer"),
  subaccountId: optionalId("Unknown sub-account"),
  ccy: zCcyFilter,
  instId: zInstFilter,
  /** OKX bill type codes ("2" trade, "8" funding fee, …). */
  type: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^\d{1,3}$/, { error: "A bill type is a number, e.g. 2" }).optional()),
  dateFrom: zDateParam,
  dateTo: zDateParam,
});
export type BillListInput = z.input<typeof ZBillListInput>;

export const POSITION_SORTS = ["exposure", "upl", "instId", "updated"] as const;
/** The brand's positions, largest exposure first by default. */
export const ZPositionListInput = ZTableQuery.extend({
  sort: z.enum(POSITION_SORTS).optional(),
  /** Customer uid, e-mail, sub-account name or instrument (exact; instrument also as a prefix). */
  q: zSearchTerm(120),
  instType: zMulti(INST_TYPES),
  direction: zMulti(POSITION_DIRECTIONS),
  customerId: optionalId("Unknown customer"),
});
export type PositionListInput = z.input<typeof ZPositionListInput>;

export const ORDER_SORTS = ["created", "instId"] as const;
/** The brand's open orders, newest first by default. */
export const ZOpenOrderListInput = ZTableQuery.extend({
  sort: z.enum(ORDER_SORTS).optional(),
  q: zSearchTerm(120),
  instType: zMulti(INST_TYPES),
  side: zMulti(ORDER_SIDES),
  customerId: optionalId("Unknown customer"),
});
export type OpenOrderListInput = z.input<typeof ZOpenOrderListInput>;
