/**
 * bonus-auto-grants: registration and first-deposit campaigns grant on their own (server/bonuses/auto.ts).
 * Safe to run twice or on two workers at once: each grant's idempotency key is per campaign and customer,
 * claimed before anything is posted, so a customer is granted once whatever overlaps.
 */
import { runAutomaticGrants, type AutoGrantReport } from "@/server/bonuses/auto";
import type { Db } from "@/server/db/client";
import { ZBonusAutoGrantsPayload } from "@/server/queues/registry";

export async function processBonusAutoGrants(data: unknown, db: Db, now: Date = new Date()): Promise<AutoGrantReport> {
  const { brandId } = ZBonusAutoGrantsPayload.parse(data);
  return runAutomaticGrants(db, { brandId, now });
}
