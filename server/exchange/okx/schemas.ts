/**
 * Response schemas per endpoint: each parses OKX's `data` array into the result the client returns.
 * Amounts, prices and rates stay decimal strings (callers use decimal.js, never `number`); millisecond
 * timestamps become `Date`; broker list pages become `{ page, totalPage, details }` with numbers;
 * comma lists (perm, ip) become arrays. Unknown fields are dropped, so OKX adding one breaks nothing.
 */
import "server-only";
import { z } from "zod";
import type { EndpointId } from "./endpoints";

// ── Field types ──────────────────────────────────────────────────────────────────────────────────────
/** A decimal number as OKX sends it; kept as text. */
export type DecimalString = string;
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const dec = z.string().regex(DECIMAL, { error: "expected a decimal string" });
/** OKX sends "" for "no value" in some decimal fields (no ask, no monthly rebate). */
const decOrNull = z.union([dec, z.literal("")]).transform((v): DecimalString | null => (v === "" ? null : v));
const msDate = z.union([z.string().regex(/^\d{1,16}$/), z.number().int().nonnegative()]).transform((v) => new Date(Number(v)));
const intText = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(Number);
/** The seed documents some flags as String and shows booleans in the examples: take both. */
const flag = z.union([z.boolean(), z.enum(["true", "false"])]).transform((v) => v === true || v === "true");
const text = z.string();
const textOr = (fallback = "") => z.string().optional().transform((v) => v ?? fallback);
const commaList = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : []));

// ── Data shapes ──────────────────────────────────────────────────────────────────────────────────────
export interface Page<T> {
  page: number;
  totalPage: number;
  details: T[];
}
/** `data: [{page, totalPage, details[]}]`; an empty `data` is an empty first page. */
const paged = <T extends z.ZodType>(detail: T) =>
  z
    .array(z.object({ page: intText, totalPage: intText, details: z.array(detail) }))
    .transform((rows): Page<z.output<T>> => rows[0] ?? { page: 1, totalPage: 0, details: [] });
/** Calls that answer one object in `data[0]`. */
const one = <T extends z.ZodType>(row: T) => z.array(row).min(1, { error: "empty data" }).transform((rows) => rows[0]);
/** One object in `data[0]`, or `data` as the object itself (some OKX docs examples show that). */
const oneOrObject = <T extends z.ZodType>(row: T) => z.union([one(row), row.transform((r) => r as z.output<T>)]);
const many = <T extends z.ZodType>(row: T) => z.array(row);

// ── Rows ─────────────────────────────────────────────────────────────────────────────────────────────
const subaccount = z.object({
  subAcct: text,
  uid: text,
  label: textOr(),
  /** 1 spot, 2 spot + futures, 3 multi-currency margin, 4 portfolio margin. */
  acctLv: text,
  enable: flag,
  frozenFunc: z.array(text).optional().transform((v) => v ?? []),
  canTransOut: flag,
  /** "" for a first-level sub-account, else the parent's name. */
  mainAcct: textOr(),
  ts: msDate,
});

/** The seed's example spells the maker rate "marker", its table "maker": accept both, expose `maker`. */
const feeRate = z
  .object({ type: text, maker: dec.optional(), marker: dec.optional(), taker: dec })
  .refine((r) => r.maker !== undefined || r.marker !== undefined, { error: "maker rate missing" })
  .transform((r) => ({ type: r.type, maker: (r.maker ?? r.marker) as DecimalString, taker: r.taker }));

const subaccountFee = z.object({ subAcct: text, uid: text, mainAcct: textOr(), ts: msDate, feeRates: z.array(feeRate) });

const createdApiKey = z.object({
  subAcct: text,
  label: text,
  apiKey: text,
  /** Shown once: the caller stores it encrypted and never logs it. */
  secretKey: text,
  passphrase: text,
  perm: commaList,
  ip: commaList,
  ts: msDate,
});

const apiKeyRow = z.object({ label: text, apiKey: text, perm: commaList, ip: commaList, ts: msDate });

const addressExtras = { pmtId: text.optional(), tag: text.optional(), memo: text.optional(), comment: text.optional() };
const createdAddress = z.object({ ccy: text, addr: text, chain: text, ...addressExtras, to: text.optional(), ts: msDate });
const modifiedAddress = z.object({ ccy: text, addr: text, chain: text, ...addressExtras, to: text, ts: msDate });
const depositAddress = z.object({ addr: text, ccy: text, chain: text, ...addressExtras, to: text, selected: flag.optional().transform((v) => v ?? false), ctAddr: textOr() });

const deposit = z.object({
  subAcct: textOr(),
  ccy: text,
  chain: textOr(),
  amt: dec,
  from: textOr(),
  areaCodeFrom: textOr(),
  to: textOr(),
  txId: textOr(),
  ts: msDate,
  /** See params DEPOSIT_STATES. */
  state: text,
  depId: text,
  actualDepBlkConfirm: textOr(),
});

const withdrawal = z.object({
  subAcct: textOr(),
  ccy: text,
  chain: textOr(),
  amt: dec,
  fee: decOrNull.optional().transform((v) => v ?? null),
  from: textOr(),
  areaCodeFrom: textOr(),
  to: textOr(),
  areaCodeTo: textOr(),
  tag: text.optional(),
  memo: text.optional(),
  txId: textOr(),
  ts: msDate,
  state: text,
  wdId: text,
  clientId: textOr(),
});

/** An FD rebate file or a DMA trading file (same row shape). */
const rebateFile = z.object({
  /** Valid for 2 hours (FD) or 9 hours (DMA) after `ts`; "" while ongoing. See files.ts. */
  fileHref: textOr(),
  beginTime: msDate,
  endTime: msDate,
  cTime: msDate,
  ts: msDate,
  state: z.enum(["finished", "ongoing"]),
});

/** A file request (FD rebate-per-orders POST, DMA trades POST). */
const fileRequest = z.object({
  /** true: a file for this range exists already; false: generating (FD ~2 h, DMA 3–5 h at OKX). */
  result: flag,
  /** When the exchange first received a request for this range. */
  ts: msDate,
});

/**
 * users/partner/if-rebate: `result` — the key's user was invited by this affiliate; `type` 0 rebate,
 * 1 none (the caller is not an affiliate), 2 none (no invitation relationship, e.g. unknown key),
 * 4 none (user at VIP6 or above).
 */
const partnerRebate = z.object({ result: flag, type: text });

/** ND rebate-daily: one row per sub-account per UTC day it traded (USDT). */
const rebateDay = z.object({
  subAcct: text,
  uid: textOr(),
  label: textOr(),
  /** Fee level, e.g. Lv1. */
  level: textOr(),
  asset: textOr("USDT"),
  vol: dec,
  totalCommission: dec,
  /** 00:00 UTC of the day. */
  ts: msDate,
});
const rebateDailyPage = z
  .array(z.object({ page: intText, totalPage: intText, totalCommission: dec.optional(), details: z.array(rebateDay) }))
  .transform((rows) => {
    const first = rows[0];
    if (!first) return { page: 1, totalPage: 0, totalCommission: "0", details: [] };
    return { page: first.page, totalPage: first.totalPage, totalCommission: first.totalCommission ?? "0", details: first.details };
  });

/**
 * asset/currencies: one row per currency and chain. Limits and fees are decimals ("" when OKX has none);
 * `mainNet` marks the currency's own chain, `needTag` a chain whose deposits and withdrawals carry a
 * memo / tag as well as the address.
 */
const currencyChain = z.object({
  ccy: text,
  name: textOr(),
  /** "<CCY>-<network>", e.g. USDT-TRC20. */
  chain: text,
  ctAddr: textOr(),
  canDep: flag,
  canWd: flag,
  canInternal: flag,
  minDep: decOrNull.optional().transform((v) => v ?? null),
  minWd: decOrNull.optional().transform((v) => v ?? null),
  maxWd: decOrNull.optional().transform((v) => v ?? null),
  minFee: decOrNull.optional().transform((v) => v ?? null),
  maxFee: decOrNull.optional().transform((v) => v ?? null),
  mainNet: flag,
  needTag: flag.optional().transform((v) => v ?? false),
  /** Decimals a withdrawal amount may carry ("" when OKX does not say). */
  wdTickSz: textOr(),
  /** Confirmations before a deposit is credited. */
  minDepArrivalConfirm: textOr(),
});

const ticker = z.object({
  instType: text,
  instId: text,
  last: dec,
  lastSz: decOrNull,
  askPx: decOrNull,
  askSz: decOrNull,
  bidPx: decOrNull,
  bidSz: decOrNull,
  open24h: decOrNull,
  high24h: decOrNull,
  low24h: decOrNull,
  volCcy24h: decOrNull,
  vol24h: decOrNull,
  ts: msDate,
});

/** `[ts, o, h, l, c, vol, volCcy, volCcyQuote, confirm]`, newest first. */
const candle = z
  .tuple([msDate, dec, dec, dec, dec, dec], z.string())
  .transform(([ts, open, high, low, close, vol, volCcy, volCcyQuote, confirm]) => ({
    ts,
    open,
    high,
    low,
    close,
    vol,
    volCcy: volCcy ?? null,
    volCcyQuote: volCcyQuote ?? null,
    /** false while the bar is still forming. */
    confirmed: confirm === undefined ? true : confirm === "1",
  }));

// ── A sub-account's own account and trading (OKX V5 account / trade / asset docs) ─────────────────────
/** `public/instruments`: sizes are decimals; ctVal "" for spot. */
const instrument = z.object({
  instType: text,
  instId: text,
  baseCcy: textOr(),
  quoteCcy: textOr(),
  settleCcy: textOr(),
  ctVal: decOrNull.optional().transform((v) => v ?? null),
  ctValCcy: textOr(),
  tickSz: dec,
  lotSz: dec,
  minSz: dec,
  /** Max leverage ("" for spot). */
  lever: textOr(),
  /** live, suspend, preopen, test. */
  state: text,
});

/** One currency of account/balance `details`. */
const balanceDetail = z.object({
  ccy: text,
  /** Equity of the currency. */
  eq: dec,
  cashBal: dec,
  availBal: decOrNull.optional().transform((v) => v ?? null),
  frozenBal: decOrNull.optional().transform((v) => v ?? null),
  /** Held by open orders. */
  ordFrozen: decOrNull.optional().transform((v) => v ?? null),
  /** Unrealised PnL of the currency's positions. */
  upl: decOrNull.optional().transform((v) => v ?? null),
  /** Equity in USD. */
  eqUsd: decOrNull.optional().transform((v) => v ?? null),
  uTime: msDate,
});
/** account/balance: `data[0]` with the account's USD equity and one row per currency. */
const accountBalance = z.object({
  totalEq: dec,
  /** Margin ratio of the whole account (multi-currency / portfolio margin); "" otherwise. */
  mgnRatio: decOrNull.optional().transform((v) => v ?? null),
  uTime: msDate,
  details: z.array(balanceDetail),
});

const position = z.object({
  instType: text,
  instId: text,
  posId: text,
  /** long / short (long-short mode) or net. */
  posSide: text,
  /** Size in contracts; negative for a net short. */
  pos: dec,
  mgnMode: text,
  avgPx: decOrNull,
  markPx: decOrNull,
  upl: decOrNull,
  uplRatio: decOrNull.optional().transform((v) => v ?? null),
  lever: textOr(),
  liqPx: decOrNull.optional().transform((v) => v ?? null),
  /** Maintenance margin ratio; "" when there is none. */
  mgnRatio: decOrNull.optional().transform((v) => v ?? null),
  imr: decOrNull.optional().transform((v) => v ?? null),
  notionalUsd: decOrNull.optional().transform((v) => v ?? null),
  ccy: textOr(),
  cTime: msDate,
  uTime: msDate,
});

const order = z.object({
  instType: text,
  instId: text,
  ordId: text,
  clOrdId: textOr(),
  /** "" for a market order. */
  px: decOrNull,
  sz: dec,
  ordType: text,
  side: text,
  posSide: textOr(),
  tdMode: textOr(),
  accFillSz: dec,
  avgPx: decOrNull,
  /** live, partially_filled, filled, canceled, mmp_canceled. */
  state: text,
  lever: textOr(),
  /** Negative: charged; positive: rebate. */
  fee: decOrNull.optional().transform((v) => v ?? null),
  feeCcy: textOr(),
  reduceOnly: flag.optional().transform((v) => v ?? false),
  cTime: msDate,
  uTime: msDate,
});

const fill = z.object({
  instType: text,
  instId: text,
  tradeId: text,
  ordId: text,
  clOrdId: textOr(),
  billId: text,
  fillPx: dec,
  fillSz: dec,
  side: text,
  posSide: textOr(),
  /** T taker, M maker. */
  execType: text,
  fee: dec,
  feeCcy: text,
  ts: msDate,
});

const bill = z.object({
  billId: text,
  instType: textOr(),
  instId: textOr(),
  ccy: text,
  /** Balance change and balance after it. */
  balChg: dec,
  bal: dec,
  /** OKX bill type and sub-type (1 transfer, 2 trade, 8 funding fee, …). */
  type: text,
  subType: textOr(),
  sz: decOrNull.optional().transform((v) => v ?? null),
  px: decOrNull.optional().transform((v) => v ?? null),
  pnl: decOrNull.optional().transform((v) => v ?? null),
  fee: decOrNull.optional().transform((v) => v ?? null),
  ordId: textOr(),
  ts: msDate,
});

/** One row of a per-item answer. */
const itemResult = { sCode: textOr("0"), sMsg: textOr() };
const orderAck = z.object({ ordId: textOr(), clOrdId: textOr(), tag: textOr(), ...itemResult });
const closeAck = z.object({ instId: text, posSide: textOr(), clOrdId: textOr() });

const fundingBalance = z.object({ ccy: text, bal: dec, frozenBal: dec, availBal: dec });
const withdrawAck = z.object({ wdId: text, ccy: text, chain: textOr(), amt: dec, clientId: textOr() });

// ── Per endpoint ─────────────────────────────────────────────────────────────────────────────────────
export const RESULTS = {
  subaccountInfo: paged(subaccount),
  subaccountTradeFee: paged(subaccountFee),
  createApiKey: one(createdApiKey),
  getApiKeys: many(apiKeyRow),
  setSubaccountLevel: one(z.object({ acctLv: text })),
  createDepositAddress: one(createdAddress),
  modifyDepositAddress: one(modifiedAddress),
  getDepositAddresses: many(depositAddress),
  depositHistory: many(deposit),
  createRebateFile: one(fileRequest),
  getRebateFile: many(rebateFile),
  /** type 0 rebate possible, 1 broker expired, 2 VIP4/5 monthly cap reached, 3 VIP6 or above. */
  ifRebate: one(z.object({ type: text, brokerCode: textOr(), affiliated: flag, clientRebateRatio: decOrNull, lastRebate: decOrNull.optional().transform((v) => v ?? null) })),
  createDmaTradesFile: one(fileRequest),
  getDmaTradesFile: many(rebateFile),
  partnerIfRebate: oneOrObject(partnerRebate),
  createSubaccount: one(z.object({ subAcct: text, label: textOr(), uid: textOr(), acctLv: textOr(), ts: msDate })),
  deleteSubaccount: one(z.object({ subAcct: text })),
  modifyApiKey: one(z.object({ subAcct: text, label: textOr(), apiKey: text, perm: commaList, ip: commaList, ts: msDate })),
  deleteApiKey: one(z.object({ subAcct: textOr(), apiKey: textOr() })),
  withdrawalHistory: many(withdrawal),
  /** A broker page plus the range's total commission. */
  rebateDaily: rebateDailyPage,
  currencies: many(currencyChain),
  tickers: many(ticker),
  ticker: one(ticker),
  candles: many(candle),
  instruments: many(instrument),
  /** A broker or sub-account key with no trading account answers `[]`: read as empty. */
  accountBalance: z.array(accountBalance).transform((rows) => rows[0] ?? { totalEq: "0", mgnRatio: null, uTime: new Date(0), details: [] }),
  accountPositions: many(position),
  accountBills: many(bill),
  ordersPending: many(order),
  ordersHistory: many(order),
  fills: many(fill),
  placeOrder: many(orderAck),
  cancelOrder: many(orderAck),
  cancelBatchOrders: many(orderAck),
  closePosition: one(closeAck),
  assetBalances: many(fundingBalance),
  withdraw: one(withdrawAck),
  withdrawalHistoryOwn: many(withdrawal),
  cancelWithdrawal: one(z.object({ wdId: text })),
} satisfies Record<EndpointId, z.ZodType>;

export type Result<K extends EndpointId> = z.output<(typeof RESULTS)[K]>;
export type SubaccountInfo = z.output<typeof subaccount>;
export type SubaccountFee = z.output<typeof subaccountFee>;
export type CreatedApiKey = z.output<typeof createdApiKey>;
export type ApiKeyInfo = z.output<typeof apiKeyRow>;
export type DepositAddress = z.output<typeof depositAddress>;
export type Deposit = z.output<typeof deposit>;
export type Withdrawal = z.output<typeof withdrawal>;
export type RebateFile = z.output<typeof rebateFile>;
/** A row of getDmaTradesFile: the same shape as an FD rebate file's. */
export type DmaTradesFile = RebateFile;
export type FileRequest = z.output<typeof fileRequest>;
export type PartnerRebate = z.output<typeof partnerRebate>;
export type RebateDay = z.output<typeof rebateDay>;
export type CurrencyChain = z.output<typeof currencyChain>;
export type Ticker = z.output<typeof ticker>;
export type Candle = z.output<typeof candle>;
export type Instrument = z.output<typeof instrument>;
export type AccountBalance = z.output<typeof accountBalance>;
export type BalanceDetail = z.output<typeof balanceDetail>;
export type Position = z.output<typeof position>;
export type Order = z.output<typeof order>;
export type Fill = z.output<typeof fill>;
export type Bill = z.output<typeof bill>;
export type OrderAck = z.output<typeof orderAck>;
export type FundingBalance = z.output<typeof fundingBalance>;

/** OKX's envelope: `code` is a string, `data` always an array ("0" = success). */
export const ENVELOPE = z.object({ code: z.string(), msg: z.string().optional().default(""), data: z.unknown().optional() });
