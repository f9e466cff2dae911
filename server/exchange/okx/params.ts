/**
 * Request parameters per endpoint, validated before anything is sent. The rules are seed 001's (sub-account
 * names, API-key label / passphrase / IP / permission rules, account levels, deposit states, date formats,
 * page sizes); the simulator applies the same ones, so a request this refuses would have come back 51000.
 *
 * Schemas take typed values (numbers, booleans, Dates, arrays); `toWire` turns them into OKX's strings.
 */
import "server-only";
import { z } from "zod";
import { subAcct } from "@/lib/exchange/okx-fields";
import type { EndpointId } from "./endpoints";

// ── Field rules ──────────────────────────────────────────────────────────────────────────────────────
export { subAcct };
/** API-key (and sub-account) label: up to 50 letters or digits. */
const label = z.string().regex(/^[A-Za-z0-9]{1,50}$/, { error: "label must be 1-50 letters or digits" });
/** 8–32 characters with at least one digit, one upper-case, one lower-case letter and one special character. */
export const apiKeyPassphrase = z
  .string()
  .min(8, { error: "passphrase must be 8-32 characters" })
  .max(32, { error: "passphrase must be 8-32 characters" })
  .refine((v) => /^[\x21-\x7e]+$/.test(v) && /\d/.test(v) && /[a-z]/.test(v) && /[A-Z]/.test(v) && /[^A-Za-z0-9]/.test(v), {
    error: "passphrase needs a digit, an upper-case and a lower-case letter and a special character (printable ASCII, no spaces)",
  });
/** Up to 20 bound IPs, sent comma-separated. */
const ipList = z
  .array(z.union([z.ipv4(), z.ipv6()]))
  .max(20, { error: "at most 20 IP addresses" })
  .refine((ips) => new Set(ips).size === ips.length, { error: "IP addresses must not repeat" });
/** read_only is always granted; trade and withdraw are optional. */
const permList = z.array(z.enum(["read_only", "trade", "withdraw"])).min(1);
const ccy = z.string().regex(/^[A-Z0-9]{1,20}$/, { error: "ccy must be upper-case, e.g. BTC" });
/** One currency, or up to 20 sent comma-separated (asset/currencies). */
const ccyList = z.union([ccy, z.array(ccy).min(1).max(20, { error: "at most 20 currencies" })]);
const chain = z.string().min(1).max(64);
const apiKey = z.string().min(1).max(64);
const acctLv = z.enum(["1", "2", "3", "4"]);
/** 6 funding account, 18 trading account. */
const depositTo = z.enum(["6", "18"]);
const brokerType = z.enum(["api", "oauth"]);
const pageNo = z.number().int().min(1);
const pageSize = (max: number) => z.number().int().min(1).max(max);
/** A millisecond timestamp: a Date or its digits. */
const msTime = z.union([z.date(), z.string().regex(/^\d{1,16}$/)]);
/** YYYYMMDD, a real calendar day. */
const yyyymmdd = z.string().refine(
  (v) => {
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
    if (!m) return false;
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
  },
  { error: "date must be YYYYMMDD" },
);
const beginNotAfterEnd = (p: { begin?: string; end?: string }) => !p.begin || !p.end || p.begin <= p.end;
const beginEndIssue = { error: "begin must not be after end", path: ["end"] };
/** Days from one YYYYMMDD (already valid) to another. */
const daysBetween = (from: string, to: string) => {
  const ms = (v: string) => Date.UTC(+v.slice(0, 4), +v.slice(4, 6) - 1, +v.slice(6, 8));
  return (ms(to) - ms(from)) / 86_400_000;
};
/** DMA trading files: OKX's longest range for one request. */
export const DMA_TRADES_MAX_DAYS = 180;

// ── Trading fields (a sub-account's own account; OKX V5 trade docs) ───────────────────────────────────
const instId = z.string().regex(/^[A-Z0-9]+(-[A-Z0-9]+){1,4}$/, { error: "instId like BTC-USDT" });
const instType = z.enum(["SPOT", "MARGIN", "SWAP", "FUTURES", "OPTION"]);
/** An OKX order, bill or trade id: digits. */
const okxId = z.string().regex(/^\d{1,32}$/, { error: "expected an OKX id (digits)" });
/** cash (spot without margin), cross or isolated margin. */
const tdMode = z.enum(["cash", "cross", "isolated"]);
const orderSide = z.enum(["buy", "sell"]);
/** long / short in long-short mode; net in net mode. */
const posSide = z.enum(["long", "short", "net"]);
const ordType = z.enum(["market", "limit", "post_only", "fok", "ioc"]);
/** Client order id: 1–32 letters and digits (OKX). */
const clOrdId = z.string().regex(/^[A-Za-z0-9]{1,32}$/, { error: "clOrdId must be 1-32 letters or digits" });
/** A positive decimal as text (never a float). */
const positiveDecimal = z.string().regex(/^(?!0+(\.0+)?$)\d{1,20}(\.\d{1,18})?$/, { error: "expected a positive decimal, e.g. 0.01" });
const orderRef = z
  .object({ instId, ordId: okxId.optional(), clOrdId: clOrdId.optional() })
  .refine((o) => o.ordId !== undefined || o.clOrdId !== undefined, { error: "ordId or clOrdId is required", path: ["ordId"] });

// ── Per endpoint ─────────────────────────────────────────────────────────────────────────────────────
const listPage = z.object({ subAcct: subAcct.optional(), uid: z.string().regex(/^\d{1,32}$/).optional(), page: pageNo.optional(), limit: pageSize(100).optional() });
/** Seed deposit states: 0 waiting, 1 credited, 2 success, 8 suspended, 11 blacklist, 12 frozen, 13 intercepted, 14 KYC limit. */
export const DEPOSIT_STATES = ["0", "1", "2", "8", "11", "12", "13", "14"] as const;

export const PARAMS = {
  subaccountInfo: listPage,
  subaccountTradeFee: listPage,
  createApiKey: z.object({ subAcct, label, passphrase: apiKeyPassphrase, ip: ipList.optional(), perm: permList.optional() }),
  getApiKeys: z.object({ subAcct, apiKey: apiKey.optional() }),
  setSubaccountLevel: z.object({ subAcct, acctLv }),
  createDepositAddress: z
    .object({ subAcct, ccy, chain: chain.optional(), addrType: z.enum(["1", "2"]).optional(), to: depositTo.optional() })
    .refine((p) => p.addrType !== "2" || p.ccy === "BTC" || p.ccy === "LTC", { error: "addrType 2 (SegWit) is for BTC and LTC only", path: ["addrType"] }),
  modifyDepositAddress: z.object({ subAcct, ccy, chain: chain.optional(), addr: z.string().min(1).max(256), to: depositTo }),
  getDepositAddresses: z.object({ subAcct, ccy }),
  depositHistory: z.object({
    subAcct: subAcct.optional(),
    ccy: ccy.optional(),
    txId: z.string().min(1).max(256).optional(),
    type: z.enum(["3", "4"]).optional(),
    state: z.enum(DEPOSIT_STATES).optional(),
    after: msTime.optional(),
    before: msTime.optional(),
    limit: pageSize(100).optional(),
  }),
  createRebateFile: z.object({ begin: yyyymmdd, end: yyyymmdd, brokerType: brokerType.optional() }).refine(beginNotAfterEnd, beginEndIssue),
  getRebateFile: z
    .object({ type: z.boolean(), begin: yyyymmdd.optional(), end: yyyymmdd.optional(), brokerType: brokerType.optional() })
    .refine((p) => p.type || (p.begin && p.end), { error: "begin and end are required when type is false", path: ["begin"] })
    .refine(beginNotAfterEnd, beginEndIssue),
  ifRebate: z.object({ apiKey, brokerType: brokerType.optional() }),
  /** end is exclusive (UTC days), so it must come after begin; at most 180 days. */
  createDmaTradesFile: z
    .object({ begin: yyyymmdd, end: yyyymmdd })
    .refine((p) => p.begin < p.end, { error: "end must be after begin (end is exclusive)", path: ["end"] })
    .refine((p) => daysBetween(p.begin, p.end) <= DMA_TRADES_MAX_DAYS, { error: `at most ${DMA_TRADES_MAX_DAYS} days from begin to end`, path: ["end"] }),
  /** begin/end filter by when links were requested, as getRebateFile's do. */
  getDmaTradesFile: z
    .object({ type: z.boolean(), begin: yyyymmdd.optional(), end: yyyymmdd.optional() })
    .refine((p) => p.type || (p.begin && p.end), { error: "begin and end are required when type is false", path: ["begin"] })
    .refine(beginNotAfterEnd, beginEndIssue),
  partnerIfRebate: z.object({ apiKey }),
  createSubaccount: z.object({ subAcct, label: label.optional() }),
  deleteSubaccount: z.object({ subAcct }),
  modifyApiKey: z.object({ subAcct, apiKey, label: label.optional(), perm: permList.optional(), ip: ipList.optional() }),
  deleteApiKey: z.object({ subAcct, apiKey }),
  withdrawalHistory: z.object({
    subAcct: subAcct.optional(),
    ccy: ccy.optional(),
    wdId: z.string().min(1).max(64).optional(),
    clientId: z.string().min(1).max(64).optional(),
    txId: z.string().min(1).max(256).optional(),
    type: z.enum(["3", "4"]).optional(),
    state: z.string().regex(/^-?\d{1,2}$/).optional(),
    after: msTime.optional(),
    before: msTime.optional(),
    limit: pageSize(100).optional(),
  }),
  rebateDaily: z
    .object({ subAcct: subAcct.optional(), begin: yyyymmdd.optional(), end: yyyymmdd.optional(), page: pageNo.optional(), limit: pageSize(100).optional() })
    .refine(beginNotAfterEnd, beginEndIssue),
  currencies: z.object({ ccy: ccyList.optional() }),
  tickers: z.object({ instType: z.enum(["SPOT", "SWAP", "FUTURES", "OPTION"]), uly: z.string().min(1).optional(), instFamily: z.string().min(1).optional() }),
  ticker: z.object({ instId: z.string().regex(/^[A-Z0-9]+(-[A-Z0-9]+){1,4}$/, { error: "instId like BTC-USDT" }) }),
  candles: z.object({
    instId: z.string().regex(/^[A-Z0-9]+(-[A-Z0-9]+){1,4}$/, { error: "instId like BTC-USDT" }),
    bar: z
      .enum(["1m", "3m", "5m", "15m", "30m", "1H", "2H", "4H", "6H", "12H", "1D", "2D", "3D", "1W", "1M", "3M", "6Hutc", "12Hutc", "1Dutc", "2Dutc", "3Dutc", "1Wutc", "1Mutc", "3Mutc"])
      .optional(),
    after: msTime.optional(),
    before: msTime.optional(),
    limit: pageSize(300).optional(),
  }),
  instruments: z.object({ instType: z.enum(["SPOT", "SWAP"]), instId: instId.optional() }),
  accountBalance: z.object({ ccy: ccyList.optional() }),
  accountPositions: z.object({ instType: z.enum(["MARGIN", "SWAP", "FUTURES", "OPTION"]).optional(), instId: instId.optional(), posId: z.string().min(1).max(64).optional() }),
  accountBills: z.object({
    instType: instType.optional(),
    ccy: ccy.optional(),
    /** OKX bill types: 1 transfer, 2 trade, 3 delivery, 5 liquidation, 8 funding fee, … */
    type: z.string().regex(/^\d{1,3}$/).optional(),
    after: okxId.optional(),
    before: okxId.optional(),
    limit: pageSize(100).optional(),
  }),
  ordersPending: z.object({ instType: instType.optional(), instId: instId.optional(), ordType: ordType.optional(), state: z.enum(["live", "partially_filled"]).optional(), after: okxId.optional(), before: okxId.optional(), limit: pageSize(100).optional() }),
  ordersHistory: z.object({ instType, instId: instId.optional(), ordType: ordType.optional(), state: z.enum(["canceled", "filled", "mmp_canceled"]).optional(), after: okxId.optional(), before: okxId.optional(), limit: pageSize(100).optional() }),
  fills: z.object({ instType: instType.optional(), instId: instId.optional(), ordId: okxId.optional(), after: okxId.optional(), before: okxId.optional(), limit: pageSize(100).optional() }),
  placeOrder: z
    .object({ instId, tdMode, side: orderSide, posSide: posSide.optional(), ordType, sz: positiveDecimal, px: positiveDecimal.optional(), clOrdId: clOrdId.optional(), reduceOnly: z.boolean().optional(), tag: z.string().regex(/^[A-Za-z0-9]{1,16}$/).optional() })
    .refine((p) => p.ordType === "market" || p.px !== undefined, { error: "px is required for limit orders", path: ["px"] }),
  cancelOrder: orderRef,
  /** 1–20 orders, each by ordId or clOrdId. */
  cancelBatchOrders: z.object({ orders: z.array(orderRef).min(1).max(20, { error: "at most 20 orders per request" }) }),
  closePosition: z.object({ instId, mgnMode: z.enum(["cross", "isolated"]), posSide: posSide.optional(), ccy: ccy.optional(), autoCxl: z.boolean().optional(), clOrdId: clOrdId.optional(), tag: z.string().regex(/^[A-Za-z0-9]{1,16}$/).optional() }),
  assetBalances: z.object({ ccy: ccyList.optional() }),
  withdraw: z.object({
    ccy,
    amt: positiveDecimal,
    /** 3 internal (to another OKX account), 4 on-chain. */
    dest: z.enum(["3", "4"]),
    toAddr: z.string().min(1).max(256),
    chain: chain.optional(),
    /** OKX's idempotency key: letters and digits, 1–32 characters. */
    clientId: z.string().regex(/^[A-Za-z0-9]{1,32}$/, { error: "clientId must be 1-32 letters or digits" }),
    /** An internal withdrawal to a phone number: its area code. A chain's tag or memo goes in `toAddr` as "addr:tag". */
    areaCode: z.string().regex(/^\d{1,4}$/).optional(),
  }),
  withdrawalHistoryOwn: z.object({
    ccy: ccy.optional(),
    wdId: z.string().min(1).max(64).optional(),
    clientId: z.string().min(1).max(32).optional(),
    txId: z.string().min(1).max(256).optional(),
    type: z.enum(["3", "4"]).optional(),
    state: z.string().regex(/^-?\d{1,2}$/).optional(),
    after: msTime.optional(),
    before: msTime.optional(),
    limit: pageSize(100).optional(),
  }),
  cancelWithdrawal: z.object({ wdId: z.string().min(1).max(64) }),
} satisfies Record<EndpointId, z.ZodType<Record<string, unknown>>>;

export type ParamsInput<K extends EndpointId> = z.input<(typeof PARAMS)[K]>;

/** One typed value → OKX's wire string (numbers and booleans as text, Dates as ms, lists comma-joined). */
function wireValue(v: unknown): string {
  if (v instanceof Date) return String(v.getTime());
  if (Array.isArray(v)) return v.map(wireValue).join(",");
  return String(v);
}

/** Typed params → OKX's string fields, dropping undefined/null, in the caller's key order. */
export function toWire(params: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) out[k] = wireValue(v);
  return out;
}
