/**
 * Permission-matrix and brand-isolation cases for the rebate procedures (see tests/procedure-cases.ts).
 * Files, trades and daily sums are written straight to the database (the worker's pipeline and the reports'
 * sums are tested on their own); a request asks for yesterday's trading details, which every brand fetches
 * by default. The reports' isolation: brand B's trades on a day change nothing brand A reads for it.
 */
import { expect } from "vitest";
import { db, type Prisma } from "@/server/db/client";
import { uniqueSuffix } from "../helpers/db";
import type { Fixture, ProcedureCase } from "../procedure-cases";
import { createTestKeyRow, createTestSubaccount } from "./api-keys";
import { createTestCustomer } from "./customers";

type Call = (path: string, input?: unknown) => Promise<unknown>;

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const day = (text: string) => new Date(`${text}T00:00:00.000Z`);

/** A file of `brandId` in the given state (failed by default, with one refused row). */
export async function createTestRebateFile(brandId: string, data: Partial<Prisma.RebateFileUncheckedCreateInput> = {}) {
  const file = await db.rebateFile.create({
    data: {
      brandId,
      kind: "dma_trades",
      beginDay: day(yesterday()),
      endDay: day(yesterday()),
      trigger: "manual",
      state: "failed",
      errorKey: "rebates.errors.rowsRefused",
      rowsRefused: 1,
      ...data,
    },
  });
  if (file.state === "failed") await db.rebateFileError.create({ data: { fileId: file.id, line: 2, field: "amt", value: "1e5", reason: "invalid" } });
  return file;
}

/** A day no other case writes trades on. */
const REPORT_DAY = "2025-03-14";
const range = { from: REPORT_DAY, to: REPORT_DAY };

/** One trade of brand B on REPORT_DAY (its customer's), with the daily sum the import would keep. */
async function brandBTrade(f: Fixture) {
  const customer = await createTestCustomer(f.brandB.id);
  const subAcct = `rb${uniqueSuffix()}`;
  // The fill, its sub-account linked to the customer (how a fill finds its customer), and the sums the import keeps.
  const trade = { tradeId: uniqueSuffix(), ordId: "1", subAcct };
  await db.$executeRaw`INSERT INTO subaccount (id, brand_id, sub_acct, uid, account_level, enabled, can_transfer_out, exchange_created_at, last_synced_at, customer_id, updated_at)
    VALUES (gen_random_uuid(), ${f.brandB.id}::uuid, ${subAcct}, ${uniqueSuffix()}, 1, true, true, now(), now(), ${customer.id}::uuid, now())`;
  await db.$executeRaw`INSERT INTO dma_trade (brand_id, sub_acct, sub_acct_level, first_lv_sub_acct, inst_id, ord_id, trade_id, amount, fee, exec_type, ts)
    VALUES (${f.brandB.id}::uuid, ${subAcct}, 1, ${subAcct}, 'BTC-USDT', ${trade.ordId}, ${trade.tradeId}, 1000, -0.8, 'T', ${Date.parse(`${REPORT_DAY}T10:00:00Z`)})`;
  await db.$executeRaw`INSERT INTO dma_trade_daily AS d (brand_id, day, inst_id, inst_family, exec_type, trades, amount, fee)
    VALUES (${f.brandB.id}::uuid, ${REPORT_DAY}::date, 'BTC-USDT', 'SPOT', 'T', 1, 1000, -0.8)
    ON CONFLICT (brand_id, day, inst_id, exec_type) DO UPDATE SET trades = d.trades + 1, amount = d.amount + 1000, fee = d.fee - 0.8`;
  const sums = { makerTrades: 0, takerTrades: 1, makerAmount: "0", takerAmount: "1000", makerFee: "0", takerFee: "-0.8" };
  await db.dmaSubDaily.create({ data: { brandId: f.brandB.id, subAcct, day: day(REPORT_DAY), ...sums } });
  await db.dmaSubMonthly.create({ data: { brandId: f.brandB.id, subAcct, month: day(`${REPORT_DAY.slice(0, 7)}-01`), ...sums } });
  return { customer, trade };
}

/**
 * A report read as brand A before and after brand B trades on its day gives the same answer, and naming
 * brand B's customer gives `empty`.
 */
const unchangedByBrandB = (path: string, input: Record<string, unknown>, empty: unknown) => async (f: Fixture, call: Call) => {
  const before = await call(path, input);
  const { customer } = await brandBTrade(f);
  expect(await call(path, input)).toEqual(before);
  expect(await call(path, { ...input, customerId: customer.id })).toEqual(empty);
};

/** A file and its refused rows, to prove a cross-brand call left them alone. */
const fileState = async (id: string) => ({
  file: await db.rebateFile.findUniqueOrThrow({ where: { id } }),
  errors: await db.rebateFileError.findMany({ where: { fileId: id }, orderBy: { line: "asc" } }),
});

/** A key stored for a sub-account of one of `brandId`'s customers. */
async function customerKey(brandId: string) {
  const customer = await createTestCustomer(brandId);
  const sub = await createTestSubaccount(brandId, { customerId: customer.id });
  return { customer, key: await createTestKeyRow(brandId, { subaccountId: sub.id, stored: false }) };
}

/** A key no brand stores: the simulator answers for any key. */
const PASTED_KEY = "63d54aa0-0020-4ad9-a9f0-ac92654bc831";

export const REBATE_CASES: Record<string, ProcedureCase> = {
  "rebate.files": {
    input: () => ({ page: 1, pageSize: 20 }),
    isolation: async (f: Fixture, call: Call) => {
      const own = await createTestRebateFile(f.brandA.id);
      const other = await createTestRebateFile(f.brandB.id);
      const ids = async (input: Record<string, unknown>) =>
        ((await call("rebate.files", { page: 1, pageSize: 100, ...input })) as { rows: { id: string }[] }).rows.map((r) => r.id);
      const all = await ids({});
      expect(all).toContain(own.id);
      expect(all).not.toContain(other.id);
      expect(await ids({ state: ["failed"], kind: ["dma_trades"] })).not.toContain(other.id);
    },
  },
  "rebate.fileErrors": {
    input: async (f) => ({ id: (await createTestRebateFile(f.brandA.id)).id }),
    isolation: async (f, call) => {
      const other = await createTestRebateFile(f.brandB.id);
      await expect(call("rebate.fileErrors", { id: other.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    },
  },
  "rebate.request": {
    input: () => ({ kind: "dma_trades", begin: yesterday(), end: yesterday() }),
    isolation: async (f, call) => {
      const before = await db.rebateFile.count({ where: { brandId: f.brandB.id } });
      const { ids } = (await call("rebate.request", { kind: "dma_trades", begin: yesterday(), end: yesterday() })) as { ids: string[] };
      expect(ids).toHaveLength(1);
      expect(await db.rebateFile.count({ where: { id: { in: ids }, brandId: f.brandA.id } })).toBe(1);
      expect(await db.rebateFile.count({ where: { brandId: f.brandB.id } })).toBe(before);
    },
  },
  "rebate.report": {
    input: () => range,
    isolation: unchangedByBrandB("rebate.report", range, { totals: { trades: 0, volume: "0", feesPaid: "0", makerFeesPaid: "0", takerFeesPaid: "0" }, days: [] }),
  },
  "rebate.breakdown": {
    input: () => ({ ...range, by: "customer" }),
    isolation: unchangedByBrandB("rebate.breakdown", { ...range, by: "subaccount" }, []),
  },
  "rebate.trades": {
    input: () => ({ page: 1, pageSize: 20, ...range }),
    isolation: async (f, call) => {
      const { customer, trade } = await brandBTrade(f);
      const page = (await call("rebate.trades", { page: 1, pageSize: 100, ...range })) as { rows: { tradeId: string }[] };
      expect(page.rows.map((r) => r.tradeId)).not.toContain(trade.tradeId);
      expect(await call("rebate.trades", { page: 1, pageSize: 100, ...range, customerId: customer.id })).toMatchObject({ total: 0, rows: [] });
      expect(await call("rebate.trades", { page: 1, pageSize: 100, ...range, subAcct: trade.subAcct })).toMatchObject({ total: 0, rows: [] });
    },
  },
  "rebate.checkEligibility": {
    input: () => ({ program: "fd", source: "pasted", apiKey: PASTED_KEY }),
    // Brand B's stored key is not found by id, and pasting it tells nothing of brand B's sub-account or customer.
    isolation: async (f, call) => {
      const { key } = await customerKey(f.brandB.id);
      await expect(call("rebate.checkEligibility", { program: "affiliate", source: "stored", apiKeyId: key.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      const pasted = (await call("rebate.checkEligibility", { program: "affiliate", source: "pasted", apiKey: key.apiKey })) as { key: unknown };
      expect(pasted.key).toEqual({ apiKeyMasked: expect.any(String), subAcct: null, label: null, customer: null });
    },
  },
  "rebate.customerKeys": {
    input: async (f) => ({ customerId: (await customerKey(f.brandA.id)).customer.id }),
    isolation: async (f, call) => {
      const { customer } = await customerKey(f.brandB.id);
      await expect(call("rebate.customerKeys", { customerId: customer.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    },
  },
  "rebate.retry": {
    input: async (f) => ({ id: (await createTestRebateFile(f.brandA.id)).id }),
    isolation: async (f, call) => {
      const other = await createTestRebateFile(f.brandB.id);
      const before = await fileState(other.id);
      await expect(call("rebate.retry", { id: other.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await fileState(other.id)).toEqual(before);
    },
  },
};
