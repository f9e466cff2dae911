/**
 * Runs first in every integration test file: DATABASE_URL → the test database and OKX_SIM_URL → the run's
 * simulator (before anything reads server/env.ts), and the file's database connections closed when it is done.
 */
import { afterAll, inject } from "vitest";

process.env.DATABASE_URL = inject("integrationDatabaseUrl");
process.env.OKX_SIM_URL = inject("integrationSimulatorUrl");

afterAll(async () => {
  const { db } = await import("@/server/db/client");
  await db.$disconnect();
});
