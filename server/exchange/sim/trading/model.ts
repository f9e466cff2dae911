/**
 * A sub-account's own trading and funding account in the simulator: balances, orders, fills, bills and
 * positions, as persisted in its broker account's snapshot (`trading`, optional: older snapshots load
 * with none). Amounts are decimal strings; field names follow OKX's V5 answers.
 */
import "server-only";
import { z } from "zod";

const str = z.string();

export const SimOrderSchema = z.object({
  ordId: str,
  clOrdId: str,
  tag: str,
  instId: str,
  instType: z.enum(["SPOT", "SWAP"]),
  tdMode: z.enum(["cash", "cross", "isolated"]),
  side: z.enum(["buy", "sell"]),
  /** "" for SPOT; net / long / short for SWAP. */
  posSide: str,
  ordType: z.enum(["market", "limit", "post_only", "fok", "ioc"]),
  /** "" for market orders. */
  px: str,
  sz: str,
  accFillSz: str,
  avgPx: str,
  state: z.enum(["live", "partially_filled", "filled", "canceled"]),
  lever: str,
  fee: str,
  feeCcy: str,
  reduceOnly: z.boolean(),
  cTime: z.number(),
  uTime: z.number(),
});
export type SimOrder = z.infer<typeof SimOrderSchema>;

export const SimFillSchema = z.object({
  tradeId: str,
  ordId: str,
  clOrdId: str,
  billId: str,
  instId: str,
  instType: str,
  fillPx: str,
  fillSz: str,
  side: str,
  posSide: str,
  execType: z.enum(["T", "M"]),
  fee: str,
  feeCcy: str,
  ts: z.number(),
});
export type SimFill = z.infer<typeof SimFillSchema>;

export const SimBillSchema = z.object({
  billId: str,
  instType: str,
  instId: str,
  ccy: str,
  balChg: str,
  bal: str,
  /** 1 transfer, 2 trade. */
  type: str,
  /** 1 buy, 2 sell, 3 open long, 4 open short, 5 close long, 6 close short, 11 transfer in, 12 transfer out. */
  subType: str,
  sz: str,
  px: str,
  pnl: str,
  fee: str,
  ordId: str,
  ts: z.number(),
});
export type SimBill = z.infer<typeof SimBillSchema>;

export const SimPositionSchema = z.object({
  posId: str,
  instId: str,
  /** net (pos signed) or long / short (pos positive). */
  posSide: z.enum(["net", "long", "short"]),
  pos: str,
  mgnMode: z.enum(["cross", "isolated"]),
  avgPx: str,
  lever: str,
  cTime: z.number(),
  uTime: z.number(),
});
export type SimPosition = z.infer<typeof SimPositionSchema>;

export const SubTradingSchema = z.object({
  subAcct: str,
  posMode: z.enum(["net_mode", "long_short_mode"]),
  /** Id counter (orders, fills, bills, positions). */
  seq: z.number(),
  /** Resting orders were checked against the price path up to here (ms). */
  evaluatedTo: z.number(),
  /** Trading account cash per currency. */
  trading: z.record(str, str),
  /** Funding account balance per currency (in-flight withdrawals are held from it, see funding.ts). */
  funding: z.record(str, str),
  /** Last change per currency (ms), trading account. */
  uTime: z.record(str, z.number()),
  /** Newest last. */
  orders: z.array(SimOrderSchema),
  fills: z.array(SimFillSchema),
  bills: z.array(SimBillSchema),
  positions: z.array(SimPositionSchema),
  /** Test hook: what happens to this sub-account's next withdrawal. */
  nextWithdrawal: z.object({ outcome: z.enum(["fail", "stall"]), stallState: z.enum(["0", "1", "4", "5", "6", "7", "8", "9", "10", "12", "15", "16", "17"]) }).optional(),
});
export type SubTrading = z.infer<typeof SubTradingSchema>;
