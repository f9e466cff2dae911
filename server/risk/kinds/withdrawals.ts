/**
 * The withdrawal kinds. Both count the customer's withdrawals in COUNTED_WITHDRAWAL_STATES (everything not
 * ended unpaid) by their USDT value at request time — the same numbers the brand's own limits use.
 * - withdrawal_single: one withdrawal above the threshold; one event per withdrawal (its id is the window key).
 * - withdrawal_daily: the sum in the window (default the UTC day) above the threshold; one event per window.
 */
import "server-only";
import { Decimal } from "decimal.js";
import type { Db, DbTx } from "../../db/client";
import { COUNTED_WITHDRAWAL_STATES } from "@/lib/withdrawals/schemas";
import { windowOf, type BatchItem, type CountedItem, type Observation, type RiskKind } from "./types";

const COUNTED = [...COUNTED_WITHDRAWAL_STATES];

const asItem = (w: { id: string; valueUsdt: { toFixed(): string }; createdAt: Date; state: string }): CountedItem => ({
  type: "withdrawal",
  id: w.id,
  value: new Decimal(w.valueUsdt.toFixed()).toFixed(),
  at: w.createdAt.toISOString(),
  state: w.state,
});

const select = { id: true, valueUsdt: true, createdAt: true, state: true } as const;

/** A withdrawal as the batch queries return it, tagged with the span (q.i) it was counted in. */
type SpanRow = { i: number; id: string; value: string; created_at: Date; state: string };
type Span = { customerId: string; from: Date; to: Date; threshold: string };

const rowItem = (r: SpanRow): CountedItem => ({ type: "withdrawal", id: r.id, value: new Decimal(r.value).toFixed(), at: r.created_at.toISOString(), state: r.state });

/** The spans as parallel arrays for unnest: one statement for the whole batch, whatever its size. */
const spanArrays = (spans: Span[]) => ({
  i: spans.map((_, i) => i),
  customers: spans.map((s) => s.customerId),
  froms: spans.map((s) => s.from.toISOString()),
  tos: spans.map((s) => s.to.toISOString()),
  thresholds: spans.map((s) => s.threshold),
});

/** Per span, the counted withdrawals above the threshold created in [from, to]: withdrawal_single's breaches. */
async function singleRows(db: Db | DbTx, brandId: string, spans: Span[]): Promise<SpanRow[]> {
  const a = spanArrays(spans);
  return db.$queryRaw<SpanRow[]>`
    SELECT q.i, w.id::text, w.value_usdt::text AS value, w.created_at, w.state::text
    FROM unnest(${a.i}::int[], ${a.customers}::uuid[], ${a.froms}::timestamptz[], ${a.tos}::timestamptz[], ${a.thresholds}::numeric[]) AS q(i, customer_id, s, e, thr)
    JOIN withdrawal w ON w.customer_id = q.customer_id AND w.brand_id = ${brandId}::uuid AND w.created_at >= q.s AND w.created_at <= q.e
      AND w.value_usdt > q.thr AND w.state::text = ANY(${COUNTED}::text[])
    ORDER BY q.i, w.created_at, w.id`;
}

/** Per span, every counted withdrawal created in [from, to) when their sum is above the threshold: withdrawal_daily's. */
async function dailyRows(db: Db | DbTx, brandId: string, spans: Span[]): Promise<SpanRow[]> {
  const a = spanArrays(spans);
  return db.$queryRaw<SpanRow[]>`
    SELECT i, id, value, created_at, state FROM (
      SELECT q.i, w.id::text, w.value_usdt::text AS value, w.created_at, w.state::text, q.thr,
             sum(w.value_usdt) OVER (PARTITION BY q.i) AS total
      FROM unnest(${a.i}::int[], ${a.customers}::uuid[], ${a.froms}::timestamptz[], ${a.tos}::timestamptz[], ${a.thresholds}::numeric[]) AS q(i, customer_id, s, e, thr)
      JOIN withdrawal w ON w.customer_id = q.customer_id AND w.brand_id = ${brandId}::uuid AND w.created_at >= q.s AND w.created_at < q.e
        AND w.state::text = ANY(${COUNTED}::text[])
    ) x WHERE total > thr
    ORDER BY i, created_at, id`;
}

const bySpan = (rows: SpanRow[]) => {
  const map = new Map<number, SpanRow[]>();
  for (const r of rows) map.set(r.i, [...(map.get(r.i) ?? []), r]);
  return map;
};

async function activeCustomers(db: Db | DbTx, brandId: string, since: Date) {
  const rows = await db.withdrawal.findMany({ where: { brandId, createdAt: { gte: since } }, distinct: ["customerId"], select: { customerId: true } });
  return rows.map((r) => r.customerId);
}

export const withdrawalSingle: RiskKind = {
  key: "withdrawal_single",
  async breaches(db, { brandId, customerId, threshold, windowMinutes, at }) {
    // Look back one window: the sweep re-reads recent withdrawals; each is its own breach window.
    const since = new Date(at.getTime() - windowMinutes * 60_000);
    const rows = await db.withdrawal.findMany({
      where: { brandId, customerId, state: { in: COUNTED }, createdAt: { gte: since, lte: at }, valueUsdt: { gt: threshold.toFixed() } },
      select,
      orderBy: { createdAt: "asc" },
    });
    return rows.map((w) => ({ windowKey: `withdrawal:${w.id}`, observed: new Decimal(w.valueUsdt.toFixed()), windowStart: since, windowEnd: at, items: [asItem(w)] }));
  },
  async breachesMany(db, brandId, items, at) {
    const spans = items.map(({ customerId, limit }) => ({ customerId, from: new Date(at.getTime() - limit.windowMinutes * 60_000), to: at, threshold: limit.threshold.toFixed() }));
    const found = bySpan(await singleRows(db, brandId, spans));
    return spans.map((s, i) =>
      (found.get(i) ?? []).map((r) => ({ windowKey: `withdrawal:${r.id}`, observed: new Decimal(r.value), windowStart: s.from, windowEnd: at, items: [rowItem(r)] })),
    );
  },
  activeCustomers,
};

/** Just after a window turns, the sweep still looks at the one that ended (a breach at 23:59 is not lost). */
const GRACE_MS = 10 * 60_000;

/** The window `at` falls in and, within the grace after a turn, the one that just ended. */
const windowsAround = (at: Date, windowMinutes: number) =>
  [windowOf(at, windowMinutes), windowOf(new Date(at.getTime() - GRACE_MS), windowMinutes)].filter((w, i, all) => all.findIndex((x) => x.key === w.key) === i);

export const withdrawalDaily: RiskKind = {
  key: "withdrawal_daily",
  async breaches(db, { brandId, customerId, threshold, windowMinutes, at }) {
    const windows = windowsAround(at, windowMinutes);
    const found: Observation[] = [];
    for (const w of windows) {
      const rows = await db.withdrawal.findMany({
        where: { brandId, customerId, state: { in: COUNTED }, createdAt: { gte: w.start, lt: w.end } },
        select,
        orderBy: { createdAt: "asc" },
      });
      const observed = rows.reduce((sum, r) => sum.plus(r.valueUsdt.toFixed()), new Decimal(0));
      if (observed.gt(threshold)) found.push({ windowKey: w.key, observed, windowStart: w.start, windowEnd: w.end, items: rows.map(asItem) });
    }
    return found;
  },
  async breachesMany(db, brandId, items: readonly BatchItem[], at) {
    // One span per (item, window); the answer for item k is its spans' breaches, in window order.
    const spans = items.flatMap(({ customerId, limit }, k) =>
      windowsAround(at, limit.windowMinutes).map((w) => ({ k, w, customerId, from: w.start, to: w.end, threshold: limit.threshold.toFixed() })),
    );
    const found = bySpan(await dailyRows(db, brandId, spans));
    const out: Observation[][] = items.map(() => []);
    spans.forEach((s, i) => {
      const rows = found.get(i);
      if (!rows) return;
      const observed = rows.reduce((sum, r) => sum.plus(r.value), new Decimal(0));
      out[s.k]!.push({ windowKey: s.w.key, observed, windowStart: s.w.start, windowEnd: s.w.end, items: rows.map(rowItem) });
    });
    return out;
  },
  activeCustomers,
};
