/**
 * Exchange-accounts benchmark, two parts:
 *
 * 1. Refresh: balances, positions and open orders of N sub-accounts (default 5,000), each read with ITS OWN
 *    API key through the real sync (server/exchange-accounts/sync.ts, kinds balances + positions + orders)
 *    and client, Redis-shared rate limits, against the simulator (its own process) with its documented per-user
 *    limits on. Reported: sub-accounts per second, requests per second, and the simulator's 50011 count.
 *    Target: ≥ 100 sub-accounts/s on 2 cores with zero 50011. Floor, same run: the same requests sent
 *    signed but bare (createOkxClient, no database), so the sync's own cost shows against the exchange's.
 * 2. The brand-wide positions page (`listPositions`, largest exposure first) over M positions (default
 *    50,000): p95 of the service against the same SQL sent raw. Target: p95 ≤ 50 ms.
 *
 *   npm run bench:exchange-accounts [-- --subaccounts 5000] [-- --positions 50000] [-- --concurrency 16]
 *
 * Setup (not timed): the simulator generates the sub-accounts; Brokerdesk syncs them, creates one read-only
 * key per sub-account through the broker endpoint (the simulator's limits off while it does) and stores its
 * secret encrypted, as the API-key service does. Own database brokerdesk_bench_exacct
 * (BENCH_EXACCT_DATABASE_URL overrides), dropped and migrated at every run. Writes "## Exchange accounts".
 */
import "../../server/load-env";
import { BENCH_URL } from "./bench-env";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import pg from "pg";
import { databaseName } from "../../scripts/lib/database-url";
import { migrateDeploy } from "../../scripts/lib/databases";
import { DEFAULT_REDIS_URL } from "../../server/env-defaults";
import { RESULTS_FILE, arg, recreateBenchDatabase, writeResultsSection } from "../lib";
import { seedPositions, setUpKeys, startSimProcess } from "./setup";
import { pageCases, type PageCase } from "./page";

const SECTION = "## Exchange accounts";
const SUBACCOUNTS = Number(arg("subaccounts") ?? 5_000);
const POSITIONS = Number(arg("positions") ?? 50_000);
/** Syncs in flight: each holds a pooled connection (10) for its write transaction, so more only queue for one. */
const CONCURRENCY = Number(arg("concurrency") ?? 16);
const SEED = 20_261_207;
const TARGET_RATE = 100;
const TARGET_P95 = 50;

const REDIS_URL = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;

const log = (line: string) => console.log(`[bench:exchange-accounts] ${line}`);

/** Runs `work` over `items`, `concurrency` at a time. */
async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

interface Stats {
  requests: number;
  rateLimited: number;
}

async function simStats(url: string): Promise<Stats> {
  return (await (await fetch(`${url}/sim/admin/stats`)).json()) as Stats;
}
const simAdmin = (url: string, route: string, body: unknown = {}) => fetch(`${url}/sim/admin/${route}`, { method: "POST", body: JSON.stringify(body) });

interface Refresh {
  name: string;
  wallMs: number;
  subaccounts: number;
  requests: number;
  rateLimited: number;
  failed: number;
}

const rate = (r: Refresh) => (r.subaccounts * 1000) / r.wallMs;

function section(refreshes: Refresh[], pages: PageCase[], pgVersion: string, command: string, load: string): string {
  const cpus = os.cpus();
  const sync = refreshes.find((r) => r.name === "sync")!;
  const refreshOk = rate(sync) >= TARGET_RATE && sync.rateLimited === 0 && sync.failed === 0;
  const pagesOk = pages.every((p) => p.service.p95 <= TARGET_P95);
  return [
    SECTION,
    "",
    `- Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, PostgreSQL ${pgVersion}, Redis at ${REDIS_URL}; load average ${load} at the start`,
    `- Date: ${new Date().toISOString()}`,
    `- Command: \`${command}\``,
    `- Data: the simulator in its own process (seed ${SEED}) with ${SUBACCOUNTS.toLocaleString("en")} sub-accounts and its generated trading activity, documented limits on; one read-only key per sub-account, created through the broker endpoint and stored encrypted; a fresh \`${databaseName(BENCH_URL)}\` database.`,
    `- Refresh: \`syncExchangeAccount\` with kinds balances, positions and open orders for every sub-account, ${CONCURRENCY} at a time, each signed with its own key (its own per-user buckets, in Redis); 50011 and requests are the simulator's counts. Floor: the same four requests per sub-account (account/balance, asset/balances, account/positions, trade/orders-pending; not the price read the syncs share) signed and sent by bare clients, no database.`,
    "",
    "| run | sub-accounts | wall s | sub-accounts/s | requests | requests/s | 50011 | failed | target |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ...refreshes.map((r) => `| ${r.name} | ${r.subaccounts.toLocaleString("en")} | ${(r.wallMs / 1000).toFixed(1)} | ${rate(r).toFixed(1)} | ${r.requests.toLocaleString("en")} | ${((r.requests * 1000) / r.wallMs).toFixed(0)} | ${r.rateLimited} | ${r.failed} | ${r.name === "sync" ? (refreshOk ? "✓" : "✗") : "floor"} |`),
    "",
    `- Positions page: \`listPositions\` (server/exchange-accounts/lists.ts; page and count through Prisma) with an operations context over ${POSITIONS.toLocaleString("en")} positions of one brand (a second brand holds as many), against the same two statements sent raw through \`pg\`; 200 timed runs each after 20 warm-up. Target: service p95 ≤ ${TARGET_P95} ms.`,
    "",
    "| case | service p50 ms | service p95 ms | raw p50 ms | raw p95 ms | target |",
    "|---|---:|---:|---:|---:|---|",
    ...pages.map((p) => `| ${p.name} | ${p.service.p50.toFixed(1)} | ${p.service.p95.toFixed(1)} | ${p.raw.p50.toFixed(1)} | ${p.raw.p95.toFixed(1)} | ${p.service.p95 <= TARGET_P95 ? "✓" : "✗"} |`),
    "",
    refreshOk && pagesOk ? "Both targets met." : "A target was missed (✗).",
    "",
  ].join("\n");
}

async function main() {
  const command = `npm run bench:exchange-accounts${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  log(`recreating ${databaseName(BENCH_URL)} …`);
  const pgVersion = await recreateBenchDatabase(BENCH_URL);
  migrateDeploy(BENCH_URL);

  const dataDir = await mkdtemp(path.join(os.tmpdir(), "okx-bench-exacct-"));
  const sim = await startSimProcess({ OKX_SIM_DATA_DIR: dataDir, OKX_SIM_SUBACCOUNTS: String(SUBACCOUNTS), OKX_SIM_DEPOSITS: "0", OKX_SIM_SEED: String(SEED), OKX_SIM_RATE_LIMITS: "on" });
  const keyPrefix = `bench:exacct:${process.pid}:${Date.now()}:`;
  const redis = new Redis(REDIS_URL, { keyPrefix, maxRetriesPerRequest: 1 });
  const raw = new pg.Pool({ connectionString: BENCH_URL, max: 4 });
  const { db } = await import("../../server/db/client");
  const dbName = (await db.$queryRaw<{ name: string }[]>`SELECT current_database()::text AS name`)[0].name;
  if (dbName !== databaseName(BENCH_URL)) throw new Error(`the app's client reached ${dbName}, not ${databaseName(BENCH_URL)}: refusing to write there`);
  const { syncExchangeAccount } = await import("../../server/exchange-accounts/sync");

  try {
    const brand = await db.brand.create({ data: { slug: "bench-exacct", name: "Bench exchange accounts", brokerCode: "BEXA" } });
    const clientOptions = { endpoints: { simulatorUrl: sim.url }, redis };
    log(`setting up ${SUBACCOUNTS} sub-accounts with a key each …`);
    const keyed = await setUpKeys(db, sim.url, brand.id, clientOptions, (line) => log(line));

    const refreshes: Refresh[] = [];
    const load = os.loadavg().map((l) => l.toFixed(2)).join(" / ");
    const measure = async (name: string, run: () => Promise<number>) => {
      await simAdmin(sim.url, "rate-limits", { enabled: true, reset: true });
      await simAdmin(sim.url, "reset-stats");
      const started = Date.now();
      const failed = await run();
      const wallMs = Date.now() - started;
      const stats = await simStats(sim.url);
      const r: Refresh = { name, wallMs, subaccounts: keyed.length, requests: stats.requests, rateLimited: stats.rateLimited, failed };
      log(`${name}: ${keyed.length} sub-accounts in ${(wallMs / 1000).toFixed(1)} s = ${rate(r).toFixed(1)}/s; ${r.requests} requests; 50011 ${r.rateLimited}; failed ${failed}`);
      refreshes.push(r);
    };

    const { bareRefresh } = await import("./setup");
    await measure("floor (bare signed requests)", () => bareRefresh(keyed, sim.url, redis, CONCURRENCY));
    await measure("sync", async () => {
      let failed = 0;
      await pool(keyed, CONCURRENCY, async (k) => {
        const s = await syncExchangeAccount(brand.id, k.subaccountId, { db, clientOptions, kinds: ["balances", "positions", "orders"] }, "schedule").catch((e: unknown) => {
          log(`sync failed: ${e instanceof Error ? e.message : String(e)}`);
          return null;
        });
        if (s?.outcome !== "synced") failed++;
      });
      return failed;
    });

    log(`seeding ${POSITIONS} positions …`);
    const pageBrand = await seedPositions(raw, POSITIONS);
    const { listPositions } = await import("../../server/exchange-accounts/lists");
    const ctx = {
      db,
      actor: { type: "staff" as const, id: randomUUID(), email: "bench@brokerdesk.bench", name: "Benchmark", role: "operations" as const, brandId: pageBrand, sessionId: "" },
      tenantId: pageBrand,
      request: { ip: null, userAgent: "bench/exchange-accounts" },
    };
    const pages = await pageCases(ctx, raw, listPositions, (line) => log(line));

    await writeResultsSection(SECTION, section(refreshes, pages, pgVersion, command, load));
    log(`wrote ${path.relative(process.cwd(), RESULTS_FILE)}`);
    const sync = refreshes.find((r) => r.name === "sync")!;
    if (rate(sync) < TARGET_RATE || sync.rateLimited > 0 || pages.some((p) => p.service.p95 > TARGET_P95)) process.exitCode = 1;
  } finally {
    const plain = new Redis(REDIS_URL);
    const keys = await plain.keys(`${keyPrefix}*`);
    if (keys.length) await plain.del(...keys);
    plain.disconnect();
    redis.disconnect();
    await raw.end();
    await db.$disconnect();
    await sim.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
