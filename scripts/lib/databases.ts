/**
 * Throwaway databases for the test suites (`brokerdesk_test`, `brokerdesk_e2e`) and benchmarks: derived from
 * DATABASE_URL (same host, role and options), dropped, recreated and migrated before a run.
 * Used by vitest's integration globalSetup and by scripts/db-recreate.ts (e2e web server).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { databaseName } from "./database-url";

export { databaseName, databaseUrlNamed } from "./database-url";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "node_modules", ".bin");
/** Only databases named like this may be dropped, so a mistyped URL can never wipe real data. */
const DISPOSABLE = /_(test|e2e|bench)(_[a-z0-9]+)?$/;

/** DROP ... WITH (FORCE) and CREATE, connected to the server's `postgres` database. */
export async function recreateDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  if (!DISPOSABLE.test(name)) throw new Error(`Refusing to drop "${name}": only *_test / *_e2e / *_bench databases are recreated`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const ident = `"${name.replace(/"/g, '""')}"`;
    await client.query(`DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${ident}`);
  } finally {
    await client.end();
  }
}

/** Runs a project CLI (prisma, tsx) against `url`; its output is shown only when it fails. */
function run(bin: string, args: string[], url: string) {
  const result = spawnSync(path.join(BIN, bin), args, {
    cwd: ROOT,
    // CHECKPOINT_DISABLE: no update check from the Prisma CLI (these machines are offline).
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`${bin} ${args.join(" ")} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

export const migrateDeploy = (url: string) => run("prisma", ["migrate", "deploy"], url);
export const seedDemo = (url: string) => run("tsx", ["--conditions=react-server", "prisma/seed.ts"], url);

/** A fresh, migrated (and optionally seeded) database at `url`. */
export async function prepareDatabase(url: string, options: { seed?: boolean } = {}): Promise<void> {
  await recreateDatabase(url);
  migrateDeploy(url);
  if (options.seed) seedDemo(url);
}
