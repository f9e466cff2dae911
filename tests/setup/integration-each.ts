/**
 * Runs first in every integration test file: DATABASE_URL → the test database, OKX_SIM_URL → the run's
 * simulator and the shared exchange breakers off (before anything reads server/env.ts), and the file's
 * database connections closed when it is done.
 *
 * It also fails a test that sends a query on a connection still busy with another — what `Promise.all` over
 * one interactive transaction does. pg 8 only warns (once per process) and pg 9 refuses it, so the check
 * wraps `Client.query` and looks at the client's own queue, catching every occurrence.
 */
import pg from "pg";
import { afterAll, afterEach, inject } from "vitest";

process.env.DATABASE_URL = inject("integrationDatabaseUrl");
process.env.OKX_SIM_URL = inject("integrationSimulatorUrl");
// The fault tests inject 5xx on purpose, many per brand: the shared breakers would open and refuse their
// recovery runs. The breaker's own tests (exchange-breaker.int) give their clients one explicitly.
process.env.OKX_BREAKERS = "off";

afterAll(async () => {
  const { db } = await import("@/server/db/client");
  await db.$disconnect();
});

type QueueingClient = pg.Client & { _queryQueue?: unknown[]; _activeQuery?: unknown };
const concurrentQueries: string[] = [];
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: QueueingClient, ...args: unknown[]) {
  if (this._activeQuery || (this._queryQueue?.length ?? 0) > 0) concurrentQueries.push(`${String((args[0] as { text?: string })?.text ?? args[0]).slice(0, 300)}\n${new Error("query sent while another runs").stack ?? ""}`);
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

afterEach(() => {
  const found = concurrentQueries.splice(0);
  if (found.length) throw new Error(`${found.length} queries were sent on a connection busy with another (pg 9 refuses this):\n${found[0]}`);
});
