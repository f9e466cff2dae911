/**
 * The portal's reads of messages: the list (server-side pages and filters), one message with its progress,
 * its statistics (recipients, delivered, read; read rate over time; by language), a customer's messages
 * (the customer page's tab) and the audience preview the composer shows before sending.
 */
import "server-only";
import type { BrandContext, TenantContext } from "../actor";
import { Prisma } from "../db/client";
import { escapeLike } from "../customers/search";
import { notFound } from "../errors";
import { audienceWhere, checkedAudience } from "./audience";
import type { Audience, MessageListInput } from "@/lib/messages/schemas";
import { localesOf, MESSAGE_LOCALES, type MessageContent } from "@/lib/messages/template";
import { pageArgs } from "@/lib/table-state";

const ROW = {
  id: true,
  type: true,
  source: true,
  status: true,
  content: true,
  audience: true,
  event: true,
  estimatedCount: true,
  recipientCount: true,
  deliveredCount: true,
  scheduledAt: true,
  startedAt: true,
  finishedAt: true,
  createdAt: true,
  createdById: true,
  decidedById: true,
  decidedAt: true,
  decisionNote: true,
  endedAt: true,
  endReason: true,
  failure: true,
  version: true,
} satisfies Prisma.MessageSelect;

type Row = Prisma.MessageGetPayload<{ select: typeof ROW }>;

async function withStaff(ctx: BrandContext, rows: Row[]) {
  const ids = [...new Set(rows.flatMap((r) => [r.createdById, r.decidedById]).filter((id): id is string => !!id))];
  const staff = ids.length ? await ctx.db.staffUser.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const name = new Map(staff.map((s) => [s.id, s.name]));
  const who = (id: string | null) => (id ? { id, name: name.get(id) ?? "—" } : null);
  return rows.map(({ content, ...r }) => {
    const c = content as MessageContent;
    const locales = localesOf(c);
    return { ...r, title: c[locales[0]!]?.title ?? "", locales, createdBy: who(r.createdById), decidedBy: who(r.decidedById) };
  });
}

export type MessageRow = Awaited<ReturnType<typeof withStaff>>[number];

/** Messages whose title, in either language, holds the text (case-insensitive), at most SEARCH_CAP of them. */
const SEARCH_CAP = 1_000;
async function titleMatches(ctx: BrandContext, q: string, automatic: boolean): Promise<string[]> {
  const pattern = `%${escapeLike(q)}%`;
  const rows = await ctx.db.$queryRaw<{ id: string }[]>`
    SELECT id FROM message WHERE brand_id = ${ctx.tenantId}::uuid AND (source = 'automatic') = ${automatic}
      AND (content->'en'->>'title' ILIKE ${pattern} OR content->'zh-CN'->>'title' ILIKE ${pattern})
    ORDER BY created_at DESC LIMIT ${SEARCH_CAP}`;
  return rows.map((r) => r.id);
}

export async function listMessages(ctx: BrandContext, input: MessageListInput) {
  const q = input.q?.trim();
  const where: Prisma.MessageWhereInput = {
    brandId: ctx.tenantId,
    source: input.source ?? { not: "automatic" },
    ...(q ? { id: { in: await titleMatches(ctx, q, input.source === "automatic") } } : {}),
    ...(input.status?.length ? { status: { in: input.status } } : {}),
    ...(input.type?.length ? { type: { in: input.type } } : {}),
  };
  const [rows, total] = await Promise.all([
    ctx.db.message.findMany({ where, select: ROW, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...pageArgs(input) }),
    ctx.db.message.count({ where }),
  ]);
  return { rows: await withStaff(ctx, rows), total, page: input.page, pageSize: input.pageSize };
}

/** One message with its full text and progress; the page polls it while sending. */
export async function getMessage(ctx: BrandContext, id: string) {
  const row = await ctx.db.message.findFirst({ where: { id, brandId: ctx.tenantId }, select: ROW });
  if (!row) throw notFound("message");
  const [presented] = await withStaff(ctx, [row]);
  return { ...presented!, content: row.content as MessageContent };
}

/** Recipients, delivered, read; read over time (hourly, cumulative) and per language. */
export async function messageStats(ctx: BrandContext, id: string) {
  const message = await ctx.db.message.findFirst({ where: { id, brandId: ctx.tenantId }, select: { id: true, recipientCount: true, deliveredCount: true, startedAt: true } });
  if (!message) throw notFound("message");
  const byLocale = await ctx.db.$queryRaw<{ locale: string; delivered: bigint; read: bigint }[]>`
    SELECT locale, count(*) AS delivered, count(read_at) AS read FROM message_delivery WHERE message_id = ${id}::uuid GROUP BY locale ORDER BY locale`;
  const hourly = await ctx.db.$queryRaw<{ hour: Date; read: bigint }[]>`
    SELECT date_trunc('hour', read_at) AS hour, count(*) AS read FROM message_delivery
    WHERE message_id = ${id}::uuid AND read_at IS NOT NULL GROUP BY 1 ORDER BY 1 LIMIT 24 * 90`;
  const read = byLocale.reduce((sum, r) => sum + Number(r.read), 0);
  let cumulative = 0;
  const delivered = message.deliveredCount;
  return {
    recipients: message.recipientCount,
    delivered,
    read,
    readRate: delivered ? read / delivered : 0,
    byLocale: byLocale.map((r) => ({ locale: r.locale, delivered: Number(r.delivered), read: Number(r.read) })),
    overTime: hourly.map((h) => {
      cumulative += Number(h.read);
      return { at: h.hour, read: cumulative, rate: delivered ? cumulative / delivered : 0 };
    }),
  };
}

/** The customer page's Messages tab: what this customer received and whether they read it. */
export async function customerMessages(ctx: TenantContext, customerId: string, page: number) {
  const customer = await ctx.db.customer.findFirst({ where: { id: customerId, brandId: ctx.tenantId }, select: { id: true } });
  if (!customer) throw notFound("customer");
  const pageSize = 20;
  const [rows, [count]] = await Promise.all([
    ctx.db.$queryRaw<{ id: string; type: string; source: string; status: string; content: MessageContent; locale: string; deliveredAt: Date; readAt: Date | null; readAllAt: Date | null }[]>`
      SELECT m.id, m.type::text AS type, m.source::text AS source, m.status::text AS status, m.content, d.locale,
             d.delivered_at AS "deliveredAt", d.read_at AS "readAt", i.read_all_at AS "readAllAt"
      FROM message_delivery d JOIN message m ON m.id = d.message_id LEFT JOIN customer_inbox i ON i.customer_id = d.customer_id
      WHERE d.customer_id = ${customerId}::uuid
      ORDER BY d.delivered_at DESC, d.message_id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    ctx.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM message_delivery WHERE customer_id = ${customerId}::uuid`,
  ]);
  return {
    rows: rows.map(({ content, readAllAt, ...r }) => ({
      ...r,
      title: content[r.locale as keyof MessageContent]?.title ?? "",
      readAt: r.readAt ?? (readAllAt && r.deliveredAt <= readAllAt ? readAllAt : null),
    })),
    total: Number(count?.n ?? 0),
    page,
    pageSize,
  };
}

/** How many the audience reaches now, how many read each language, and the languages the text lacks. */
export async function audiencePreview(ctx: BrandContext, audience: Audience, content?: MessageContent) {
  const resolved = await checkedAudience(ctx.db, ctx, audience);
  const rows = await ctx.db.$queryRaw<{ language: string; n: bigint }[]>`
    SELECT c.language, count(*) AS n FROM customer c WHERE ${audienceWhere(ctx.tenantId, resolved)} GROUP BY c.language`;
  const byLanguage = rows.map((r) => ({ language: r.language, count: Number(r.n) }));
  const total = byLanguage.reduce((sum, l) => sum + l.count, 0);
  const has = content ? localesOf(content) : [...MESSAGE_LOCALES];
  const brand = await ctx.db.brand.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { defaultLanguage: true } });
  const fallback = has.find((l) => l === brand.defaultLanguage) ?? has[0] ?? brand.defaultLanguage;
  return {
    total,
    byLanguage,
    /** Customers whose language the text lacks: they get the fallback. */
    missing: byLanguage.filter((l) => !has.includes(l.language as (typeof has)[number])).map((l) => ({ ...l, fallback })),
  };
}
