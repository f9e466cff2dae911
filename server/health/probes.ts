/**
 * The two dependency checks every health answer starts from: PostgreSQL answers `SELECT 1` and Redis
 * answers PING, each within a short budget. A probe never throws; it reports up/down, the round trip and
 * (for the health page's platform view only) why it failed.
 */
import "server-only";
import type { Redis } from "ioredis";
import type { Db } from "../db/client";
import { producerReady } from "../queues/connection";

export const PROBE_TIMEOUT_MS = 1_000;

export interface Probe {
  up: boolean;
  /** Round trip of the check; null when it did not answer. */
  latencyMs: number | null;
  /** Why it is down (may name a host): shown to platform admins only. */
  error: string | null;
}

/** Rejects after `ms`: the check's own promise is left to settle (or fail) in the background. */
export async function within<T>(ms: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

async function probe(timeoutMs: number, check: () => Promise<unknown>): Promise<Probe> {
  const started = performance.now();
  try {
    await within(timeoutMs, check);
    return { up: true, latencyMs: Math.round((performance.now() - started) * 10) / 10, error: null };
  } catch (error) {
    return { up: false, latencyMs: null, error: error instanceof Error ? error.message.split("\n")[0]!.slice(0, 300) : String(error) };
  }
}

export const probePostgres = (db: Db, timeoutMs = PROBE_TIMEOUT_MS): Promise<Probe> => probe(timeoutMs, () => db.$queryRaw`SELECT 1`);

/**
 * PING on the shared fail-fast producer connection (server/queues/connection.ts), or on `redis` when given
 * (tests point one at a closed port).
 */
export const probeRedis = (timeoutMs = PROBE_TIMEOUT_MS, redis?: Redis): Promise<Probe> =>
  probe(timeoutMs, async () => {
    const connection = redis ?? (await producerReady(timeoutMs));
    const answer = await connection.ping();
    if (answer !== "PONG") throw new Error(`unexpected PING answer ${answer}`);
  });
