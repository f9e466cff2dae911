/**
 * Reading the audit log: the brand's entries (or, for platform admins, the platform chain), filtered on
 * the server, newest first, for the audit page and its CSV export.
 */
import "server-only";
import type { TenantContext } from "../actor";
import type { Prisma } from "../db/client";
import { AppError } from "../errors";
import { pageArgs, type Page, type TableQuery } from "@/lib/table-state";
import { verifyAuditChains } from "./audit";
import { PLATFORM_CHAIN } from "./chain";

export interface AuditListQuery extends TableQuery {
  sort?: "createdAt";
  action?: string;
  actor?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  /** Platform admins only: the platform chain (brands, platform admins, unknown-email sign-ins). */
  platform?: boolean;
}

export interface AuditRow {
  id: string;
  createdAt: Date;
  actorType: string;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  userAgent: string | null;
  before: unknown;
  after: unknown;
  hash: string;
}

/** A date-only "to" (midnight UTC, as a date picker sends it) includes that whole day. */
export function endOfRange(to: Date): Date {
  const dateOnly = to.getUTCHours() === 0 && to.getUTCMinutes() === 0 && to.getUTCSeconds() === 0 && to.getUTCMilliseconds() === 0;
  return dateOnly ? new Date(to.getTime() + 24 * 60 * 60 * 1000) : new Date(to.getTime() + 1);
}

function scopeBrandId(ctx: TenantContext, platform: boolean | undefined): string | null {
  if (!platform) return ctx.tenantId;
  if (ctx.actor.role !== "platform_admin") throw new AppError("FORBIDDEN", "audit.errors.platformLogForbidden");
  return null;
}

export function auditWhere(ctx: TenantContext, q: AuditListQuery): Prisma.AuditLogWhereInput {
  return {
    brandId: scopeBrandId(ctx, q.platform),
    ...(q.action ? { action: { startsWith: q.action } } : {}),
    ...(q.actor ? { actorLabel: { contains: q.actor, mode: "insensitive" } } : {}),
    ...(q.entityType ? { entityType: q.entityType } : {}),
    ...(q.entityId ? { entityId: q.entityId } : {}),
    ...(q.from || q.to ? { createdAt: { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lt: endOfRange(q.to) } : {}) } } : {}),
    ...(q.q
      ? {
          OR: [
            { action: { contains: q.q, mode: "insensitive" } },
            { actorLabel: { contains: q.q, mode: "insensitive" } },
            { entityId: { contains: q.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
}

const orderBy = (q: AuditListQuery): Prisma.AuditLogOrderByWithRelationInput[] => [{ createdAt: q.dir }, { id: q.dir }];

const toRow = (r: Prisma.AuditLogGetPayload<object>): AuditRow => ({
  id: r.id.toString(),
  createdAt: r.createdAt,
  actorType: r.actorType,
  actorLabel: r.actorLabel,
  action: r.action,
  entityType: r.entityType,
  entityId: r.entityId,
  ip: r.ip,
  userAgent: r.userAgent,
  before: r.before,
  after: r.after,
  hash: r.hash,
});

export async function listAudit(ctx: TenantContext, q: AuditListQuery): Promise<Page<AuditRow>> {
  const where = auditWhere(ctx, q);
  const [rows, total] = await Promise.all([
    ctx.db.auditLog.findMany({ where, orderBy: orderBy(q), ...pageArgs(q) }),
    ctx.db.auditLog.count({ where }),
  ]);
  return { rows: rows.map(toRow), total, page: q.page, pageSize: q.pageSize };
}

export async function* iterateAudit(ctx: TenantContext, q: AuditListQuery, batchSize = 1000) {
  const where = auditWhere(ctx, q);
  let cursor: bigint | undefined;
  for (;;) {
    const batch = await ctx.db.auditLog.findMany({
      where,
      orderBy: orderBy(q),
      take: batchSize,
      ...(cursor !== undefined ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const row of batch) yield toRow(row);
    if (batch.length < batchSize) return;
    cursor = batch[batch.length - 1].id;
  }
}

/** Distinct actions and entity types in scope, for the filter menus. */
export async function auditFacets(ctx: TenantContext, platform?: boolean) {
  const brandId = scopeBrandId(ctx, platform);
  const [actions, entityTypes] = await Promise.all([
    ctx.db.auditLog.findMany({ where: { brandId }, distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    ctx.db.auditLog.findMany({ where: { brandId }, distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } }),
  ]);
  return { actions: actions.map((a) => a.action), entityTypes: entityTypes.map((e) => e.entityType) };
}

/** Recomputes the brand's chain (or the platform chain) and reports the first broken link. */
export async function verifyScopedChain(ctx: TenantContext, platform?: boolean) {
  const chain = scopeBrandId(ctx, platform) ?? PLATFORM_CHAIN;
  const report = await verifyAuditChains(ctx.db, { chain });
  return { ...report, breaks: report.breaks.map((b) => ({ ...b, id: b.id.toString() })) };
}
