/**
 * Fan-out: a message reaches its audience in two steps.
 *  1. `takeSnapshot` — one statement, when sending starts: the audience's customers (and the language each
 *     gets) are written as chunks of ids. Whoever joins the segment afterwards is not in it; whoever leaves
 *     it still gets the message. The message turns `sending` with its recipient count in the same transaction.
 *  2. `deliver` — one transaction per chunk: the chunk's deliveries are inserted (unique on message and
 *     customer), the chunk is marked done and the progress counter moves, together. A crash loses at most
 *     the chunk in flight, which the next run does again; nobody gets a message twice.
 * One chunk at a time on one connection: the fan-out never takes more than that from the pool, so the
 * portal stays responsive while a million rows are written.
 */
import "server-only";
import type { Db } from "../db/client";
import { audienceWhere, resolveAudience } from "./audience";
import { ZAudience } from "@/lib/messages/schemas";
import { localesOf, type MessageContent } from "@/lib/messages/template";

export const CHUNK_SIZE = 10_000;

/**
 * Takes the audience snapshot of a message that is due (scheduled, its time come). Returns false when the
 * message is no longer due (cancelled, or another worker took it). Safe to call twice.
 */
export async function takeSnapshot(db: Db, messageId: string, chunkSize = CHUNK_SIZE): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      const [message] = await tx.$queryRaw<{ brandId: string; audience: unknown; content: MessageContent; defaultLanguage: string }[]>`
        SELECT m.brand_id AS "brandId", m.audience, m.content, b.default_language AS "defaultLanguage"
        FROM message m JOIN brand b ON b.id = m.brand_id
        WHERE m.id = ${messageId}::uuid AND m.status = 'scheduled' FOR UPDATE OF m`;
      if (!message) return false;
      const audience = await resolveAudience(tx, message.brandId, ZAudience.parse(message.audience));
      const locales = localesOf(message.content);
      // The brand's default when the message has it, else its first language: what a customer without theirs reads.
      const fallback = locales.find((l) => l === message.defaultLanguage) ?? locales[0]!;
      await tx.$executeRaw`
        WITH recipients AS (
          SELECT c.id, CASE WHEN c.language = ANY(${locales}::text[]) THEN c.language ELSE ${fallback} END AS locale,
                 (row_number() OVER (ORDER BY c.id) - 1) / ${chunkSize} AS seq
          FROM customer c WHERE ${audienceWhere(message.brandId, audience)}
        ), chunks AS (
          -- In id order: each chunk's deliveries then land in key order in the (message, customer) and
          -- (customer, …) indexes, a fraction of the page writes of random order.
          INSERT INTO message_recipient_chunk (message_id, seq, customer_ids, locales)
          SELECT ${messageId}::uuid, seq, array_agg(id ORDER BY id), array_agg(locale ORDER BY id) FROM recipients GROUP BY seq
          RETURNING cardinality(customer_ids) AS n
        )
        UPDATE message SET status = 'sending', started_at = now(), updated_at = now(),
               recipient_count = (SELECT coalesce(sum(n), 0) FROM chunks)
        WHERE id = ${messageId}::uuid`;
      return true;
    },
    { timeout: 120_000 },
  );
}

export interface DeliverProgress {
  /** sent: every chunk delivered; stopped: the message left `sending` (retracted) — its chunks are dropped. */
  outcome: "sent" | "stopped";
  delivered: number;
  recipients: number;
}

/**
 * Delivers the remaining chunks of a `sending` message, one transaction each, then marks it sent.
 * `onChunk` reports progress (the job's progress bar).
 */
export async function deliver(db: Db, messageId: string, onChunk?: (delivered: number, recipients: number) => Promise<void> | void): Promise<DeliverProgress> {
  for (;;) {
    const [step] = await db.$queryRaw<{ status: string; delivered: number; recipients: number; remaining: boolean }[]>`
      WITH next AS (
        SELECT k.seq FROM message_recipient_chunk k JOIN message m ON m.id = k.message_id AND m.status = 'sending'
        WHERE k.message_id = ${messageId}::uuid AND NOT k.done ORDER BY k.seq LIMIT 1
        FOR UPDATE OF k SKIP LOCKED
      ), chunk AS (
        UPDATE message_recipient_chunk k SET done = true FROM next
        WHERE k.message_id = ${messageId}::uuid AND k.seq = next.seq
        RETURNING k.customer_ids, k.locales
      ), delivered AS (
        INSERT INTO message_delivery (message_id, customer_id, type, locale, delivered_at)
        SELECT ${messageId}::uuid, r.id, m.type, r.locale, now()
        FROM chunk, unnest(chunk.customer_ids, chunk.locales) AS r(id, locale), message m
        WHERE m.id = ${messageId}::uuid
        ON CONFLICT DO NOTHING
        RETURNING 1
      )
      UPDATE message SET delivered_count = delivered_count + (SELECT count(*) FROM delivered)::int, updated_at = now()
      WHERE id = ${messageId}::uuid
      RETURNING status::text AS status, delivered_count AS delivered, coalesce(recipient_count, 0) AS recipients,
                EXISTS (SELECT 1 FROM chunk) AS remaining`;
    if (!step) return { outcome: "stopped", delivered: 0, recipients: 0 };
    if (step.status !== "sending") {
      await db.messageRecipientChunk.deleteMany({ where: { messageId } });
      return { outcome: "stopped", delivered: step.delivered, recipients: step.recipients };
    }
    if (!step.remaining) {
      // Nothing left to take: every chunk is done (or held by another run, which finishes it and this).
      const finished = await db.$executeRaw`
        UPDATE message SET status = 'sent', finished_at = now(), updated_at = now()
        WHERE id = ${messageId}::uuid AND status = 'sending'
          AND NOT EXISTS (SELECT 1 FROM message_recipient_chunk WHERE message_id = ${messageId}::uuid AND NOT done)`;
      if (finished) await db.messageRecipientChunk.deleteMany({ where: { messageId } });
      return { outcome: finished ? "sent" : "stopped", delivered: step.delivered, recipients: step.recipients };
    }
    await onChunk?.(step.delivered, step.recipients);
  }
}

/** Ids of messages stuck in `sending` (their worker died): nothing moved for `staleMs`. */
export async function stalledFanouts(db: Db, staleMs: number): Promise<{ id: string; brandId: string }[]> {
  return db.$queryRaw<{ id: string; brandId: string }[]>`
    SELECT id, brand_id AS "brandId" FROM message
    WHERE status = 'sending' AND updated_at < now() - make_interval(secs => ${staleMs / 1000}) LIMIT 100`;
}
