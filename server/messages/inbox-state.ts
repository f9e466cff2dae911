/**
 * "Mark all read" is one row (customer_inbox.read_all_at): constant time however full the inbox, and the
 * inbox reads it at once — a delivery is read when `read_at` is set or it arrived before that moment.
 * The statistics count `read_at`, so the dispatcher writes it behind, a batch of inboxes per run.
 */
import "server-only";
import type { Db, DbTx } from "../db/client";

const INBOXES_PER_RUN = 200;

/** Everything in the customer's inbox up to now is read. */
export async function markAllRead(db: Db | DbTx, customerId: string): Promise<Date> {
  const [row] = await db.$queryRaw<{ readAllAt: Date }[]>`
    INSERT INTO customer_inbox (customer_id, read_all_at, pending) VALUES (${customerId}::uuid, now(), true)
    ON CONFLICT (customer_id) DO UPDATE SET read_all_at = greatest(customer_inbox.read_all_at, excluded.read_all_at), pending = true
    RETURNING read_all_at AS "readAllAt"`;
  return row!.readAllAt;
}

/** Writes `read_at` on the deliveries a pending "mark all read" covers; returns the rows written. */
export async function materialiseReadAll(db: Db): Promise<number> {
  const inboxes = await db.$queryRaw<{ customerId: string; readAllAt: Date }[]>`
    SELECT customer_id AS "customerId", read_all_at AS "readAllAt" FROM customer_inbox WHERE pending LIMIT ${INBOXES_PER_RUN}`;
  let written = 0;
  for (const inbox of inboxes) {
    written += await db.$executeRaw`
      UPDATE message_delivery SET read_at = ${inbox.readAllAt}
      WHERE customer_id = ${inbox.customerId}::uuid AND read_at IS NULL AND delivered_at <= ${inbox.readAllAt}`;
    // Only if nobody marked all read again meanwhile; otherwise the next run writes the later moment.
    await db.$executeRaw`
      UPDATE customer_inbox SET pending = false WHERE customer_id = ${inbox.customerId}::uuid AND read_all_at = ${inbox.readAllAt}`;
  }
  return written;
}
