/**
 * Reading a sub-account's exchange account, one data kind at a time, through its own key. Pure reads: the
 * caller (sync.ts) stores what comes back. Incremental kinds (fills, bills) read newest first down to the
 * stored bill-id cursor, so a run that fails part-way stores nothing of that kind and the next run reads
 * the same span again.
 */
import "server-only";
import Decimal from "decimal.js";
import type { AccountBalance, Bill, Fill, FundingBalance, Order, Position } from "@/server/exchange/okx/schemas";
import type { OkxClient } from "@/server/exchange/okx";
import { PRICE_TTL_MS, sharedRead, swapContractValues } from "./public-reads";

/** The exchange's largest page. */
export const EXCHANGE_PAGE_SIZE = 100;
/** A guard against an exchange that never reports the last page: 50 pages of 100. */
export const MAX_PAGES = 50;

/** A bill or order id as a number for comparing (ids are digits; longer is larger). */
export const idValue = (id: string) => BigInt(/^\d+$/.test(id) ? id : "0");
export const newerThan = (id: string, cursor: string | null) => cursor === null || idValue(id) > idValue(cursor);

export interface Balances {
  trading: AccountBalance;
  funding: FundingBalance[];
  /** USDT price of each currency found (USDT itself is 1). */
  prices: Map<string, Decimal>;
}

/**
 * SPOT last prices against USDT, read once per `destination` (the exchange's base URL) every few seconds
 * for all syncs (public-reads.ts); a price read that fails values nothing rather than failing balances.
 */
export async function usdtPrices(client: OkxClient, destination: string): Promise<Map<string, Decimal>> {
  const prices = new Map<string, Decimal>([["USDT", new Decimal(1)]]);
  try {
    for (const t of await sharedRead(`tickers:SPOT:${destination}:${client.mode}`, PRICE_TTL_MS, () => client.tickers({ instType: "SPOT" }))) {
      const [base, quote] = t.instId.split("-");
      if (quote === "USDT" && base && t.last) prices.set(base, new Decimal(t.last));
    }
  } catch {
    // Valuation is a convenience: balances without it are still right.
  }
  return prices;
}

export async function readBalances(client: OkxClient, destination: string): Promise<Balances> {
  const [trading, funding, prices] = await Promise.all([client.accountBalance({}), client.assetBalances({}), usdtPrices(client, destination)]);
  return { trading, funding, prices };
}

export const readPositions = (client: OkxClient): Promise<Position[]> => client.accountPositions({});

/** Contract value of each SWAP/FUTURES instrument held, for exposure when OKX gives no notionalUsd. */
export async function contractValues(client: OkxClient, positions: Position[], destination: string): Promise<Map<string, Decimal>> {
  if (!positions.some((p) => p.notionalUsd === null && p.instType === "SWAP")) return new Map();
  // Without contract values the exposure counts one unit per contract; the position itself is still right.
  return swapContractValues(client, destination);
}

/** Every pending order, page by page (`after` = the last order id of the previous page). */
export async function readOpenOrders(client: OkxClient, limit = EXCHANGE_PAGE_SIZE): Promise<Order[]> {
  const all: Order[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const rows = await client.ordersPending({ limit, ...(after ? { after } : {}) });
    all.push(...rows);
    if (rows.length < limit) return all;
    after = rows[rows.length - 1]!.ordId;
  }
  throw new Error(`open orders did not end after ${MAX_PAGES} pages`);
}

export interface SinceCursor<T> {
  rows: T[];
  /** The newest bill id read, or the old cursor when nothing is new. */
  cursor: string | null;
  /** The page guard stopped the read before it reached the cursor: older rows were left unread. */
  truncated: boolean;
}

/**
 * Rows newer than `cursor`, newest first, paging older with `after` (the page's oldest bill id) and
 * bounded by `before` (the cursor) until a page is short or reaches the cursor.
 */
async function since<T extends { billId: string }>(
  read: (p: { before?: string; after?: string; limit: number }) => Promise<T[]>,
  cursor: string | null,
  limit: number,
): Promise<SinceCursor<T>> {
  const found = new Map<string, T>();
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const rows = await read({ limit, ...(cursor ? { before: cursor } : {}), ...(after ? { after } : {}) });
    const fresh = rows.filter((r) => newerThan(r.billId, cursor));
    for (const r of fresh) found.set(r.billId, r);
    if (rows.length < limit || fresh.length < rows.length) return done(found, cursor, false);
    const oldest = rows.reduce((a, r) => (idValue(r.billId) < idValue(a.billId) ? r : a));
    if (after !== undefined && idValue(oldest.billId) >= idValue(after)) throw new Error("the exchange answered a page that does not move older: paging cannot continue safely");
    after = oldest.billId;
  }
  return done(found, cursor, true);
}

function done<T extends { billId: string }>(found: Map<string, T>, cursor: string | null, truncated: boolean): SinceCursor<T> {
  const rows = [...found.values()];
  const newest = rows.reduce<string | null>((a, r) => (a === null || idValue(r.billId) > idValue(a) ? r.billId : a), cursor);
  return { rows, cursor: newest, truncated };
}

export const readFillsSince = (client: OkxClient, cursor: string | null, limit = EXCHANGE_PAGE_SIZE): Promise<SinceCursor<Fill>> =>
  since((p) => client.fills(p), cursor, limit);

export const readBillsSince = (client: OkxClient, cursor: string | null, limit = EXCHANGE_PAGE_SIZE): Promise<SinceCursor<Bill>> =>
  since((p) => client.accountBills(p), cursor, limit);
