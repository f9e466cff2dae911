/**
 * The benchmark's untimed setup (sub-accounts with one stored key each; positions for the page) and its
 * floor: the refresh's exchange requests sent by bare signed clients, with no database behind them.
 */
import type { Redis } from "ioredis";
import type pg from "pg";
import { encryptSecret } from "../../server/crypto/secrets";
import type { Db } from "../../server/db/client";
import type { BrandClientOptions } from "../../server/exchange/brand-client";
import { createOkxClient } from "../../server/exchange/okx";

export interface KeyedSubaccount {
  subaccountId: string;
  subAcct: string;
  apiKey: string;
  secretKey: string;
  passphrase: string;
}

const PASSPHRASE = "Bench#2026pass";
/** Setup only: the simulator's limits are off meanwhile, so the client need not pace these. */
const SETUP_LIMITS = { subaccountInfo: { count: 10_000, windowMs: 1000 }, createApiKey: { count: 10_000, windowMs: 1000 } };

async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i], i);
    }
  }));
}

/** Syncs the brand's sub-accounts, creates one read-only key for each on the exchange and stores it encrypted. */
export async function setUpKeys(db: Db, simUrl: string, brandId: string, clientOptions: BrandClientOptions, log: (line: string) => void): Promise<KeyedSubaccount[]> {
  await fetch(`${simUrl}/sim/admin/rate-limits`, { method: "POST", body: JSON.stringify({ enabled: false, reset: true }) });
  const options = { ...clientOptions, limits: SETUP_LIMITS };
  const { syncSubaccounts } = await import("../../server/subaccounts/sync");
  const { exchangeClientForBrand } = await import("../../server/exchange/brand-client");
  await syncSubaccounts(brandId, { db, feeRates: false, clientOptions: options });
  const subs = await db.subaccount.findMany({ where: { brandId }, select: { id: true, subAcct: true }, orderBy: { subAcct: "asc" } });
  log(`${subs.length} sub-accounts synced; creating keys …`);
  const client = await exchangeClientForBrand(db, brandId, options);
  const keyed: KeyedSubaccount[] = new Array(subs.length);
  await inParallel(subs, 32, async (s, i) => {
    const k = await client.createApiKey({ subAcct: s.subAcct, label: `bench${i}`, passphrase: PASSPHRASE, perm: ["read_only"] });
    keyed[i] = { subaccountId: s.id, subAcct: s.subAcct, apiKey: k.apiKey, secretKey: k.secretKey, passphrase: PASSPHRASE };
  });
  for (let i = 0; i < keyed.length; i += 1000) {
    await db.subaccountApiKey.createMany({
      data: keyed.slice(i, i + 1000).map((k, j) => ({
        brandId,
        subaccountId: k.subaccountId,
        apiKey: k.apiKey,
        label: `bench${i + j}`,
        perms: ["read_only"],
        ips: [],
        secretKeyEnc: encryptSecret(k.secretKey),
        passphraseEnc: encryptSecret(k.passphrase),
        exchangeCreatedAt: new Date(),
      })),
    });
  }
  return keyed;
}

/** The refresh's requests per sub-account, signed with its key and sent with nothing behind them; returns failures. */
export async function bareRefresh(keyed: readonly KeyedSubaccount[], simUrl: string, redis: Redis, concurrency: number): Promise<number> {
  let failed = 0;
  await inParallel(keyed, concurrency, async (k) => {
    const client = createOkxClient({ baseUrl: simUrl, mode: "demo", credentials: { apiKey: k.apiKey, secretKey: k.secretKey, passphrase: k.passphrase }, redis, logger: { call: () => {}, warn: () => {} } });
    try {
      await Promise.all([client.accountBalance({}), client.assetBalances({}), client.accountPositions({}), client.ordersPending({ limit: 100 })]);
    } catch {
      failed++;
    }
  });
  return failed;
}

const INSTRUMENTS = ["BTC-USDT-SWAP", "ETH-USDT-SWAP", "SOL-USDT-SWAP", "XRP-USDT-SWAP", "LTC-USDT-SWAP", "TON-USDT-SWAP"];

/** Two brands with `count` positions each over 1,000 customers' sub-accounts; returns the first brand's id. */
export async function seedPositions(raw: pg.Pool, count: number): Promise<string> {
  const brands: string[] = [];
  for (const slug of ["bench-positions-a", "bench-positions-b"]) {
    const { rows } = await raw.query<{ id: string }>(
      `INSERT INTO brand (id, slug, name, broker_code, updated_at) VALUES (gen_random_uuid(), $1, $1, upper(substr(md5($1), 1, 6)), now()) RETURNING id`,
      [slug],
    );
    const brandId = rows[0].id;
    brands.push(brandId);
    await raw.query(
      `INSERT INTO customer (id, brand_id, email, name, country, registration_source, updated_at)
       SELECT gen_random_uuid(), $1::uuid, 'c' || g || '.' || substr($1::text, 1, 8) || '@bench.example', 'Customer ' || g, 'SG', 'backoffice', now() FROM generate_series(1, 1000) g`,
      [brandId],
    );
    await raw.query(
      `INSERT INTO subaccount (id, brand_id, sub_acct, uid, account_level, enabled, can_transfer_out, exchange_created_at, customer_id, last_synced_at, updated_at)
       SELECT gen_random_uuid(), $1::uuid, 'bench' || lpad(n::text, 6, '0'), (900000 + n)::text, 2, true, true, now(), c.id, now(), now()
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM customer WHERE brand_id = $1::uuid) c`,
      [brandId],
    );
    await raw.query(
      `INSERT INTO exchange_position (id, brand_id, subaccount_id, pos_id, inst_type, inst_id, pos_side, mgn_mode, pos, avg_px, mark_px, upl,
         lever, exposure_usd, exchange_created_at, exchange_updated_at, synced_at)
       SELECT gen_random_uuid(), $1::uuid, s.id, (1000000 + g)::text, 'SWAP', ($3::text[])[1 + g % 6], CASE WHEN g % 3 = 0 THEN 'short' ELSE 'long' END, 'cross',
         (1 + g % 500)::numeric, 100 + g % 997, 101 + g % 991, ((g * 7919) % 20001 - 10000)::numeric / 100, '10',
         ((g::bigint * 104729) % 5000000)::numeric / 10, now() - (g || ' minutes')::interval, now(), now()
       FROM generate_series(1, $2::int) g
       JOIN LATERAL (SELECT id FROM subaccount WHERE brand_id = $1::uuid ORDER BY sub_acct OFFSET (g % 1000) LIMIT 1) s ON true`,
      [brandId, count, INSTRUMENTS],
    );
  }
  await raw.query("ANALYZE exchange_position; ANALYZE subaccount; ANALYZE customer");
  return brands[0];
}

/**
 * The simulator in a process of its own, as the exchange is in production: in-process it would take its
 * share of the one event loop that also runs the sync being measured.
 */
export async function startSimProcess(env: Record<string, string>): Promise<{ url: string; close: () => Promise<void> }> {
  const { spawn } = await import("node:child_process");
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "server/exchange/sim/main.ts"], {
    env: { ...process.env, OKX_SIM_HOST: "127.0.0.1", OKX_SIM_PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = "";
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(seen);
      if (m) resolve(m[1]);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`the simulator exited (${code}) before listening:\n${seen}`)));
  });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
