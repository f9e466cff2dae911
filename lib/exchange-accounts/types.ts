/**
 * What the exchange-account procedures answer. Decimals travel as strings (exact), times as Dates
 * (superjson). Client-safe.
 */
import type { Page } from "@/lib/table-state";
import type { DataKind } from "./schemas";

export interface KindFreshness {
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
  /** The last attempt's failure (rate_limited, timeout, unavailable, auth, exchange, internal); null after a success. */
  errorCode: string | null;
  errorMessage: string | null;
}

/** How current one sub-account's data is, and why it cannot be read when it cannot. */
export interface SubaccountFreshness {
  subaccountId: string;
  subAcct: string;
  label: string;
  /** Why no key can be used (no_key, no_stored_secret, missing_permission, unreadable_secret); null when one can. */
  noKeyReason: string | null;
  lastRunAt: Date | null;
  kinds: Record<DataKind, KindFreshness | null>;
}

export interface BalanceRow {
  subaccountId: string;
  subAcct: string;
  account: "trading" | "funding";
  ccy: string;
  total: string;
  available: string | null;
  frozen: string | null;
  upl: string | null;
  valueUsdt: string | null;
}

/** Balances of one currency over all the customer's sub-accounts and both accounts. */
export interface CurrencyTotal {
  ccy: string;
  trading: string;
  funding: string;
  total: string;
  valueUsdt: string | null;
}

/** A position, with who holds it: the staff-actions column reads subaccountId, instId, mgnMode and posSide. */
export interface PositionRow {
  id: string;
  subaccountId: string;
  subAcct: string;
  customerId: string | null;
  customerUid: string | null;
  customerName: string | null;
  instType: string;
  instId: string;
  posSide: string;
  mgnMode: string;
  /** long or short, from posSide (and the sign of a net position). */
  direction: "long" | "short";
  pos: string;
  avgPx: string | null;
  markPx: string | null;
  upl: string | null;
  uplRatio: string | null;
  lever: string;
  liqPx: string | null;
  mgnRatio: string | null;
  exposureUsd: string;
  exchangeUpdatedAt: Date;
  syncedAt: Date;
}

export interface OpenOrderRow {
  id: string;
  subaccountId: string;
  subAcct: string;
  customerId: string | null;
  customerUid: string | null;
  customerName: string | null;
  ordId: string;
  clOrdId: string;
  instType: string;
  instId: string;
  side: string;
  posSide: string;
  ordType: string;
  px: string | null;
  sz: string;
  accFillSz: string;
  state: string;
  reduceOnly: boolean;
  exchangeCreatedAt: Date;
  syncedAt: Date;
}

export interface FillRow {
  id: string;
  subaccountId: string;
  subAcct: string;
  billId: string;
  tradeId: string;
  ordId: string;
  instType: string;
  instId: string;
  side: string;
  fillPx: string;
  fillSz: string;
  execType: string;
  fee: string;
  feeCcy: string;
  ts: Date;
}

export interface BillRow {
  id: string;
  subaccountId: string;
  subAcct: string;
  billId: string;
  instType: string;
  instId: string;
  ccy: string;
  balChg: string;
  bal: string;
  type: string;
  subType: string;
  pnl: string | null;
  fee: string | null;
  ordId: string;
  ts: Date;
}

/** A customer's exchange accounts at a glance: the Exchange tab's first load. */
export interface CustomerExchangeSummary {
  customerId: string;
  subaccounts: SubaccountFreshness[];
  balances: BalanceRow[];
  currencies: CurrencyTotal[];
  /** Sum of the USDT values found (currencies without a price are left out: see `unvalued`). */
  totalValueUsdt: string;
  unvalued: string[];
  positions: PositionRow[];
  openOrders: OpenOrderRow[];
}

export type PositionPage = Page<PositionRow>;
export type OpenOrderPage = Page<OpenOrderRow>;
export type FillPage = Page<FillRow>;
export type BillPage = Page<BillRow>;

export interface RefreshResult {
  /** Sub-accounts a sync was asked for (those with a key). */
  requested: number;
  alreadyQueued: number;
  /** Sub-accounts left out because they have no API key at all. */
  withoutKey: number;
}
