/**
 * USDT values of money that carries none of its own (deposits, bonus grants), the way the product already
 * values money: USD stablecoins 1:1 (as a withdrawal's value is computed, lib/withdrawals/limits.ts), any
 * other currency at the last USDT price the exchange-account sync stored with a balance (exchange_balance:
 * value_usdt / total) — the customer's own sub-accounts' newest first, else any of the brand's balances of
 * that currency synced in the last day. A currency no balance has priced has no value here (null): the
 * kinds leave it out rather than guess, and the next evaluation after the account sync counts it.
 */
import "server-only";
import { Decimal } from "decimal.js";
import type { Db, DbTx } from "../../db/client";
import { USD_STABLES } from "@/lib/withdrawals/limits";

/** A brand-wide price older than this is not used (the account sync reads prices every few minutes). */
const BRAND_PRICE_MAX_AGE_MS = 24 * 60 * 60_000;

/** The USDT price of each of `ccys` for the customer of the brand at `at`; a currency without one is absent. */
export async function usdtPrices(db: Db | DbTx, brandId: string, customerId: string, ccys: Iterable<string>, at: Date): Promise<Map<string, Decimal>> {
  const prices = new Map<string, Decimal>();
  const others: string[] = [];
  for (const ccy of new Set(ccys)) {
    if (USD_STABLES.includes(ccy.toUpperCase())) prices.set(ccy, new Decimal(1));
    else others.push(ccy);
  }
  if (!others.length) return prices;
  // Two index probes per currency: the customer's sub-accounts' rows (unique subaccount/account/ccy), then the brand's (brand, ccy).
  const rows = await db.$queryRaw<{ ccy: string; price: string | null }[]>`
    SELECT c.ccy, COALESCE(
      (SELECT b.value_usdt / b.total FROM exchange_balance b JOIN subaccount s ON s.id = b.subaccount_id
        WHERE s.brand_id = ${brandId}::uuid AND s.customer_id = ${customerId}::uuid AND b.brand_id = ${brandId}::uuid
          AND b.ccy = upper(c.ccy) AND b.total > 0 AND b.value_usdt IS NOT NULL
        ORDER BY b.synced_at DESC LIMIT 1),
      (SELECT b.value_usdt / b.total FROM exchange_balance b
        WHERE b.brand_id = ${brandId}::uuid AND b.ccy = upper(c.ccy) AND b.total > 0 AND b.value_usdt IS NOT NULL
          AND b.synced_at >= ${new Date(at.getTime() - BRAND_PRICE_MAX_AGE_MS)}
        LIMIT 1)
    )::text AS price
    FROM unnest(${others}::text[]) AS c(ccy)`;
  for (const r of rows) if (r.price !== null) prices.set(r.ccy, new Decimal(r.price));
  return prices;
}

/** `amount` of `ccy` in USDT at `prices`, or null when the currency has no price. */
export function valueOf(prices: Map<string, Decimal>, ccy: string, amount: { toFixed(): string }): Decimal | null {
  const price = prices.get(ccy);
  return price ? new Decimal(amount.toFixed()).times(price).toDecimalPlaces(18) : null;
}
