/**
 * The risk bench's data, in brokerdesk_risk_bench (BENCH_RISK_DATABASE_URL overrides), recreated and
 * migrated on each run: one brand with a brand-wide withdrawal_single limit (threshold 1,000 USDT, action
 * alert), and customers with a sub-account each. Withdrawals are written per phase (`withdrawalsFor`) and
 * removed after it, so the 2-minute sweep never meets a phase's breaches before its requests do.
 */
import pg from "pg";
import { databaseUrlNamed } from "../../scripts/lib/database-url";
import { prepareDatabase } from "../../scripts/lib/databases";

export const BENCH_URL = process.env.BENCH_RISK_DATABASE_URL || databaseUrlNamed("brokerdesk_risk_bench");
export const THRESHOLD = "1000";

export interface RiskBenchData {
  brandId: string;
  limitId: string;
  customers: string[];
}

/** A fresh database with the brand, its limit and `customers` customers (sub-account each). */
export async function seed(pool: pg.Pool, customers: number, action: string): Promise<RiskBenchData> {
  await prepareDatabase(BENCH_URL);
  const brandId = (await pool.query<{ id: string }>(`INSERT INTO brand (id, slug, name, broker_code, updated_at) VALUES (gen_random_uuid(), 'risk-bench', 'Risk Bench', 'RB', now()) RETURNING id`)).rows[0]!.id;
  const limitId = (
    await pool.query<{ id: string }>(
      `INSERT INTO risk_limit (id, brand_id, scope, kind, threshold, window_minutes, severity, actions, updated_at)
       VALUES (gen_random_uuid(), $1, 'brand', 'withdrawal_single', $2, 1440, 'high', ARRAY[$3], now()) RETURNING id`,
      [brandId, THRESHOLD, action],
    )
  ).rows[0]!.id;
  await pool.query(
    `INSERT INTO customer (id, brand_id, name, email, country, registration_source, updated_at)
     SELECT gen_random_uuid(), $1, 'Bench customer ' || i, 'bench' || i || '@risk.bench', 'SG', 'web', now() FROM generate_series(1, $2) i`,
    [brandId, customers],
  );
  await pool.query(
    `INSERT INTO subaccount (id, brand_id, customer_id, sub_acct, uid, account_level, enabled, can_transfer_out, exchange_created_at, last_synced_at, updated_at)
     SELECT gen_random_uuid(), c.brand_id, c.id, 'riskbench' || row_number() OVER (ORDER BY c.id), (row_number() OVER (ORDER BY c.id))::text, 1, true, true, now(), now(), now()
     FROM customer c WHERE c.brand_id = $1`,
    [brandId],
  );
  // A real trading account each, for lock_transfer_out to lock.
  await pool.query(`INSERT INTO trading_account (id, brand_id, customer_id, type, currency, updated_at) SELECT gen_random_uuid(), brand_id, id, 'spot', 'USDT', now() FROM customer WHERE brand_id = $1`, [brandId]);
  await pool.query(`ANALYZE`);
  const ids = (await pool.query<{ id: string }>(`SELECT id::text FROM customer WHERE brand_id = $1 ORDER BY id`, [brandId])).rows.map((r) => r.id);
  return { brandId, limitId, customers: ids };
}

/**
 * One withdrawal per customer, created a minute ago: 1,500 USDT (over the limit) for every `breachEvery`-th
 * customer, 100 for the others. Returns the breaching customers.
 */
export async function withdrawalsFor(pool: pg.Pool, brandId: string, customers: string[], breachEvery: number): Promise<Set<string>> {
  const breaching = new Set(customers.filter((_, i) => i % breachEvery === 0));
  await pool.query(
    `INSERT INTO withdrawal (id, brand_id, customer_id, subaccount_id, ccy, chain, amount, value_usdt, address, state, client_id, created_at, updated_at)
     SELECT gen_random_uuid(), s.brand_id, s.customer_id, s.id, 'USDT', 'USDT-TRC20', v.value, v.value, 'TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9', 'completed',
            replace(gen_random_uuid()::text, '-', ''), now() - interval '1 minute', now()
     FROM unnest($2::uuid[], $3::numeric[]) AS v(customer_id, value) JOIN subaccount s ON s.customer_id = v.customer_id AND s.brand_id = $1`,
    [brandId, customers, customers.map((c) => (breaching.has(c) ? "1500" : "100"))],
  );
  return breaching;
}

/** Removes the phase's withdrawals (and their events), so a later sweep has nothing to find. */
export async function clearPhase(pool: pg.Pool, brandId: string) {
  await pool.query(`DELETE FROM withdrawal WHERE brand_id = $1`, [brandId]);
}
