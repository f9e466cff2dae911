/**
 * One customer's inbox, as their app shows it (the seed's C-end message calls, made server-to-server through
 * the partner API): unread first, newest first within each, paged by cursor; detail, read one, read all,
 * unread count, the message types. Retracted messages are gone from here (kept in the record). Variables
 * are filled on read with the customer's own values and the event's, in the delivery's language.
 *
 * Unread = `read_at` null and delivered after the customer's "mark all read" (inbox-state.ts); the unread
 * part is read from its own partial index, so "unread first" costs a page, not the inbox.
 */
import "server-only";
import type { BrandContext } from "../actor";
import { Prisma } from "../db/client";
import { readCursor, writeCursor } from "../db/cursor";
import { invalid, notFound } from "../errors";
import { markAllRead } from "./inbox-state";
import { typeLabel, type TypeLabels } from "@/lib/messages/labels";
import { MESSAGE_TYPES, type MessageType } from "@/lib/messages/schemas";
import { render, type MessageContent, type MessageLocale, type VariableValue } from "@/lib/messages/template";
import { isIsoTimestamp } from "@/lib/validation/dates";
import { isUuid } from "@/lib/validation/ids";

const PREVIEW = 140;
/** Unread counts stop here: a badge shows "9999+", and counting further would read the whole inbox. */
export const UNREAD_CAP = 9_999;

interface InboxOwner {
  id: string;
  name: string;
  uid: string;
  readAllAt: Date;
  labels: TypeLabels;
}

export interface InboxMessage {
  id: string;
  type: MessageType;
  typeLabel: string;
  title: string;
  /** The first characters of the body (list) or the whole body (detail). */
  body: string;
  locale: MessageLocale;
  read: boolean;
  deliveredAt: Date;
  readAt: Date | null;
}

async function owner(ctx: BrandContext, customerId: string): Promise<InboxOwner> {
  const [row] = await ctx.db.$queryRaw<{ id: string; name: string; uid: string; readAllAt: Date | null; labels: TypeLabels }[]>`
    SELECT c.id, c.name, c.uid::text AS uid, i.read_all_at AS "readAllAt", b.message_type_labels AS labels
    FROM customer c JOIN brand b ON b.id = c.brand_id LEFT JOIN customer_inbox i ON i.customer_id = c.id
    WHERE c.id = ${customerId}::uuid AND c.brand_id = ${ctx.tenantId}::uuid`;
  if (!row) throw notFound("customer");
  return { ...row, readAllAt: row.readAllAt ?? new Date(0) };
}

interface DeliveryRow {
  id: string;
  type: MessageType;
  locale: MessageLocale;
  deliveredAt: Date;
  readAt: Date | null;
  content: MessageContent;
  vars: Record<string, VariableValue> | null;
}

function present(o: InboxOwner, r: DeliveryRow, full: boolean): InboxMessage {
  const text = render(r.content, r.locale, { ...r.vars, name: o.name, uid: o.uid });
  const read = r.readAt !== null || r.deliveredAt <= o.readAllAt;
  return {
    id: r.id,
    type: r.type,
    typeLabel: typeLabel(r.type, r.locale, o.labels),
    title: text.title,
    body: full || text.body.length <= PREVIEW ? text.body : `${text.body.slice(0, PREVIEW)}…`,
    locale: r.locale,
    read,
    deliveredAt: r.deliveredAt,
    readAt: r.readAt ?? (read ? o.readAllAt : null),
  };
}

const SELECT = Prisma.sql`SELECT d.message_id AS id, d.type::text AS type, d.locale, d.delivered_at AS "deliveredAt", d.read_at AS "readAt", m.content, m.vars
  FROM message_delivery d JOIN message m ON m.id = d.message_id AND m.status <> 'retracted'`;

type Part = "u" | "r";
interface Edge {
  part: Part;
  at: Date;
  id: string;
}

function parseCursor(cursor: string): Edge {
  const { p, t, i } = readCursor(cursor);
  if ((p !== "u" && p !== "r") || !isIsoTimestamp(t) || !isUuid(i)) throw invalid("cursor", "errors.invalidCursor");
  return { part: p, at: new Date(t), id: i };
}

export interface InboxPageInput {
  limit: number;
  cursor?: string;
  types?: MessageType[];
}

/** A page of the inbox: unread first, then read, newest first within each. */
export async function listInbox(ctx: BrandContext, customerId: string, input: InboxPageInput) {
  const o = await owner(ctx, customerId);
  const edge = input.cursor ? parseCursor(input.cursor) : null;
  const types = input.types?.length ? Prisma.sql`AND d.type = ANY(${input.types}::"MessageType"[])` : Prisma.empty;
  const after = (e: Edge | null, part: Part) =>
    e && e.part === part ? Prisma.sql`AND (d.delivered_at, d.message_id) < (${e.at}::timestamptz, ${e.id}::uuid)` : Prisma.empty;

  const rows: (DeliveryRow & { part: Part })[] = [];
  if (!edge || edge.part === "u") {
    const unread = await ctx.db.$queryRaw<DeliveryRow[]>`${SELECT}
      WHERE d.customer_id = ${o.id}::uuid AND d.read_at IS NULL AND d.delivered_at > ${o.readAllAt} ${types} ${after(edge, "u")}
      ORDER BY d.delivered_at DESC, d.message_id DESC LIMIT ${input.limit + 1}`;
    rows.push(...unread.map((r) => ({ ...r, part: "u" as const })));
  }
  if (rows.length <= input.limit) {
    const read = await ctx.db.$queryRaw<DeliveryRow[]>`${SELECT}
      WHERE d.customer_id = ${o.id}::uuid AND (d.read_at IS NOT NULL OR d.delivered_at <= ${o.readAllAt}) ${types} ${after(edge, "r")}
      ORDER BY d.delivered_at DESC, d.message_id DESC LIMIT ${input.limit + 1 - rows.length}`;
    rows.push(...read.map((r) => ({ ...r, part: "r" as const })));
  }
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => present(o, r, false)),
    nextCursor: rows.length > input.limit && last ? writeCursor({ p: last.part, t: last.deliveredAt.toISOString(), i: last.id }) : null,
  };
}

/** One message in full; opening it marks it read. */
export async function openMessage(ctx: BrandContext, customerId: string, messageId: string): Promise<InboxMessage> {
  const o = await owner(ctx, customerId);
  const [row] = await ctx.db.$queryRaw<DeliveryRow[]>`${SELECT} WHERE d.customer_id = ${o.id}::uuid AND d.message_id = ${messageId}::uuid`;
  if (!row) throw notFound("message");
  if (row.readAt === null) {
    const [marked] = await ctx.db.$queryRaw<{ readAt: Date }[]>`
      UPDATE message_delivery SET read_at = now() WHERE customer_id = ${o.id}::uuid AND message_id = ${messageId}::uuid AND read_at IS NULL
      RETURNING read_at AS "readAt"`;
    if (marked) row.readAt = marked.readAt;
  }
  return present(o, row, true);
}

/** Marks one message read (no change when it already was). */
export async function markRead(ctx: BrandContext, customerId: string, messageId: string): Promise<{ read: true }> {
  await openMessage(ctx, customerId, messageId);
  return { read: true };
}

export async function markAllReadFor(ctx: BrandContext, customerId: string): Promise<{ readAllAt: Date }> {
  const o = await owner(ctx, customerId);
  return { readAllAt: await markAllRead(ctx.db, o.id) };
}

/** Unread messages, in all and per type, each counted up to UNREAD_CAP. */
export async function unreadCount(ctx: BrandContext, customerId: string) {
  const o = await owner(ctx, customerId);
  // Retracted messages are few: leaving their ids out reads the unread index alone, with no join per row.
  const rows = await ctx.db.$queryRaw<{ type: MessageType; n: bigint }[]>`
    SELECT type::text AS type, count(*) AS n FROM (
      SELECT d.type FROM message_delivery d
      WHERE d.customer_id = ${o.id}::uuid AND d.read_at IS NULL AND d.delivered_at > ${o.readAllAt}
        AND d.message_id <> ALL(ARRAY(SELECT id FROM message WHERE brand_id = ${ctx.tenantId}::uuid AND status = 'retracted'))
      LIMIT ${UNREAD_CAP + 1}) u GROUP BY type`;
  const byType = Object.fromEntries(MESSAGE_TYPES.map((t) => [t, 0])) as Record<MessageType, number>;
  for (const r of rows) byType[r.type] = Number(r.n);
  const total = Object.values(byType).reduce((a, b) => a + b, 0);
  return { total: Math.min(total, UNREAD_CAP), capped: total > UNREAD_CAP, byType };
}

/** The message types with the brand's names for them, in every language. */
export async function messageTypes(ctx: BrandContext) {
  const brand = await ctx.db.brand.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { messageTypeLabels: true } });
  const labels = brand.messageTypeLabels as TypeLabels;
  return MESSAGE_TYPES.map((type) => ({ type, label: { en: typeLabel(type, "en", labels), "zh-CN": typeLabel(type, "zh-CN", labels) } }));
}
