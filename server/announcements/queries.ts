/** The desk's reads of announcements: a filtered page of the brand's, and one by id. Scoped to the caller's brand. */
import "server-only";
import type { z } from "zod";
import type { BrandContext } from "../actor";
import type { Prisma } from "../db/client";
import { AppError } from "../errors";
import type { AnnouncementListInput, AnnouncementState, ZAnnouncementRef } from "@/lib/announcements/schemas";
import { ANNOUNCEMENT_LOCALES } from "@/lib/announcements/schemas";
import { toRows } from "./rows";
import type { AnnouncementPage, AnnouncementRow } from "./types";

/** A desk state as a where clause (see stateOf in ./content.ts). */
function stateWhere(state: AnnouncementState, now: Date): Prisma.AnnouncementWhereInput {
  switch (state) {
    case "draft":
    case "unpublished":
      return { status: state };
    case "scheduled":
      return { status: "published", startsAt: { gt: now } };
    case "live":
      return { status: "published", startsAt: { lte: now }, OR: [{ endsAt: null }, { endsAt: { gt: now } }] };
    case "ended":
      return { status: "published", endsAt: { lte: now } };
  }
}

export function announcementWhere(tenantId: string, f: Pick<AnnouncementListInput, "status" | "q">, now: Date): Prisma.AnnouncementWhereInput {
  const and: Prisma.AnnouncementWhereInput[] = [{ brandId: tenantId }];
  if (f.status?.length) and.push({ OR: f.status.map((s) => stateWhere(s, now)) });
  if (f.q) and.push({ OR: ANNOUNCEMENT_LOCALES.map((locale) => ({ content: { path: [locale, "title"], string_contains: f.q, mode: "insensitive" as const } })) });
  return { AND: and };
}

/** One page of the brand's announcements, newest first (by creation or start; `dir` flips it). */
export async function listAnnouncements(ctx: BrandContext, q: AnnouncementListInput): Promise<AnnouncementPage> {
  const now = new Date();
  const where = announcementWhere(ctx.tenantId, q, now);
  const orderBy: Prisma.AnnouncementOrderByWithRelationInput[] = q.sort === "startsAt" ? [{ startsAt: q.dir }, { id: q.dir }] : [{ createdAt: q.dir }, { id: q.dir }];
  const records = await ctx.db.announcement.findMany({ where, orderBy, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
  const total = await ctx.db.announcement.count({ where });
  return { rows: await toRows(ctx.db, ctx.tenantId, records, now), total, page: q.page, pageSize: q.pageSize };
}

/** One of the brand's announcements, with its content in every language written. */
export async function getAnnouncement(ctx: BrandContext, input: z.infer<typeof ZAnnouncementRef>): Promise<AnnouncementRow> {
  const record = await ctx.db.announcement.findFirst({ where: { id: input.id, brandId: ctx.tenantId } });
  if (!record) throw new AppError("NOT_FOUND", "announcements.errors.notFound");
  const [row] = await toRows(ctx.db, ctx.tenantId, [record]);
  return row;
}
