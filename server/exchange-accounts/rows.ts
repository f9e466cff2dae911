/** Stored rows → the DTOs the pages, exports and partner API read (decimals as exact strings). */
import "server-only";
import type { Prisma } from "@/server/db/client";
import type { BillRow, FillRow, OpenOrderRow, PositionRow } from "@/lib/exchange-accounts/types";

type Dec = Prisma.Decimal;
export const str = (d: Dec) => d.toFixed();
export const strOrNull = (d: Dec | null) => (d === null ? null : d.toFixed());

/** Sub-account and customer beside each position and order. */
export const holderSelect = { select: { subAcct: true, customerId: true, customer: { select: { uid: true, name: true } } } } as const;
type Holder = { subAcct: string; customerId: string | null; customer: { uid: bigint; name: string } | null };

const holder = (s: Holder) => ({ subAcct: s.subAcct, customerId: s.customerId, customerUid: s.customer ? String(s.customer.uid) : null, customerName: s.customer?.name ?? null });

type PositionRecord = Prisma.ExchangePositionGetPayload<{ include: { subaccount: typeof holderSelect } }>;
export function positionRow(p: PositionRecord): PositionRow {
  const direction = p.posSide === "short" || (p.posSide === "net" && p.pos.isNegative()) ? "short" : "long";
  return {
    id: p.id,
    subaccountId: p.subaccountId,
    ...holder(p.subaccount),
    instType: p.instType,
    instId: p.instId,
    posSide: p.posSide,
    mgnMode: p.mgnMode,
    direction,
    pos: str(p.pos),
    avgPx: strOrNull(p.avgPx),
    markPx: strOrNull(p.markPx),
    upl: strOrNull(p.upl),
    uplRatio: strOrNull(p.uplRatio),
    lever: p.lever,
    liqPx: strOrNull(p.liqPx),
    mgnRatio: strOrNull(p.mgnRatio),
    exposureUsd: str(p.exposureUsd),
    exchangeUpdatedAt: p.exchangeUpdatedAt,
    syncedAt: p.syncedAt,
  };
}

type OrderRecord = Prisma.ExchangeOpenOrderGetPayload<{ include: { subaccount: typeof holderSelect } }>;
export function openOrderRow(o: OrderRecord): OpenOrderRow {
  return {
    id: o.id,
    subaccountId: o.subaccountId,
    ...holder(o.subaccount),
    ordId: o.ordId,
    clOrdId: o.clOrdId,
    instType: o.instType,
    instId: o.instId,
    side: o.side,
    posSide: o.posSide,
    ordType: o.ordType,
    px: strOrNull(o.px),
    sz: str(o.sz),
    accFillSz: str(o.accFillSz),
    state: o.state,
    reduceOnly: o.reduceOnly,
    exchangeCreatedAt: o.exchangeCreatedAt,
    syncedAt: o.syncedAt,
  };
}

type FillRecord = Prisma.ExchangeFillGetPayload<{ include: { subaccount: { select: { subAcct: true } } } }>;
export const fillRow = (f: FillRecord): FillRow => ({
  id: f.id,
  subaccountId: f.subaccountId,
  subAcct: f.subaccount.subAcct,
  billId: f.billId,
  tradeId: f.tradeId,
  ordId: f.ordId,
  instType: f.instType,
  instId: f.instId,
  side: f.side,
  fillPx: str(f.fillPx),
  fillSz: str(f.fillSz),
  execType: f.execType,
  fee: str(f.fee),
  feeCcy: f.feeCcy,
  ts: f.ts,
});

type BillRecord = Prisma.ExchangeBillGetPayload<{ include: { subaccount: { select: { subAcct: true } } } }>;
export const billRow = (b: BillRecord): BillRow => ({
  id: b.id,
  subaccountId: b.subaccountId,
  subAcct: b.subaccount.subAcct,
  billId: b.billId,
  instType: b.instType,
  instId: b.instId,
  ccy: b.ccy,
  balChg: str(b.balChg),
  bal: str(b.bal),
  type: b.type,
  subType: b.subType,
  pnl: strOrNull(b.pnl),
  fee: strOrNull(b.fee),
  ordId: b.ordId,
  ts: b.ts,
});
