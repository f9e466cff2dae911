/**
 * bonus-expiry: claws back the unused credit of grants whose validity has ended (server/bonuses/grant-clawback.ts
 * `expireDue`), then tells the customers whose credit ends within 72 hours (server/bonuses/expiry-notice.ts).
 * Idempotent — each grant is locked, re-checked and closed once, and its journal carries a per-grant
 * idempotency key; each notice is unique per grant — so a retry, an overlapping run or two workers at once
 * claw back nothing and tell nobody twice.
 */
import { expireDue } from "@/server/bonuses/grant-clawback";
import { queueExpiryNotices } from "@/server/bonuses/expiry-notice";
import type { Db } from "@/server/db/client";
import { ZBonusExpiryPayload } from "@/server/queues/registry";

export async function processBonusExpiry(data: unknown, db: Db, now: Date = new Date()) {
  ZBonusExpiryPayload.parse(data);
  const expiry = await expireDue(db, now);
  return { ...expiry, expiryNotices: await queueExpiryNotices(db, now) };
}
