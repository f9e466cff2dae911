/**
 * bonus_credit (USDT): the bonus credit granted to the customer in the window — every grant applied in it
 * (by its applied time, whatever became of it since: released, expired or revoked credit was still
 * credited), on real trading accounts (demo credit is not money) — valued in USDT (./valuation.ts:
 * stablecoins 1:1, others at the last stored price; a currency without a price is left out until one is
 * stored), above the threshold. Tumbling windows (`windowOf`), default 1,440 minutes: bonus per UTC day
 * (10,080 would be per week, aligned to Thursdays as the epoch is). One event per window.
 */
import "server-only";
import { Decimal } from "decimal.js";
import type { Observation, RiskKind } from "./types";
import { windowOf } from "./types";
import { usdtPrices, valueOf } from "./valuation";

/** Just after a window turns, the sweep still looks at the one that ended (as withdrawal_daily does). */
const GRACE_MS = 10 * 60_000;

export const bonusCredit: RiskKind = {
  key: "bonus_credit",
  async breaches(db, { brandId, customerId, threshold, windowMinutes, at }) {
    const windows = [windowOf(at, windowMinutes), windowOf(new Date(at.getTime() - GRACE_MS), windowMinutes)].filter((w, i, all) => all.findIndex((x) => x.key === w.key) === i);
    const found: Observation[] = [];
    for (const w of windows) {
      const grants = await db.bonusGrant.findMany({
        // created_at <= applied_at always: the bound lets the (customer_id, created_at) index stop at the window's end.
        where: { brandId, customerId, appliedAt: { gte: w.start, lt: w.end }, createdAt: { lt: w.end }, tradingAccount: { demo: false } },
        select: { id: true, amount: true, currency: true, appliedAt: true, status: true },
        orderBy: [{ appliedAt: "asc" }, { id: "asc" }],
      });
      if (!grants.length) continue;
      const prices = await usdtPrices(db, brandId, customerId, grants.map((g) => g.currency), at);
      const valued = grants.flatMap((g) => {
        const value = valueOf(prices, g.currency, g.amount);
        return value ? [{ ...g, value }] : [];
      });
      const observed = valued.reduce((sum, g) => sum.plus(g.value), new Decimal(0));
      if (!observed.gt(threshold)) continue;
      found.push({
        windowKey: w.key,
        observed,
        windowStart: w.start,
        windowEnd: w.end,
        items: valued.map((g) => ({ type: "bonus_grant", id: g.id, value: g.value.toFixed(), at: g.appliedAt!.toISOString(), state: g.status })),
      });
    }
    return found;
  },
  async activeCustomers(db, brandId, since) {
    // bonus_grant (brand_id, applied_at): the sweep's question every two minutes.
    const rows = await db.bonusGrant.findMany({ where: { brandId, appliedAt: { gte: since } }, distinct: ["customerId"], select: { customerId: true } });
    return rows.map((r) => r.customerId);
  },
};
