/**
 * Applying a risk event's actions as the system's own actor. Actions are claimed first (a new event's are
 * claimed as it opens), applied each on its own, then every result of a batch of events is recorded in one
 * transaction: the events locked, their action records updated, one audit row per action. A claim left by
 * a crash is taken again after two minutes by the next evaluation or sweep (actions are safe to apply
 * twice: a second run skips). Only claimed ("applying") actions run: a monitor-only event's others are
 * "skipped" for good.
 */
import "server-only";
import { systemActor, type BrandContext } from "../actor";
import { recordAudits, type AuditEntry } from "../audit/audit";
import type { Db, DbTx } from "../db/client";
import { RISK_ACTION_REGISTRY } from "./actions";
import { enforcementOn } from "./controls";
import type { ActionEvent, ActionRecord } from "./actions/types";
import type { EventNumbers, OpenedEvent } from "./evaluate";
import { RISK_ACTIONS } from "@/lib/risk/schemas";

export const RISK_ACTOR = systemActor("risk-evaluate");
const NO_REQUEST = { ip: null, userAgent: null };
export const SYSTEM_WHO = { actor: RISK_ACTOR, request: NO_REQUEST };
export const systemContext = (db: Db, brandId: string): BrandContext => ({ db, actor: RISK_ACTOR, tenantId: brandId, request: NO_REQUEST });

/** A claim older than this was left by a process that died mid-action: take it again. */
const STALE_CLAIM_MS = 120_000;
/** Events whose actions run side by side: actions that touch the database each take a pooled connection. */
const APPLY_CONCURRENCY = 4;

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
    // Stamped with the time of the claim, not the sweep's start: a long sweep's claims must not look stale at once.
    for (const i of indexes) records[i] = { ...records[i]!, status: "applying", claimedAt: new Date().toISOString() };
    await tx.riskEvent.update({ where: { id: e.id }, data: { actions: records as object[] } });
    return { e: { ...e, numbers: e.numbers as unknown as EventNumbers, actions: records }, indexes };
  });
  if (!claimed) return 0;
  return runClaimed(db, brandId, claimed.e, claimed.indexes);
}

/** The event's claimed actions: those "applying" (a monitor-only event's skipped ones never are). */
const claimedIndexes = (e: OpenedEvent) => e.actions.flatMap((r, i) => (r.status === "applying" ? [i] : []));

/** Applies the claimed actions (every one claimed when `indexes` is left out), then records all results in one transaction. */
export const runClaimed = (db: Db, brandId: string, e: OpenedEvent, indexes = claimedIndexes(e)): Promise<number> => runClaimedMany(db, brandId, [{ e, indexes }]);

type Outcome = Pick<ActionRecord, "status" | "items" | "error" | "appliedAt">;

async function applyClaimed(db: Db, brandId: string, e: OpenedEvent, indexes: number[], enforce: boolean) {
  const ctx = systemContext(db, brandId);
  const event = actionEventOf(e);
  const outcomes = new Map<number, Outcome>();
  // In RISK_ACTIONS order, whatever order the limit lists them in: closing positions needs the trade
  // permission that keys_read_only takes away.
  const rank = (i: number) => RISK_ACTIONS.indexOf(e.actions[i]!.action);
  for (const i of [...indexes].sort((a, b) => rank(a) - rank(b))) {
    const key = e.actions[i]!.action;
    // Enforcement switched off since the claim (a wrong limit closing positions, say): only the alert goes on.
    if (!enforce && key !== "alert") {
      outcomes.set(i, { status: "skipped", items: [], error: "Automatic risk enforcement was switched off before this action ran", appliedAt: new Date().toISOString() });
      continue;
    }
    try {
      outcomes.set(i, { status: "applied", items: await RISK_ACTION_REGISTRY[key].apply(ctx, event), appliedAt: new Date().toISOString() });
    } catch (err) {
      outcomes.set(i, { status: "failed", items: [], error: err instanceof Error ? err.message.slice(0, 500) : String(err), appliedAt: new Date().toISOString() });
    }
  }
  return { event, outcomes };
}

/**
 * The claimed actions of many events of one brand: applied (a few events at a time), then every result
 * recorded in one transaction. Returns how many actions ran.
 */
export async function runClaimedMany(db: Db, brandId: string, claimed: readonly { e: OpenedEvent; indexes?: number[] }[]): Promise<number> {
  // Events with nothing claimed (monitor only without an alert) cost nothing: no apply, no lock.
  const work = claimed.map(({ e, indexes }) => ({ e, indexes: indexes ?? claimedIndexes(e) })).filter((c) => c.indexes.length > 0);
  const done: Awaited<ReturnType<typeof applyClaimed>>[] = [];
  if (!work.length) return 0;
  for (let i = 0; i < work.length; i += APPLY_CONCURRENCY) {
    // Read again before every few events: switching enforcement off stops a long batch at its next events.
    const enforce = await enforcementOn(db, brandId);
    const slice = work.slice(i, i + APPLY_CONCURRENCY);
    done.push(...(await Promise.all(slice.map(({ e, indexes }) => applyClaimed(db, brandId, e, indexes, enforce)))));
  }
  const ran = done.filter((d) => d.outcomes.size > 0);
  if (!ran.length) return 0;
  await db.$transaction(async (tx) => {
    // Locked in id order: two batches recording overlapping events never wait on each other in a circle.
    const current = await tx.$queryRaw<{ id: string; actions: ActionRecord[] }[]>`
      SELECT id::text, actions FROM risk_event WHERE id = ANY(${ran.map((d) => d.event.id)}::uuid[]) AND brand_id = ${brandId}::uuid ORDER BY id FOR UPDATE`;
    const records = new Map(current.map((r) => [r.id, r.actions]));
    const audits: AuditEntry[] = [];
    for (const { event, outcomes } of ran) {
      const list = records.get(event.id);
      if (!list) continue;
      for (const [i, outcome] of outcomes) {
        list[i] = { ...list[i]!, ...outcome };
        audits.push({
          brandId,
          action: "risk.action_apply",
          entityType: "risk_event",
          entityId: event.id,
          after: { action: list[i].action, customerId: event.customerId, limitId: event.limitId, ...event.numbers, ...outcome },
        });
      }
    }
    const ids = [...records.keys()];
    await tx.$executeRaw`
      UPDATE risk_event e SET actions = v.actions::jsonb, version = e.version + 1, updated_at = now()
      FROM unnest(${ids}::uuid[], ${ids.map((id) => JSON.stringify(records.get(id)))}::text[]) AS v(id, actions)
      WHERE e.id = v.id AND e.brand_id = ${brandId}::uuid`;
    await recordAudits(tx, SYSTEM_WHO, audits);
  });
  return ran.reduce((n, d) => n + d.outcomes.size, 0);
}

/** Events of the brand with actions still to apply. */
export async function eventsWithPendingActions(db: Db, brandId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM risk_event
    WHERE brand_id = ${brandId}::uuid
      AND (actions @> '[{"status":"pending"}]'::jsonb OR actions @> '[{"status":"applying"}]'::jsonb)
    ORDER BY created_at LIMIT 500`;
  return rows.map((r) => r.id);
}
