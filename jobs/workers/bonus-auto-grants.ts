/**
 * bonus-auto-grants: registration and first-deposit campaigns grant on their own (server/bonuses/auto.ts),
 * and the customers of CSV batches applied since the last run are told (server/bonuses/batch-notices.ts).
 * Safe to run twice or on two workers at once: each grant's idempotency key is per campaign and customer,
 * claimed before anything is posted, and a batch is told in one transaction with its `notified_at`.
 */
import { runAutomaticGrants, type AutoGrantReport } from "@/server/bonuses/auto";
import { notifyAppliedBatches } from "@/server/bonuses/batch-notices";
import type { Db } from "@/server/db/client";
import { ZBonusAutoGrantsPayload } from "@/server/queues/registry";

export async function processBonusAutoGrants(data: unknown, db: Db, now: Date = new Date()): Promise<AutoGrantReport & { batchNotices: number }> {
  const { brandId } = ZBonusAutoGrantsPayload.parse(data);
  const report = await runAutomaticGrants(db, { brandId, now });
  return { ...report, batchNotices: await notifyAppliedBatches(db, brandId) };
}
