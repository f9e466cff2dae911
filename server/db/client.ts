/**
 * The application's Prisma client (TypeScript query compiler over node-postgres, no native engine).
 * One instance per process; Next's dev server reloads modules, so it is kept on globalThis there.
 */
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "../env";
import { Prisma, PrismaClient } from "./generated/client";
import { serialisedTransactions } from "./serialised-transactions";

function createClient() {
  return new PrismaClient({ adapter: serialisedTransactions(new PrismaPg({ connectionString: env.DATABASE_URL, max: 10 })) });
}

const globalForDb = globalThis as unknown as { brokerdeskDb?: PrismaClient };
export const db: PrismaClient = globalForDb.brokerdeskDb ?? createClient();
if (env.NODE_ENV !== "production") globalForDb.brokerdeskDb = db;

export type Db = PrismaClient;
/** A client or an interactive transaction: what services accept. */
export type DbTx = Prisma.TransactionClient;
export { Prisma };
