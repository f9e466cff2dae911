/**
 * Where a sub-account's trading state comes from: its broker account's store keeps the ones that changed
 * (persisted in the snapshot); any other demo sub-account gets its generated activity on first use, the same
 * every time (seeded by account seed + name, anchored at the data set's generation), so reading 5,000
 * untouched accounts costs memory for a cache, not snapshot writes.
 */
import "server-only";
import type { Subaccount } from "../model";
import type { SimStore } from "../store";
import { settle } from "./engine";
import { generateTrading } from "./generate";
import type { SubTrading } from "./model";

export const emptyTrading = (subAcct: string, now: number): SubTrading => ({
  subAcct,
  posMode: "net_mode",
  seq: 0,
  evaluatedTo: now,
  trading: {},
  funding: {},
  uTime: {},
  orders: [],
  fills: [],
  bills: [],
  positions: [],
});

/** Keeps what a read or write changed: only touched states go into the snapshot. */
export function touch(store: SimStore, state: SubTrading) {
  store.tradingTouched.add(state.subAcct);
  store.changed();
}

/**
 * The sub-account's trading state at `now` (resting orders that the price crossed are filled first).
 * `sub` null = the broker's own account: always empty, never stored.
 */
export function tradingOf(store: SimStore, sub: Subaccount | null, now: number): SubTrading {
  if (!sub) return emptyTrading("", now);
  let state = store.trading.get(sub.subAcct);
  if (!state) {
    // A sub-account created after the data set starts empty, as a new one at OKX does.
    state = Number(sub.ts) > store.meta.generatedAt ? emptyTrading(sub.subAcct, now) : generateTrading(store.meta.seed, sub, store.meta.generatedAt);
    store.trading.set(sub.subAcct, state);
  }
  if (settle(state, sub, now)) touch(store, state);
  return state;
}

/** Trims what OKX no longer lists (orders and bills older than 7 days, fills older than 3 months) to bound growth. */
export function trim(state: SubTrading, now: number) {
  const week = now - 7 * 86_400_000;
  state.orders = state.orders.filter((o) => o.state === "live" || o.state === "partially_filled" || o.uTime >= week);
  state.bills = state.bills.filter((b) => b.ts >= now - 90 * 86_400_000);
  state.fills = state.fills.filter((f) => f.ts >= now - 90 * 86_400_000);
}
