/**
 * deposit_then_withdraw (a percentage): money withdrawn soon after it came in. For each withdrawal X of the
 * customer (counted states, as the withdrawal kinds count them), requested at t:
 *   - the deposits are the customer's credited deposits in the window before it, (t − window, t], valued
 *     in USDT (./deposits.ts, ./valuation.ts); none (or none with a price): X breaches nothing;
 *   - the withdrawals are every counted withdrawal requested from the earliest of those deposits up to t,
 *     X included, by their USDT value at request;
 *   - observed = withdrawals ÷ deposits × 100, a breach when above the threshold (80: more than 80 % of
 *     what came in within the window went out again).
 * One event per tumbling window of the withdrawal's time (`windowOf`): later withdrawals in that window
 * that breach too find the same event (and are held with it at request time, server/risk/at-request.ts).
 * The event's numbers are those of the latest breaching withdrawal of the window; its items the deposits
 * and the withdrawals counted. Every withdrawal of the last day (LATE_MS) is looked at, so a deposit the
 * sync reads late still finds the withdrawal that followed it.
 */
import "server-only";
import { Decimal } from "decimal.js";
import { COUNTED_WITHDRAWAL_STATES } from "@/lib/withdrawals/schemas";
import { creditedDeposits, depositItem, LATE_MS } from "./deposits";
import { windowOf, type CountedItem, type Observation, type RiskKind } from "./types";

const COUNTED = [...COUNTED_WITHDRAWAL_STATES];

const withdrawalItem = (w: { id: string; valueUsdt: { toFixed(): string }; createdAt: Date; state: string }): CountedItem => ({
  type: "withdrawal",
  id: w.id,
  value: new Decimal(w.valueUsdt.toFixed()).toFixed(),
  at: w.createdAt.toISOString(),
  state: w.state,
});

export const depositThenWithdraw: RiskKind = {
  key: "deposit_then_withdraw",
  async breaches(db, { brandId, customerId, threshold, windowMinutes, at }) {
    const windowMs = windowMinutes * 60_000;
    const from = new Date(at.getTime() - LATE_MS - windowMs);
    const withdrawals = await db.withdrawal.findMany({
      where: { brandId, customerId, state: { in: COUNTED }, createdAt: { gte: from, lte: at } },
      select: { id: true, valueUsdt: true, createdAt: true, state: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    const candidates = withdrawals.filter((w) => w.createdAt.getTime() >= at.getTime() - LATE_MS);
    if (!candidates.length) return [];
    const deposits = (await creditedDeposits(db, brandId, customerId, from, at)).filter((d) => d.value !== null);
    if (!deposits.length) return [];

    const byWindow = new Map<string, Observation>();
    for (const x of candidates) {
      const t = x.createdAt.getTime();
      const before = deposits.filter((d) => d.at.getTime() > t - windowMs && d.at.getTime() <= t);
      if (!before.length) continue;
      const since = before[0]!.at.getTime();
      const out = withdrawals.filter((w) => w.createdAt.getTime() >= since && w.createdAt.getTime() <= t);
      const deposited = before.reduce((sum, d) => sum.plus(d.value!), new Decimal(0));
      const withdrawn = out.reduce((sum, w) => sum.plus(w.valueUsdt.toFixed()), new Decimal(0));
      if (deposited.isZero()) continue;
      const ratio = withdrawn.div(deposited).times(100);
      if (!ratio.gt(threshold)) continue;
      // Shown to two decimals, rounded up so the number shown is above the threshold too.
      const observed = ratio.toDecimalPlaces(2, Decimal.ROUND_UP);
      const key = windowOf(x.createdAt, windowMinutes).key;
      byWindow.set(key, {
        windowKey: key,
        observed,
        windowStart: new Date(t - windowMs),
        windowEnd: x.createdAt,
        items: [...before.map(depositItem), ...out.map(withdrawalItem)],
      });
    }
    return [...byWindow.values()];
  },
  async activeCustomers(db, brandId, since) {
    const rows = await db.withdrawal.findMany({
      where: { brandId, createdAt: { gte: new Date(since.getTime() - LATE_MS) } },
      distinct: ["customerId"],
      select: { customerId: true },
    });
    return rows.map((r) => r.customerId);
  },
};
