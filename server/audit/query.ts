/**
 * Reading the audit log: the brand's entries (or, for platform admins, the platform chain), filtered on
 * the server, newest first, for the audit page and its CSV export.
 */
import "server-only";
import type { TenantContext } from "../actor";
import type { Prisma } from "../db/client";
import { AppError } from "../errors";
import { pageArgs, type Page, type TableQuery } from "@/lib/table-state";
import { normaliseIp } from "@/lib/audit/ip";
import { auditEntityHref, type AuditRef } from "@/lib/audit/present";
import { verifyAuditChains } from "./audit";
import { PLATFORM_CHAIN } from "./chain";
import { actorNames, entityKey, entityNames, snapshotLabel } from "./names";
import { toAuditJson } from "./redact";

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
  /** The staff member's name (their email is actorLabel); null for the system and anonymous actors. */
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  userAgent: string | null;
  before: unknown;
  after: unknown;
  hash: string;
  /** The record the entry is about, named and linked where it has a page. */
  entity: AuditRef | null;
  /** The customer that record belongs to, when it is not the customer itself. */
  customer: AuditRef | null;
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

/** Staff whose name contains the actor filter: the page shows names, so people type names. */
async function actorIdsNamed(ctx: TenantContext, actor: string | undefined): Promise<string[]> {
  if (!actor) return [];
  const staff = await ctx.db.staffUser.findMany({
    where: { name: { contains: actor, mode: "insensitive" }, OR: [{ brandId: ctx.tenantId }, { brandId: null }] },
    select: { id: true },
    take: 100,
  });
  return staff.map((s) => s.id);
}

export function auditWhere(ctx: TenantContext, q: AuditListQuery, actorIds: string[] = []): Prisma.AuditLogWhereInput {
  return {
    brandId: scopeBrandId(ctx, q.platform),
    ...(q.action ? { action: { startsWith: q.action } } : {}),
    ...(q.actor
      ? { OR: [{ actorLabel: { contains: q.actor, mode: "insensitive" } }, ...(actorIds.length ? [{ actorType: "staff", actorId: { in: actorIds } }] : [])] }
      : {}),
    ...(q.entityType ? { entityType: q.entityType } : {}),
    ...(q.entityId ? { entityId: q.entityId } : {}),
    ...(q.from || q.to ? { createdAt: { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lt: endOfRange(q.to) } : {}) } } : {}),
    ...(q.q
      ? {
          AND: [{ OR: [
            { action: { contains: q.q, mode: "insensitive" } },
            { actorLabel: { contains: q.q, mode: "insensitive" } },
            { entityId: { contains: q.q, mode: "insensitive" } },
          ] }],
        }
      : {}),
  };
}

const orderBy = (q: AuditListQuery): Prisma.AuditLogOrderByWithRelationInput[] => [{ createdAt: q.dir }, { id: q.dir }];

type AuditRecord = Prisma.AuditLogGetPayload<object>;

/** Snapshots pass the redaction again on the way out, so a secret in an old row never reaches a reader. */
const safe = (value: unknown) => (value === null || value === undefined ? null : toAuditJson(value));

/** Rows in words: the actor's name, the record named and linked, its customer, the address normalised. */
async function present(ctx: TenantContext, brandId: string | null, records: AuditRecord[]): Promise<AuditRow[]> {
  const [names, entities] = await Promise.all([actorNames(ctx.db, records), entityNames(ctx.db, brandId, records)]);
  return records.map((r) => {
    const named = r.entityId ? entities.get(entityKey(r.entityType, r.entityId)) : undefined;
    const before = safe(r.before);
    const after = safe(r.after);
    const label = named?.ref.label ?? (r.entityId ? (snapshotLabel(before, after) ?? r.entityId) : null);
    return {
      id: r.id.toString(),
      createdAt: r.createdAt,
      actorType: r.actorType,
      actorLabel: r.actorLabel,
      actorName: r.actorType === "staff" && r.actorId ? (names.get(r.actorId) ?? null) : null,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      ip: normaliseIp(r.ip),
      userAgent: r.userAgent,
      before,
      after,
      hash: r.hash,
      // A record not found (a job, a deleted group) still links to where its kind is listed.
      entity: label === null ? null : { label, href: named ? named.ref.href : auditEntityHref(r.entityType, r.entityId) },
      customer: named?.customer ? { label: named.customer.name, href: `/customers/${named.customer.id}` } : null,
    };
  });
}

export async function listAudit(ctx: TenantContext, q: AuditListQuery): Promise<Page<AuditRow>> {
  const where = auditWhere(ctx, q, await actorIdsNamed(ctx, q.actor));
  const [rows, total] = await Promise.all([
    ctx.db.auditLog.findMany({ where, orderBy: orderBy(q), ...pageArgs(q) }),
    ctx.db.auditLog.count({ where }),
  ]);
  return { rows: await present(ctx, scopeBrandId(ctx, q.platform), rows), total, page: q.page, pageSize: q.pageSize };
}

export async function* iterateAudit(ctx: TenantContext, q: AuditListQuery, batchSize = 1000) {
  const where = auditWhere(ctx, q, await actorIdsNamed(ctx, q.actor));
  const brandId = scopeBrandId(ctx, q.platform);
  let cursor: bigint | undefined;
  for (;;) {
    const batch = await ctx.db.auditLog.findMany({
      where,
      orderBy: orderBy(q),
      take: batchSize,
      ...(cursor !== undefined ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const row of await present(ctx, brandId, batch)) yield row;
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
