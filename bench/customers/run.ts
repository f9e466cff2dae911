/**
 * Customer-list benchmark: one million customers in a brand (and a second brand with 100,000 more, so
 * every query also has to leave another brand's rows out), then the list service timed against the same
 * statements sent through plain pg on the same database. Targets (issue #4): p95 under 50 ms and within
 * 2× of raw SQL, deep pages included; plus a 100,000-row CSV export through the real export path, with
 * its time and peak RSS.
 *
 *   npm run bench:customers [-- --runs 60] [-- --rebuild] [-- --customers 1000000]
 *
 * Uses its own database, brokerdesk_bench (BENCH_DATABASE_URL overrides): created and migrated when
 * missing, filled once (INSERT … SELECT generate_series, indexes built after the load) and reused while
 * its row counts match; --rebuild starts it again. Writes the "## Customer list" section of
 * bench/RESULTS.md.
 */
import "../../server/load-env";
import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { RESULTS_FILE, arg, writeResultsSection } from "../lib";
import { BENCH_URL, prepareData } from "./seed";

const SECTION = "## Customer list";

const RUNS = Number(arg("runs") ?? 60);
const WARMUP = 5;
const MAIN_ROWS = Number(arg("customers") ?? 1_000_000);
const OTHER_ROWS = Math.round(MAIN_ROWS / 10);
const REBUILD = process.argv.includes("--rebuild");
const EXPORT_ROWS = Math.min(100_000, MAIN_ROWS);
const DEEP_PAGE = 1_000;
const TARGET_MS = 50;
const TARGET_RATIO = 2;
/** 1, 5 and 15 minute load averages when measuring starts: other work on the machine shows up as noise. */
let LOAD_AT_START = "";

// The app's modules read DATABASE_URL when first imported (below, dynamically): point them at the bench.
process.env.DATABASE_URL = BENCH_URL;

// ── Measuring ───────────────────────────────────────────────────────────────────────────────────

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
};

async function timed(run: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await run();
  return performance.now() - t;
}

/** Service and raw alternately (so caches and noise hit both alike), WARMUP untimed rounds first. */
async function compare(service: () => Promise<unknown>, raw: () => Promise<unknown>) {
  const s: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const first = i % 2 === 0;
    const a = await timed(first ? service : raw);
    const b = await timed(first ? raw : service);
    if (i < WARMUP) continue;
    s.push(first ? a : b);
    r.push(first ? b : a);
  }
  return { service: s, raw: r };
}

interface Row {
  name: string;
  rows: number;
  total: string;
  service: number[];
  raw: number[];
  pageExec: number | null;
  countExec: number | null;
  indexes: string;
  plan: string;
  note?: string;
}

const ms = (n: number | null) => (n === null ? "–" : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const meets = (r: Row) => pct(r.service, 0.95) < TARGET_MS && pct(r.service, 0.95) <= TARGET_RATIO * pct(r.raw, 0.95);

async function main() {
  const log = (line: string) => console.log(line);
  const data = await prepareData({ mainRows: MAIN_ROWS, otherRows: OTHER_ROWS, rebuild: REBUILD }, log);
  LOAD_AT_START = os.loadavg().map((n) => n.toFixed(2)).join(" / ");

  const { db } = await import("../../server/db/client");
  const { listCustomers } = await import("../../server/customers/list");
  const { ZCustomerListInput } = await import("@/lib/customers/schemas");
  const { customerWhere, customerPageSql, customerCountSql, totalCapFor } = await import("../../server/customers/list-query");
  const { decodeCursor } = await import("../../server/customers/cursor");
  const { startExport } = await import("../../server/export/export");
  type ListInput = ReturnType<typeof ZCustomerListInput.parse>;
  type Sql = ReturnType<typeof customerCountSql>;

  const pool = new pg.Pool({ connectionString: BENCH_URL, max: 10 });
  const ctx = {
    db,
    actor: { type: "staff" as const, id: randomUUID(), email: "bench@brokerdesk.bench", name: "Benchmark", role: "operations" as const, brandId: data.main, sessionId: "" },
    tenantId: data.main,
    request: { ip: null, userAgent: "bench/customers" },
  };
  const rawQuery = (sql: Sql) => pool.query(sql.text, sql.values as unknown[]);

  async function explain(sql: Sql): Promise<{ exec: number; plan: string }> {
    const runs: { exec: number; plan: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const { rows } = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, sql.values as unknown[]);
      const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
      runs.push({ exec: Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN), plan });
    }
    return runs.sort((a, b) => a.exec - b.exec)[1];
  }
  /** The customer table's access paths in a plan (the group-name join left out). */
  const indexesIn = (plan: string) => {
    const names = [...plan.matchAll(/(?:using|Bitmap Index Scan on) (customer_\S+)/g)].map((m) => m[1]).filter((n) => !n.startsWith("customer_group"));
    const paths = [...new Set(names.map((n) => n.replace(/^customer_/, "").replace(/_idx$|_key$/, "")))];
    if (/Seq Scan on customer /.test(plan)) paths.push("seq scan");
    return paths.join(", ");
  };

  /** The statements listCustomers runs for this input, built by the same functions. */
  function statements(q: ListInput) {
    const o = { sort: q.sort ?? "registeredAt", dir: q.dir } as const;
    const where = customerWhere(data.main, q);
    const cursor = q.cursor ? decodeCursor(q.cursor, o) : null;
    const size = q.pageSize;
    const page = customerPageSql(where, o, cursor ? { edge: cursor, backwards: cursor.direction === "prev", limit: size + 1 } : { offset: (q.page - 1) * size, limit: size + 1 });
    return { page, count: customerCountSql(where, totalCapFor(q)) };
  }

  /** The input that loads page `n`, reached by following nextCursor from page 1 (as the UI does). */
  async function inputForPage(raw: Record<string, unknown>, n: number): Promise<ListInput> {
    let q = ZCustomerListInput.parse({ ...raw, page: 1 });
    let page = await listCustomers(ctx, q);
    for (let p = 2; p <= n; p++) {
      if (!page.nextCursor) throw new Error(`the list ends before page ${n}`);
      q = { ...q, page: p, cursor: page.nextCursor };
      page = await listCustomers(ctx, q);
    }
    return q;
  }

  // Values to search for, taken from the data.
  const sample = async (sql: string) => (await pool.query(sql, [data.main])).rows[0] as Record<string, string>;
  const mid = await sample(`SELECT uid::text, email, phone_country_code || phone AS phone FROM customer WHERE brand_id = $1 AND email IS NOT NULL AND phone IS NOT NULL ORDER BY uid OFFSET ${Math.floor(MAIN_ROWS / 2)} LIMIT 1`);
  const emailPrefix = mid.email.split("@")[0].replace(/\d+$/, (digits) => digits.slice(0, Math.max(2, digits.length - 2)));
  const otherOnly = (await pool.query(`SELECT email FROM customer WHERE brand_id = $1 AND email IS NOT NULL ORDER BY uid DESC LIMIT 1`, [data.other])).rows[0].email as string;

  const cases: { name: string; input: Record<string, unknown>; page?: number; note?: string }[] = [
    { name: "first page, default sort (newest first)", input: {} },
    { name: "filter: status active + KYC level 2", input: { status: "active", kycLevel: "2" } },
    { name: "filter: status frozen + KYC level 3 (rare)", input: { status: "frozen", kycLevel: "3" } },
    { name: "filter: country CN + group VIP", input: { country: "CN", group: "__VIP__" } },
    { name: "filter: tag api-trader", input: { tag: "api-trader" } },
    { name: `search: whole email (${mid.email})`, input: { q: mid.email } },
    { name: `search: email prefix "${emailPrefix}"`, input: { q: emailPrefix } },
    { name: `search: uid ${mid.uid}`, input: { q: mid.uid } },
    { name: `search: phone "${mid.phone.slice(0, 8)}" (+code, prefix)`, input: { q: mid.phone.slice(0, 8) } },
    { name: 'search: name fragment "schmid" (trigram, common)', input: { q: "schmid" } },
    { name: 'search: full name "Ngozi Okafor" (trigram, rare)', input: { q: "Ngozi Okafor" } },
    { name: 'search: Chinese name "王芳" (2 characters)', input: { q: "王芳" } },
    { name: 'search: two letters "li"', input: { q: "li" } },
    { name: 'search: email domain "@example.com"', input: { q: "@example.com" } },
    { name: 'search: phone digits "13800" (no code)', input: { q: "13800" } },
    { name: `search: phone "${mid.phone.slice(1)}" (code and number, no +)`, input: { q: mid.phone.slice(1) } },
    { name: `search: last four digits "${mid.phone.slice(-4)}"`, input: { q: mid.phone.slice(-4) } },
    { name: `search: another brand's email (0 rows expected)`, input: { q: otherOnly }, note: "scoping" },
    { name: `page ${DEEP_PAGE.toLocaleString("en")}, default sort (keyset via nextCursor)`, input: {}, page: DEEP_PAGE },
    { name: `page ${DEEP_PAGE.toLocaleString("en")}, status active + KYC 2 (keyset)`, input: { status: "active", kycLevel: "2" }, page: DEEP_PAGE },
    { name: "sort by name, first page", input: { sort: "name", dir: "asc" } },
    { name: `sort by name, page ${DEEP_PAGE.toLocaleString("en")} (keyset)`, input: { sort: "name", dir: "asc" }, page: DEEP_PAGE },
  ];
  const vip = (await pool.query(`SELECT id FROM customer_group WHERE brand_id = $1 AND name = 'VIP'`, [data.main])).rows[0].id as string;

  const results: Row[] = [];
  for (const c of cases) {
    const rawInput = Object.fromEntries(Object.entries(c.input).map(([k, v]) => [k, v === "__VIP__" ? vip : v]));
    const q = c.page ? await inputForPage(rawInput, c.page) : ZCustomerListInput.parse(rawInput);
    const { page, count } = statements(q);
    const result = await listCustomers(ctx, q);
    // Scoping: every row listed belongs to the bench brand.
    const ids = result.rows.map((r) => r.id);
    const foreign = (await pool.query(`SELECT count(*)::int AS n FROM customer WHERE id = ANY($1::uuid[]) AND brand_id <> $2`, [ids, data.main])).rows[0].n as number;
    if (foreign > 0) throw new Error(`${c.name}: ${foreign} rows of another brand listed`);
    const times = await compare(() => listCustomers(ctx, q), () => Promise.all([rawQuery(page), rawQuery(count)]));
    const [pagePlan, countPlan] = [await explain(page), await explain(count)];
    const row: Row = {
      name: c.name,
      rows: result.rows.length,
      total: result.totalIsExact ? result.total.toLocaleString("en") : `${result.total.toLocaleString("en")}+`,
      ...times,
      pageExec: pagePlan.exec,
      countExec: countPlan.exec,
      indexes: indexesIn(pagePlan.plan),
      plan: `-- page\n${pagePlan.plan}\n-- count\n${countPlan.plan}`,
      note: c.note,
    };
    if (c.page) {
      // The same page by OFFSET must hold the same rows in the same order.
      const offset = statements({ ...q, cursor: undefined });
      const { rows } = await rawQuery(offset.page);
      const same = JSON.stringify(rows.slice(0, q.pageSize).map((r: { id: string }) => r.id)) === JSON.stringify(ids);
      if (!same) throw new Error(`${c.name}: keyset page differs from the OFFSET page`);
    }
    results.push(row);
    log(`${row.name.padEnd(62)} service p50 ${ms(pct(row.service, 0.5)).padStart(6)} p95 ${ms(pct(row.service, 0.95)).padStart(6)} | raw p50 ${ms(pct(row.raw, 0.5)).padStart(6)} p95 ${ms(pct(row.raw, 0.95)).padStart(6)} | exec ${ms(row.pageExec)} + ${ms(row.countExec)} ms${meets(row) ? "" : "  MISSED"}`);
  }

  // References: the capped count on its own, and what OFFSET costs at page 1,000.
  const references: Row[] = [];
  for (const [name, input] of [
    ["capped count alone, no filter (10,001 rows read)", {}],
    ["capped count alone, status frozen + KYC 3", { status: "frozen", kycLevel: "3" }],
  ] as const) {
    const q = ZCustomerListInput.parse(input);
    const { count } = statements(q);
    const [{ n }] = await db.$queryRaw<{ n: number }[]>(count);
    const times = await compare(() => db.$queryRaw(count), () => rawQuery(count));
    const plan = await explain(count);
    references.push({ name: `${name} — Prisma $queryRaw vs pg`, rows: 1, total: n.toLocaleString("en"), ...times, pageExec: null, countExec: plan.exec, indexes: indexesIn(plan.plan), plan: plan.plan });
  }
  {
    const q = ZCustomerListInput.parse({ page: DEEP_PAGE });
    const { page } = statements(q);
    const raw: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const t = await timed(() => rawQuery(page));
      if (i >= WARMUP) raw.push(t);
    }
    const plan = await explain(page);
    references.push({ name: `page ${DEEP_PAGE.toLocaleString("en")} by OFFSET ${((DEEP_PAGE - 1) * q.pageSize).toLocaleString("en")} (what the cursor avoids) — raw only`, rows: q.pageSize, total: "", service: [], raw, pageExec: plan.exec, countExec: null, indexes: indexesIn(plan.plan), plan: plan.plan });
  }
  for (const r of references) log(`${r.name.padEnd(62)} ${r.service.length ? `service p95 ${ms(pct(r.service, 0.95))} | ` : ""}raw p95 ${ms(pct(r.raw, 0.95))} | exec ${ms(r.pageExec ?? r.countExec)} ms`);

  // Export: the newest EXPORT_ROWS customers through /api/export's own code path (permission, parse, audit, CSV stream).
  const from = (await pool.query(`SELECT registered_at FROM customer WHERE brand_id = $1 ORDER BY registered_at DESC, id DESC OFFSET $2 LIMIT 1`, [data.main, EXPORT_ROWS - 1])).rows[0].registered_at as Date;
  const rssBefore = process.memoryUsage.rss();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 10);
  const exportStarted = performance.now();
  const stream = await startExport(ctx, "customers", new URLSearchParams({ registeredFrom: from.toISOString() }));
  const reader = stream.getReader();
  let bytes = 0;
  let lines = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.length;
    for (const b of chunk.value) if (b === 10) lines++;
  }
  const exportSeconds = (performance.now() - exportStarted) / 1000;
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  const exported = lines - 1;
  log(`export: ${exported.toLocaleString("en")} rows, ${(bytes / 2 ** 20).toFixed(1)} MiB in ${exportSeconds.toFixed(2)} s; RSS ${(rssBefore / 2 ** 20).toFixed(0)} → peak ${(rssPeak / 2 ** 20).toFixed(0)} MiB`);
  if (exported !== EXPORT_ROWS) throw new Error(`export wrote ${exported} rows, expected ${EXPORT_ROWS}`);

  const info = await pool.query<{ version: string; shared_buffers: string; size: string }>(
    `SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS shared_buffers, pg_size_pretty(pg_total_relation_size('customer')) AS size`,
  );
  await writeResultsSection(SECTION, section(results, references, { exported, bytes, exportSeconds, rssBefore, rssPeak }, info.rows[0], data.generatedIn));
  log(`wrote ${path.relative(process.cwd(), RESULTS_FILE)}`);
  await pool.end();
  await db.$disconnect();
  if (results.some((r) => !meets(r))) process.exitCode = 1;
}

// ── Report ──────────────────────────────────────────────────────────────────────────────────────

interface ExportResult {
  exported: number;
  bytes: number;
  exportSeconds: number;
  rssBefore: number;
  rssPeak: number;
}

function section(rows: Row[], references: Row[], exp: ExportResult, pgInfo: { version: string; shared_buffers: string; size: string }, generatedIn: number | null): string {
  const cpus = os.cpus();
  const p = (r: Row, q: number, side: "service" | "raw") => (r[side].length ? ms(pct(r[side], q)) : "–");
  const ratio = (r: Row) => (r.service.length ? `${(pct(r.service, 0.95) / pct(r.raw, 0.95)).toFixed(2)}×` : "–");
  const line = (r: Row, verdict: string) =>
    `| ${r.name.replaceAll("|", "\\|")} | ${r.rows} | ${r.total} | ${p(r, 0.5, "service")} | ${p(r, 0.95, "service")} | ${p(r, 0.5, "raw")} | ${p(r, 0.95, "raw")} | ${ratio(r)} | ${ms(r.pageExec)} | ${ms(r.countExec)} | ${r.indexes} | ${verdict} |`;
  const missed = rows.filter((r) => !meets(r));
  return [
    SECTION,
    "",
    `- Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}, PostgreSQL ${pgInfo.version} (shared_buffers ${pgInfo.shared_buffers}, otherwise default settings); load average ${LOAD_AT_START} when the measurements started`,
    `- Date: ${new Date().toISOString()}`,
    `- Command: \`npm run bench:customers -- --runs ${RUNS}\`${generatedIn === null ? " (data from an earlier run, counts checked)" : ` (data generated in ${generatedIn.toFixed(0)} s)`}`,
    `- Data: ${MAIN_ROWS.toLocaleString("en")} customers in the measured brand and ${OTHER_ROWS.toLocaleString("en")} in a second brand (same name and email patterns, so every index holds rows the brand filter must leave out); table with indexes ${pgInfo.size}. 25 countries (18 % CN, half of those in Chinese script), 90/7/3 % active/frozen/closed, KYC 0–3 at 30/38/22/10 %, four groups and no group, 45 % with tags, registered over three years.`,
    `- What: each case calls \`listCustomers\` (server/customers/list.ts: page and capped count in parallel through Prisma) with an operations TenantContext, and sends the same two SQL statements (built by server/customers/list-query.ts, prepared outside the timing) through a plain \`pg.Pool\`; ${RUNS} timed runs each after ${WARMUP} warm-up, alternating which goes first. "exec" is PostgreSQL's own execution time from EXPLAIN ANALYZE (median of 3) for the page and the count statement. Deep pages are reached by following \`nextCursor\` from page 1 and checked to hold the same rows as the OFFSET page. Page size 20. Target: service p95 < ${TARGET_MS} ms and ≤ ${TARGET_RATIO}× raw p95.`,
    "",
    "| case | rows | total | service p50 ms | service p95 ms | raw p50 ms | raw p95 ms | p95 ratio | page exec ms | count exec ms | indexes (page) | target |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map((r) => line(r, meets(r) ? "✓" : "✗")),
    "",
    "References (not targets):",
    "",
    "| case | rows | total | service p50 ms | service p95 ms | raw p50 ms | raw p95 ms | p95 ratio | page exec ms | count exec ms | indexes | |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...references.map((r) => line(r, "")),
    "",
    `CSV export (\`startExport(ctx, "customers", …)\`: permission, filter parse, audit row, \`csvStream\` over \`iterateCustomers\` in keyset batches of 1,000): ${exp.exported.toLocaleString("en")} rows (the newest ${EXPORT_ROWS.toLocaleString("en")}, by a registered-from filter), ${(exp.bytes / 2 ** 20).toFixed(1)} MiB in ${exp.exportSeconds.toFixed(2)} s (${Math.round(exp.exported / exp.exportSeconds).toLocaleString("en")} rows/s); process RSS ${(exp.rssBefore / 2 ** 20).toFixed(0)} MiB before, peak ${(exp.rssPeak / 2 ** 20).toFixed(0)} MiB during the export.`,
    "",
    missed.length
      ? [`Missed targets: ${missed.map((r) => r.name).join("; ")}. Plans:`, "", ...missed.flatMap((r) => [`${r.name}:`, "", "```text", r.plan, "```", ""])].join("\n")
      : "All cases met the targets.",
    "",
  ].join("\n");
}


main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
