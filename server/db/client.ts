/**
 * The application's Prisma client (TypeScript query compiler over node-postgres, no native engine).
 * One instance per process; Next's dev server reloads modules, so it is kept on globalThis there.
 */
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "../env";
import { Prisma, PrismaClient } from "./generated/client";
import { retryReadsOnce } from "./retry-reads";
import { serialisedTransactions } from "./serialised-transactions";

/** The client every process uses (exported for tests that point one at another address). */
export function createDbClient(connectionString = env.DATABASE_URL, options: { readRetryDelayMs?: number } = {}) {
  const adapter = new PrismaPg({ connectionString, max: 10 });
  return new PrismaClient({ adapter: retryReadsOnce(serialisedTransactions(adapter), options.readRetryDelayMs) });
}

const globalForDb = globalThis as unknown as { brokerdeskDb?: PrismaClient };
export const db: PrismaClient = globalForDb.brokerdeskDb ?? createDbClient();
if (env.NODE_ENV !== "production") globalForDb.brokerdeskDb = db;

export type Db = PrismaClient;
/** A client or an interactive transaction: what services accept. */
export type DbTx = Prisma.TransactionClient;
export { Prisma };
