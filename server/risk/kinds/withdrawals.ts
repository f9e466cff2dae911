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
import { windowOf, type CountedItem, type Observation, type RiskKind } from "./types";

const COUNTED = [...COUNTED_WITHDRAWAL_STATES];

const asItem = (w: { id: string; valueUsdt: { toFixed(): string }; createdAt: Date; state: string }): CountedItem => ({
  type: "withdrawal",
  id: w.id,
  value: new Decimal(w.valueUsdt.toFixed()).toFixed(),
  at: w.createdAt.toISOString(),
  state: w.state,
});

const select = { id: true, valueUsdt: true, createdAt: true, state: true } as const;

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
  activeCustomers,
};

/** Just after a window turns, the sweep still looks at the one that ended (a breach at 23:59 is not lost). */
const GRACE_MS = 10 * 60_000;

export const withdrawalDaily: RiskKind = {
  key: "withdrawal_daily",
  async breaches(db, { brandId, customerId, threshold, windowMinutes, at }) {
    const windows = [windowOf(at, windowMinutes), windowOf(new Date(at.getTime() - GRACE_MS), windowMinutes)].filter((w, i, all) => all.findIndex((x) => x.key === w.key) === i);
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
  activeCustomers,
};
