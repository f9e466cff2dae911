/**
 * Dashboard benchmark: the server time of each role's dashboard (every tile and chart loaded in parallel,
 * as the page does) in a brand of one million customers, against a floor measured in the same run: the
 * very SQL statements those tiles sent, replayed in parallel through a plain pg pool. Target: p95 ≤ 150 ms.
 *
 *   npm run bench:dashboard [-- --runs 60] [-- --rebuild]
 *
 * Reuses bench/customers' database and million customers (bench/customers/seed.ts) and adds what the
 * tiles read (bench/dashboard/seed.ts). Writes the "## Dashboard" section of bench/RESULTS.md.
 */
import "../../server/load-env";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { RESULTS_FILE, arg, writeResultsSection } from "../lib";
import { BENCH_URL, prepareData } from "../customers/seed";
import { prepareDashboardData, SIZES } from "./seed";

const SECTION = "## Dashboard";
const RUNS = Number(arg("runs") ?? 60);
const WARMUP = 5;
const MAIN_ROWS = 1_000_000;
const TARGET_MS = 150;
const ROLES = ["admin", "operations", "compliance", "marketing"] as const;
const AUDIT_ROWS = 250;

process.env.DATABASE_URL = BENCH_URL;

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
};
const ms = (n: number) => (n >= 10 ? n.toFixed(1) : n.toFixed(2));

async function timed(run: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await run();
  return performance.now() - t;
}

interface Result {
  role: string;
  tiles: string[];
  statements: number;
  service: number[];
  floor: number[];
  slowest: { id: string; ms: number }[];
}

async function main() {
  const log = (line: string) => console.log(line);
  const data = await prepareData({ mainRows: MAIN_ROWS, otherRows: MAIN_ROWS / 10, rebuild: process.argv.includes("--rebuild") }, log);
  const generated = await prepareDashboardData(BENCH_URL, data, log);

  const { db } = await import("../../server/db/client");
  const { recordAudit } = await import("../../server/audit/audit");
  const { systemActor } = await import("../../server/actor");
  const { loadDashboard, loadTile, visibleTiles, visibleCharts } = await import("../../server/dashboard/service");
  const { closeProducerConnection } = await import("../../server/queues/connection");

  // The audit tile re-checks the newest links of the brand's chain: give it a real chain to check.
  const links = await db.auditLog.count({ where: { chain: data.main } });
  for (let i = links; i < AUDIT_ROWS; i++) {
    await db.$transaction((tx) =>
      recordAudit(tx, { actor: systemActor("bench"), request: { ip: null, userAgent: null } }, { brandId: data.main, action: "bench.dashboard", entityType: "brand", entityId: data.main }),
    );
  }

  const pool = new pg.Pool({ connectionString: BENCH_URL, max: 10 });
  const staff = await pool.query<{ id: string; role: string; email: string; name: string }>(
    `SELECT DISTINCT ON (role) id, role::text, email, name FROM staff_user WHERE brand_id = $1 AND locked_until IS NULL ORDER BY role, email`,
    [data.main],
  );
  const loadAtStart = os.loadavg().map((n) => n.toFixed(2)).join(" / ");
  const results: Result[] = [];

  for (const role of ROLES) {
    const member = staff.rows.find((s) => s.role === role)!;
    // Every statement the tiles send goes through $queryRaw (server/dashboard/sql.ts tileQuery): record them.
    const recorded: { text: string; values: unknown[] }[] = [];
    let recording = false;
    const recordingDb = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== "$queryRaw") return Reflect.get(target, prop, receiver);
        return (sql: { text: string; values: unknown[] }) => {
          if (recording) recorded.push({ text: sql.text, values: sql.values });
          return target.$queryRaw(sql as never);
        };
      },
    });
    const ctx = {
      db: recordingDb,
      actor: { type: "staff" as const, id: member.id, email: member.email, name: member.name, role, brandId: data.main, sessionId: "" },
      tenantId: data.main,
      request: { ip: null, userAgent: "bench/dashboard" },
    };
    const tiles = visibleTiles(ctx);
    const ids = [...tiles.map((t) => t.id), ...visibleCharts(ctx).map((c) => `chart ${c.id}`)];

    recording = true;
    const first = await loadDashboard(ctx);
    recording = false;
    const failed = [...first.tiles, ...first.charts].filter((r) => !r.result.ok).map((r) => r.id);
    if (failed.length) throw new Error(`${role}: ${failed.join(", ")} failed`);
    const floorRun = () => Promise.all(recorded.map((s) => pool.query(s.text, s.values)));

    const service: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const serviceFirst = i % 2 === 0;
      const a = await timed(serviceFirst ? () => loadDashboard(ctx) : floorRun);
      const b = await timed(serviceFirst ? floorRun : () => loadDashboard(ctx));
      if (i < WARMUP) continue;
      service.push(serviceFirst ? a : b);
      floor.push(serviceFirst ? b : a);
    }
    // Each tile alone (one at a time, median of 5), for the table's "slowest tiles" column.
    const alone: { id: string; ms: number }[] = [];
    for (const t of tiles) {
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) runs.push(await timed(() => loadTile(ctx, t)));
      alone.push({ id: t.id, ms: pct(runs, 0.5) });
    }
    const slowest = alone.sort((x, y) => y.ms - x.ms).slice(0, 3);
    results.push({ role, tiles: ids, statements: recorded.length, service, floor, slowest });
    log(`${role.padEnd(11)} ${ids.length} items, ${recorded.length} SQL statements: service p50 ${ms(pct(service, 0.5))} p95 ${ms(pct(service, 0.95))} | floor p50 ${ms(pct(floor, 0.5))} p95 ${ms(pct(floor, 0.95))} ms`);
  }

  const info = await pool.query<{ version: string; shared_buffers: string }>(
    `SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS shared_buffers`,
  );
  await writeResultsSection(SECTION, section(results, info.rows[0], loadAtStart, generated));
  log(`wrote ${path.relative(process.cwd(), RESULTS_FILE)}`);
  await pool.end();
  await db.$disconnect();
  await closeProducerConnection();
  if (results.some((r) => pct(r.service, 0.95) > TARGET_MS)) process.exitCode = 1;
}

function section(results: Result[], pgInfo: { version: string; shared_buffers: string }, load: string, generated: boolean): string {
  const cpus = os.cpus();
  return [
    SECTION,
    "",
    `- Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, PostgreSQL ${pgInfo.version} (shared_buffers ${pgInfo.shared_buffers}); load average ${load} when measuring started (a shared machine: other work was running, so treat the numbers as an upper bound)`,
    `- Date: ${new Date().toISOString()}`,
    `- Command: \`npm run bench:dashboard -- --runs ${RUNS}\`${generated ? " (dashboard data generated in this run)" : " (data from an earlier run)"}`,
    `- Data: bench/customers' ${MAIN_ROWS.toLocaleString("en")} customers (7 % frozen) plus, in the measured brand, ${SIZES.kyc.toLocaleString("en")} KYC applications (3 % waiting: a queue past the 1,000 cap), ${SIZES.accounts.toLocaleString("en")} trading accounts, ${SIZES.locks.toLocaleString("en")} fund locks (a fifth active), 30 campaigns, ${SIZES.grants.toLocaleString("en")} bonus grants, ${SIZES.subaccounts.toLocaleString("en")} sub-accounts with ${SIZES.keys.toLocaleString("en")} API keys, ${SIZES.staff} staff and a ${AUDIT_ROWS}-link audit chain; a second brand with a tenth as much. The ledger is empty, so the bonus-credit chart reads no journals.`,
    `- What: "service" is \`loadDashboard(ctx)\` (server/dashboard/service.ts): every tile and chart of the role's board in parallel through Prisma, the work the page's server render waits for (rendering itself not included); the jobs tile reads Redis. "floor" is the same SQL statements, recorded from the tiles' own \`$queryRaw\` calls, sent in parallel through a plain \`pg.Pool\` (max 10, like the app's); tiles that read through Redis (failed jobs) or Prisma's query builder (the approvals inbox's count) are in "service" only. ${RUNS} timed runs per role after ${WARMUP} warm-up, alternating which goes first. Target: service p95 ≤ ${TARGET_MS} ms.`,
    "",
    "| role | tiles and charts | SQL statements | service p50 ms | service p95 ms | floor p50 ms | floor p95 ms | slowest tiles alone (p50 ms) | target |",
    "|---|---|---|---|---|---|---|---|---|",
    ...results.map(
      (r) =>
        `| ${r.role} | ${r.tiles.length} | ${r.statements} | ${ms(pct(r.service, 0.5))} | ${ms(pct(r.service, 0.95))} | ${ms(pct(r.floor, 0.5))} | ${ms(pct(r.floor, 0.95))} | ${r.slowest.map((s) => `${s.id} ${ms(s.ms)}`).join(", ")} | ${pct(r.service, 0.95) <= TARGET_MS ? "✓" : "✗"} |`,
    ),
    "",
  ].join("\n");
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
