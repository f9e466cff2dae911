/**
 * The deposit kinds. Both count the customer's credited deposits (seed 001 states 1 credited and 2
 * succeeded, as the "deposit credited" message does) on the customer's own sub-accounts, by the exchange's
 * deposit time, in tumbling windows (`windowOf`); one event per window.
 * - deposit_count: how many deposits in the window, above the threshold (a count).
 * - deposit_amount: their sum in USDT (./valuation.ts: stablecoins 1:1, others at the last stored price;
 *   a deposit in a currency without a price is left out until one is stored), above the threshold.
 *
 * Deposits reach the database when the deposit sync reads them, minutes or (a deposit held pending) days
 * after their time: so an evaluation looks at every window that overlaps the last day (LATE_MS), not only
 * the current one — a window that has ended is still breached if a late deposit tips it over.
 */
import "server-only";
import { Decimal } from "decimal.js";
import type { Db, DbTx } from "../../db/client";
import { windowOf, type CountedItem, type KindArgs, type Observation, type RiskKind } from "./types";
import { usdtPrices, valueOf } from "./valuation";

/** Credited deposit states (seed 001: 1 credited, 2 succeeded). */
export const CREDITED_DEPOSIT_STATES = [1, 2];
/** How late a deposit may reach the database and still be looked at in its window. */
export const LATE_MS = 24 * 60 * 60_000;

export interface CreditedDeposit {
  id: string;
  ccy: string;
  amount: string;
  state: number;
  at: Date;
  /** In USDT; null when the currency has no price. */
  value: Decimal | null;
}

/** The customer's credited deposits with from <= time <= to, oldest first, valued in USDT. */
export async function creditedDeposits(db: Db | DbTx, brandId: string, customerId: string, from: Date, to: Date): Promise<CreditedDeposit[]> {
  // Through the customer's sub-accounts (subaccount.customer_id), then each one's deposits by time (deposit (subaccount_id, exchange_ts)).
  const rows = await db.$queryRaw<{ id: string; ccy: string; amount: string; state: number; at: Date }[]>`
    SELECT d.id::text, d.ccy, d.amount::text, d.state::int AS state, d.exchange_ts AS at
    FROM subaccount s JOIN deposit d ON d.subaccount_id = s.id
    WHERE s.brand_id = ${brandId}::uuid AND s.customer_id = ${customerId}::uuid AND d.brand_id = ${brandId}::uuid
      AND d.state = ANY(${CREDITED_DEPOSIT_STATES}::smallint[]) AND d.exchange_ts >= ${from} AND d.exchange_ts <= ${to}
    ORDER BY d.exchange_ts, d.id`;
  if (!rows.length) return [];
  const prices = await usdtPrices(db, brandId, customerId, rows.map((r) => r.ccy), to);
  return rows.map((r) => ({ ...r, value: valueOf(prices, r.ccy, { toFixed: () => r.amount }) }));
}

export const depositItem = (d: CreditedDeposit): CountedItem => ({ type: "deposit", id: d.id, value: d.value?.toFixed() ?? "", at: d.at.toISOString(), state: String(d.state) });

/** The brand's customers with a credited deposit since `since` (and the late ones before it): deposit (brand_id, state, exchange_ts). */
export async function depositingCustomers(db: Db | DbTx, brandId: string, since: Date): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT s.customer_id::text AS id
    FROM deposit d JOIN subaccount s ON s.id = d.subaccount_id
    WHERE d.brand_id = ${brandId}::uuid AND d.state = ANY(${CREDITED_DEPOSIT_STATES}::smallint[]) AND d.exchange_ts >= ${new Date(since.getTime() - LATE_MS)}
      AND s.brand_id = ${brandId}::uuid AND s.customer_id IS NOT NULL`;
  return rows.map((r) => r.id);
}

/** Every tumbling window overlapping [at - LATE_MS, at], with the customer's credited deposits in it. */
async function depositWindows(db: Db | DbTx, { brandId, customerId, windowMinutes, at }: KindArgs) {
  const first = windowOf(new Date(at.getTime() - LATE_MS), windowMinutes);
  const deposits = await creditedDeposits(db, brandId, customerId, first.start, at);
  const windows = new Map<string, { w: ReturnType<typeof windowOf>; deposits: CreditedDeposit[] }>();
  for (const d of deposits) {
    const w = windowOf(d.at, windowMinutes);
    const entry = windows.get(w.key) ?? { w, deposits: [] };
    entry.deposits.push(d);
    windows.set(w.key, entry);
  }
  return [...windows.values()];
}

export const depositCount: RiskKind = {
  key: "deposit_count",
  async breaches(db, args) {
    const found: Observation[] = [];
    for (const { w, deposits } of await depositWindows(db, args)) {
      const observed = new Decimal(deposits.length);
      if (observed.gt(args.threshold)) found.push({ windowKey: w.key, observed, windowStart: w.start, windowEnd: w.end, items: deposits.map(depositItem) });
    }
    return found;
  },
  activeCustomers: depositingCustomers,
};

export const depositAmount: RiskKind = {
  key: "deposit_amount",
  async breaches(db, args) {
    const found: Observation[] = [];
    for (const { w, deposits } of await depositWindows(db, args)) {
      const valued = deposits.filter((d) => d.value !== null);
      const observed = valued.reduce((sum, d) => sum.plus(d.value!), new Decimal(0));
      if (observed.gt(args.threshold)) found.push({ windowKey: w.key, observed, windowStart: w.start, windowEnd: w.end, items: valued.map(depositItem) });
    }
    return found;
  },
  activeCustomers: depositingCustomers,
};
