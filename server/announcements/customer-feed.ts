/**
 * Announcements as one customer of the brand sees them (the partner API's reads): published, started, not
 * ended, for everyone or for the customer's group; pinned ones first, then the latest start. Each in the
 * customer's language, else the brand's default, else whichever is written. Drafts, unpublished ones and
 * another brand's never show: asked for by id they are "not found", as if they did not exist.
 */
import "server-only";
import type { BrandContext } from "../actor";
import { readCursor, writeCursor } from "../db/cursor";
import type { Prisma } from "../db/client";
import type { Announcement } from "../db/generated/client";
import { AppError, invalid, notFound } from "../errors";
import { isIsoTimestamp } from "@/lib/validation/dates";
import { isUuid } from "@/lib/validation/ids";
import { pickLocale, readContent } from "./content";
import type { CustomerAnnouncement, CustomerAnnouncementPage } from "./types";

interface Reader {
  language: string;
  groupId: string | null;
  defaultLanguage: string;
}

/** The customer (of the brand) and the brand's default language; 404 for anyone else's customer. */
async function readerOf(ctx: BrandContext, customerId: string): Promise<Reader> {
  const customer = await ctx.db.customer.findFirst({ where: { id: customerId, brandId: ctx.tenantId }, select: { language: true, groupId: true } });
  if (!customer) throw notFound("customer");
  const brand = await ctx.db.brand.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { defaultLanguage: true } });
  return { ...customer, defaultLanguage: brand.defaultLanguage };
}

/** What the customer may see at `now`. */
function visibleTo(ctx: BrandContext, reader: Reader, now: Date): Prisma.AnnouncementWhereInput {
  const audience: Prisma.AnnouncementWhereInput[] = [{ groupIds: { isEmpty: true } }];
  if (reader.groupId) audience.push({ groupIds: { has: reader.groupId } });
  return {
    brandId: ctx.tenantId,
    status: "published",
    startsAt: { lte: now },
    AND: [{ OR: [{ endsAt: null }, { endsAt: { gt: now } }] }, { OR: audience }],
  };
}

const ORDER: Prisma.AnnouncementOrderByWithRelationInput[] = [{ pinned: "desc" }, { startsAt: "desc" }, { id: "desc" }];

/** In the reader's language; null when the stored content has no language at all (never written so). */
function asSeenBy(reader: Reader, a: Announcement): CustomerAnnouncement | null {
  const content = readContent(a.content);
  const locale = pickLocale(content, reader.language, reader.defaultLanguage);
  if (!locale) return null;
  const { title, html } = content[locale]!;
  return { id: a.id, title, html, locale, pinned: a.pinned, popup: a.popup, startsAt: a.startsAt, endsAt: a.endsAt, publishedAt: a.publishedAt ?? a.startsAt };
}

/** The cursor's position (pinned, start, id), each field checked before it reaches SQL. */
function positionOf(cursor: string): { pinned: boolean; startsAt: Date; id: string } {
  const { p, s, i } = readCursor(cursor);
  if ((p !== "1" && p !== "0") || !isIsoTimestamp(s) || !isUuid(i)) throw invalid("cursor", "errors.invalidCursor");
  return { pinned: p === "1", startsAt: new Date(s), id: i };
}

/** After `at` in ORDER: (pinned, startsAt, id) descending. */
function after(at: { pinned: boolean; startsAt: Date; id: string }): Prisma.AnnouncementWhereInput {
  const later: Prisma.AnnouncementWhereInput = { OR: [{ startsAt: { lt: at.startsAt } }, { startsAt: at.startsAt, id: { lt: at.id } }] };
  return at.pinned ? { OR: [{ pinned: false }, { pinned: true, ...later }] } : { pinned: false, ...later };
}

/** A page of what the customer sees now, pinned first then the latest start; `cursor` from the previous page. */
export async function announcementsForCustomer(ctx: BrandContext, customerId: string, page: { cursor?: string; limit: number }): Promise<CustomerAnnouncementPage> {
  const position = page.cursor ? positionOf(page.cursor) : null;
  const reader = await readerOf(ctx, customerId);
  const where = visibleTo(ctx, reader, new Date());
  const records = await ctx.db.announcement.findMany({ where: position ? { AND: [where, after(position)] } : where, orderBy: ORDER, take: page.limit + 1 });
  const shown = records.slice(0, page.limit);
  const last = shown[shown.length - 1];
  return {
    rows: shown.map((a) => asSeenBy(reader, a)).filter((a): a is CustomerAnnouncement => a !== null),
    nextCursor: records.length > page.limit && last ? writeCursor({ p: last.pinned ? "1" : "0", s: last.startsAt.toISOString(), i: last.id }) : null,
  };
}

/** One announcement the customer sees now; "not found" when they do not (draft, ended, another group, another brand). */
export async function announcementForCustomer(ctx: BrandContext, customerId: string, id: string): Promise<CustomerAnnouncement> {
  const reader = await readerOf(ctx, customerId);
  const record = await ctx.db.announcement.findFirst({ where: { AND: [visibleTo(ctx, reader, new Date()), { id }] } });
  const seen = record && asSeenBy(reader, record);
  if (!seen) throw new AppError("NOT_FOUND", "announcements.errors.notFound");
  return seen;
}

/** The announcement to pop up for the customer now: of the live pop-ups they see, pinned first, then the latest start; or null. */
export async function currentPopup(ctx: BrandContext, customerId: string): Promise<CustomerAnnouncement | null> {
  const reader = await readerOf(ctx, customerId);
  const record = await ctx.db.announcement.findFirst({ where: { AND: [visibleTo(ctx, reader, new Date()), { popup: true }] }, orderBy: ORDER });
  return record && asSeenBy(reader, record);
}
