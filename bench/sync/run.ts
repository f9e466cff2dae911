/**
 * Sync benchmark: a full sub-account sync (sub-account list + fee rates) and a full deposit-history sync
 * of one brand, through the real services (server/subaccounts/sync.ts, server/deposits/sync.ts) and the
 * real client with Redis-shared rate limits, against the in-process simulator with its documented limits
 * on, into a fresh database. Every page costs one request and every endpoint allows only so many per
 * window, so a sync can be no faster than its request count at the limit: the figure of merit is each
 * endpoint's achieved request rate as a share of its limit. Target: ≥ 90 % on every endpoint and no 50011.
 *
 * Measured twice: one sync after the other, then (for a second brand, from scratch) both at once — they
 * use different endpoints and so different buckets, and the worker runs them as separate queues, each
 * with its own Worker, so a scheduled run of both overlaps like this.
 *
 *   npm run bench:sync [-- --subaccounts 5000] [-- --deposits 50000] [-- --no-concurrent]
 *
 * Uses its own database, brokerdesk_bench_sync (BENCH_SYNC_DATABASE_URL overrides), dropped and migrated
 * at every run. Writes the "## Sync" section of bench/RESULTS.md. About 9 minutes with the defaults: the
 * paced requests alone take 2 × 49 s for the sub-accounts and 199 s for the deposits, per phase.
 */
import "../../server/load-env";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { databaseName, databaseUrlNamed } from "../../scripts/lib/database-url";
import { migrateDeploy } from "../../scripts/lib/databases";
import { DEFAULT_REDIS_URL } from "../../server/env-defaults";
import { ENDPOINTS, type EndpointDef } from "../../server/exchange/okx/endpoints";
import type { OkxCallLog, OkxLogger } from "../../server/exchange/okx/logger";
import { createSimulator } from "../../server/exchange/sim/server";
import { RESULTS_FILE, arg, recreateBenchDatabase, writeResultsSection } from "../lib";

const SECTION = "## Sync";
const TARGET = 0.9;
const FEE_TYPES = 9;

const SUBACCOUNTS = Number(arg("subaccounts") ?? 5_000);
const DEPOSITS = Number(arg("deposits") ?? 50_000);
const CONCURRENT = !process.argv.includes("--no-concurrent");
const SEED = 20_261_121;

const BENCH_URL = process.env.BENCH_SYNC_DATABASE_URL || databaseUrlNamed("brokerdesk_bench_sync");
const REDIS_URL = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
// The app's modules read DATABASE_URL when first imported (below, dynamically): point them at the bench.
process.env.DATABASE_URL = BENCH_URL;

/** The three endpoints a full sync uses, in the order the tables show them. */
const MEASURED = [ENDPOINTS.subaccountInfo, ENDPOINTS.subaccountTradeFee, ENDPOINTS.depositHistory] as EndpointDef[];
const perSec = (d: EndpointDef) => (d.limit.count * 1000) / d.limit.windowMs;

// ── The database ────────────────────────────────────────────────────────────────────────────────


// ── Measuring ───────────────────────────────────────────────────────────────────────────────────

/** Every attempt the client made, as the client logged it, with the time it was sent. */
interface Call {
  endpoint: string;
  sentAt: number;
  outcome: OkxCallLog["outcome"];
  code: string | null;
}

function recordingLogger(calls: Call[]): OkxLogger {
  return {
    call: (line) => calls.push({ endpoint: line.endpoint, sentAt: Date.now() - line.latencyMs, outcome: line.outcome, code: line.code }),
    warn: (message, fields) => console.warn(`[okx] ${message} ${JSON.stringify(fields ?? {})}`),
  };
}

/**
 * Sustained rate of one endpoint: requests sent after its first window (an idle bucket lets `count` go at
 * once, which would overstate a short pass), as (n − 1) over the time from the first of them to the last —
 * the same measure as bench/exchange. Null with fewer than two such requests.
 */
function sustained(sentAt: number[], windowMs: number): number | null {
  const sorted = [...sentAt].sort((a, b) => a - b);
  const steady = sorted.filter((t) => t >= sorted[0] + windowMs);
  if (steady.length < 2) return null;
  return ((steady.length - 1) * 1000) / (steady[steady.length - 1] - steady[0]);
}

interface EndpointRow {
  phase: string;
  def: EndpointDef;
  /** Requests the simulator counted, and how many it answered 50011. */
  requests: number;
  rateLimited: number;
  /** Attempts the client logged that failed (any reason). */
  failedAttempts: number;
  /** Pages the services reported for this endpoint. */
  pages: number;
  achievedPerSec: number | null;
}

interface SyncRow {
  phase: string;
  sync: string;
  rows: string;
  rowCount: number;
  durationMs: number;
}

interface Phase {
  name: string;
  wallMs: number;
  endpoints: EndpointRow[];
  syncs: SyncRow[];
}

async function simStats(url: string): Promise<Record<string, { requests: number; rateLimited: number }>> {
  const body = (await (await fetch(`${url}/sim/admin/stats`)).json()) as { endpoints: Record<string, { requests: number; rateLimited: number }> };
  return body.endpoints;
}

const simAdmin = (url: string, route: string, body: unknown = {}) => fetch(`${url}/sim/admin/${route}`, { method: "POST", body: JSON.stringify(body) });

// ── Report ──────────────────────────────────────────────────────────────────────────────────────

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString("en") : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const share = (r: EndpointRow) => (r.achievedPerSec === null ? null : r.achievedPerSec / perSec(r.def));
const endpointOk = (r: EndpointRow) => r.rateLimited === 0 && (share(r) ?? 1) >= TARGET;

function section(phases: Phase[], pgVersion: string, command: string, loadAtStart: string): string {
  const cpus = os.cpus();
  const rows = phases.flatMap((p) => p.endpoints);
  const syncs = phases.flatMap((p) => p.syncs);
  const sequential = phases.find((p) => p.name === "sequential");
  const concurrent = phases.find((p) => p.name === "concurrent");
  const lines = [
    SECTION,
    "",
    `- Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}, PostgreSQL ${pgVersion}, Redis at ${REDIS_URL}; load average ${loadAtStart} when the measurements started`,
    `- Date: ${new Date().toISOString()}`,
    `- Command: \`${command}\``,
    `- Data: the in-process simulator seeded (seed ${SEED}) with ${SUBACCOUNTS.toLocaleString("en")} sub-accounts (${(SUBACCOUNTS * FEE_TYPES).toLocaleString("en")} fee rates) and ${DEPOSITS.toLocaleString("en")} deposits over 180 days, its documented rate limits on; a fresh, migrated \`${databaseName(BENCH_URL)}\` database; the client's rate-limit buckets in Redis.`,
    "- What: for a new brand (no credentials, so brand-client sends it to the simulator), `syncSubaccounts` (sub-account list then fee rates, 100 per page, one after the other) and `syncDeposits` (whole history, 100 per page, cursor from 0) with their production settings. \"sequential\" runs one sync after the other; \"concurrent\" runs both at once for a second brand, from scratch. \"achieved/s\" is each endpoint's sustained request rate after its first window (as in bench/exchange), \"% of limit\" that rate over the documented limit; \"requests\" and \"50011\" are the simulator's own counts, \"pages\" the services'. Target: ≥ 90 % of the limit on every endpoint, zero 50011.",
    "",
    "| phase | endpoint | limit | limit/s | requests | pages | achieved/s | % of limit | 50011 | failed attempts | target |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map((r) => {
      const s = share(r);
      return `| ${r.phase} | ${r.def.method} ${r.def.path.replace("/api/v5/", "")} (\`${r.def.id}\`) | ${r.def.limit.count} / ${r.def.limit.windowMs / 1000} s | ${fmt(perSec(r.def))} | ${r.requests.toLocaleString("en")} | ${r.pages.toLocaleString("en")} | ${r.achievedPerSec === null ? "–" : fmt(r.achievedPerSec)} | ${s === null ? "–" : `${(s * 100).toFixed(1)} %`} | ${r.rateLimited} | ${r.failedAttempts} | ${endpointOk(r) ? "✓" : "✗"} |`;
    }),
    "",
    "| phase | sync | rows | duration s | rows/s |",
    "|---|---|---|---|---|",
    ...syncs.map((s) => `| ${s.phase} | ${s.sync} | ${s.rows} | ${(s.durationMs / 1000).toFixed(1)} | ${fmt((s.rowCount * 1000) / s.durationMs)} |`),
    "",
  ];
  if (sequential) {
    const slower = concurrent ? [...concurrent.syncs].sort((a, b) => b.durationMs - a.durationMs)[0].sync : "";
    lines.push(
      `Sequential: both syncs in ${(sequential.wallMs / 1000).toFixed(1)} s.${concurrent ? ` Concurrent: both in ${(concurrent.wallMs / 1000).toFixed(1)} s (${((100 * concurrent.wallMs) / sequential.wallMs).toFixed(0)} % of the sequential time): the endpoints have separate limits, so the slower sync (${slower}) alone sets the pace.` : ""}`,
    );
  }
  lines.push(
    "",
    "How the job runs them: `subaccount-sync` and `deposit-sync` are separate queues, each with its own Worker in the worker process (jobs/runtime.ts), so their scheduled runs overlap as in \"concurrent\". Within `syncSubaccounts` the fee-rate pass follows the sub-account pass (it stores rates only for sub-accounts already stored), so that sync takes about two paced passes. The client keeps a margin of max(40 ms, 3 % of the window) on every window (server/exchange/okx/rate-limiter.ts), which is what separates the achieved rate from 100 %.",
    "",
    rows.every(endpointOk) ? "All endpoints met the target." : "Some endpoints missed the target (✗).",
    "",
  );
  return lines.join("\n");
}


// ── The run ─────────────────────────────────────────────────────────────────────────────────────

async function main() {
  const log = (line: string) => console.log(`[bench:sync] ${line}`);
  const command = `npm run bench:sync${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;

  log(`recreating ${databaseName(BENCH_URL)} …`);
  const pgVersion = await recreateBenchDatabase(BENCH_URL);
  migrateDeploy(BENCH_URL);

  log(`starting the simulator with ${SUBACCOUNTS} sub-accounts and ${DEPOSITS} deposits …`);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "okx-bench-sync-"));
  const sim = await createSimulator({ port: 0, dataDir, subaccounts: SUBACCOUNTS, deposits: DEPOSITS, seed: SEED, log: () => {} });
  // Buckets under a prefix of this run's own: no other process shares them.
  const keyPrefix = `bench:sync:${process.pid}:${Date.now()}:`;
  const redis = new Redis(REDIS_URL, { keyPrefix, maxRetriesPerRequest: 1 });

  const { db } = await import("../../server/db/client");
  const { syncSubaccounts } = await import("../../server/subaccounts/sync");
  const { syncDeposits } = await import("../../server/deposits/sync");

  const phases: Phase[] = [];
  try {
    const runPhase = async (name: string, together: boolean): Promise<Phase> => {
      await simAdmin(sim.url, "reset-stats");
      await simAdmin(sim.url, "rate-limits", { reset: true });
      const brand = await db.brand.create({ data: { slug: `bench-sync-${name}`, name: `Bench sync (${name})`, brokerCode: `BS${name.slice(0, 3).toUpperCase()}` } });
      const calls: Call[] = [];
      const clientOptions = { endpoints: { simulatorUrl: sim.url }, redis, logger: recordingLogger(calls) };
      const subaccounts = () => syncSubaccounts(brand.id, { db, clientOptions });
      const deposits = () => syncDeposits(brand.id, { db, clientOptions });

      log(`${name}: ${together ? "both syncs at once" : "sub-account sync, then deposit sync"} …`);
      const started = Date.now();
      let subs: Awaited<ReturnType<typeof subaccounts>>;
      let deps: Awaited<ReturnType<typeof deposits>>;
      if (together) [subs, deps] = await Promise.all([subaccounts(), deposits()]);
      else {
        subs = await subaccounts();
        log(`${name}: sub-accounts done in ${(subs.durationMs / 1000).toFixed(1)} s`);
        deps = await deposits();
      }
      const wallMs = Date.now() - started;
      log(`${name}: deposits done in ${(deps.durationMs / 1000).toFixed(1)} s; wall ${(wallMs / 1000).toFixed(1)} s`);

      // The mirror is complete: every sub-account, fee rate and deposit is stored once.
      const [subRows, feeRows, depositRows] = await Promise.all([
        db.subaccount.count({ where: { brandId: brand.id } }),
        db.subaccountFeeRate.count({ where: { brandId: brand.id } }),
        db.deposit.count({ where: { brandId: brand.id } }),
      ]);
      const problems: string[] = [];
      if (subRows !== SUBACCOUNTS) problems.push(`${subRows} sub-accounts stored, expected ${SUBACCOUNTS}`);
      if (feeRows !== SUBACCOUNTS * FEE_TYPES) problems.push(`${feeRows} fee rates stored, expected ${SUBACCOUNTS * FEE_TYPES}`);
      if (depositRows !== DEPOSITS) problems.push(`${depositRows} deposits stored, expected ${DEPOSITS}`);
      if (problems.length) throw new Error(`${name}: ${problems.join("; ")}`);

      const stats = await simStats(sim.url);
      const pages: Record<string, number> = {
        subaccountInfo: subs.pages,
        subaccountTradeFee: Math.ceil(SUBACCOUNTS / 100),
        depositHistory: deps.pages,
      };
      const endpoints = MEASURED.map((def): EndpointRow => {
        const s = stats[`${def.method} ${def.path}`] ?? { requests: 0, rateLimited: 0 };
        const mine = calls.filter((c) => c.endpoint === def.id);
        return {
          phase: name,
          def,
          requests: s.requests,
          rateLimited: s.rateLimited,
          failedAttempts: mine.filter((c) => c.outcome !== "ok").length,
          pages: pages[def.id],
          achievedPerSec: sustained(mine.map((c) => c.sentAt), def.limit.windowMs),
        };
      });
      for (const r of endpoints) {
        const s = share(r);
        log(`${name}: ${r.def.id.padEnd(18)} ${r.requests} requests (${r.pages} pages)  ${r.achievedPerSec?.toFixed(3) ?? "–"}/s of ${perSec(r.def)}/s = ${s === null ? "–" : (s * 100).toFixed(1)} %  50011 ${r.rateLimited}`);
      }
      return {
        name,
        wallMs,
        endpoints,
        syncs: [
          { phase: name, sync: "sub-accounts + fee rates", rows: `${SUBACCOUNTS.toLocaleString("en")} + ${(SUBACCOUNTS * FEE_TYPES).toLocaleString("en")}`, rowCount: SUBACCOUNTS, durationMs: subs.durationMs },
          { phase: name, sync: "deposit history", rows: DEPOSITS.toLocaleString("en"), rowCount: DEPOSITS, durationMs: deps.durationMs },
        ],
      };
    };

    const loadAtStart = os.loadavg().map((l) => l.toFixed(2)).join(" / ");
    phases.push(await runPhase("sequential", false));
    if (CONCURRENT) phases.push(await runPhase("concurrent", true));

    await writeResultsSection(SECTION, section(phases, pgVersion, command, loadAtStart));
    log(`wrote ${path.relative(process.cwd(), RESULTS_FILE)}`);
    const missed = phases.flatMap((p) => p.endpoints).filter((r) => !endpointOk(r));
    if (missed.length) {
      log(`below target or rate-limited: ${missed.map((r) => `${r.phase} ${r.def.id}`).join(", ")}`);
      process.exitCode = 1;
    }
  } finally {
    const raw = new Redis(REDIS_URL);
    const keys = await raw.keys(`${keyPrefix}*`);
    if (keys.length) await raw.del(...keys);
    raw.disconnect();
    redis.disconnect();
    await db.$disconnect();
    await sim.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
