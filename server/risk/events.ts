/**
 * Risk events of the caller's brand: the list (server-side paging, filters by status, kind, customer), one
 * event's detail (the rule, the numbers, the actions and their per-item results, the withdrawals it holds),
 * acknowledge, resolve with a note, and undo an action with a reason. Every change is audited.
 */
import "server-only";
import type { z } from "zod";
import type { BrandContext } from "../actor";
import { recordAudit } from "../audit/audit";
import type { Db, DbTx, Prisma } from "../db/client";
import type { RiskEvent } from "../db/generated/client";
import { AppError } from "../errors";
import type { RiskActionKey, RiskKindKey, ZRiskEventListInput, ZRiskEventNoteInput, ZRiskEventRef, ZRiskUndoInput } from "@/lib/risk/schemas";
import { pageArgs } from "@/lib/table-state";
import { RISK_ACTION_REGISTRY } from "./actions";
import type { ActionRecord } from "./actions/types";
import { actionEventOf, type EventNumbers } from "./evaluate";
import { toLimitRows } from "./limits";
import type { RiskEventDetail, RiskEventRow } from "./types";

type In<T extends z.ZodType> = z.infer<T>;

const eventNotFound = () => new AppError("NOT_FOUND", "risk.errors.eventNotFound");
const INCLUDE = { limit: true } satisfies Prisma.RiskEventInclude;
type EventRecord = Prisma.RiskEventGetPayload<{ include: typeof INCLUDE }>;

async function customersOf(db: Db | DbTx, brandId: string, ids: string[]) {
  const rows = ids.length ? await db.customer.findMany({ where: { brandId, id: { in: [...new Set(ids)] } }, select: { id: true, uid: true, name: true } }) : [];
  return new Map(rows.map((c) => [c.id, { id: c.id, uid: c.uid.toString(), name: c.name }]));
}

function toRow(e: RiskEvent, customers: Map<string, { id: string; uid: string; name: string }>): RiskEventRow {
  const n = e.numbers as unknown as EventNumbers;
  return {
    id: e.id,
    customer: customers.get(e.customerId) ?? { id: e.customerId, uid: "—", name: "—" },
    limitId: e.limitId,
    kind: e.kind as RiskKindKey,
    severity: e.severity,
    windowKey: e.windowKey,
    observed: n.observed,
    threshold: n.threshold,
    status: e.status,
    actions: (e.actions as unknown as ActionRecord[]).map((a) => a.action),
    createdAt: e.createdAt,
    version: e.version,
    monitorOnly: e.monitorOnly,
  };
}

export async function listEvents(ctx: BrandContext, input: In<typeof ZRiskEventListInput>) {
  const where: Prisma.RiskEventWhereInput = {
    brandId: ctx.tenantId,
    ...(input.status ? { status: { in: input.status } } : {}),
    ...(input.kind ? { kind: { in: input.kind } } : {}),
    ...(input.severity ? { severity: { in: input.severity } } : {}),
    ...(input.customerId ? { customerId: input.customerId } : {}),
  };
  const [total, rows] = await Promise.all([
    ctx.db.riskEvent.count({ where }),
    ctx.db.riskEvent.findMany({ where, orderBy: [{ createdAt: input.dir }, { id: input.dir }], ...pageArgs(input) }),
  ]);
  const customers = await customersOf(ctx.db, ctx.tenantId, rows.map((r) => r.customerId));
  return { rows: rows.map((r) => toRow(r, customers)), total, page: input.page, pageSize: input.pageSize };
}

async function load(db: Db | DbTx, brandId: string, id: string): Promise<EventRecord> {
  const e = await db.riskEvent.findFirst({ where: { id, brandId }, include: INCLUDE });
  if (!e) throw eventNotFound();
  return e;
}

async function toDetail(db: Db | DbTx, brandId: string, e: EventRecord): Promise<RiskEventDetail> {
  const staffIds = [e.acknowledgedById, e.resolvedById].filter((x): x is string => !!x);
  const [customers, [limit], held, staff] = await Promise.all([
    customersOf(db, brandId, [e.customerId]),
    toLimitRows(db, brandId, [e.limit]),
    db.withdrawal.findMany({ where: { brandId, riskEventId: e.id }, select: { id: true, amount: true, ccy: true, valueUsdt: true, state: true }, orderBy: { createdAt: "asc" } }),
    staffIds.length ? db.staffUser.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } }) : [],
  ]);
  const names = new Map(staff.map((s) => [s.id, s.name]));
  const { actions: _kinds, ...row } = toRow(e, customers);
  return {
    ...row,
    limit: limit!,
    numbers: e.numbers as unknown as EventNumbers,
    actions: (e.actions as unknown as ActionRecord[]).map((a) => ({ ...a, undoable: RISK_ACTION_REGISTRY[a.action]?.undoable ?? false })),
    heldWithdrawals: held.map((w) => ({ id: w.id, amount: w.amount.toFixed(), ccy: w.ccy, valueUsdt: w.valueUsdt.toFixed(), state: w.state })),
    acknowledged: e.acknowledgedAt ? { by: names.get(e.acknowledgedById ?? "") ?? "—", at: e.acknowledgedAt, note: e.acknowledgedNote } : null,
    resolved: e.resolvedAt ? { by: names.get(e.resolvedById ?? "") ?? "—", at: e.resolvedAt, note: e.resolvedNote } : null,
  };
}

export async function getEvent(ctx: BrandContext, input: In<typeof ZRiskEventRef>) {
  return toDetail(ctx.db, ctx.tenantId, await load(ctx.db, ctx.tenantId, input.id));
}

const staffOf = (ctx: BrandContext) => (ctx.actor.type === "staff" ? { id: ctx.actor.id, name: ctx.actor.name } : { id: "", name: "—" });

/** Loads and locks the event, checks the caller's version, runs `change`, bumps the version, audits. */
async function changeEvent(ctx: BrandContext, ref: { id: string; version: number }, action: string, change: (e: EventRecord) => Prisma.RiskEventUpdateInput, extra: object = {}) {
  return ctx.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM risk_event WHERE id = ${ref.id}::uuid AND brand_id = ${ctx.tenantId}::uuid FOR UPDATE`;
    const before = await load(tx, ctx.tenantId, ref.id);
    if (before.version !== ref.version) throw new AppError("CONFLICT", "risk.errors.staleVersion");
    const after = await tx.riskEvent.update({ where: { id: before.id }, data: { ...change(before), version: { increment: 1 } }, include: INCLUDE });
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action,
      entityType: "risk_event",
      entityId: before.id,
      before: { status: before.status, version: before.version },
      after: { status: after.status, version: after.version, ...extra },
    });
    return toDetail(tx, ctx.tenantId, after);
  });
}

/** open → acknowledged: someone is looking at it. */
export const acknowledgeEvent = (ctx: BrandContext, input: In<typeof ZRiskEventNoteInput>) =>
  changeEvent(
    ctx,
    input,
    "risk.event_acknowledge",
    (e) => {
      if (e.status !== "open") throw new AppError("CONFLICT", "risk.errors.notOpen");
      return { status: "acknowledged", acknowledgedById: staffOf(ctx).id || null, acknowledgedAt: new Date(), acknowledgedNote: input.note };
    },
    { note: input.note },
  );

/** open | acknowledged → resolved, with a note. Resolving undoes nothing: undo is its own, per action. */
export const resolveEvent = (ctx: BrandContext, input: In<typeof ZRiskEventNoteInput>) =>
  changeEvent(
    ctx,
    input,
    "risk.event_resolve",
    (e) => {
      if (e.status === "resolved") throw new AppError("CONFLICT", "risk.errors.alreadyResolved");
      return { status: "resolved", resolvedById: staffOf(ctx).id || null, resolvedAt: new Date(), resolvedNote: input.note };
    },
    { note: input.note },
  );

/**
 * Undoes one applied action of the event (releases its locks, unfreezes the customer) with a reason. The
 * action's own services audit each item; this records the undo on the event, audited with its results.
 */
export async function undoAction(ctx: BrandContext, input: In<typeof ZRiskUndoInput>): Promise<RiskEventDetail> {
  const e = await load(ctx.db, ctx.tenantId, input.id);
  if (e.version !== input.version) throw new AppError("CONFLICT", "risk.errors.staleVersion");
  const records = e.actions as unknown as ActionRecord[];
  const record = records.find((r) => r.action === input.action);
  const action = RISK_ACTION_REGISTRY[input.action as RiskActionKey];
  if (!record) throw new AppError("VALIDATION", "risk.errors.actionNotOnEvent", { field: "action" });
  if (!action.undoable || !action.undo) throw new AppError("CONFLICT", "risk.errors.notUndoable", { field: "action" });
  if (record.status !== "applied") throw new AppError("CONFLICT", "risk.errors.notApplied", { field: "action" });
  if (record.undo) throw new AppError("CONFLICT", "risk.errors.alreadyUndone", { field: "action" });
  const items = await action.undo(ctx, actionEventOf(e), record.items, input.reason);
  const who = staffOf(ctx);
  return changeEvent(
    ctx,
    { id: e.id, version: e.version },
    "risk.action_undo",
    (current) => {
      const now = current.actions as unknown as ActionRecord[];
      return { actions: now.map((r) => (r.action === input.action ? { ...r, undo: { at: new Date().toISOString(), byId: who.id, byName: who.name, reason: input.reason, items } } : r)) as object[] };
    },
    { action: input.action, reason: input.reason, items },
  );
}
