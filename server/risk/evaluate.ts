/**
 * Evaluation: ask each applicable limit's kind for breaches, open one event per (limit, customer, window
 * key) — the unique key makes a second evaluation find the first event, never open another — then apply
 * the event's actions as the system's own actor (./run-actions.ts). While enforcement is switched off
 * (./controls.ts) events still open, monitor only: their actions other than the alert are recorded as
 * skipped and never applied, not even when enforcement comes back on. Limits a staff member snoozed for a
 * customer (./snoozes.ts) are skipped for that customer.
 *
 * Set-based for throughput (`evaluateMany`): a batch of one brand's customers costs a fixed number of
 * statements — the customers, their limits, their snoozes, one query per kind (`breachesMany`, else
 * `breaches` per pair), the enforcement switches and one INSERT … ON CONFLICT DO NOTHING for the events
 * with their audit rows, then the actions recorded in one transaction. One customer (`evaluateCustomer`)
 * is a batch of one.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { Decimal } from "decimal.js";
import { recordAudits } from "../audit/audit";
import type { Db, DbTx } from "../db/client";
import type { RiskLimit } from "../db/generated/client";
import type { ActionRecord } from "./actions/types";
import { limitsForMany } from "./applicable";
import { enforcementOn } from "./controls";
import { kindOf } from "./kinds";
import type { Observation, RiskKind } from "./kinds/types";
import { eventsWithPendingActions, runClaimedMany, applyPendingActions, SYSTEM_WHO } from "./run-actions";
import { snoozedPairs } from "./snoozes";
import { RISK_KIND_UNIT, type RiskKindKey, type RiskUnit } from "@/lib/risk/schemas";

export { actionEventOf, applyPendingActions, RISK_ACTOR, runClaimed, SYSTEM_WHO, systemContext } from "./run-actions";

/** Customers per batch in the sweep: a fixed number of statements each, and a transaction of bounded size. */
const SWEEP_BATCH = 500;
/** Pairs evaluated side by side for a kind without `breachesMany`. */
const FALLBACK_CONCURRENCY = 4;

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
  const on = enforce ?? (await enforcementOn(tx, limit.brandId));
  const [event] = await openEvents(tx, [{ limit, customerId, o }], on);
  if (event) return { id: event.id, created: true, monitorOnly: !on, event };
  const existing = await tx.riskEvent.findUniqueOrThrow({ where: { limitId_customerId_windowKey: { limitId: limit.id, customerId, windowKey: o.windowKey } }, select: { id: true, monitorOnly: true } });
  return { id: existing.id, created: false, monitorOnly: existing.monitorOnly };
}

type Breach = { limit: RiskLimit; customerId: string; o: Observation };

/**
 * Opens the events of many breaches of one brand in one statement (those that exist are skipped), audited;
 * returns the new ones. Enforcement off (a risk-control switch): they open all the same, monitor only, with
 * every action but the alert recorded as skipped.
 */
async function openEvents(tx: DbTx, breaches: readonly Breach[], enforce: boolean): Promise<OpenedEvent[]> {
  if (!breaches.length) return [];
  const claimedAt = new Date().toISOString();
  const monitorOnly = !enforce;
  const rows = breaches.map(({ limit, customerId, o }) => {
    const actions: ActionRecord[] = limit.actions.map((key) => {
      const action = key as ActionRecord["action"];
      return monitorOnly && action !== "alert" ? { action, status: "skipped", items: [] } : { action, status: "applying", claimedAt, items: [] };
    });
    return { limit, o, id: randomUUID(), customerId, numbers: numbersOf(limit, o), actions };
  });
  // One statement whatever the batch's size (see insertRows in server/audit/audit.ts for why raw).
  const created = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO risk_event (id, brand_id, limit_id, customer_id, kind, severity, window_key, numbers, actions, monitor_only, updated_at)
    SELECT v.id, v.brand_id, v.limit_id, v.customer_id, v.kind, v.severity::"RiskSeverity", v.window_key, v.numbers, v.actions, ${monitorOnly}::boolean, now()
    FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.limit.brandId)}::uuid[], ${rows.map((r) => r.limit.id)}::uuid[], ${rows.map((r) => r.customerId)}::uuid[],
      ${rows.map((r) => r.limit.kind)}::text[], ${rows.map((r) => r.limit.severity)}::text[], ${rows.map((r) => r.o.windowKey)}::text[],
      ${rows.map((r) => JSON.stringify(r.numbers))}::jsonb[], ${rows.map((r) => JSON.stringify(r.actions))}::jsonb[])
      AS v(id, brand_id, limit_id, customer_id, kind, severity, window_key, numbers, actions)
    ON CONFLICT (limit_id, customer_id, window_key) DO NOTHING
    RETURNING id::text`;
  const isNew = new Set(created.map((c) => c.id));
  const opened = rows.filter((r) => isNew.has(r.id));
  await recordAudits(
    tx,
    SYSTEM_WHO,
    opened.map(({ limit, o, id, customerId, numbers }) => ({
      brandId: limit.brandId,
      action: "risk.event_open",
      entityType: "risk_event",
      entityId: id,
      after: { limitId: limit.id, customerId, kind: limit.kind, severity: limit.severity, windowKey: o.windowKey, ...numbers, actions: limit.actions, monitorOnly },
    })),
  );
  return opened.map(({ limit, id, customerId, numbers, actions }) => ({ id, limitId: limit.id, customerId, kind: limit.kind, numbers, actions }));
}

export interface EvaluationResult {
  opened: number;
  applied: number;
}

/** The breaches of (customer, limit) pairs of one kind: its set-based query, else `breaches` pair by pair. */
async function observe(db: Db, brandId: string, kind: RiskKind, pairs: { customerId: string; limit: RiskLimit }[], at: Date): Promise<Observation[][]> {
  const items = pairs.map(({ customerId, limit }) => ({ customerId, limit: { id: limit.id, threshold: new Decimal(limit.threshold.toFixed()), windowMinutes: limit.windowMinutes } }));
  if (kind.breachesMany) return kind.breachesMany(db, brandId, items, at);
  const out: Observation[][] = [];
  for (let i = 0; i < items.length; i += FALLBACK_CONCURRENCY) {
    const slice = items.slice(i, i + FALLBACK_CONCURRENCY);
    out.push(...(await Promise.all(slice.map(({ customerId, limit }) => kind.breaches(db, { brandId, customerId, threshold: limit.threshold, windowMinutes: limit.windowMinutes, at })))));
  }
  return out;
}

/**
 * Evaluates every limit that applies to each of the customers (one brand; repeats count once) at `at`,
 * opening and acting on each new breach. Customers of another brand are not found, so not evaluated.
 */
export async function evaluateMany(db: Db, brandId: string, customerIds: readonly string[], at = new Date()): Promise<EvaluationResult> {
  const ids = [...new Set(customerIds)];
  if (!ids.length) return { opened: 0, applied: 0 };
  const customers = await db.$queryRaw<{ id: string; groupId: string | null }[]>`
    SELECT id::text, group_id::text AS "groupId" FROM customer WHERE brand_id = ${brandId}::uuid AND id = ANY(${ids}::uuid[])`;
  const limits = await limitsForMany(db, brandId, customers);
  // One query for the whole batch: the (limit, customer) pairs a staff member snoozed are skipped.
  const snoozed = [...limits.values()].some((l) => l.length) ? await snoozedPairs(db, brandId, customers.map((c) => c.id), at) : new Set<string>();
  const byKind = new Map<string, { customerId: string; limit: RiskLimit }[]>();
  for (const c of customers) {
    for (const limit of limits.get(c.id) ?? []) {
      if (snoozed.has(`${limit.id}:${c.id}`)) continue;
      const pairs = byKind.get(limit.kind) ?? [];
      pairs.push({ customerId: c.id, limit });
      byKind.set(limit.kind, pairs);
    }
  }
  const breaches: Breach[] = [];
  for (const [key, pairs] of byKind) {
    const kind = kindOf(key);
    if (!kind) continue;
    const found = await observe(db, brandId, kind, pairs, at);
    pairs.forEach((p, i) => {
      for (const o of found[i] ?? []) breaches.push({ ...p, o });
    });
  }
  if (!breaches.length) return { opened: 0, applied: 0 };
  // The switches read once for the batch, in the transaction that opens its events.
  const opened = await db.$transaction(async (tx) => openEvents(tx, breaches, await enforcementOn(tx, brandId)));
  // Applied at once by whoever opened them (only those claimed: none of a monitor-only event but its
  // alert); actions left behind by a crash are the sweep's.
  const applied = await runClaimedMany(db, brandId, opened.map((e) => ({ e })));
  return { opened: opened.length, applied };
}

/** Evaluates every limit that applies to one customer at `at` (but those snoozed for them), opening and acting on each new breach. */
export const evaluateCustomer = (db: Db, brandId: string, customerId: string, at = new Date()): Promise<EvaluationResult> => evaluateMany(db, brandId, [customerId], at);

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
    const ids = [...customers];
    for (let i = 0; i < ids.length; i += SWEEP_BATCH) {
      const r = await evaluateMany(db, brandId, ids.slice(i, i + SWEEP_BATCH), at);
      total.customers += Math.min(SWEEP_BATCH, ids.length - i);
      total.opened += r.opened;
      total.applied += r.applied;
    }
    for (const id of await eventsWithPendingActions(db, brandId)) total.applied += await applyPendingActions(db, brandId, id, at);
  }
  return total;
}
