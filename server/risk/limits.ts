/**
 * Risk limits of the caller's brand: list, create, update, disable. Admins (risk.manage) change them;
 * every change is audited with before/after. A group or customer scope must name one of the brand's.
 */
import "server-only";
import type { z } from "zod";
import type { BrandContext } from "../actor";
import { recordAudit } from "../audit/audit";
import type { Db, DbTx, Prisma } from "../db/client";
import type { RiskLimit } from "../db/generated/client";
import { AppError } from "../errors";
import type { RiskActionKey, RiskKindKey, ZCreateRiskLimitInput, ZRiskLimitListInput, ZRiskLimitRef, ZUpdateRiskLimitInput } from "@/lib/risk/schemas";
import { pageArgs } from "@/lib/table-state";
import type { RiskLimitRow } from "./types";

type In<T extends z.ZodType> = z.infer<T>;

const limitNotFound = () => new AppError("NOT_FOUND", "risk.errors.limitNotFound");

/** Names of the limits' groups and customers, in two queries. */
export async function toLimitRows(db: Db | DbTx, brandId: string, limits: RiskLimit[]): Promise<RiskLimitRow[]> {
  const groupIds = limits.filter((l) => l.scope === "group" && l.scopeId).map((l) => l.scopeId!);
  const customerIds = limits.filter((l) => l.scope === "customer" && l.scopeId).map((l) => l.scopeId!);
  const [groups, customers] = await Promise.all([
    groupIds.length ? db.customerGroup.findMany({ where: { brandId, id: { in: groupIds } }, select: { id: true, name: true } }) : [],
    customerIds.length ? db.customer.findMany({ where: { brandId, id: { in: customerIds } }, select: { id: true, uid: true, name: true } }) : [],
  ]);
  const labels = new Map<string, string>([...groups.map((g) => [g.id, g.name] as const), ...customers.map((c) => [c.id, `${c.uid} · ${c.name}`] as const)]);
  return limits.map((l) => ({
    id: l.id,
    scope: l.scope,
    scopeId: l.scopeId,
    scopeLabel: l.scopeId ? (labels.get(l.scopeId) ?? "—") : null,
    kind: l.kind as RiskKindKey,
    threshold: l.threshold.toFixed().replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, ""),
    windowMinutes: l.windowMinutes,
    severity: l.severity,
    actions: l.actions as RiskActionKey[],
    enabled: l.enabled,
    version: l.version,
    createdAt: l.createdAt,
    updatedAt: l.updatedAt,
  }));
}

const snapshot = (l: RiskLimit) => ({
  scope: l.scope,
  scopeId: l.scopeId,
  kind: l.kind,
  threshold: l.threshold.toFixed(),
  windowMinutes: l.windowMinutes,
  severity: l.severity,
  actions: l.actions,
  enabled: l.enabled,
  version: l.version,
});

async function assertScope(tx: DbTx, brandId: string, input: { scope: string; scopeId?: string }) {
  if (input.scope === "brand") return null;
  const found =
    input.scope === "group"
      ? await tx.customerGroup.findFirst({ where: { id: input.scopeId, brandId }, select: { id: true } })
      : await tx.customer.findFirst({ where: { id: input.scopeId, brandId }, select: { id: true } });
  if (!found) throw new AppError("VALIDATION", input.scope === "group" ? "risk.errors.unknownGroup" : "risk.errors.unknownCustomer", { field: "scopeId" });
  return found.id;
}

const staffId = (ctx: BrandContext) => (ctx.actor.type === "staff" ? ctx.actor.id : null);

export async function listLimits(ctx: BrandContext, input: In<typeof ZRiskLimitListInput>) {
  const where = { brandId: ctx.tenantId, ...(input.kind ? { kind: { in: input.kind } } : {}), ...(input.scope ? { scope: { in: input.scope } } : {}) };
  const [total, rows] = await Promise.all([
    ctx.db.riskLimit.count({ where }),
    ctx.db.riskLimit.findMany({ where, orderBy: [{ createdAt: input.dir }, { id: input.dir }], ...pageArgs(input) }),
  ]);
  return { rows: await toLimitRows(ctx.db, ctx.tenantId, rows), total, page: input.page, pageSize: input.pageSize };
}

export async function createLimit(ctx: BrandContext, input: In<typeof ZCreateRiskLimitInput>): Promise<RiskLimitRow> {
  return ctx.db.$transaction(async (tx) => {
    const scopeId = await assertScope(tx, ctx.tenantId, input);
    const created = await tx.riskLimit.create({
      data: {
        brandId: ctx.tenantId,
        scope: input.scope,
        scopeId,
        kind: input.kind,
        threshold: input.threshold,
        windowMinutes: input.windowMinutes,
        severity: input.severity,
        actions: input.actions,
        createdById: staffId(ctx),
        updatedById: staffId(ctx),
      },
    });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "risk.limit_create", entityType: "risk_limit", entityId: created.id, after: snapshot(created) });
    return (await toLimitRows(tx, ctx.tenantId, [created]))[0]!;
  });
}

async function change(ctx: BrandContext, ref: { id: string; version: number }, action: string, data: (tx: DbTx, before: RiskLimit) => Promise<Prisma.RiskLimitUncheckedUpdateManyInput>) {
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.riskLimit.findFirst({ where: { id: ref.id, brandId: ctx.tenantId } });
    if (!before) throw limitNotFound();
    if (before.version !== ref.version) throw new AppError("CONFLICT", "risk.errors.staleVersion");
    const patch = await data(tx, before);
    const { count } = await tx.riskLimit.updateMany({
      where: { id: before.id, brandId: ctx.tenantId, version: before.version },
      data: { ...patch, updatedById: staffId(ctx), version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT", "risk.errors.staleVersion");
    const after = await tx.riskLimit.findUniqueOrThrow({ where: { id: before.id } });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action, entityType: "risk_limit", entityId: before.id, before: snapshot(before), after: snapshot(after) });
    return (await toLimitRows(tx, ctx.tenantId, [after]))[0]!;
  });
}

/** Changes take effect at the next evaluation; events already open keep the numbers they were opened with. */
export const updateLimit = (ctx: BrandContext, input: In<typeof ZUpdateRiskLimitInput>) =>
  change(ctx, input, "risk.limit_update", async (tx) => {
    const scopeId = await assertScope(tx, ctx.tenantId, input);
    return { scope: input.scope, scopeId, kind: input.kind, threshold: input.threshold, windowMinutes: input.windowMinutes, severity: input.severity, actions: input.actions, enabled: input.enabled };
  });

export const disableLimit = (ctx: BrandContext, input: In<typeof ZRiskLimitRef>) =>
  change(ctx, input, "risk.limit_disable", async (_tx, before) => {
    if (!before.enabled) throw new AppError("CONFLICT", "risk.errors.alreadyDisabled");
    return { enabled: false };
  });
