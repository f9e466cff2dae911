/**
 * "Your bonus expires soon": run by the bonus-expiry job beside the clawback. Every applied grant with credit
 * left whose validity ends within EXPIRY_NOTICE_MS gets its customer one message, queued for all of them in
 * one statement; the message's unique key (brand, event, grant) makes every later run skip those told.
 */
import "server-only";
import { Prisma, type Db } from "../db/client";
import { moneyVar, queueAutomaticMessages } from "../messages/queue";

/** How long before a grant's expiry its customer is told. */
export const EXPIRY_NOTICE_MS = 72 * 60 * 60 * 1000;

/** Queues the notices due at `now` (all brands); returns how many were new. */
export function queueExpiryNotices(db: Db, now: Date): Promise<number> {
  // (status, expires_at) index: only the grants ending in the window are read.
  return queueAutomaticMessages(
    db,
    "bonus.expiring",
    Prisma.sql`
      SELECT g.brand_id, g.customer_id, g.id::text,
             jsonb_build_object('amount', ${moneyVar(Prisma.sql`g.remaining`, Prisma.sql`g.currency`)},
                                'expiresAt', to_char(g.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC')
      FROM bonus_grant g
      WHERE g.status = 'applied' AND g.expires_at > ${now}::timestamptz AND g.expires_at <= ${new Date(now.getTime() + EXPIRY_NOTICE_MS)}::timestamptz
        AND g.remaining > 0`,
  );
}
