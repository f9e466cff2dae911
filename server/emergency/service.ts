/**
 * The emergency stop: trigger and reset (global — platform admins — or one brand — its admins), each with
 * a reason and a step-up code, each audited (the global one on the platform chain); the status the page
 * and the banner read. What the stop refuses is decided in ./guard.ts, which every money movement and
 * every exchange mutation passes.
 */
import "server-only";
import type { StaffContext, TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { createDbClient, type Db, type DbTx } from "../db/client";
import { AppError } from "../errors";
import type { EmergencyBanner, EmergencyCancelProgress, EmergencyChangeInput, EmergencyScope, EmergencyStatus, EmergencyStopRow, EmergencyTriggerInput } from "@/lib/emergency/schemas";
import { enqueueBestEffort } from "../queues/best-effort";
import { initialProgress } from "./cancel-orders";
import { EMERGENCY_LOCK_KEY } from "./guard";
import { checkStepUp, claimStep } from "./step-up";

/** The trigger waits for in-flight money transactions (at most their own time-out) before it activates. */
const TRIGGER_TX = { maxWait: 10_000, timeout: 130_000 } as const;

/**
 * The trigger's own connection pool: when this process's pool is full of money transactions waiting their
 * turn, the stop must not queue behind them for a connection (it would land only after they all ran).
 */
let controlPool: Db | null = null;
const control = () => (controlPool ??= createDbClient());

type StopRecord = {
  id: string;
  brandId: string | null;
  reason: string;
  cancelOrders: boolean;
  cancelProgress: unknown;
  triggeredById: string;
  triggeredAt: Date;
  resetById: string | null;
  resetAt: Date | null;
  resetReason: string | null;
};

const scopeOf = (brandId: string | null): EmergencyScope => (brandId ? "brand" : "global");
const snapshot = (s: StopRecord) => ({ scope: scopeOf(s.brandId), brandId: s.brandId, reason: s.reason, cancelOrders: s.cancelOrders, triggeredAt: s.triggeredAt, resetAt: s.resetAt, resetReason: s.resetReason });

async function toRows(db: Db | DbTx, records: StopRecord[]): Promise<EmergencyStopRow[]> {
  const ids = [...new Set(records.flatMap((r) => [r.triggeredById, r.resetById]).filter((id): id is string => !!id))];
  const staff = ids.length ? await db.staffUser.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const name = new Map(staff.map((s) => [s.id, s.name]));
  return records.map((r) => ({
    id: r.id,
    scope: scopeOf(r.brandId),
    reason: r.reason,
    triggeredAt: r.triggeredAt,
    triggeredBy: name.get(r.triggeredById) ?? "—",
    resetAt: r.resetAt,
    resetBy: r.resetById ? (name.get(r.resetById) ?? "—") : null,
    resetReason: r.resetReason,
    cancelOrders: r.cancelOrders,
    cancelProgress: (r.cancelProgress as EmergencyCancelProgress | null) ?? null,
  }));
}

/** The active stops that apply to the caller's brand and the recent history (brand and global). */
export async function emergencyStatus(ctx: TenantContext): Promise<EmergencyStatus> {
  const records = await ctx.db.emergencyStop.findMany({
    where: { OR: [{ brandId: null }, { brandId: ctx.tenantId }] },
    orderBy: { triggeredAt: "desc" },
    take: 20,
  });
  const active = await ctx.db.emergencyStop.findMany({ where: { resetAt: null, OR: [{ brandId: null }, { brandId: ctx.tenantId }] } });
  const [history, actives] = await Promise.all([toRows(ctx.db, records), toRows(ctx.db, active)]);
  return { global: actives.find((r) => r.scope === "global") ?? null, brand: actives.find((r) => r.scope === "brand") ?? null, history };
}

/** For the banner on every page: the stop that applies to the brand (the global one first), or null. */
export async function emergencyBanner(db: Db, brandId: string | null): Promise<EmergencyBanner | null> {
  const stop = await db.emergencyStop.findFirst({
    where: { resetAt: null, OR: brandId ? [{ brandId: null }, { brandId }] : [{ brandId: null }] },
    orderBy: { triggeredAt: "asc" },
    select: { brandId: true, triggeredAt: true },
  });
  return stop ? { scope: scopeOf(stop.brandId), triggeredAt: stop.triggeredAt } : null;
}

/**
 * Activates the stop for `brandId` (null: global). Takes the stop's advisory lock exclusively first, so it
 * waits for every money transaction already past the guard to commit; every later one sees the stop.
 * With `cancelOrders`, a job then cancels every open order in its scope (./cancel-orders.ts).
 */
async function trigger(ctx: StaffContext, brandId: string | null, input: EmergencyTriggerInput): Promise<EmergencyStopRow> {
  const step = await checkStepUp(control(), ctx, brandId, input.totpCode);
  const record = await control().$transaction(async (tx) => {
    await claimStep(tx, ctx, step);
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${EMERGENCY_LOCK_KEY})`;
    const active = await tx.emergencyStop.findFirst({ where: { brandId, resetAt: null }, select: { id: true } });
    if (active) throw new AppError("CONFLICT", brandId ? "emergency.errors.alreadyActiveBrand" : "emergency.errors.alreadyActiveGlobal");
    const cancelOrders = input.cancelOrders === true;
    const created = await tx.emergencyStop.create({
      data: { brandId, reason: input.reason, triggeredById: ctx.actor.id, cancelOrders, cancelProgress: cancelOrders ? { ...initialProgress() } : undefined },
    });
    await recordAudit(tx, ctx, { brandId, action: "emergency.trigger", entityType: "emergency_stop", entityId: created.id, after: snapshot(created) });
    return created;
  }, TRIGGER_TX);
  if (record.cancelOrders) await queueCancel(ctx.db, record);
  return (await toRows(ctx.db, [(await ctx.db.emergencyStop.findUnique({ where: { id: record.id } })) ?? record]))[0];
}

/** The stop holds whatever happens here; a queue that is down (or does not answer) is shown on the stop, not thrown at the admin. */
async function queueCancel(db: Db, stop: StopRecord) {
  const queued = await enqueueBestEffort("emergency-cancel-orders", { stopId: stop.id, ...(stop.brandId ? { brandId: stop.brandId } : {}) });
  if (!queued) await db.emergencyStop.update({ where: { id: stop.id }, data: { cancelProgress: { ...initialProgress(), outcome: "notQueued" } } });
}

/** Ends the active stop of `brandId` (null: global), with a reason and a step-up code. */
async function reset(ctx: StaffContext, brandId: string | null, input: EmergencyChangeInput): Promise<EmergencyStopRow> {
  const step = await checkStepUp(ctx.db, ctx, brandId, input.totpCode);
  const record = await ctx.db.$transaction(async (tx) => {
    await claimStep(tx, ctx, step);
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM emergency_stop WHERE reset_at IS NULL AND brand_id IS NOT DISTINCT FROM ${brandId}::uuid FOR UPDATE`;
    if (!rows[0]) throw new AppError("CONFLICT", brandId ? "emergency.errors.notActiveBrand" : "emergency.errors.notActiveGlobal");
    const before = await tx.emergencyStop.findUniqueOrThrow({ where: { id: rows[0].id } });
    const after = await tx.emergencyStop.update({ where: { id: before.id }, data: { resetAt: new Date(), resetById: ctx.actor.id, resetReason: input.reason } });
    await recordAudit(tx, ctx, { brandId, action: "emergency.reset", entityType: "emergency_stop", entityId: after.id, before: snapshot(before), after: snapshot(after) });
    return after;
  });
  return (await toRows(ctx.db, [record]))[0];
}

/** Stops every money movement and exchange mutation of the caller's brand. */
export const triggerBrandStop = (ctx: TenantContext, input: EmergencyTriggerInput) => trigger(ctx, ctx.tenantId, input);
export const resetBrandStop = (ctx: TenantContext, input: EmergencyChangeInput) => reset(ctx, ctx.tenantId, input);
/** Stops them for every brand (platform admins). */
export const triggerGlobalStop = (ctx: StaffContext, input: EmergencyTriggerInput) => trigger(ctx, null, input);
export const resetGlobalStop = (ctx: StaffContext, input: EmergencyChangeInput) => reset(ctx, null, input);
