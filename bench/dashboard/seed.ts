/**
 * What the dashboard tiles read, beside bench/customers' million customers: KYC applications (a queue
 * past the tiles' cap), trading accounts and fund locks, campaigns and grants, sub-accounts and API keys,
 * staff (some locked out), a deposit-sync row and an audit chain. Generated once per data version; the
 * second brand gets a tenth as much, so every index holds rows the brand filter must leave out.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";

const DATA_VERSION = "dashboard data v1";

export const SIZES = { kyc: 150_000, accounts: 100_000, locks: 30_000, grants: 200_000, subaccounts: 20_000, keys: 40_000, staff: 40 };

const sized = (n: number, share: number) => Math.max(1, Math.round(n * share));

async function fill(client: pg.Client, brandId: string, share: number) {
  const q = (sql: string, params: unknown[] = []) => client.query(sql, [brandId, ...params]);
  // KYC: 97 % decided over the last year, 3 % waiting (submitted in the last 30 days): a queue past the cap.
  await q(
    `INSERT INTO kyc_application (id, brand_id, customer_id, level, scenario, status, country, applicant, submitted_at, decided_at, updated_at)
     SELECT gen_random_uuid(), $1, c.id, 1 + (c.rn % 3), 'open_trading_account',
       (CASE WHEN r < 0.03 THEN (ARRAY['submitted','submitted','in_review','pending_second_approval','more_info_requested'])[1 + (c.rn % 5)]
             WHEN r < 0.85 THEN 'approved' ELSE 'rejected' END)::"KycStatus",
       c.country, '{}'::jsonb,
       CASE WHEN r < 0.03 THEN now() - random() * interval '30 days' ELSE now() - random() * interval '365 days' END,
       CASE WHEN r < 0.03 THEN NULL ELSE now() - random() * interval '365 days' END, now()
     FROM (SELECT id, country, row_number() OVER () AS rn, random() AS r FROM customer WHERE brand_id = $1 LIMIT $2) c`,
    [sized(SIZES.kyc, share)],
  );
  await q(
    `INSERT INTO trading_account (id, brand_id, customer_id, type, currency, updated_at)
     SELECT gen_random_uuid(), $1, id, 'spot', 'USDT', now() FROM customer WHERE brand_id = $1 LIMIT $2`,
    [sized(SIZES.accounts, share)],
  );
  // Locks: a fifth still active (half of those with an expiry in the next 30 days), the rest ended.
  await q(
    `INSERT INTO fund_lock (id, brand_id, trading_account_id, direction, reason, created_at, expires_at, ended_at, end_reason)
     SELECT gen_random_uuid(), $1, a.id, 'transfer_out', 'bench', now() - random() * interval '300 days',
       CASE WHEN r < 0.1 THEN now() + random() * interval '30 days' END,
       CASE WHEN r >= 0.2 THEN now() - random() * interval '200 days' END,
       CASE WHEN r >= 0.2 THEN 'released' END
     FROM (SELECT id, random() AS r FROM trading_account WHERE brand_id = $1 LIMIT $2) a`,
    [sized(SIZES.locks, share)],
  );
  const campaigns: string[] = [];
  for (let i = 0; i < 30; i++) {
    const id = randomUUID();
    campaigns.push(id);
    await q(
      `INSERT INTO bonus_campaign (id, brand_id, name, type, amount_rule, fixed_amount, currency, budget, granted, status, starts_at, updated_at)
       VALUES ($2, $1, $3, 'manual', 'fixed', 10, 'USDT', 1000000, $4, $5::"BonusCampaignStatus", now() - interval '90 days', now())`,
      [id, `Bench campaign ${i}`, 10_000 * i, i < 10 ? "active" : "ended"],
    );
  }
  // Grants: expiring from half a year ago to two months ahead; 1 % waiting for approval.
  await q(
    `INSERT INTO bonus_grant (id, brand_id, campaign_id, customer_id, trading_account_id, amount, currency, withdrawable, remaining, status,
                              idempotency_key, expires_at, created_at, updated_at)
     SELECT gen_random_uuid(), $1, ($3::uuid[])[1 + (a.rn % 30)::int], a.customer_id, a.id, 10, 'USDT', false,
       CASE WHEN r < 0.7 THEN 10 - floor(random() * 10) ELSE 0 END,
       (CASE WHEN r < 0.01 THEN 'pending_approval' WHEN r < 0.7 THEN 'applied' ELSE 'closed' END)::"BonusGrantStatus",
       'bench-' || a.rn || '-' || g, now() - interval '180 days' + random() * interval '240 days', now() - random() * interval '200 days', now()
     FROM (SELECT id, customer_id, row_number() OVER () AS rn FROM trading_account WHERE brand_id = $1) a
     CROSS JOIN generate_series(1, 2) g
     CROSS JOIN LATERAL (SELECT random() AS r) x
     LIMIT $2`,
    [sized(SIZES.grants, share), campaigns],
  );
  await q(
    `INSERT INTO subaccount (id, brand_id, sub_acct, uid, account_level, enabled, can_transfer_out, exchange_created_at, last_synced_at, updated_at)
     SELECT gen_random_uuid(), $1::uuid, 'bench' || substr($1::uuid::text, 1, 4) || i, i::text, 1, true, true, now(), now() - random() * interval '20 minutes', now()
     FROM generate_series(1, $2) i`,
    [sized(SIZES.subaccounts, share)],
  );
  // Keys: 5 % trade or withdraw with no IP binding.
  await q(
    `INSERT INTO subaccount_api_key (id, brand_id, subaccount_id, api_key, label, perms, ips, exchange_created_at, updated_at)
     SELECT gen_random_uuid(), $1, s.id, gen_random_uuid()::text, 'key ' || g, ARRAY['read_only', 'trade'],
       CASE WHEN random() < 0.05 THEN '{}'::text[] ELSE ARRAY['10.0.0.1'] END, now(), now()
     FROM (SELECT id FROM subaccount WHERE brand_id = $1) s CROSS JOIN generate_series(1, 2) g LIMIT $2`,
    [sized(SIZES.keys, share)],
  );
  await q(
    `INSERT INTO staff_user (id, brand_id, email, name, role, password_hash, locked_until, updated_at)
     SELECT gen_random_uuid(), $1::uuid, 'bench-' || i || '-' || $1::uuid::text || '@bench.test', 'Bench ' || i,
       (ARRAY['admin','operations','compliance','marketing','support'])[1 + i % 5]::"StaffRole", 'x',
       CASE WHEN i % 13 = 0 THEN now() + interval '1 day' END, now()
     FROM generate_series(1, $2) i`,
    [SIZES.staff],
  );
  await q(`INSERT INTO deposit_sync_state (brand_id, last_completed_at, updated_at) VALUES ($1, now() - interval '10 minutes', now()) ON CONFLICT DO NOTHING`);
}

/** Fills both bench brands unless this data version is already there; returns whether it generated. */
export async function prepareDashboardData(url: string, brands: { main: string; other: string }, log: (line: string) => void): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const marker = await client.query(`SELECT 1 FROM bonus_campaign WHERE brand_id = $1 AND description = $2`, [brands.main, DATA_VERSION]);
    if (marker.rowCount) return false;
    log("generating the dashboard's data …");
    const started = Date.now();
    for (const table of ["bonus_grant", "bonus_campaign", "fund_lock", "trading_account", "kyc_application", "subaccount_api_key", "subaccount", "deposit_sync_state"]) {
      await client.query(`DELETE FROM ${table} WHERE brand_id = ANY($1::uuid[])`, [[brands.main, brands.other]]);
    }
    await client.query(`DELETE FROM staff_user WHERE email LIKE 'bench-%@bench.test'`);
    await client.query("SELECT setseed(0.1313)");
    await fill(client, brands.main, 1);
    await fill(client, brands.other, 0.1);
    await client.query(`UPDATE bonus_campaign SET description = $2 WHERE brand_id = $1 AND name = 'Bench campaign 0'`, [brands.main, DATA_VERSION]);
    await client.query("VACUUM (ANALYZE)");
    log(`  generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return true;
  } finally {
    await client.end();
  }
}
