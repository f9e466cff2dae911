/**
 * Permission-matrix and brand-isolation cases for the exchangeAccount procedures (see tests/procedure-cases.ts).
 * Rows are written straight to the database (the sync is tested on its own against the simulator); each
 * isolation case gives brand B a customer with a position, an order, a fill and a bill, and checks that
 * brand A's caller can neither list them nor name B's customer.
 */
import { afterAll, expect } from "vitest";
import { db } from "@/server/db/client";
import { closeProducerConnection } from "@/server/queues/connection";
import { producerQueue } from "@/server/queues/registry";
import { createTestCustomer } from "./customers";
import { createTestSubaccount } from "./deposits";
import { uniqueSuffix } from "../helpers/db";
import type { Fixture, ProcedureCase } from "../procedure-cases";

type Call = (path: string, input?: unknown) => Promise<unknown>;

// "Refresh" queues jobs (under the test prefix tests/cases/jobs.ts sets); none is ever processed here.
afterAll(async () => {
  await producerQueue("exchange-account-sync").obliterate({ force: true }).catch(() => undefined);
  await closeProducerConnection();
});

/** A customer of `brandId` with one sub-account holding a position, an open order, a fill and a bill. */
export async function customerWithExchangeRows(brandId: string) {
  const customer = await createTestCustomer(brandId);
  const sub = await createTestSubaccount(brandId, { customerId: customer.id, subAcct: `ea${uniqueSuffix()}` });
  const s = { brandId, subaccountId: sub.id };
  const at = new Date();
  const id = uniqueSuffix().replace(/\D/g, "1").padEnd(10, "7");
  await db.exchangeBalance.create({ data: { ...s, account: "trading", ccy: "USDT", total: "1000", available: "900", valueUsdt: "1000", syncedAt: at } });
  const position = await db.exchangePosition.create({
    data: { ...s, posId: id, instType: "SWAP", instId: "BTC-USDT-SWAP", posSide: "net", mgnMode: "cross", pos: "2", avgPx: "60000", markPx: "61000", upl: "20", exposureUsd: "1220", exchangeCreatedAt: at, exchangeUpdatedAt: at, syncedAt: at },
  });
  const order = await db.exchangeOpenOrder.create({
    data: { ...s, ordId: id, instType: "SPOT", instId: "BTC-USDT", side: "buy", ordType: "limit", px: "50000", sz: "0.1", accFillSz: "0", state: "live", exchangeCreatedAt: at, exchangeUpdatedAt: at, syncedAt: at },
  });
  const fill = await db.exchangeFill.create({
    data: { ...s, billId: id, tradeId: id, ordId: id, instType: "SPOT", instId: "BTC-USDT", side: "buy", fillPx: "50000", fillSz: "0.01", execType: "T", fee: "-0.5", feeCcy: "USDT", ts: at },
  });
  const bill = await db.exchangeBill.create({ data: { ...s, billId: id, ccy: "USDT", balChg: "-500", bal: "1000", type: "2", ts: at } });
  return { customer, sub, position, order, fill, bill };
}

const mine = new Map<string, ReturnType<typeof customerWithExchangeRows>>();
const brandCustomer = (brandId: string) => {
  let c = mine.get(brandId);
  if (!c) mine.set(brandId, (c = customerWithExchangeRows(brandId)));
  return c;
};

/** Naming brand B's customer is NOT_FOUND. */
const refusesBrandBCustomer = (path: string, extra: Record<string, unknown> = {}) => async (f: Fixture, call: Call) => {
  const theirs = await brandCustomer(f.brandB.id);
  await expect(call(path, { customerId: theirs.customer.id, ...extra })).rejects.toMatchObject({ code: "NOT_FOUND" });
};

export const EXCHANGE_ACCOUNT_CASES: Record<string, ProcedureCase> = {
  "exchangeAccount.summary": {
    input: async (f) => ({ customerId: (await brandCustomer(f.brandA.id)).customer.id }),
    isolation: refusesBrandBCustomer("exchangeAccount.summary"),
  },
  "exchangeAccount.fills": {
    input: async (f) => ({ customerId: (await brandCustomer(f.brandA.id)).customer.id, page: 1, pageSize: 20 }),
    isolation: async (f, call) => {
      await refusesBrandBCustomer("exchangeAccount.fills", { page: 1, pageSize: 20 })(f, call);
      // B's sub-account under A's customer finds nothing.
      const [a, b] = [await brandCustomer(f.brandA.id), await brandCustomer(f.brandB.id)];
      const page = (await call("exchangeAccount.fills", { customerId: a.customer.id, subaccountId: b.sub.id, page: 1, pageSize: 20 })) as { total: number };
      expect(page.total).toBe(0);
    },
  },
  "exchangeAccount.bills": {
    input: async (f) => ({ customerId: (await brandCustomer(f.brandA.id)).customer.id, page: 1, pageSize: 20 }),
    isolation: refusesBrandBCustomer("exchangeAccount.bills", { page: 1, pageSize: 20 }),
  },
  "exchangeAccount.positions": {
    input: () => ({ page: 1, pageSize: 20 }),
    isolation: async (f, call) => {
      const [a, b] = [await brandCustomer(f.brandA.id), await brandCustomer(f.brandB.id)];
      const page = (await call("exchangeAccount.positions", { page: 1, pageSize: 100, customerId: a.customer.id })) as { rows: { id: string }[] };
      expect(page.rows.map((r) => r.id)).toContain(a.position.id);
      const searched = (await call("exchangeAccount.positions", { page: 1, pageSize: 100, q: b.sub.subAcct })) as { total: number };
      expect(searched.total).toBe(0);
      const named = (await call("exchangeAccount.positions", { page: 1, pageSize: 100, customerId: b.customer.id })) as { total: number };
      expect(named.total).toBe(0);
    },
  },
  "exchangeAccount.openOrders": {
    input: () => ({ page: 1, pageSize: 20 }),
    isolation: async (f, call) => {
      const [a, b] = [await brandCustomer(f.brandA.id), await brandCustomer(f.brandB.id)];
      const page = (await call("exchangeAccount.openOrders", { page: 1, pageSize: 100, customerId: a.customer.id })) as { rows: { id: string }[] };
      expect(page.rows.map((r) => r.id)).toContain(a.order.id);
      const searched = (await call("exchangeAccount.openOrders", { page: 1, pageSize: 100, q: b.sub.subAcct })) as { total: number };
      expect(searched.total).toBe(0);
    },
  },
  "exchangeAccount.refresh": {
    // A sub-account without any key: nothing is queued, so the case needs no worker.
    input: async (f) => ({ customerId: (await brandCustomer(f.brandA.id)).customer.id }),
    isolation: async (f, call) => {
      const before = await db.auditLog.count({ where: { brandId: f.brandB.id } });
      await refusesBrandBCustomer("exchangeAccount.refresh")(f, call);
      expect(await db.auditLog.count({ where: { brandId: f.brandB.id } })).toBe(before);
    },
  },
};
