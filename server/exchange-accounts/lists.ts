/**
 * Server-side paged lists of the synced exchange data: the brand's positions (largest exposure first) and
 * open orders, and a customer's fills and bills; each with a row stream for its CSV export. Every query
 * starts with the caller's brand; a customer filter names one of the brand's customers or finds nothing.
 */
import "server-only";
import type { z } from "zod";
import type { BrandContext } from "../actor";
import { endOfRange } from "../audit/query";
import type { Prisma } from "../db/client";
import { pageArgs } from "@/lib/table-state";
import { subAcct } from "@/lib/exchange/okx-fields";
import type { ZBillListInput, ZFillListInput, ZOpenOrderListInput, ZPositionListInput } from "@/lib/exchange-accounts/schemas";
import type { BillPage, BillRow, FillPage, FillRow, OpenOrderPage, OpenOrderRow, PositionPage, PositionRow } from "@/lib/exchange-accounts/types";
import { customerSubaccounts } from "./summary";
import { billRow, fillRow, holderSelect, openOrderRow, positionRow } from "./rows";

type In<T extends z.ZodType> = z.infer<T>;
const EXPORT_BATCH = 1000;

/**
 * The sub-account side of a search: customer uid, e-mail or sub-account name (exact), each only when the
 * term can be one — "BTC" is no sub-account name (6–20 letters and digits), e-mail or uid, so an
 * instrument search costs no join through the holders (bench/exchange-accounts).
 */
function holderSearch(q: string): Prisma.SubaccountWhereInput[] {
  const or: Prisma.SubaccountWhereInput[] = [];
  if (subAcct.safeParse(q).success) or.push({ subAcct: q });
  if (q.includes("@")) or.push({ customer: { email: q.toLowerCase() } });
  if (/^\d{1,18}$/.test(q)) or.push({ customer: { uid: BigInt(q) } });
  return or;
}

/** An instrument id or its start (BTC, BTC-USDT, 1INCH-USDT-SWAP). */
const instrumentPrefix = (q: string): Prisma.StringFilter | null => (/^[A-Za-z0-9-]{1,40}$/.test(q) ? { startsWith: q.toUpperCase() } : null);

export function positionWhere(tenantId: string, f: In<typeof ZPositionListInput>): Prisma.ExchangePositionWhereInput {
  const and: Prisma.ExchangePositionWhereInput[] = [{ brandId: tenantId }];
  if (f.instType?.length) and.push({ instType: { in: f.instType } });
  if (f.customerId) and.push({ subaccount: { brandId: tenantId, customerId: f.customerId } });
  if (f.direction?.length === 1) {
    and.push(f.direction[0] === "long" ? { OR: [{ posSide: "long" }, { posSide: "net", pos: { gt: 0 } }] } : { OR: [{ posSide: "short" }, { posSide: "net", pos: { lt: 0 } }] });
  }
  const q = f.q?.trim();
  if (q) {
    const inst = instrumentPrefix(q);
    and.push({ OR: [...(inst ? [{ instId: inst }] : []), ...holderSearch(q).map((s) => ({ subaccount: s }))] });
  }
  return { AND: and };
}

const positionOrder = (f: In<typeof ZPositionListInput>): Prisma.ExchangePositionOrderByWithRelationInput[] => {
  const dir = f.dir;
  switch (f.sort) {
    case "upl":
      return [{ upl: { sort: dir, nulls: "last" } }, { id: "asc" }];
    case "instId":
      return [{ instId: dir }, { id: "asc" }];
    case "updated":
      return [{ exchangeUpdatedAt: dir }, { id: "asc" }];
    default:
      return [{ exposureUsd: dir }, { id: "asc" }];
  }
};

/** One page of the brand's positions, largest exposure first unless another sort is asked for. */
export async function listPositions(ctx: BrandContext, f: In<typeof ZPositionListInput>): Promise<PositionPage> {
  const where = positionWhere(ctx.tenantId, f);
  const [rows, total] = await Promise.all([
    ctx.db.exchangePosition.findMany({ where, include: { subaccount: holderSelect }, orderBy: positionOrder(f), ...pageArgs(f) }),
    ctx.db.exchangePosition.count({ where }),
  ]);
  return { rows: rows.map(positionRow), total, page: f.page, pageSize: f.pageSize };
}

export async function* iteratePositions(ctx: BrandContext, f: In<typeof ZPositionListInput>): AsyncGenerator<PositionRow> {
  const where = positionWhere(ctx.tenantId, f);
  for (let skip = 0; ; skip += EXPORT_BATCH) {
    const batch = await ctx.db.exchangePosition.findMany({ where, include: { subaccount: holderSelect }, orderBy: positionOrder(f), skip, take: EXPORT_BATCH });
    for (const p of batch) yield positionRow(p);
    if (batch.length < EXPORT_BATCH) return;
  }
}

export function openOrderWhere(tenantId: string, f: In<typeof ZOpenOrderListInput>): Prisma.ExchangeOpenOrderWhereInput {
  const and: Prisma.ExchangeOpenOrderWhereInput[] = [{ brandId: tenantId }];
  if (f.instType?.length) and.push({ instType: { in: f.instType } });
  if (f.side?.length) and.push({ side: { in: f.side } });
  if (f.customerId) and.push({ subaccount: { brandId: tenantId, customerId: f.customerId } });
  const q = f.q?.trim();
  if (q) {
    const inst = instrumentPrefix(q);
    and.push({ OR: [...(inst ? [{ instId: inst }] : []), { ordId: q }, ...holderSearch(q).map((s) => ({ subaccount: s }))] });
  }
  return { AND: and };
}

const orderOrder = (f: In<typeof ZOpenOrderListInput>): Prisma.ExchangeOpenOrderOrderByWithRelationInput[] =>
  f.sort === "instId" ? [{ instId: f.dir }, { id: "asc" }] : [{ exchangeCreatedAt: f.dir }, { id: "asc" }];

/** One page of the brand's open orders, newest first unless another sort is asked for. */
export async function listOpenOrders(ctx: BrandContext, f: In<typeof ZOpenOrderListInput>): Promise<OpenOrderPage> {
  const where = openOrderWhere(ctx.tenantId, f);
  const [rows, total] = await Promise.all([
    ctx.db.exchangeOpenOrder.findMany({ where, include: { subaccount: holderSelect }, orderBy: orderOrder(f), ...pageArgs(f) }),
    ctx.db.exchangeOpenOrder.count({ where }),
  ]);
  return { rows: rows.map(openOrderRow), total, page: f.page, pageSize: f.pageSize };
}

export async function* iterateOpenOrders(ctx: BrandContext, f: In<typeof ZOpenOrderListInput>): AsyncGenerator<OpenOrderRow> {
  const where = openOrderWhere(ctx.tenantId, f);
  for (let skip = 0; ; skip += EXPORT_BATCH) {
    const batch = await ctx.db.exchangeOpenOrder.findMany({ where, include: { subaccount: holderSelect }, orderBy: orderOrder(f), skip, take: EXPORT_BATCH });
    for (const o of batch) yield openOrderRow(o);
    if (batch.length < EXPORT_BATCH) return;
  }
}

/**
 * Which sub-accounts: the customer's (NOT_FOUND for another brand's customer), narrowed to one when asked;
 * without a customer, the brand's (the brandId condition beside it scopes them).
 */
async function scopeIds(ctx: BrandContext, customerId?: string, subaccountId?: string): Promise<{ subaccountId?: string | { in: string[] } }> {
  if (!customerId) return subaccountId ? { subaccountId } : {};
  const ids = (await customerSubaccounts(ctx, customerId)).map((s) => s.id);
  return { subaccountId: { in: subaccountId ? ids.filter((id) => id === subaccountId) : ids } };
}

const timeRange = (from?: Date, to?: Date) => (from || to ? { ts: { ...(from ? { gte: from } : {}), ...(to ? { lt: endOfRange(to) } : {}) } } : {});

async function fillWhere(ctx: BrandContext, f: In<typeof ZFillListInput>): Promise<Prisma.ExchangeFillWhereInput> {
  const q = f.q?.trim();
  return {
    brandId: ctx.tenantId,
    ...(await scopeIds(ctx, f.customerId, f.subaccountId)),
    ...(f.instId ? { instId: f.instId } : {}),
    ...(f.side?.length ? { side: { in: f.side } } : {}),
    ...(q ? { OR: [{ ordId: q }, { tradeId: q }] } : {}),
    ...timeRange(f.dateFrom, f.dateTo),
  };
}

/** One page of fills (a customer's, or the brand's), newest first (or oldest with dir=asc). */
export async function listFills(ctx: BrandContext, f: In<typeof ZFillListInput>): Promise<FillPage> {
  const where = await fillWhere(ctx, f);
  const orderBy = [{ ts: f.dir }, { id: "asc" as const }];
  const [rows, total] = await Promise.all([
    ctx.db.exchangeFill.findMany({ where, include: { subaccount: { select: { subAcct: true } } }, orderBy, ...pageArgs(f) }),
    ctx.db.exchangeFill.count({ where }),
  ]);
  return { rows: rows.map(fillRow), total, page: f.page, pageSize: f.pageSize };
}

export async function* iterateFills(ctx: BrandContext, f: In<typeof ZFillListInput>): AsyncGenerator<FillRow> {
  const where = await fillWhere(ctx, f);
  for (let skip = 0; ; skip += EXPORT_BATCH) {
    const batch = await ctx.db.exchangeFill.findMany({ where, include: { subaccount: { select: { subAcct: true } } }, orderBy: [{ ts: f.dir }, { id: "asc" }], skip, take: EXPORT_BATCH });
    for (const r of batch) yield fillRow(r);
    if (batch.length < EXPORT_BATCH) return;
  }
}

async function billWhere(ctx: BrandContext, f: In<typeof ZBillListInput>): Promise<Prisma.ExchangeBillWhereInput> {
  return {
    brandId: ctx.tenantId,
    ...(await scopeIds(ctx, f.customerId, f.subaccountId)),
    ...(f.ccy ? { ccy: f.ccy } : {}),
    ...(f.instId ? { instId: f.instId } : {}),
    ...(f.type ? { type: f.type } : {}),
    ...timeRange(f.dateFrom, f.dateTo),
  };
}

/** One page of bills (a customer's, or the brand's), newest first (or oldest with dir=asc). */
export async function listBills(ctx: BrandContext, f: In<typeof ZBillListInput>): Promise<BillPage> {
  const where = await billWhere(ctx, f);
  const orderBy = [{ ts: f.dir }, { id: "asc" as const }];
  const [rows, total] = await Promise.all([
    ctx.db.exchangeBill.findMany({ where, include: { subaccount: { select: { subAcct: true } } }, orderBy, ...pageArgs(f) }),
    ctx.db.exchangeBill.count({ where }),
  ]);
  return { rows: rows.map(billRow), total, page: f.page, pageSize: f.pageSize };
}

export async function* iterateBills(ctx: BrandContext, f: In<typeof ZBillListInput>): AsyncGenerator<BillRow> {
  const where = await billWhere(ctx, f);
  for (let skip = 0; ; skip += EXPORT_BATCH) {
    const batch = await ctx.db.exchangeBill.findMany({ where, include: { subaccount: { select: { subAcct: true } } }, orderBy: [{ ts: f.dir }, { id: "asc" }], skip, take: EXPORT_BATCH });
    for (const r of batch) yield billRow(r);
    if (batch.length < EXPORT_BATCH) return;
  }
}
