/**
 * Evaluation: ask each applicable limit's kind for breaches, open one event per (limit, customer, window
 * key) — the unique key makes a second evaluation find the first event, never open another — then apply
 * the event's actions as the system's own actor. Actions are claimed in a short transaction, applied each
 * in its own, and recorded with their per-item results; a claim left by a crash is taken again after two
 * minutes by the next evaluation or sweep (actions are safe to apply twice: a second run skips). While
 * enforcement is switched off (./controls.ts) events still open, monitor only: their actions other than
 * the alert are recorded as skipped and never applied, not even when enforcement comes back on.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { Decimal } from "decimal.js";
import { systemActor, type BrandContext } from "../actor";
import { recordAudit } from "../audit/audit";
import type { Db, DbTx } from "../db/client";
import type { RiskLimit } from "../db/generated/client";
import { RISK_ACTION_REGISTRY } from "./actions";
import type { ActionEvent, ActionRecord } from "./actions/types";
import { limitsFor } from "./applicable";
import { enforcementOn } from "./controls";
import { kindOf } from "./kinds";
import { snoozedLimitIds } from "./snoozes";
import type { Observation } from "./kinds/types";
import { RISK_ACTIONS, RISK_KIND_UNIT, type RiskKindKey, type RiskUnit } from "@/lib/risk/schemas";

export const RISK_ACTOR = systemActor("risk-evaluate");
const NO_REQUEST = { ip: null, userAgent: null };
export const SYSTEM_WHO = { actor: RISK_ACTOR, request: NO_REQUEST };
export const systemContext = (db: Db, brandId: string): BrandContext => ({ db, actor: RISK_ACTOR, tenantId: brandId, request: NO_REQUEST });

/** A claim older than this was left by a process that died mid-action: take it again. */
const STALE_CLAIM_MS = 120_000;

export type EventNumbers = {
  observed: string;
  threshold: string;
  windowMinutes: number;
  windowStart: string;
  windowEnd: string;
  /** What observed and threshold count (older events carry `currency: "USDT"` instead). */
  unit: RiskUnit;
  items: Observation["items"];
};

const numbersOf = (limit: RiskLimit, o: Observation): EventNumbers => ({
  observed: o.observed.toFixed(),
  threshold: new Decimal(limit.threshold.toFixed()).toFixed(),
  windowMinutes: limit.windowMinutes,
  windowStart: o.windowStart.toISOString(),
  windowEnd: o.windowEnd.toISOString(),
  unit: RISK_KIND_UNIT[limit.kind as RiskKindKey] ?? "USDT",
  items: o.items,
});

/** The limit's breaches for the customer at `at`, as its kind computes them. */
export async function breachesOf(db: Db | DbTx, limit: RiskLimit, customerId: string, at: Date): Promise<Observation[]> {
  const kind = kindOf(limit.kind);
  if (!kind) return [];
  return kind.breaches(db, { brandId: limit.brandId, customerId, threshold: new Decimal(limit.threshold.toFixed()), windowMinutes: limit.windowMinutes, at });
}

/** An event as the actions need it: who, which limit, the numbers, the action records. */
export interface OpenedEvent {
  id: string;
  limitId: string;
  customerId: string;
  kind: string;
  numbers: EventNumbers;
  actions: ActionRecord[];
}

/**
 * Opens the event of (limit, customer, window) in the caller's transaction unless it exists; says which.
 * A new event's actions are claimed by the caller from the start (it applies them right after commit with
 * `runClaimed`), which saves a transaction on the fast path; if the caller dies first, the claim goes stale
 * and the sweep applies them.
 */
export async function openEvent(
  tx: DbTx,
  limit: RiskLimit,
  customerId: string,
  o: Observation,
  enforce?: boolean,
): Promise<{ id: string; created: boolean; monitorOnly: boolean; event?: OpenedEvent }> {
  const id = randomUUID();
  const numbers = numbersOf(limit, o);
  const claimedAt = new Date().toISOString();
  // Enforcement off (a risk-control switch): the event opens all the same, monitor only; only the alert applies.
  const monitorOnly = !(enforce ?? (await enforcementOn(tx, limit.brandId)));
  const actions: ActionRecord[] = limit.actions.map((key) => {
    const action = key as ActionRecord["action"];
    return monitorOnly && action !== "alert" ? { action, status: "skipped", items: [] } : { action, status: "applying", claimedAt, items: [] };
  });
  const { count } = await tx.riskEvent.createMany({
    data: [{ id, brandId: limit.brandId, limitId: limit.id, customerId, kind: limit.kind, severity: limit.severity, windowKey: o.windowKey, numbers, actions: actions as object[], monitorOnly }],
    skipDuplicates: true,
  });
  if (count === 0) {
    const existing = await tx.riskEvent.findUniqueOrThrow({ where: { limitId_customerId_windowKey: { limitId: limit.id, customerId, windowKey: o.windowKey } }, select: { id: true, monitorOnly: true } });
    return { id: existing.id, created: false, monitorOnly: existing.monitorOnly };
  }
  await recordAudit(tx, SYSTEM_WHO, {
    brandId: limit.brandId,
    action: "risk.event_open",
    entityType: "risk_event",
    entityId: id,
    after: { limitId: limit.id, customerId, kind: limit.kind, severity: limit.severity, windowKey: o.windowKey, ...numbers, actions: limit.actions, monitorOnly },
  });
  return { id, created: true, monitorOnly, event: { id, limitId: limit.id, customerId, kind: limit.kind, numbers, actions } };
}

const claimable = (r: ActionRecord, now: Date) =>
  r.status === "pending" || (r.status === "applying" && (!r.claimedAt || now.getTime() - Date.parse(r.claimedAt) > STALE_CLAIM_MS));

async function lockEvent(tx: DbTx, brandId: string, id: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM risk_event WHERE id = ${id}::uuid AND brand_id = ${brandId}::uuid FOR UPDATE`;
  return row ? tx.riskEvent.findUniqueOrThrow({ where: { id } }) : null;
}

export const actionEventOf = (e: { id: string; limitId: string; customerId: string; kind: string; numbers: unknown }): ActionEvent => {
  const n = e.numbers as EventNumbers;
  return { id: e.id, limitId: e.limitId, customerId: e.customerId, kind: e.kind, numbers: { observed: n.observed, threshold: n.threshold, windowMinutes: n.windowMinutes, unit: n.unit ?? "USDT" } };
};

/** Applies the event's actions not yet applied (or claimed by a process that died); returns how many it applied. */
export async function applyPendingActions(db: Db, brandId: string, eventId: string, now = new Date()): Promise<number> {
  const claimed = await db.$transaction(async (tx) => {
    const e = await lockEvent(tx, brandId, eventId);
    if (!e) return null;
    const records = e.actions as unknown as ActionRecord[];
    const indexes = records.flatMap((r, i) => (claimable(r, now) ? [i] : []));
    if (!indexes.length) return null;
    for (const i of indexes) records[i] = { ...records[i]!, status: "applying", claimedAt: now.toISOString() };
    await tx.riskEvent.update({ where: { id: e.id }, data: { actions: records as object[] } });
    return { e: { ...e, numbers: e.numbers as unknown as EventNumbers, actions: records }, indexes };
  });
  if (!claimed) return 0;
  return runClaimed(db, brandId, claimed.e, claimed.indexes);
}

/** Applies the claimed actions (every one claimed when `indexes` is left out), then records all results in one transaction. */
export async function runClaimed(db: Db, brandId: string, e: OpenedEvent, indexes = e.actions.flatMap((r, i) => (r.status === "applying" ? [i] : []))): Promise<number> {
  if (!indexes.length) return 0;
  const ctx = systemContext(db, brandId);
  const event = actionEventOf(e);
  const outcomes = new Map<number, Pick<ActionRecord, "status" | "items" | "error" | "appliedAt">>();
  // In RISK_ACTIONS order, whatever order the limit lists them in: closing positions needs the trade
  // permission that keys_read_only takes away.
  const rank = (i: number) => RISK_ACTIONS.indexOf(e.actions[i]!.action);
  for (const i of [...indexes].sort((a, b) => rank(a) - rank(b))) {
    const key = e.actions[i]!.action;
    try {
      outcomes.set(i, { status: "applied", items: await RISK_ACTION_REGISTRY[key].apply(ctx, event), appliedAt: new Date().toISOString() });
    } catch (err) {
      outcomes.set(i, { status: "failed", items: [], error: err instanceof Error ? err.message.slice(0, 500) : String(err), appliedAt: new Date().toISOString() });
    }
  }
  await db.$transaction(async (tx) => {
    const current = await lockEvent(tx, brandId, e.id);
    if (!current) return;
    const records = current.actions as unknown as ActionRecord[];
    for (const [i, outcome] of outcomes) records[i] = { ...records[i]!, ...outcome };
    await tx.riskEvent.update({ where: { id: e.id }, data: { actions: records as object[], version: { increment: 1 } } });
    for (const [i, outcome] of outcomes) {
      await recordAudit(tx, SYSTEM_WHO, {
        brandId,
        action: "risk.action_apply",
        entityType: "risk_event",
        entityId: e.id,
        after: { action: records[i]!.action, customerId: event.customerId, limitId: event.limitId, ...event.numbers, ...outcome },
      });
    }
  });
  return outcomes.size;
}

/** Events of the brand (or one customer) with actions still to apply. */
async function eventsWithPendingActions(db: Db, brandId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM risk_event
    WHERE brand_id = ${brandId}::uuid
      AND (actions @> '[{"status":"pending"}]'::jsonb OR actions @> '[{"status":"applying"}]'::jsonb)
    ORDER BY created_at LIMIT 500`;
  return rows.map((r) => r.id);
}

export interface EvaluationResult {
  opened: number;
  applied: number;
}

/** Evaluates every limit that applies to one customer at `at` (but those snoozed for them), opening and acting on each new breach. */
export async function evaluateCustomer(db: Db, brandId: string, customerId: string, at = new Date()): Promise<EvaluationResult> {
  const customer = await db.customer.findFirst({ where: { id: customerId, brandId }, select: { id: true, groupId: true } });
  if (!customer) return { opened: 0, applied: 0 };
  let opened = 0;
  let applied = 0;
  const limits = await limitsFor(db, brandId, customer);
  // One query for all of them: the limits a staff member snoozed for this customer are skipped.
  const snoozed = limits.length ? await snoozedLimitIds(db, brandId, customerId, at) : new Set<string>();
  for (const limit of limits.filter((l) => !snoozed.has(l.id))) {
    for (const o of await breachesOf(db, limit, customerId, at)) {
      const { event } = await db.$transaction((tx) => openEvent(tx, limit, customerId, o));
      if (!event) continue;
      opened++;
      // Applied at once by whoever opened it; actions left behind by a crash are the sweep's.
      applied += await runClaimed(db, brandId, event);
    }
  }
  return { opened, applied };
}

/**
 * The sweep: every brand with an enabled limit, every customer with activity in the longest window of
 * the brand's limits of each kind, evaluated; then whatever actions are still pending. Catches breaches
 * whose event was never enqueued (Redis down at request time) and actions cut short by a crash.
 */
export async function sweep(db: Db, at = new Date()) {
  const brands = await db.riskLimit.groupBy({ by: ["brandId", "kind"], where: { enabled: true }, _max: { windowMinutes: true } });
  const byBrand = new Map<string, Set<string>>();
  for (const b of brands) {
    const kind = kindOf(b.kind);
    if (!kind) continue;
    const since = new Date(at.getTime() - (b._max.windowMinutes ?? 1440) * 60_000);
    const set = byBrand.get(b.brandId) ?? new Set<string>();
    for (const id of await kind.activeCustomers(db, b.brandId, since)) set.add(id);
    byBrand.set(b.brandId, set);
  }
  const total = { brands: byBrand.size, customers: 0, opened: 0, applied: 0 };
  for (const [brandId, customers] of byBrand) {
    for (const customerId of customers) {
      const r = await evaluateCustomer(db, brandId, customerId, at);
      total.customers++;
      total.opened += r.opened;
      total.applied += r.applied;
    }
    for (const id of await eventsWithPendingActions(db, brandId)) total.applied += await applyPendingActions(db, brandId, id, at);
  }
  return total;
}
