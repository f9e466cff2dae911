/**
 * Recreates the database named by DATABASE_URL (must be a *_test or *_e2e database), applies every
 * migration and, with --seed, loads the demo data. Used before the e2e web server starts.
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/brokerdesk_e2e tsx scripts/db-recreate.ts --seed
 */
import "../server/load-env";
import { databaseName, prepareDatabase } from "./lib/databases";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to the *_test / *_e2e database to recreate");
  const seed = process.argv.includes("--seed");
  const started = Date.now();
  await prepareDatabase(url, { seed });
  console.log(`database ${databaseName(url)}: recreated, migrated${seed ? ", seeded" : ""} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
