/**
 * bonus-expiry: claws back the unused credit of grants whose validity has ended (server/bonuses/grant-clawback.ts
 * `expireDue`). Idempotent — each grant is locked, re-checked and closed once, and its journal carries a
 * per-grant idempotency key — so a retry, an overlapping run or two workers at once claw back nothing twice.
 */
import { expireDue } from "@/server/bonuses/grant-clawback";
import type { Db } from "@/server/db/client";
import { ZBonusExpiryPayload } from "@/server/queues/registry";

export async function processBonusExpiry(data: unknown, db: Db, now: Date = new Date()): ReturnType<typeof expireDue> {
  ZBonusExpiryPayload.parse(data);
  return expireDue(db, now);
}
