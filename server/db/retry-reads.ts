/**
 * A PostgreSQL restart refuses connections for a fraction of a second and ends every open one. A read
 * that meets it is safe to send again, so a plain read outside a transaction — a statement that is only a
 * SELECT — is retried once after a short pause when its connection failed. Writes are never retried (an
 * INSERT whose answer was lost may have committed), nor is anything inside a transaction (its connection,
 * and so the transaction, is gone). What still fails is answered "try again" (server/trpc.ts, app/error.tsx).
 */
import "server-only";

import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery } from "@prisma/driver-adapter-utils";
import { isConnectionError } from "./connection-errors";
import { overriding } from "./overriding";

/** Longer than a local restart's refusal window (~0.2 s), short enough that a reader barely notices. */
export const READ_RETRY_DELAY_MS = 400;

/** Only a statement that cannot change anything: SELECT, or WITH … SELECT with no data-modifying CTE. */
export const isPlainRead = (sql: string) => /^\s*(select|with)\b/i.test(sql) && !/\b(insert|update|delete|merge)\b|\bfor\s+(update|share|no key update|key share)\b/i.test(sql);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function withReadRetry(adapter: SqlDriverAdapter, delayMs: number): SqlDriverAdapter {
  const queryRaw = async (query: SqlQuery) => {
    try {
      return await adapter.queryRaw(query);
    } catch (error) {
      if (!isPlainRead(query.sql) || !isConnectionError(error)) throw error;
      await sleep(delayMs);
      return adapter.queryRaw(query);
    }
  };
  // Only the pool-level queryRaw is wrapped; startTransaction hands out transactions untouched.
  return overriding(adapter, { queryRaw });
}

export const retryReadsOnce = (factory: SqlDriverAdapterFactory, delayMs = READ_RETRY_DELAY_MS): SqlDriverAdapterFactory =>
  overriding(factory, { connect: async () => withReadRetry(await factory.connect(), delayMs) });
