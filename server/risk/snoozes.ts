/**
 * Snoozes: a limit switched off for one customer, with a reason, until a time at most 30 days ahead (or
 * until cancelled). The evaluator asks `snoozedPairs` once per batch of customers (`snoozedLimitIds` for one at
 * request time) — one indexed query — and skips those limits: no event, no action. Staff snooze and cancel
 * (risk.handle); both are audited.
 */
import "server-only";
import type { z } from "zod";
import type { BrandContext } from "../actor";
import { recordAudit } from "../audit/audit";
import type { Db, DbTx } from "../db/client";
import type { RiskSnooze } from "../db/generated/client";
import { AppError } from "../errors";
import type { RiskKindKey, ZRiskSnoozeInput, ZRiskSnoozeListInput, ZRiskSnoozeRef } from "@/lib/risk/schemas";
import type { RiskSnoozeRow } from "./types";

type In<T extends z.ZodType> = z.infer<T>;

/** The limits snoozed for the customer at `at`: what the evaluator skips. */
export async function snoozedLimitIds(db: Db | DbTx, brandId: string, customerId: string, at: Date): Promise<Set<string>> {
  const rows = await db.riskSnooze.findMany({ where: { brandId, customerId, cancelledAt: null, until: { gt: at } }, select: { limitId: true } });
  return new Set(rows.map((r) => r.limitId));
}

/** The (limit, customer) pairs snoozed at `at` among the customers, as "limitId:customerId": one query for a batch. */
export async function snoozedPairs(db: Db | DbTx, brandId: string, customerIds: readonly string[], at: Date): Promise<Set<string>> {
  if (!customerIds.length) return new Set();
  const rows = await db.$queryRaw<{ key: string }[]>`
    SELECT limit_id::text || ':' || customer_id::text AS key FROM risk_snooze
    WHERE brand_id = ${brandId}::uuid AND customer_id = ANY(${customerIds}::uuid[]) AND cancelled_at IS NULL AND until > ${at}`;
  return new Set(rows.map((r) => r.key));
}

const activeWhere = (brandId: string, customerId: string, at = new Date()) => ({ brandId, customerId, cancelledAt: null, until: { gt: at } });

async function toRows(db: Db | DbTx, snoozes: (RiskSnooze & { limit: { kind: string; scope: RiskSnoozeRow["scope"] } })[]): Promise<RiskSnoozeRow[]> {
  const staffIds = [...new Set(snoozes.map((s) => s.createdById).filter((x): x is string => !!x))];
  const staff = staffIds.length ? await db.staffUser.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(staff.map((s) => [s.id, s.name]));
  return snoozes.map((s) => ({
    id: s.id,
    limitId: s.limitId,
    customerId: s.customerId,
    kind: s.limit.kind as RiskKindKey,
    scope: s.limit.scope,
    until: s.until,
    reason: s.reason,
    createdBy: names.get(s.createdById ?? "") ?? "—",
    createdAt: s.createdAt,
  }));
}

const LIMIT = { limit: { select: { kind: true, scope: true } } } as const;

/** The customer's active snoozes (of one limit, or all), soonest end first. */
export async function listActiveSnoozes(db: Db | DbTx, brandId: string, input: In<typeof ZRiskSnoozeListInput>): Promise<RiskSnoozeRow[]> {
  const rows = await db.riskSnooze.findMany({
    where: { ...activeWhere(brandId, input.customerId), ...(input.limitId ? { limitId: input.limitId } : {}) },
    include: LIMIT,
    orderBy: [{ until: "asc" }, { id: "asc" }],
  });
  return toRows(db, rows);
}

export const listSnoozes = (ctx: BrandContext, input: In<typeof ZRiskSnoozeListInput>) => listActiveSnoozes(ctx.db, ctx.tenantId, input);

const staffId = (ctx: BrandContext) => (ctx.actor.type === "staff" ? ctx.actor.id : null);
const snapshot = (s: RiskSnooze) => ({ limitId: s.limitId, customerId: s.customerId, until: s.until.toISOString(), reason: s.reason, cancelledAt: s.cancelledAt?.toISOString() ?? null });

/** Snoozes one of the brand's limits for one of its customers; one active snooze per limit and customer. */
export async function snooze(ctx: BrandContext, input: In<typeof ZRiskSnoozeInput>): Promise<RiskSnoozeRow> {
  return ctx.db.$transaction(async (tx) => {
    const [limit, customer] = await Promise.all([
      tx.riskLimit.findFirst({ where: { id: input.limitId, brandId: ctx.tenantId }, select: { id: true } }),
      // Locked, so two snoozes of the same limit at once cannot both pass the check below.
      tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM customer WHERE id = ${input.customerId}::uuid AND brand_id = ${ctx.tenantId}::uuid FOR UPDATE`,
    ]);
    if (!limit) throw new AppError("NOT_FOUND", "risk.errors.limitNotFound");
    if (!customer.length) throw new AppError("NOT_FOUND", "risk.errors.customerNotFound");
    const active = await tx.riskSnooze.findFirst({ where: { ...activeWhere(ctx.tenantId, input.customerId), limitId: limit.id }, select: { id: true } });
    if (active) throw new AppError("CONFLICT", "risk.errors.alreadySnoozed");
    const created = await tx.riskSnooze.create({
      data: { brandId: ctx.tenantId, limitId: limit.id, customerId: input.customerId, until: input.until, reason: input.reason, createdById: staffId(ctx) },
      include: LIMIT,
    });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "risk.snooze", entityType: "risk_snooze", entityId: created.id, after: snapshot(created) });
    return (await toRows(tx, [created]))[0]!;
  });
}

/** Ends an active snooze now: the limit is evaluated for the customer again from the next evaluation. */
export async function cancelSnooze(ctx: BrandContext, input: In<typeof ZRiskSnoozeRef>): Promise<{ id: string }> {
  return ctx.db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM risk_snooze WHERE id = ${input.id}::uuid AND brand_id = ${ctx.tenantId}::uuid FOR UPDATE`;
    if (!row) throw new AppError("NOT_FOUND", "risk.errors.snoozeNotFound");
    const before = await tx.riskSnooze.findUniqueOrThrow({ where: { id: row.id } });
    if (before.cancelledAt || before.until <= new Date()) throw new AppError("CONFLICT", "risk.errors.snoozeNotActive");
    const after = await tx.riskSnooze.update({ where: { id: before.id }, data: { cancelledAt: new Date(), cancelledById: staffId(ctx) } });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "risk.snooze_cancel", entityType: "risk_snooze", entityId: before.id, before: snapshot(before), after: snapshot(after) });
    return { id: after.id };
  });
}
