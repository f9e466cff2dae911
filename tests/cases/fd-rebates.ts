/**
 * Permission-matrix and brand-isolation cases for the FD rebate reports and the brand's file kinds (see
 * tests/procedure-cases.ts). Rows and daily sums are written straight to the database (the import and its
 * sums are tested on their own). The reports' isolation: brand B's rebates on a day change nothing brand A
 * reads for it, and naming B's customer reads nothing.
 */
import { expect } from "vitest";
import { db } from "@/server/db/client";
import { uniqueSuffix } from "../helpers/db";
import type { Fixture, ProcedureCase } from "../procedure-cases";
import { createTestCustomer } from "./customers";
import { createTestRebateFile } from "./rebates";

type Call = (path: string, input?: unknown) => Promise<unknown>;

/** A day no other case writes FD rows on. */
const FD_DAY = "2025-04-18";
const range = { from: FD_DAY, to: FD_DAY };
const day = new Date(`${FD_DAY}T00:00:00.000Z`);

/** One FD row of brand B's customer on FD_DAY, with the daily sum the import would keep. */
async function brandBRebate(f: Fixture) {
  const customer = await createTestCustomer(f.brandB.id);
  const file = await createTestRebateFile(f.brandB.id, { kind: "fd_rebates", state: "imported", errorKey: null, rowsRefused: 0 });
  const money = { spotTradeAmt: "0", derivativeTradeAmt: "1000", fee: "0.5", netFee: "0.45", settlementFee: "0.4", brokerRebate: "0.12", subBrokerRebate: "0", userRebate: "0.04" };
  const row = await db.fdRebate.create({
    data: {
      brandId: f.brandB.id,
      ordId: `9${uniqueSuffix().replace(/\D/g, "").padEnd(6, "7")}`,
      day,
      brokerCode: "BCODE",
      level: "Lv1",
      instId: "BTC-USDT-SWAP",
      instFamily: "SWAP",
      ...money,
      affiliated: false,
      lastFillAt: new Date(`${FD_DAY}T10:00:00Z`),
      fileId: file.id,
      customerId: customer.id,
    },
  });
  await db.fdRebateDaily.create({ data: { brandId: f.brandB.id, day, instId: "BTC-USDT-SWAP", instFamily: "SWAP", affiliated: false, customerId: customer.id, orders: 1, ...money } });
  return { customer, row };
}

const unchangedByBrandB = (path: string, input: Record<string, unknown>, empty?: unknown) => async (f: Fixture, call: Call) => {
  const before = await call(path, input);
  const { customer } = await brandBRebate(f);
  expect(await call(path, input)).toEqual(before);
  if (empty !== undefined) expect(await call(path, { ...input, customerId: customer.id })).toEqual(empty);
};

const ZERO_TOTALS = {
  orders: 0,
  volume: "0",
  fee: "0",
  netFee: "0",
  settlementFee: "0",
  brokerRebate: "0",
  subBrokerRebate: "0",
  userRebate: "0",
  affiliatedBrokerRebate: "0",
  affiliatedOrders: 0,
};

export const FD_REBATE_CASES: Record<string, ProcedureCase> = {
  "rebate.fdReport": {
    input: () => range,
    isolation: unchangedByBrandB("rebate.fdReport", range, { totals: ZERO_TOTALS, days: [] }),
  },
  "rebate.fdBreakdown": {
    input: () => ({ ...range, by: "customer" }),
    isolation: unchangedByBrandB("rebate.fdBreakdown", { ...range, by: "instrument" }),
  },
  "rebate.fdRows": {
    input: () => ({ page: 1, pageSize: 20, ...range }),
    isolation: async (f, call) => {
      const { customer, row } = await brandBRebate(f);
      const page = (await call("rebate.fdRows", { page: 1, pageSize: 100, ...range })) as { rows: { ordId: string }[] };
      expect(page.rows.map((r) => r.ordId)).not.toContain(row.ordId);
      expect(await call("rebate.fdRows", { page: 1, pageSize: 100, ...range, customerId: customer.id })).toMatchObject({ total: 0, rows: [] });
      expect(await call("rebate.fdRows", { page: 1, pageSize: 100, ...range, ordId: row.ordId })).toMatchObject({ total: 0, rows: [] });
    },
  },
  "rebate.fileKinds": {
    input: () => undefined,
    isolation: async (f, call) => {
      await db.brand.update({ where: { id: f.brandB.id }, data: { rebateFileKinds: ["dma_trades", "fd_rebates"], brokerCode: "BRANDB" } });
      const own = await db.brand.findUniqueOrThrow({ where: { id: f.brandA.id } });
      expect(await call("rebate.fileKinds")).toMatchObject({ kinds: own.rebateFileKinds, brokerCode: own.brokerCode });
    },
  },
  "rebate.setFileKinds": {
    input: () => ({ kinds: ["dma_trades"] }),
    isolation: async (f, call) => {
      const before = await db.brand.findUniqueOrThrow({ where: { id: f.brandB.id } });
      await call("rebate.setFileKinds", { kinds: [] });
      expect(await db.brand.findUniqueOrThrow({ where: { id: f.brandA.id }, select: { rebateFileKinds: true } })).toEqual({ rebateFileKinds: [] });
      expect(await db.brand.findUniqueOrThrow({ where: { id: f.brandB.id } })).toEqual(before);
      await call("rebate.setFileKinds", { kinds: ["dma_trades"] });
    },
  },
};
