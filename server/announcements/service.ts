/**
 * Announcements: a notice in one or more languages that every customer of its audience (all, or some groups)
 * sees while it runs, written as a draft, published, unpublished. Every query is scoped to the caller's brand;
 * every change is audited in its transaction and carries the version it started from.
 *
 * Editing is for drafts and unpublished announcements only: a published one is unpublished first, so what
 * customers are shown never changes under them without a record of it being taken down (and republishing
 * shows it as new). Only drafts are deleted; an announcement customers have seen stays, unpublished.
 *
 * This file holds the changes and the preview, and re-exports the desk's reads (./queries.ts) and the
 * customers' reads the partner API uses (./customer-feed.ts), so callers import one module.
 */
import "server-only";
import type { z } from "zod";
import type { BrandContext } from "../actor";
import { recordAudit } from "../audit/audit";
import type { Db, DbTx } from "../db/client";
import type { Announcement } from "../db/generated/client";
import { AppError, invalid } from "../errors";
import {
  isAnnouncementLocale,
  type AnnouncementLocale,
  type ZAnnouncementVersionRef,
  type ZCreateAnnouncementInput,
  type ZPreviewAnnouncementInput,
  type ZUpdateAnnouncementInput,
} from "@/lib/announcements/schemas";
import { buildContent, previewOf, readContent, requireDefaultLanguage } from "./content";
import { snapshot, toRows } from "./rows";
import type { AnnouncementPreview, AnnouncementRow } from "./types";

export { getAnnouncement, listAnnouncements } from "./queries";
export { announcementForCustomer, announcementsForCustomer, currentPopup } from "./customer-feed";

type In<T extends z.ZodType> = z.infer<T>;
type Action = "announcement.create" | "announcement.update" | "announcement.publish" | "announcement.unpublish" | "announcement.delete";

const notFound = () => new AppError("NOT_FOUND", "announcements.errors.notFound");
const stale = () => new AppError("CONFLICT", "announcements.errors.staleVersion");

async function defaultLanguageOf(tx: Db | DbTx, brandId: string): Promise<string> {
  const brand = await tx.brand.findUniqueOrThrow({ where: { id: brandId }, select: { defaultLanguage: true } });
  return brand.defaultLanguage;
}

/** The audience's groups, each one of the brand's. */
async function assertGroups(tx: DbTx, brandId: string, groupIds: string[]): Promise<string[]> {
  const wanted = [...new Set(groupIds)];
  if (wanted.length === 0) return wanted;
  const found = await tx.customerGroup.count({ where: { brandId, id: { in: wanted } } });
  if (found !== wanted.length) throw invalid("groupIds", "announcements.errors.unknownGroup");
  return wanted;
}

/** The brand's announcement at `version`, locked for the change (two changes of one announcement queue up). */
async function loadForChange(tx: DbTx, ctx: BrandContext, ref: In<typeof ZAnnouncementVersionRef>): Promise<Announcement> {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM announcement WHERE id = ${ref.id}::uuid AND brand_id = ${ctx.tenantId}::uuid FOR UPDATE`;
  if (!locked) throw notFound();
  const before = await tx.announcement.findUniqueOrThrow({ where: { id: locked.id } });
  if (before.version !== ref.version) throw stale();
  return before;
}

async function audited(tx: DbTx, ctx: BrandContext, action: Action, before: Announcement | null, after: Announcement | null) {
  const entityId = (after ?? before)!.id;
  await recordAudit(tx, ctx, {
    brandId: ctx.tenantId,
    action,
    entityType: "announcement",
    entityId,
    ...(before ? { before: snapshot(before) } : {}),
    ...(after ? { after: snapshot(after) } : {}),
  });
}

async function rowOf(tx: DbTx, ctx: BrandContext, record: Announcement): Promise<AnnouncementRow> {
  const [row] = await toRows(tx, ctx.tenantId, [record]);
  return row;
}

/** A new draft. Its content must include the brand's default language; its groups must be the brand's. */
export async function createAnnouncement(ctx: BrandContext, input: In<typeof ZCreateAnnouncementInput>): Promise<AnnouncementRow> {
  return ctx.db.$transaction(async (tx) => {
    const content = buildContent(input.content);
    requireDefaultLanguage(content, await defaultLanguageOf(tx, ctx.tenantId));
    const groupIds = await assertGroups(tx, ctx.tenantId, input.groupIds);
    const created = await tx.announcement.create({
      data: {
        brandId: ctx.tenantId,
        content,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        pinned: input.pinned,
        popup: input.popup,
        groupIds,
        status: "draft",
        createdById: ctx.actor.type === "staff" ? ctx.actor.id : null,
      },
    });
    await audited(tx, ctx, "announcement.create", null, created);
    return rowOf(tx, ctx, created);
  });
}

/** Edits a draft or an unpublished announcement (a published one is unpublished first). */
export async function updateAnnouncement(ctx: BrandContext, input: In<typeof ZUpdateAnnouncementInput>): Promise<AnnouncementRow> {
  return ctx.db.$transaction(async (tx) => {
    const before = await loadForChange(tx, ctx, input);
    if (before.status === "published") throw new AppError("CONFLICT", "announcements.errors.publishedLocked");
    const content = buildContent(input.content);
    requireDefaultLanguage(content, await defaultLanguageOf(tx, ctx.tenantId));
    const groupIds = await assertGroups(tx, ctx.tenantId, input.groupIds);
    const after = await tx.announcement.update({
      where: { id: before.id },
      data: { content, startsAt: input.startsAt, endsAt: input.endsAt, pinned: input.pinned, popup: input.popup, groupIds, version: { increment: 1 } },
    });
    await audited(tx, ctx, "announcement.update", before, after);
    return rowOf(tx, ctx, after);
  });
}

/**
 * Shows a draft or an unpublished announcement to its audience from its start. Refused when its end has
 * passed (nobody would see it) or when it lacks the brand's default language (changed since it was written).
 */
export async function publishAnnouncement(ctx: BrandContext, input: In<typeof ZAnnouncementVersionRef>): Promise<AnnouncementRow> {
  return ctx.db.$transaction(async (tx) => {
    const before = await loadForChange(tx, ctx, input);
    if (before.status === "published") throw new AppError("CONFLICT", "announcements.errors.alreadyPublished");
    const now = new Date();
    if (before.endsAt && before.endsAt.getTime() <= now.getTime()) throw invalid("endsAt", "announcements.errors.endsInPast");
    requireDefaultLanguage(readContent(before.content), await defaultLanguageOf(tx, ctx.tenantId));
    const after = await tx.announcement.update({ where: { id: before.id }, data: { status: "published", publishedAt: now, version: { increment: 1 } } });
    await audited(tx, ctx, "announcement.publish", before, after);
    return rowOf(tx, ctx, after);
  });
}

/** Takes a published announcement down: customers see it no more; it can be edited and published again. */
export async function unpublishAnnouncement(ctx: BrandContext, input: In<typeof ZAnnouncementVersionRef>): Promise<AnnouncementRow> {
  return ctx.db.$transaction(async (tx) => {
    const before = await loadForChange(tx, ctx, input);
    if (before.status !== "published") throw new AppError("CONFLICT", "announcements.errors.notPublished");
    const after = await tx.announcement.update({ where: { id: before.id }, data: { status: "unpublished", version: { increment: 1 } } });
    await audited(tx, ctx, "announcement.unpublish", before, after);
    return rowOf(tx, ctx, after);
  });
}

/** Deletes a draft (never shown to anyone); the audit keeps what it said. */
export async function deleteAnnouncement(ctx: BrandContext, input: In<typeof ZAnnouncementVersionRef>): Promise<{ id: string }> {
  return ctx.db.$transaction(async (tx) => {
    const before = await loadForChange(tx, ctx, input);
    if (before.status !== "draft") throw new AppError("CONFLICT", "announcements.errors.onlyDraftsDeleted");
    await tx.announcement.delete({ where: { id: before.id } });
    await audited(tx, ctx, "announcement.delete", before, null);
    return { id: before.id };
  });
}

/** What the editor needs of the brand: the language customers without their own get (it must be written). */
export async function announcementDefaults(ctx: BrandContext): Promise<{ defaultLanguage: AnnouncementLocale }> {
  const defaultLanguage = await defaultLanguageOf(ctx.db, ctx.tenantId);
  return { defaultLanguage: isAnnouncementLocale(defaultLanguage) ? defaultLanguage : "en" };
}

/** The content as typed, as customers would see it in each language: plain-text titles and sanitised HTML. Saves nothing. */
export function previewAnnouncement(input: In<typeof ZPreviewAnnouncementInput>): AnnouncementPreview {
  return previewOf(input.content);
}
