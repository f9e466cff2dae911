/**
 * Market data a sync values accounts with — SPOT prices, SWAP contract values — is public and the same for
 * every sub-account, while OKX limits it per IP address (tickers and instruments: 20 per 2 s). Read per
 * sub-account, a refresh of 100 sub-accounts a second would be refused; so each destination's answer is
 * kept a short while and shared by every sync in the process, including the ones already waiting for it.
 * A failed read is not kept: the next caller asks again.
 */
import "server-only";
import Decimal from "decimal.js";
import type { OkxClient } from "@/server/exchange/okx";

const kept = new Map<string, { until: number; value: Promise<unknown> }>();

/** `load()`'s answer for `key`, read at most once per `ttlMs` (concurrent callers share one read). */
export function sharedRead<T>(key: string, ttlMs: number, load: () => Promise<T>, now = Date.now()): Promise<T> {
  const hit = kept.get(key);
  if (hit && hit.until > now) return hit.value as Promise<T>;
  const value = load();
  kept.set(key, { until: now + ttlMs, value });
  value.catch(() => {
    if (kept.get(key)?.value === value) kept.delete(key);
  });
  return value;
}

/** Prices move: a valuation may be this old. */
export const PRICE_TTL_MS = 5_000;
/** Contract values change only when OKX lists or changes an instrument. */
export const INSTRUMENT_TTL_MS = 10 * 60_000;

/**
 * Contract value of every SWAP instrument at `destination` (the exchange's base URL), shared as above; empty
 * when unreadable — callers use it for estimates, which must not fail what they estimate for.
 */
export async function swapContractValues(client: OkxClient, destination: string): Promise<Map<string, Decimal>> {
  const values = new Map<string, Decimal>();
  try {
    const instruments = await sharedRead(`instruments:SWAP:${destination}:${client.mode}`, INSTRUMENT_TTL_MS, () => client.instruments({ instType: "SWAP" }));
    for (const i of instruments) if (i.ctVal) values.set(i.instId, new Decimal(i.ctVal));
  } catch {
    // An estimate without contract values is left out or counted one unit per contract; never an error.
  }
  return values;
}
