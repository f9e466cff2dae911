/**
 * A customer's exchange accounts as the last sync stored them (the same services staff read): assets
 * (balances by currency valued in USDT), whether they hold positions, their positions, open orders and fund
 * details (bills). The customer is named by UID, as the brand's own systems know them. Nothing here calls
 * the exchange; each answer says how fresh it is.
 */
import "server-only";
import { z } from "zod";
import type { PartnerContext } from "../../actor";
import { invalid, notFound } from "../../errors";
import { listBills, listOpenOrders, listPositions } from "../../exchange-accounts/lists";
import { customerExchangeSummary } from "../../exchange-accounts/summary";
import { DATA_KINDS } from "@/lib/exchange-accounts/schemas";
import type { BillRow, OpenOrderRow, PositionRow } from "@/lib/exchange-accounts/types";
import { endpoint } from "../registry";
import { iso, zDecimal, zListQuery, zPage, zTime } from "./common";

const zCustomerUid = z.string().regex(/^\d{1,18}$/, { error: "customerUid is the customer's number (digits)" }).meta({ description: "The customer's UID.", example: "100023" });
const ZCustomerPath = z.strictObject({ customerUid: zCustomerUid });

async function customerIdOf(ctx: PartnerContext, customerUid: string): Promise<string> {
  const customer = await ctx.db.customer.findFirst({ where: { brandId: ctx.tenantId, uid: BigInt(customerUid) }, select: { id: true } });
  if (!customer) throw notFound("customer");
  return customer.id;
}

/** This API's cursors are page numbers it handed out. */
function pageOf(cursor: string | undefined): number {
  if (cursor === undefined) return 1;
  if (!/^\d{1,6}$/.test(cursor) || Number(cursor) < 1) throw invalid("cursor", "errors.invalidCursor");
  return Number(cursor);
}
const nextCursor = (page: number, limit: number, total: number) => (page * limit < total ? String(page + 1) : null);
const listArgs = (page: number, limit: number) => ({ page, pageSize: limit, dir: "desc" as const, q: undefined });

const ZFreshness = z
  .object({
    subAcct: z.string(),
    lastSyncedAt: zTime.nullable().meta({ description: "When the sub-account was last read from the exchange; null: not yet." }),
    unreadable: z.string().nullable().meta({ description: "Why it cannot be read (`no_key`, `no_stored_secret`, `missing_permission`, `unreadable_secret`); null when it can." }),
    failedKinds: z.array(z.enum(DATA_KINDS)).meta({ description: "Data kinds whose last read failed: their figures are from the last good read." }),
  })
  .meta({ id: "ExchangeFreshness" });

const ZAssets = z
  .object({
    totalValueUsdt: zDecimal.meta({ description: "Sum of the valued currencies, in USDT." }),
    currencies: z.array(
      z
        .object({ ccy: z.string(), trading: zDecimal, funding: zDecimal, total: zDecimal, valueUsdt: zDecimal.nullable().meta({ description: "null: no USDT price found." }) })
        .meta({ id: "ExchangeCurrencyBalance" }),
    ),
    subaccounts: z.array(ZFreshness),
  })
  .meta({ id: "ExchangeAssets" });

const ZPosition = z
  .object({
    subAcct: z.string(),
    instType: z.string(),
    instId: z.string(),
    posSide: z.string().meta({ description: "`long` / `short` (long-short mode) or `net`." }),
    mgnMode: z.string(),
    direction: z.enum(["long", "short"]),
    size: zDecimal.meta({ description: "Contracts; negative for a net short." }),
    avgPx: zDecimal.nullable(),
    markPx: zDecimal.nullable(),
    upl: zDecimal.nullable().meta({ description: "Unrealised PnL." }),
    uplRatio: zDecimal.nullable(),
    lever: z.string(),
    liqPx: zDecimal.nullable(),
    mgnRatio: zDecimal.nullable(),
    exposureUsd: zDecimal,
    updatedAt: zTime,
    syncedAt: zTime,
  })
  .meta({ id: "ExchangePosition" });
const positionAnswer = (p: PositionRow) => ({
  subAcct: p.subAcct,
  instType: p.instType,
  instId: p.instId,
  posSide: p.posSide,
  mgnMode: p.mgnMode,
  direction: p.direction,
  size: p.pos,
  avgPx: p.avgPx,
  markPx: p.markPx,
  upl: p.upl,
  uplRatio: p.uplRatio,
  lever: p.lever,
  liqPx: p.liqPx,
  mgnRatio: p.mgnRatio,
  exposureUsd: p.exposureUsd,
  updatedAt: p.exchangeUpdatedAt.toISOString(),
  syncedAt: p.syncedAt.toISOString(),
});

const ZOrder = z
  .object({
    subAcct: z.string(),
    ordId: z.string(),
    clOrdId: z.string(),
    instType: z.string(),
    instId: z.string(),
    side: z.string(),
    ordType: z.string(),
    px: zDecimal.nullable().meta({ description: "null for a market order." }),
    size: zDecimal,
    filled: zDecimal,
    state: z.string().meta({ description: "`live` or `partially_filled`." }),
    createdAt: zTime,
    syncedAt: zTime,
  })
  .meta({ id: "ExchangeOpenOrder" });
const orderAnswer = (o: OpenOrderRow) => ({
  subAcct: o.subAcct,
  ordId: o.ordId,
  clOrdId: o.clOrdId,
  instType: o.instType,
  instId: o.instId,
  side: o.side,
  ordType: o.ordType,
  px: o.px,
  size: o.sz,
  filled: o.accFillSz,
  state: o.state,
  createdAt: o.exchangeCreatedAt.toISOString(),
  syncedAt: o.syncedAt.toISOString(),
});

const ZBill = z
  .object({
    subAcct: z.string(),
    billId: z.string(),
    ccy: z.string(),
    change: zDecimal.meta({ description: "Signed balance change." }),
    balance: zDecimal.meta({ description: "Balance after it." }),
    type: z.string().meta({ description: "OKX bill type: 1 transfer, 2 trade, 3 delivery, 5 liquidation, 8 funding fee, …" }),
    subType: z.string(),
    instId: z.string(),
    pnl: zDecimal.nullable(),
    fee: zDecimal.nullable(),
    ordId: z.string(),
    time: zTime,
  })
  .meta({ id: "ExchangeBill" });
const billAnswer = (b: BillRow) => ({
  subAcct: b.subAcct,
  billId: b.billId,
  ccy: b.ccy,
  change: b.balChg,
  balance: b.bal,
  type: b.type,
  subType: b.subType,
  instId: b.instId,
  pnl: b.pnl,
  fee: b.fee,
  ordId: b.ordId,
  time: b.ts.toISOString(),
});

const TAG = "Exchange accounts";

export const exchangeAccountEndpoints = [
  endpoint({
    operationId: "getExchangeAssets",
    method: "GET",
    path: "/customers/{customerUid}/exchange/assets",
    group: "funds",
    access: "read",
    tag: TAG,
    summary: "A customer's exchange balances",
    description: "Trading and funding balances of all the customer's sub-accounts by currency, valued in USDT at the last price, with each sub-account's freshness.",
    params: ZCustomerPath,
    response: ZAssets,
    refusals: [400, 404],
    handler: async (ctx, { params }) => {
      const s = await customerExchangeSummary(ctx, await customerIdOf(ctx, params.customerUid));
      return {
        totalValueUsdt: s.totalValueUsdt,
        currencies: s.currencies,
        subaccounts: s.subaccounts.map((f) => ({
          subAcct: f.subAcct,
          lastSyncedAt: iso(f.lastRunAt),
          unreadable: f.noKeyReason,
          failedKinds: DATA_KINDS.filter((k) => f.kinds[k]?.errorCode),
        })),
      };
    },
  }),
  endpoint({
    operationId: "hasExchangePositions",
    method: "GET",
    path: "/customers/{customerUid}/exchange/has-positions",
    group: "trading",
    access: "read",
    tag: TAG,
    summary: "Whether a customer holds positions",
    params: ZCustomerPath,
    response: z.object({ hasPositions: z.boolean(), count: z.number().int() }).meta({ id: "ExchangeHasPositions" }),
    refusals: [400, 404],
    handler: async (ctx, { params }) => {
      const page = await listPositions(ctx, { ...listArgs(1, 1), customerId: await customerIdOf(ctx, params.customerUid) });
      return { hasPositions: page.total > 0, count: page.total };
    },
  }),
  endpoint({
    operationId: "listExchangePositions",
    method: "GET",
    path: "/customers/{customerUid}/exchange/positions",
    group: "trading",
    access: "read",
    tag: TAG,
    summary: "A customer's positions",
    description: "Largest exposure first.",
    params: ZCustomerPath,
    query: zListQuery,
    response: zPage(ZPosition, "ExchangePositionPage"),
    refusals: [400, 404],
    handler: async (ctx, { params, query }) => {
      const page = pageOf(query.cursor);
      const r = await listPositions(ctx, { ...listArgs(page, query.limit), customerId: await customerIdOf(ctx, params.customerUid) });
      return { data: r.rows.map(positionAnswer), nextCursor: nextCursor(page, query.limit, r.total) };
    },
  }),
  endpoint({
    operationId: "listExchangeOpenOrders",
    method: "GET",
    path: "/customers/{customerUid}/exchange/open-orders",
    group: "trading",
    access: "read",
    tag: TAG,
    summary: "A customer's open orders",
    description: "Newest first.",
    params: ZCustomerPath,
    query: zListQuery,
    response: zPage(ZOrder, "ExchangeOpenOrderPage"),
    refusals: [400, 404],
    handler: async (ctx, { params, query }) => {
      const page = pageOf(query.cursor);
      const r = await listOpenOrders(ctx, { ...listArgs(page, query.limit), customerId: await customerIdOf(ctx, params.customerUid) });
      return { data: r.rows.map(orderAnswer), nextCursor: nextCursor(page, query.limit, r.total) };
    },
  }),
  endpoint({
    operationId: "listExchangeBills",
    method: "GET",
    path: "/customers/{customerUid}/exchange/bills",
    group: "funds",
    access: "read",
    tag: TAG,
    summary: "A customer's fund details (exchange bills)",
    description: "Balance changes of the customer's trading accounts, newest first, optionally of one currency or bill type.",
    params: ZCustomerPath,
    query: zListQuery.extend({
      ccy: z.string().regex(/^[A-Z0-9]{1,20}$/, { error: "ccy is an upper-case currency code, e.g. USDT" }).optional(),
      type: z.string().regex(/^\d{1,3}$/, { error: "type is an OKX bill type number, e.g. 2" }).optional(),
    }),
    response: zPage(ZBill, "ExchangeBillPage"),
    refusals: [400, 404],
    handler: async (ctx, { params, query }) => {
      const page = pageOf(query.cursor);
      const r = await listBills(ctx, { ...listArgs(page, query.limit), customerId: await customerIdOf(ctx, params.customerUid), ccy: query.ccy, type: query.type });
      return { data: r.rows.map(billAnswer), nextCursor: nextCursor(page, query.limit, r.total) };
    },
  }),
];
