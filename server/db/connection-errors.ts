/**
 * "The database could not be reached", told apart from every other failure: a refused or reset socket, a
 * connection the server closed (a restart terminates every backend with 57P01), a server that is starting
 * up or shutting down (57P03), and the same seen through Prisma (P1001, P1017). Used to retry a read once
 * (./retry-reads.ts) and to answer "try again" (503) instead of a 500 when the retry failed too.
 */
import "server-only";

/** Driver adapter kinds (@prisma/adapter-pg's convertDriverError) that mean the connection is gone. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
/** SQLSTATE class 08 (connection exception) and 57P01–57P03 (the server is going down or coming up). */
const SQLSTATE = /^(08\d{3}|57P0[123])$/;
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017"]);
/** pg's own messages for a socket that ended under it (no code attached). */
const PG_MESSAGES = /Connection terminated|Client has encountered a connection error|connection timeout|ECONNREFUSED|ECONNRESET/i;

type Inspectable = { name?: unknown; code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };

export function isConnectionError(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const e = error as Inspectable;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (e.kind === "postgres" && typeof e.code === "string" && SQLSTATE.test(e.code)) return true;
  if (typeof e.code === "string" && (PRISMA_CODES.has(e.code) || SQLSTATE.test(e.code) || e.code === "ECONNREFUSED" || e.code === "ECONNRESET")) return true;
  if (typeof e.message === "string" && PG_MESSAGES.test(e.message) && !("kind" in e)) return true;
  // Prisma keeps the adapter's error in meta (a raw query's P2010 says nothing else about it).
  return isConnectionError(e.cause, depth + 1) || isConnectionError(e.meta?.driverAdapterError, depth + 1);
}
