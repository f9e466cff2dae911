/**
 * fund-lock-expiry: ends every fund lock whose expiry has passed (server/fund-locks/service.ts `expireDue`).
 * Idempotent — each lock is ended by a conditional update and audited once — so a retry, an overlapping
 * run or two workers at once end nothing twice. Locks stop blocking at their expiry anyway (the guard
 * checks it); this job writes the end down and audits it.
 */
import type { Db } from "@/server/db/client";
import { expireDue } from "@/server/fund-locks/service";
import { ZFundLockExpiryPayload } from "@/server/queues/registry";

export async function processFundLockExpiry(data: unknown, db: Db, now: Date = new Date()): Promise<{ expired: number }> {
  ZFundLockExpiryPayload.parse(data);
  return expireDue(db, now);
}
