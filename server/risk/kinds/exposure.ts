/**
 * The exposure kinds: state-based, read from the customer's synced exchange accounts (./exchange-state.ts),
 * in percent. A breach that lasts opens one event per tumbling window (the window key), however often the
 * customer is evaluated; the next window opens the next one, so its actions run again if it persists.
 * - exposure: total |notional| of the open positions against the trading-account equity, × 100, above the
 *   threshold (300 = three times the equity). Equity of 0 or less with a position open is a breach whatever
 *   the threshold; its observed number is then "Infinity".
 * - margin_ratio: the lowest margin ratio among the open positions (OKX's mgnRatio — equity over maintenance
 *   margin, 1 = liquidation; the account-level figure is not stored), × 100, BELOW the threshold: 100 %
 *   is liquidation, so a threshold of 150 acts while a third of the cushion is left. Positions the exchange
 *   gives no ratio for are left out; none with one: no observation.
 * - concentration: the largest instrument's share of the total |notional| (both sides and every
 *   sub-account of the instrument together), × 100, above the threshold. One instrument alone is 100 %.
 */
import "server-only";
import { Decimal } from "decimal.js";
import { customersWithSyncedPositions, exchangeStateOf, positionItem, stateWindow, type HeldPosition } from "./exchange-state";
import type { CountedItem, KindArgs, Observation, RiskKind } from "./types";

const HUNDRED = new Decimal(100);
const DP = 4;
const pct = (part: Decimal, whole: Decimal) => part.div(whole).mul(HUNDRED).toDecimalPlaces(DP, Decimal.ROUND_HALF_UP);
const total = (positions: HeldPosition[]) => positions.reduce((sum, p) => sum.plus(p.exposure), new Decimal(0));

function observation(args: KindArgs, observed: Decimal, items: CountedItem[]): Observation {
  const w = stateWindow(args);
  return { windowKey: w.key, observed, windowStart: w.start, windowEnd: w.end, items };
}

export const exposureKind: RiskKind = {
  key: "exposure",
  async breaches(db, args) {
    const state = await exchangeStateOf(db, args.brandId, args.customerId, stateWindow(args).freshSince, ["positions", "balances"]);
    const notional = total(state.positions);
    if (notional.isZero()) return [];
    const observed = state.equity.lte(0) ? new Decimal(Infinity) : pct(notional, state.equity);
    if (!observed.gt(args.threshold)) return [];
    const equity: CountedItem = { type: "equity", id: `equity:${args.customerId}`, value: state.equity.toFixed(), at: (state.syncedAt ?? args.at).toISOString() };
    return [observation(args, observed, [...state.positions.map(positionItem), equity])];
  },
  activeCustomers: customersWithSyncedPositions,
};

export const marginRatioKind: RiskKind = {
  key: "margin_ratio",
  async breaches(db, args) {
    const state = await exchangeStateOf(db, args.brandId, args.customerId, stateWindow(args).freshSince, ["positions"]);
    const rated = state.positions.filter((p): p is HeldPosition & { mgnRatio: Decimal } => p.mgnRatio !== null).sort((a, b) => a.mgnRatio.cmp(b.mgnRatio));
    if (rated.length === 0) return [];
    const observed = rated[0]!.mgnRatio.mul(HUNDRED).toDecimalPlaces(DP, Decimal.ROUND_HALF_UP);
    if (!observed.lt(args.threshold)) return [];
    // Lowest first, each named with its own ratio: the first is the observed number.
    const items = rated.map((p) => {
      const item = positionItem(p);
      return { ...item, label: `${item.label} · ${p.mgnRatio.mul(HUNDRED).toDecimalPlaces(2).toFixed()} %` };
    });
    return [observation(args, observed, items)];
  },
  activeCustomers: customersWithSyncedPositions,
};

export const concentrationKind: RiskKind = {
  key: "concentration",
  async breaches(db, args) {
    const state = await exchangeStateOf(db, args.brandId, args.customerId, stateWindow(args).freshSince, ["positions"]);
    const all = total(state.positions);
    if (all.isZero()) return [];
    const byInstrument = new Map<string, Decimal>();
    for (const p of state.positions) byInstrument.set(p.instId, (byInstrument.get(p.instId) ?? new Decimal(0)).plus(p.exposure));
    const largest = Decimal.max(...byInstrument.values());
    const observed = pct(largest, all);
    if (!observed.gt(args.threshold)) return [];
    return [observation(args, observed, state.positions.map(positionItem))];
  },
  activeCustomers: customersWithSyncedPositions,
};
