/**
 * Storing what a sync read: snapshots (balances, positions, open orders) replaced whole per sub-account in
 * one transaction, fills and bills added once per bill id with the cursor moved in the same transaction,
 * and the per-kind outcome. Every statement is scoped by brand and sub-account.
 */
import "server-only";
import Decimal from "decimal.js";
import type { DbTx } from "@/server/db/client";
import type { Bill, Fill, Order, Position } from "@/server/exchange/okx/schemas";
import type { ExchangeDataKind } from "@/server/db/generated/enums";
import type { Balances } from "./sync-read";

export interface Scope {
  brandId: string;
  subaccountId: string;
}

const where = (s: Scope) => ({ brandId: s.brandId, subaccountId: s.subaccountId });
const abs = (v: string | null) => (v === null ? null : new Decimal(v).abs());

export async function replaceBalances(tx: DbTx, s: Scope, b: Balances, at: Date): Promise<number> {
  const value = (ccy: string, total: string) => {
    const price = b.prices.get(ccy);
    return price ? new Decimal(total).mul(price).toFixed(18) : null;
  };
  const trading = b.trading.details.map((d) => ({
    ...where(s),
    account: "trading" as const,
    ccy: d.ccy,
    total: d.eq,
    available: d.availBal,
    frozen: d.frozenBal ?? d.ordFrozen,
    upl: d.upl,
    valueUsdt: value(d.ccy, d.eq),
    exchangeUpdatedAt: d.uTime,
    syncedAt: at,
  }));
  const funding = b.funding.map((f) => ({
    ...where(s),
    account: "funding" as const,
    ccy: f.ccy,
    total: f.bal,
    available: f.availBal,
    frozen: f.frozenBal,
    upl: null,
    valueUsdt: value(f.ccy, f.bal),
    exchangeUpdatedAt: null,
    syncedAt: at,
  }));
  await tx.exchangeBalance.deleteMany({ where: where(s) });
  const { count } = await tx.exchangeBalance.createMany({ data: [...trading, ...funding], skipDuplicates: true });
  return count;
}

/** |notional| in USD: OKX's notionalUsd, else |pos| × contract value (1 when unknown) × mark price. */
export function exposureOf(p: Position, contractValues: Map<string, Decimal>): string {
  const given = abs(p.notionalUsd);
  if (given) return given.toFixed(18);
  const mark = p.markPx ?? p.avgPx ?? "0";
  return new Decimal(p.pos).abs().mul(contractValues.get(p.instId) ?? 1).mul(mark).toFixed(18);
}

export async function replacePositions(tx: DbTx, s: Scope, positions: Position[], contractValues: Map<string, Decimal>, at: Date): Promise<number> {
  await tx.exchangePosition.deleteMany({ where: where(s) });
  const { count } = await tx.exchangePosition.createMany({
    data: positions.map((p) => ({
      ...where(s),
      posId: p.posId,
      instType: p.instType,
      instId: p.instId,
      posSide: p.posSide,
      mgnMode: p.mgnMode,
      pos: p.pos,
      avgPx: p.avgPx,
      markPx: p.markPx,
      upl: p.upl,
      uplRatio: p.uplRatio,
      lever: p.lever,
      liqPx: p.liqPx,
      mgnRatio: p.mgnRatio,
      imr: p.imr,
      notionalUsd: p.notionalUsd,
      exposureUsd: exposureOf(p, contractValues),
      ccy: p.ccy,
      exchangeCreatedAt: p.cTime,
      exchangeUpdatedAt: p.uTime,
      syncedAt: at,
    })),
    skipDuplicates: true,
  });
  return count;
}

export async function replaceOpenOrders(tx: DbTx, s: Scope, orders: Order[], at: Date): Promise<number> {
  await tx.exchangeOpenOrder.deleteMany({ where: where(s) });
  const { count } = await tx.exchangeOpenOrder.createMany({
    data: orders.map((o) => ({
      ...where(s),
      ordId: o.ordId,
      clOrdId: o.clOrdId,
      instType: o.instType,
      instId: o.instId,
      side: o.side,
      posSide: o.posSide,
      ordType: o.ordType,
      tdMode: o.tdMode,
      px: o.px,
      sz: o.sz,
      accFillSz: o.accFillSz,
      avgPx: o.avgPx,
      state: o.state,
      lever: o.lever,
      reduceOnly: o.reduceOnly,
      exchangeCreatedAt: o.cTime,
      exchangeUpdatedAt: o.uTime,
      syncedAt: at,
    })),
    skipDuplicates: true,
  });
  return count;
}

/** Adds fills not stored yet and moves the fills cursor, together. */
export async function addFills(tx: DbTx, s: Scope, fills: Fill[], cursor: string | null): Promise<number> {
  const { count } = await tx.exchangeFill.createMany({
    data: fills.map((f) => ({
      ...where(s),
      billId: f.billId,
      tradeId: f.tradeId,
      ordId: f.ordId,
      clOrdId: f.clOrdId,
      instType: f.instType,
      instId: f.instId,
      side: f.side,
      posSide: f.posSide,
      fillPx: f.fillPx,
      fillSz: f.fillSz,
      execType: f.execType,
      fee: f.fee,
      feeCcy: f.feeCcy,
      ts: f.ts,
    })),
    skipDuplicates: true,
  });
  await tx.exchangeSyncState.update({ where: { subaccountId: s.subaccountId, brandId: s.brandId }, data: { fillsCursor: cursor } });
  return count;
}

/** Adds bills not stored yet and moves the bills cursor, together. */
export async function addBills(tx: DbTx, s: Scope, bills: Bill[], cursor: string | null): Promise<number> {
  const { count } = await tx.exchangeBill.createMany({
    data: bills.map((b) => ({
      ...where(s),
      billId: b.billId,
      instType: b.instType,
      instId: b.instId,
      ccy: b.ccy,
      balChg: b.balChg,
      bal: b.bal,
      type: b.type,
      subType: b.subType,
      sz: b.sz,
      px: b.px,
      pnl: b.pnl,
      fee: b.fee,
      ordId: b.ordId,
      ts: b.ts,
    })),
    skipDuplicates: true,
  });
  await tx.exchangeSyncState.update({ where: { subaccountId: s.subaccountId, brandId: s.brandId }, data: { billsCursor: cursor } });
  return count;
}

export interface KindFailure {
  code: string;
  message: string;
}

/** One data kind's outcome: a success clears the last error; a failure keeps the last success. */
export async function recordKind(tx: DbTx, s: Scope, kind: ExchangeDataKind, at: Date, failure: KindFailure | null): Promise<void> {
  const data = failure ? { lastFailureAt: at, errorCode: failure.code, errorMessage: failure.message } : { lastSuccessAt: at, errorCode: null, errorMessage: null };
  await tx.exchangeSyncKindState.upsert({
    where: { subaccountId_kind: { subaccountId: s.subaccountId, kind } },
    create: { ...where(s), kind, ...data },
    update: data,
  });
}
