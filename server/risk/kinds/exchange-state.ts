/**
 * What the exposure kinds read: a customer's exchange accounts as the exchange-account sync last stored
 * them (server/exchange-accounts/sync-write.ts) — never the exchange itself. Only snapshots the sync
 * refreshed within `freshSince` count: a sub-account whose sync stopped (no usable key, the exchange
 * refusing) says nothing about now, and acting on it could close positions that no longer exist. A
 * sub-account is taken whole or not at all, so a stale balance never meets a fresh position.
 */
import "server-only";
import { Decimal } from "decimal.js";
import type { Db, DbTx } from "../../db/client";
import type { ExchangeDataKind } from "../../db/generated/enums";
import { windowOf, type CountedItem, type KindArgs } from "./types";

export interface HeldPosition {
  id: string;
  subaccountId: string;
  instId: string;
  posSide: string;
  /** |notional| in USDT as the sync stored it (OKX's notionalUsd, else |pos| × contract value × mark). */
  exposure: Decimal;
  /** OKX's mgnRatio (equity / maintenance margin, 1 = liquidation); null when the exchange gave none. */
  mgnRatio: Decimal | null;
  syncedAt: Date;
}

export interface ExchangeState {
  /** Sub-accounts whose snapshots counted. */
  subaccountIds: string[];
  /** Open positions (size not 0). */
  positions: HeldPosition[];
  /** Trading-account equity in USDT: each currency's equity at the price the sync read (unpriced ones count 0). */
  equity: Decimal;
  /** Newest snapshot counted. */
  syncedAt: Date | null;
}

/**
 * The customer's sub-accounts (not removed) whose `kinds` all last succeeded at or after `since`, and
 * their positions and trading balances.
 */
export async function exchangeStateOf(db: Db | DbTx, brandId: string, customerId: string, since: Date, kinds: ExchangeDataKind[]): Promise<ExchangeState> {
  const subs = await db.subaccount.findMany({
    where: { brandId, customerId, removedAt: null },
    select: { id: true, exchangeSync: { select: { kinds: { where: { kind: { in: kinds } }, select: { kind: true, lastSuccessAt: true } } } } },
  });
  const fresh = subs.filter((s) => kinds.every((k) => s.exchangeSync?.kinds.some((x) => x.kind === k && x.lastSuccessAt && x.lastSuccessAt >= since))).map((s) => s.id);
  if (fresh.length === 0) return { subaccountIds: [], positions: [], equity: new Decimal(0), syncedAt: null };
  const scope = { brandId, subaccountId: { in: fresh } };
  // One after the other: `db` may be a transaction, which runs one query at a time.
  const positions = kinds.includes("positions")
    ? await db.exchangePosition.findMany({
        where: { ...scope, NOT: { pos: 0 } },
        select: { id: true, subaccountId: true, instId: true, posSide: true, exposureUsd: true, mgnRatio: true, syncedAt: true },
        orderBy: [{ exposureUsd: "desc" }, { id: "asc" }],
      })
    : [];
  const balances = kinds.includes("balances") ? await db.exchangeBalance.findMany({ where: { ...scope, account: "trading" }, select: { valueUsdt: true, syncedAt: true } }) : [];
  const held = positions.map((p) => ({
    id: p.id,
    subaccountId: p.subaccountId,
    instId: p.instId,
    posSide: p.posSide,
    exposure: new Decimal(p.exposureUsd.toFixed()),
    mgnRatio: p.mgnRatio === null ? null : new Decimal(p.mgnRatio.toFixed()),
    syncedAt: p.syncedAt,
  }));
  const equity = balances.reduce((sum, b) => (b.valueUsdt === null ? sum : sum.plus(b.valueUsdt.toFixed())), new Decimal(0));
  const times = [...positions, ...balances].map((r) => r.syncedAt.getTime());
  return { subaccountIds: fresh, positions: held, equity, syncedAt: times.length ? new Date(Math.max(...times)) : null };
}

/** A position as a counted item: its |notional| in USDT, named by its instrument (and side when hedged). */
export const positionItem = (p: HeldPosition): CountedItem => ({
  type: "position",
  id: p.id,
  label: p.posSide === "net" ? p.instId : `${p.instId} ${p.posSide}`,
  value: p.exposure.toFixed(),
  at: p.syncedAt.toISOString(),
});

/**
 * The state-based window: the tumbling window `at` falls in (one event per window while a breach lasts),
 * and the snapshots that count — those refreshed within one window length before `at`.
 */
export function stateWindow({ at, windowMinutes }: Pick<KindArgs, "at" | "windowMinutes">) {
  const w = windowOf(at, windowMinutes);
  return { ...w, freshSince: new Date(at.getTime() - windowMinutes * 60_000) };
}

/** Customers of the brand with a position whose sub-account's positions were synced since `since` (for the sweep). */
export async function customersWithSyncedPositions(db: Db | DbTx, brandId: string, since: Date): Promise<string[]> {
  const rows = await db.subaccount.findMany({
    where: {
      brandId,
      customerId: { not: null },
      removedAt: null,
      exchangePositions: { some: {} },
      exchangeSync: { kinds: { some: { kind: "positions", lastSuccessAt: { gte: since } } } },
    },
    distinct: ["customerId"],
    select: { customerId: true },
  });
  return rows.flatMap((r) => (r.customerId ? [r.customerId] : []));
}
