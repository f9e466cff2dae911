/**
 * Storing the histories a sync read: fills and bills added once per bill id, each with its cursor moved in
 * the same transaction (the snapshots and outcomes: ./sync-write.ts). Every statement is scoped by brand
 * and sub-account.
 */
import "server-only";
import type { DbTx } from "@/server/db/client";
import type { Bill, Fill } from "@/server/exchange/okx/schemas";

export interface Scope {
  brandId: string;
  subaccountId: string;
}

const where = (s: Scope) => ({ brandId: s.brandId, subaccountId: s.subaccountId });

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
