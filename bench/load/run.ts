/**
 * Load benchmark of the production server (`node scripts/serve.mjs`, both cores) on the demo data:
 *  1. a mixed read mix — what a browser asks for while staff work through the dashboard, the customers list
 *     and detail, the KYC queue and deposits: a few full page loads (HTML), client-side navigations (the
 *     page's RSC payload, as a <Link> fetches it) and the tables' tRPC reads — at an evenly spaced RATE for
 *     SECONDS (target: 200 req/s for 2 minutes with p95 ≤ 100 ms and no errors);
 *  2. the customer list's saturation rate through the app, against a bare server answering the same rows
 *     from the same two SQL statements (bare-server.ts), measured in the same run: the ratio is the cost
 *     of everything the app adds (session, tRPC, superjson, Prisma).
 *
 *   npm run bench:load [-- --rate 200] [-- --seconds 120] [-- --worker] [-- --rebuild] [-- --profile] [-- --per-target]
 *
 * --worker starts the job worker (jobs/worker.ts: every queue, its schedules and start-up runs, so the
 * exchange syncs run during the load) against a simulator of its own on port 3312.
 *
 * --per-target measures each request of the mix alone at saturation instead, and the mix rate those allow.
 *
 * Database brokerdesk_load_bench (BENCH_DATABASE_URL overrides): made, migrated and seeded with the demo
 * data when missing (or with --rebuild). Builds the app when sources changed. --profile writes CPU
 * profiles of the web processes to var/profiles/. Writes the "## Load" section of bench/RESULTS.md.
 */
import "../../server/load-env";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { databaseName, databaseUrlNamed } from "../../scripts/lib/database-url";
import { prepareDatabase } from "../../scripts/lib/databases";
import { arg, writeResultsSection } from "../lib";
import { closedLoop, get, openLoop, summarise, type LoadOptions, type Target } from "./generator";

const RATE = Number(arg("rate") ?? 200);
/** --worker: the job worker runs all its queues and schedules meanwhile, against a simulator of its own. */
const WITH_WORKER = process.argv.includes("--worker");
const SIM_PORT = 3312;
const SECONDS = Number(arg("seconds") ?? 120);
const TARGET_P95_MS = 100;
const SATURATION_SECONDS = 15;
const SATURATION_CONCURRENCY = 16;
const PORT = 3310;
const BARE_PORT = 3311;
const ROOT = path.resolve(__dirname, "../..");
const BENCH_URL = process.env.BENCH_DATABASE_URL || databaseUrlNamed("brokerdesk_load_bench");
process.env.DATABASE_URL = BENCH_URL;
const log = (line: string) => console.log(`[bench:load] ${line}`);

async function databaseReady(): Promise<boolean> {
  const admin = new URL(BENCH_URL);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return (await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [databaseName(BENCH_URL)])).rowCount === 1;
  } finally {
    await client.end();
  }
}

function start(command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  child.on("exit", (code, signal) => code && log(`${command} ${args.join(" ")} exited (${code ?? signal})`));
  return child;
}

async function waitFor(url: string, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await fetch(url).then((r) => r.status < 500, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

const stop = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", () => resolve()), child.kill("SIGTERM"))));

const trpc = (procedure: string, input: unknown) => `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

async function main() {
  if (process.argv.includes("--rebuild") || !(await databaseReady())) {
    log(`preparing ${databaseName(BENCH_URL)} (migrate + demo data) …`);
    await prepareDatabase(BENCH_URL, { seed: true });
  }
  log("building the app when sources changed …");
  const build = spawnSync("bash", ["-c", "source scripts/lib/common.sh && build_if_stale"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) throw new Error("next build failed");

  const { db } = await import("../../server/db/client");
  const { env } = await import("../../server/env");
  const { createSession } = await import("../../server/auth/sessions");
  const { encode } = await import("next-auth/jwt");
  const { ZCustomerListInput } = await import("../../lib/customers/schemas");
  const { customerWhere, customerPageSql, customerCountSql, totalCapFor } = await import("../../server/customers/list-query");

  // A signed-in support member of the first demo brand: a real session row and the cookie next-auth issues.
  const user = await db.staffUser.findUniqueOrThrow({ where: { email: "support@aurora.demo" } });
  const brandId = user.brandId!;
  const session = await createSession(db, user.id, { ip: "127.0.0.1", userAgent: "bench/load" });
  const token = await encode({ token: { sub: user.id, email: user.email, name: user.name, sid: session.id }, secret: env.NEXTAUTH_SECRET });
  const options: LoadOptions = { origin: `http://127.0.0.1:${PORT}`, headers: { cookie: `next-auth.session-token=${token}` } };
  const customer = await db.customer.findFirstOrThrow({ where: { brandId }, orderBy: { registeredAt: "desc" } });

  const listInput = { page: 1, pageSize: 20 };
  // A navigation fetches the page's RSC payload (`rsc: 1`, `?_rsc`) instead of HTML; the whole tree is
  // rendered (no router-state header), which is more than a real navigation below the shared layout costs.
  const navigation = { rsc: "1" };
  const targets: Target[] = [
    { name: "page / (HTML)", path: "/", weight: 1 },
    { name: "page /customers (HTML)", path: "/customers", weight: 1 },
    { name: "nav / (RSC)", path: "/?_rsc", weight: 1, headers: navigation },
    { name: "nav /customers (RSC)", path: "/customers?_rsc", weight: 2, headers: navigation },
    { name: "nav /customers/[id] (RSC)", path: `/customers/${customer.id}?_rsc`, weight: 1, headers: navigation },
    { name: "nav /kyc (RSC)", path: "/kyc?_rsc", weight: 1, headers: navigation },
    { name: "customer.list", path: trpc("customer.list", listInput), weight: 5 },
    { name: "customer.get", path: trpc("customer.get", { id: customer.id }), weight: 3 },
    { name: "kyc.queue", path: trpc("kyc.queue", { page: 1, pageSize: 20 }), weight: 3 },
    { name: "deposit.list", path: trpc("deposit.list", { page: 1, pageSize: 20 }), weight: 3 },
  ];

  // The floor: the list's own two statements for page 1, built by the same functions as the service.
  const parsed = ZCustomerListInput.parse(listInput);
  const where = customerWhere(brandId, parsed);
  const page = customerPageSql(where, { sort: parsed.sort ?? "registeredAt", dir: parsed.dir }, { offset: 0, limit: parsed.pageSize + 1 });
  const count = customerCountSql(where, totalCapFor(parsed));
  const statements = JSON.stringify({ page: { text: page.text, values: page.values }, count: { text: count.text, values: count.values } });

  const profileDir = path.join(ROOT, "var/profiles");
  const serverEnv = {
    PORT: String(PORT),
    DATABASE_URL: BENCH_URL,
    NODE_ENV: "production",
    WEB_CONCURRENCY: "2",
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET,
    ENCRYPTION_KEY: env.ENCRYPTION_KEY,
    NEXTAUTH_URL: options.origin,
    ALLOW_DEV_SECRETS: "1",
  };
  // Cluster workers inherit the primary's flags (NODE_OPTIONS may not carry --cpu-prof).
  const profile = process.argv.includes("--profile") ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const app = start("node", [...profile, "scripts/serve.mjs"], serverEnv);
  const background: ChildProcess[] = [];
  if (WITH_WORKER) {
    const tsx = path.join(ROOT, "node_modules/.bin/tsx");
    const simDir = await mkdtemp(path.join(os.tmpdir(), "bench-load-sim-"));
    background.push(start(tsx, ["--conditions=react-server", "server/exchange/sim/main.ts"], { OKX_SIM_PORT: String(SIM_PORT), OKX_SIM_DATA_DIR: simDir }));
    await waitFor(`http://127.0.0.1:${SIM_PORT}/`);
    background.push(start(tsx, ["--conditions=react-server", "jobs/worker.ts"], { DATABASE_URL: BENCH_URL, OKX_SIM_URL: `http://127.0.0.1:${SIM_PORT}`, JOBS_PREFIX: `bench-load-${Date.now()}` }));
  }
  const bare = start(path.join(ROOT, "node_modules/.bin/tsx"), ["bench/load/bare-server.ts"], { PORT: String(BARE_PORT), DATABASE_URL: BENCH_URL, WEB_CONCURRENCY: "2", BARE_STATEMENTS: statements });
  try {
    await waitFor(`${options.origin}/login`);
    await waitFor(`http://127.0.0.1:${BARE_PORT}/customers`);
    for (const target of targets) {
      const { status } = await get(options, target.path, target.headers);
      if (status !== 200) throw new Error(`${target.name} answered ${status}: the benchmark would measure refusals`);
    }
    log("warming up (20 s at 50 req/s) …");
    await openLoop(options, targets, 50, 20_000);
    if (process.argv.includes("--per-target")) {
      // Where the capacity goes: each request alone at saturation, and the mix's rate those costs allow.
      let costMs = 0;
      const weights = targets.reduce((n, t) => n + (t.weight ?? 1), 0);
      for (const target of targets) {
        const r = await closedLoop({ ...options, headers: { ...options.headers, ...target.headers } }, target.path, 8, 8_000);
        costMs += ((target.weight ?? 1) / weights) * (1000 / r.perSecond);
        log(`${target.name.padEnd(28)} ${r.perSecond.toFixed(0).padStart(5)} req/s alone (${r.failed} failed)`);
      }
      log(`the mix at these costs: ${(1000 / costMs).toFixed(0)} req/s`);
      return;
    }

    const load = os.loadavg().map((n) => n.toFixed(2)).join(" / ");
    log(`mixed reads: ${RATE} req/s for ${SECONDS} s …`);
    const outcomes = await openLoop(options, targets, RATE, SECONDS * 1000);
    const rows = summarise(outcomes);

    log("saturation: customer.list through the app, then the bare server …");
    const listPath = targets.find((t) => t.name === "customer.list")!.path;
    const viaApp = await closedLoop(options, listPath, SATURATION_CONCURRENCY, SATURATION_SECONDS * 1000);
    const viaBare = await closedLoop({ origin: `http://127.0.0.1:${BARE_PORT}`, headers: {} }, "/customers", SATURATION_CONCURRENCY, SATURATION_SECONDS * 1000);

    const all = rows[0];
    const pass = all.errors === 0 && all.p95 <= TARGET_P95_MS;
    const ms = (n: number) => n.toFixed(1);
    const text = [
      "## Load (mixed reads, production server)",
      "",
      `Command: \`npm run bench:load -- --rate ${RATE} --seconds ${SECONDS}${WITH_WORKER ? " --worker" : ""}\` · ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC · ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"} · load average at start ${load} · Node ${process.version}`,
      "",
      `- What: \`node scripts/serve.mjs\` (2 web processes) on the demo data (\`${databaseName(BENCH_URL)}\`), signed in as support@aurora.demo. The mix is what a browser asks for while staff work: full page loads (HTML), client-side navigations (the page's RSC payload, whole tree) and the tables' tRPC reads, in the shares below. Requests go out at evenly spaced instants (${RATE}/s, one every ${ms(1000 / RATE)} ms) for ${SECONDS} s after a 20 s warm-up at 50/s; latency counts from the instant each request was due, so queueing is included. The generator runs on the same 2 cores${WITH_WORKER ? ", and so does the job worker (every queue and schedule, its start-up syncs included) against a simulator of its own" : ""}.`,
      `- Target: p95 ≤ ${TARGET_P95_MS} ms and no errors at ${RATE} req/s → **${pass ? "met" : "missed"}** (p95 ${ms(all.p95)} ms, ${all.errors} errors of ${all.requests}).`,
      "",
      "| request | share | requests | errors | p50 ms | p95 ms | p99 ms | max ms | KB each |",
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
      ...rows.map((r) => {
        const weight = targets.find((t) => t.name === r.name)?.weight;
        const share = weight ? `${Math.round((100 * weight) / targets.reduce((n, t) => n + (t.weight ?? 1), 0))} %` : "100 %";
        return `| ${r.name} | ${share} | ${r.requests} | ${r.errors} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.kbPerRequest.toFixed(1)} |`;
      }),
      "",
      `- Saturation (${SATURATION_CONCURRENCY} requests in flight for ${SATURATION_SECONDS} s each): customer.list page 1 through the app **${viaApp.perSecond.toFixed(0)} req/s** (${viaApp.failed} failed); the bare server answering the same rows from the same two statements (plain \`http\` + \`pg\`, 2 processes, no session) **${viaBare.perSecond.toFixed(0)} req/s** — the app reaches **${((100 * viaApp.perSecond) / viaBare.perSecond).toFixed(0)} %** of the floor.`,
      "",
    ].join("\n");
    await writeResultsSection("## Load (mixed reads, production server)", text);
    console.log(text);
    if (!pass) process.exitCode = 1;
  } finally {
    await Promise.all([stop(app), stop(bare), ...background.map(stop)]);
    await db.staffSession.update({ where: { id: session.id }, data: { revokedAt: new Date() } });
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
