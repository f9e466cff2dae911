/**
 * The set-based form of `queueAutomaticMessage` (events.ts), for domains that meet one event for many
 * records in one statement: a CSV batch of grants, a page of synced deposits, the grants about to expire.
 * One INSERT … SELECT with the same columns and the same unique key (brand, event, record), so a record
 * already told is skipped, whatever number of times the statement runs.
 */
import "server-only";
import { Prisma, type Db, type DbTx } from "../db/client";
import type { VariableValue } from "@/lib/messages/template";
import { AUTOMATIC_EVENTS, type AutomaticEventKey } from "./events";

/**
 * The INSERT for `rows`: a SELECT (or a CTE's name in one) giving, in this order, the brand id (uuid), the
 * customer id (uuid), the record's reference (text) and the event's variables (jsonb). Returned as SQL so a
 * caller can also run it inside a statement of its own (a data-modifying WITH).
 */
export function automaticMessagesInsert(event: AutomaticEventKey, rows: Prisma.Sql): Prisma.Sql {
  const { type } = AUTOMATIC_EVENTS[event];
  return Prisma.sql`
    INSERT INTO message (id, brand_id, type, source, content, vars, audience, estimated_count, status, scheduled_at,
                         event, event_ref, customer_id, updated_at)
    SELECT gen_random_uuid(), e.brand_id, ${type}::"MessageType", 'automatic', '{}'::jsonb, e.vars,
           jsonb_build_object('kind', 'customer', 'customerId', e.customer_id), 1, 'scheduled', now(),
           ${event}, e.event_ref, e.customer_id, now()
    FROM (${rows}) AS e(brand_id, customer_id, event_ref, vars)
    ON CONFLICT (brand_id, event, event_ref) DO NOTHING`;
}

/** Queues one message per row of `rows` (see automaticMessagesInsert); returns how many were new. */
export function queueAutomaticMessages(db: Db | DbTx, event: AutomaticEventKey, rows: Prisma.Sql): Promise<number> {
  return db.$executeRaw(automaticMessagesInsert(event, rows));
}

/** `{ amount, currency }` as an event variable, built in SQL from a numeric column (trailing zeros dropped). */
export const moneyVar = (amount: Prisma.Sql, currency: Prisma.Sql) =>
  Prisma.sql`jsonb_build_object('amount', trim_scale(${amount})::text, 'currency', ${currency})`;

export interface QueuedEvent {
  brandId: string;
  customerId: string;
  event: AutomaticEventKey;
  /** The record the event is about, unique within the event ("<applicationId>", "<grantId>"). */
  ref: string;
  vars: Record<string, VariableValue>;
}

/** One row in the caller's transaction; a second call for the same event and record adds nothing. */
export async function queueAutomaticMessage(tx: DbTx, e: QueuedEvent): Promise<void> {
  await queueAutomaticMessages(tx, e.event, Prisma.sql`VALUES (${e.brandId}::uuid, ${e.customerId}::uuid, ${e.ref}, ${JSON.stringify(e.vars)}::jsonb)`);
}
