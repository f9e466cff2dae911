/**
 * The per-customer money-movement breaker: tripped by the risk action customer_breaker (as the system,
 * naming the event), shown on the customer's page, reset by staff holding risk.manage with a reason. Both
 * take the customer's breaker lock exclusively (server/emergency/customer-breaker.ts), so a trip waits
 * for that customer's money transactions in flight and every later one is refused. Audited.
 */
import "server-only";
import type { z } from "zod";
import type { BrandContext, TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import type { Db, DbTx } from "../db/client";
import { lockCustomerBreaker } from "../emergency/customer-breaker";
import { AppError, notFound } from "../errors";
import type { ZCustomerBreakerRef, ZResetCustomerBreakerInput } from "@/lib/risk/schemas";

type In<T extends z.ZodType> = z.infer<T>;

export interface CustomerBreakerStatus {
  id: string;
  trippedAt: Date;
  trippedByEventId: string | null;
}

type BreakerRecord = { id: string; customerId: string; trippedByEventId: string | null; trippedAt: Date; resetAt: Date | null; resetById: string | null; resetReason: string | null };
const snapshot = (b: BreakerRecord) => ({ customerId: b.customerId, trippedByEventId: b.trippedByEventId, trippedAt: b.trippedAt, resetAt: b.resetAt, resetReason: b.resetReason });

/**
 * The trip and the reset wait for every money transaction of the customer's stripe to commit (a bonus
 * batch's may run up to two minutes): the default 5 s would fail the trip for good while one runs.
 */
const BREAKER_TX = { maxWait: 10_000, timeout: 130_000 } as const;

const activeOf = (db: Db | DbTx, brandId: string, customerId: string) =>
  db.customerBreaker.findFirst({ where: { brandId, customerId, resetAt: null }, orderBy: { trippedAt: "asc" } });

/** The customer's active breaker, or null (the customer page's badge). */
export async function customerBreaker(ctx: TenantContext, input: In<typeof ZCustomerBreakerRef>): Promise<CustomerBreakerStatus | null> {
  const customer = await ctx.db.customer.findFirst({ where: { id: input.customerId, brandId: ctx.tenantId }, select: { id: true } });
  if (!customer) throw notFound("customer");
  const b = await activeOf(ctx.db, ctx.tenantId, input.customerId);
  return b ? { id: b.id, trippedAt: b.trippedAt, trippedByEventId: b.trippedByEventId } : null;
}

/** Trips the breaker (as the risk system); already tripped: nothing new. Says whether this call tripped it. */
export async function tripCustomerBreaker(ctx: BrandContext, customerId: string, eventId: string): Promise<{ id: string; tripped: boolean }> {
  return ctx.db.$transaction(async (tx) => {
    await lockCustomerBreaker(tx, ctx.tenantId, customerId);
    const active = await activeOf(tx, ctx.tenantId, customerId);
    if (active) return { id: active.id, tripped: false };
    const created = await tx.customerBreaker.create({ data: { brandId: ctx.tenantId, customerId, trippedByEventId: eventId } });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "risk.breaker_trip", entityType: "customer", entityId: customerId, after: snapshot(created) });
    return { id: created.id, tripped: true };
  }, BREAKER_TX);
}

/** Resets the customer's active breaker with a reason; money moves again. Refused when none is active. */
export async function resetCustomerBreaker(ctx: BrandContext, input: In<typeof ZResetCustomerBreakerInput>): Promise<{ id: string; resetAt: Date }> {
  return ctx.db.$transaction(async (tx) => {
    const customer = await tx.customer.findFirst({ where: { id: input.customerId, brandId: ctx.tenantId }, select: { id: true } });
    if (!customer) throw notFound("customer");
    await lockCustomerBreaker(tx, ctx.tenantId, input.customerId);
    const before = await activeOf(tx, ctx.tenantId, input.customerId);
    if (!before) throw new AppError("CONFLICT", "risk.errors.breakerNotTripped");
    const staffId = ctx.actor.type === "staff" ? ctx.actor.id : null;
    // Every active row of the customer ends (there is one: trips are serialised by the lock).
    await tx.customerBreaker.updateMany({ where: { brandId: ctx.tenantId, customerId: input.customerId, resetAt: null }, data: { resetAt: new Date(), resetById: staffId, resetReason: input.reason } });
    const after = await tx.customerBreaker.findUniqueOrThrow({ where: { id: before.id } });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "risk.breaker_reset", entityType: "customer", entityId: input.customerId, before: snapshot(before), after: snapshot(after) });
    return { id: after.id, resetAt: after.resetAt! };
  }, BREAKER_TX);
}

/** Undo of the action: resets the breaker this event tripped, if it is still the active one. */
export async function resetTrippedBy(ctx: BrandContext, customerId: string, eventId: string, reason: string): Promise<"applied" | "skipped"> {
  const active = await activeOf(ctx.db, ctx.tenantId, customerId);
  if (!active || active.trippedByEventId !== eventId) return "skipped";
  await resetCustomerBreaker(ctx, { customerId, reason });
  return "applied";
}
