/**
 * Segments: a customers-list filter saved by name, to send to again. The filter is the customer list's
 * own (its WHERE is the audience), so "what I see in the list" is "who gets it" — counted when sending starts.
 */
import "server-only";
import type { z } from "zod";
import type { BrandContext, TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { invalid, notFound } from "../errors";
import { countAudience } from "./audience";
import type { ZSegmentInput } from "@/lib/messages/schemas";

export async function listSegments(ctx: BrandContext) {
  return ctx.db.messageSegment.findMany({ where: { brandId: ctx.tenantId }, orderBy: { name: "asc" }, select: { id: true, name: true, filter: true, createdAt: true } });
}

export async function createSegment(ctx: TenantContext, input: z.infer<typeof ZSegmentInput>) {
  const exists = await ctx.db.messageSegment.findFirst({ where: { brandId: ctx.tenantId, name: input.name }, select: { id: true } });
  if (exists) throw invalid("name", "messages.errors.segmentNameTaken");
  return ctx.db.$transaction(async (tx) => {
    const segment = await tx.messageSegment.create({ data: { brandId: ctx.tenantId, name: input.name, filter: input.filter, createdById: ctx.actor.id } });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "message_segment.create", entityType: "message_segment", entityId: segment.id, after: segment });
    return segment;
  });
}

export async function deleteSegment(ctx: TenantContext, id: string) {
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.messageSegment.findFirst({ where: { id, brandId: ctx.tenantId } });
    if (!before) throw notFound("segment");
    await tx.messageSegment.delete({ where: { id: before.id } });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "message_segment.delete", entityType: "message_segment", entityId: before.id, before });
    return { id: before.id };
  });
}

/** How many customers a segment reaches now. */
export const segmentSize = (ctx: BrandContext, segmentId: string) => countAudience(ctx.db, ctx, { kind: "segment", segmentId });
