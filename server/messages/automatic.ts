/**
 * Sends the automatic messages the domains queued (events.ts): each gets its brand's template for the
 * event — or the built-in text when the brand never edited it — copied onto the message, and one delivery
 * in the customer's language. A switched-off event's messages are cancelled, so the record shows why
 * nobody was told. Batches are claimed with SKIP LOCKED: two workers never send one twice.
 */
import "server-only";
import type { Db } from "../db/client";
import { AUTOMATIC_EVENTS, isAutomaticEvent } from "./events";
import { pickLocale, type MessageContent } from "@/lib/messages/template";

const BATCH = 500;

interface Due {
  id: string;
  brandId: string;
  event: string;
  customerId: string;
  language: string;
  defaultLanguage: string;
}

/** Sends up to `limit` due automatic messages; returns how many were sent and how many cancelled. */
export async function sendAutomaticMessages(db: Db, limit = BATCH): Promise<{ sent: number; cancelled: number }> {
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<Due[]>`
      SELECT m.id, m.brand_id AS "brandId", m.event, m.customer_id AS "customerId", c.language, b.default_language AS "defaultLanguage"
      FROM message m JOIN customer c ON c.id = m.customer_id JOIN brand b ON b.id = m.brand_id
      WHERE m.status = 'scheduled' AND m.source = 'automatic' AND m.scheduled_at <= now()
      ORDER BY m.scheduled_at LIMIT ${limit} FOR UPDATE OF m SKIP LOCKED`;
    if (due.length === 0) return { sent: 0, cancelled: 0 };

    const templates = await tx.messageTemplate.findMany({
      where: { OR: [...new Set(due.map((d) => `${d.brandId}|${d.event}`))].map((k) => ({ brandId: k.split("|")[0]!, event: k.split("|")[1]! })) },
      select: { brandId: true, event: true, enabled: true, content: true, id: true },
    });
    const templateOf = new Map(templates.map((t) => [`${t.brandId}|${t.event}`, t]));

    const sent: { id: string; customerId: string; content: MessageContent; locale: string; templateId: string | null }[] = [];
    const cancelled: string[] = [];
    for (const d of due) {
      const template = templateOf.get(`${d.brandId}|${d.event}`);
      if (!isAutomaticEvent(d.event) || (template && !template.enabled)) {
        cancelled.push(d.id);
        continue;
      }
      const content = (template?.content as MessageContent | undefined) ?? AUTOMATIC_EVENTS[d.event].defaults;
      sent.push({ id: d.id, customerId: d.customerId, content, locale: pickLocale(content, d.language, d.defaultLanguage), templateId: template?.id ?? null });
    }

    if (cancelled.length) {
      await tx.$executeRaw`
        UPDATE message SET status = 'cancelled', ended_at = now(), end_reason = 'event switched off', updated_at = now(), recipient_count = 0
        WHERE id = ANY(${cancelled}::uuid[])`;
    }
    if (sent.length) {
      const rows = JSON.stringify(sent);
      await tx.$executeRaw`
        WITH s AS (SELECT * FROM jsonb_to_recordset(${rows}::jsonb) AS s(id uuid, "customerId" uuid, content jsonb, locale text, "templateId" uuid))
        UPDATE message m SET content = s.content, template_id = s."templateId", status = 'sent', started_at = now(), finished_at = now(),
               recipient_count = 1, delivered_count = 1, updated_at = now()
        FROM s WHERE m.id = s.id`;
      await tx.$executeRaw`
        INSERT INTO message_delivery (message_id, customer_id, type, locale, delivered_at)
        SELECT s.id, s."customerId", m.type, s.locale, now()
        FROM jsonb_to_recordset(${rows}::jsonb) AS s(id uuid, "customerId" uuid, locale text) JOIN message m ON m.id = s.id
        ON CONFLICT DO NOTHING`;
    }
    return { sent: sent.length, cancelled: cancelled.length };
  });
}
