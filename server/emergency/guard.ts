/**
 * The emergency stop's one check. No cache: every check reads PostgreSQL, so a stop holds in every web
 * and worker process the moment its transaction commits.
 *
 * Race-free for money: a money transaction takes the stop's advisory lock SHARED before it reads the
 * stop; the trigger takes it EXCLUSIVE before activating. So the trigger waits for every money
 * transaction already past its check to commit, and every later one waits for the trigger and then sees
 * the stop — nothing half-applied, nothing after. The read must be its own statement AFTER the lock (in
 * READ COMMITTED, every transaction here, a statement's snapshot is taken when it starts: a read in the
 * same statement as a lock it waited on would not see the stop that made it wait).
 *
 * Outbound exchange calls hold no transaction around the HTTP request: they check right before each send.
 */
import "server-only";
import type { Db, DbTx } from "../db/client";
import { AppError } from "../errors";

/** The advisory lock key every money movement shares and the trigger takes alone (any fixed bigint). */
export const EMERGENCY_LOCK_KEY = 0x656d657267656e63n; // "emergenc"

/** A stop applies: nothing that moves money or changes the exchange may go ahead. */
export class EmergencyStopError extends AppError {
  constructor(readonly scope: "global" | "brand") {
    super("CONFLICT", scope === "global" ? "emergency.errors.stoppedGlobal" : "emergency.errors.stoppedBrand");
  }
}

export const isEmergencyStop = (error: unknown): error is EmergencyStopError => error instanceof EmergencyStopError;

/** The active stop that applies to the brand (its own, or the global one), if any. */
export async function activeStopFor(db: Db | DbTx, brandId: string): Promise<{ id: string; brandId: string | null } | null> {
  const rows = await db.$queryRaw<{ id: string; brand_id: string | null }[]>`
    SELECT id::text, brand_id::text FROM emergency_stop
    WHERE reset_at IS NULL AND (brand_id IS NULL OR brand_id = ${brandId}::uuid)
    ORDER BY brand_id NULLS FIRST LIMIT 1`;
  return rows[0] ? { id: rows[0].id, brandId: rows[0].brand_id } : null;
}

async function refuseIfStopped(db: Db | DbTx, brandId: string) {
  const stop = await activeStopFor(db, brandId);
  if (stop) throw new EmergencyStopError(stop.brandId ? "brand" : "global");
}

/**
 * Inside a money transaction (a ledger posting, a withdrawal's request, approval or send claim): shares
 * the stop's lock until commit, then refuses when a stop applies to the brand.
 */
export async function assertMoneyMovementAllowed(tx: DbTx, brandId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${EMERGENCY_LOCK_KEY})`;
  await refuseIfStopped(tx, brandId);
}

/** Right before an outbound exchange mutation (no transaction around the HTTP call): refuses when stopped. */
export async function assertExchangeSendAllowed(db: Db | DbTx, brandId: string): Promise<void> {
  await refuseIfStopped(db, brandId);
}
