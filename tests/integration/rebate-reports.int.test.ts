/**
 * Fee reports over imported trading details: totals, the series by day, breakdowns (customer, sub-account,
 * instrument, family, maker/taker) and the drill-down agree with the trades to the last decimal, one
 * customer's report holds only their sub-accounts', and another brand's trades never show.
 */
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { importStoredFile } from "@/server/rebates/import";
import { rebateBreakdown, rebateReport } from "@/server/rebates/reports";
import { listDmaTrades } from "@/server/rebates/trades";
import { newFileKey, storeStream } from "@/server/rebates/storage";
import { ZDmaTradeListInput, ZRebateBreakdownInput } from "@/lib/rebates/schemas";
import type { TenantContext } from "@/server/actor";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";

const header = "subAcct,subAcctLv,firstLvSubAcct,instId,ordId,tradeId,amt,fee,execType,ts";
const DEC1 = Date.parse("2026-12-01T10:00:00Z");
const DEC2 = Date.parse("2026-12-02T10:00:00Z");

async function importRows(brandId: string, lines: string[]) {
  const storageKey = newFileKey(brandId);
  await storeStream(storageKey, Readable.from([Buffer.from(`${[header, ...lines].join("\n")}\n`)]));
  const f = await db.rebateFile.create({
    data: { brandId, kind: "dma_trades", beginDay: new Date("2026-12-01"), endDay: new Date("2026-12-02"), trigger: "manual", state: "importing", storageKey },
  });
  return importStoredFile({ id: f.id, brandId, kind: "dma_trades", storageKey });
}

async function subaccountFor(brandId: string, subAcct: string, name: string | null) {
  const customer = name
    ? await db.customer.create({ data: { brandId, name, email: `${randomUUID()}@example.test`, country: "SG", registrationSource: "api" } })
    : null;
  const now = new Date();
  await db.subaccount.create({
    data: { brandId, subAcct, uid: String(Math.floor(Math.random() * 1e15)), accountLevel: 1, enabled: true, canTransferOut: true, exchangeCreatedAt: now, lastSyncedAt: now, customerId: customer?.id },
  });
  return customer;
}

let ctx: TenantContext;
let alice: { id: string };
let bob: { id: string };

beforeAll(async () => {
  const brand = await createTestBrand();
  alice = (await subaccountFor(brand.id, "aliceSub1", "Alice"))!;
  bob = (await subaccountFor(brand.id, "bobSub1", "Bob"))!;
  await subaccountFor(brand.id, "orphanSub1", null);
  const outcome = await importRows(brand.id, [
    `aliceSub1,1,aliceSub1,BTC-USDT,1,11,1000.25,-0.8002,T,${DEC1}`,
    `aliceSub1,1,aliceSub1,BTC-USDT-SWAP,2,12,500,-0.1,M,${DEC1}`,
    `aliceSub1,1,aliceSub1,BTC-USDT-SWAP,3,13,250,0.0125,M,${DEC2}`,
    `bobSub1,1,bobSub1,ETH-USDT,4,14,2000,-1.6,T,${DEC2}`,
    `orphanSub1,1,orphanSub1,ETH-USDT-261225,5,15,100,-0.05,T,${DEC2}`,
  ]);
  expect(outcome).toMatchObject({ status: "imported", rowsAdded: 5, rowsUnmatched: 1 });
  // Another brand's trades on the same days, same sub-account name: never counted here.
  const other = await createTestBrand();
  await subaccountFor(other.id, "aliceSub1", "Mallory");
  await importRows(other.id, [`aliceSub1,1,aliceSub1,BTC-USDT,9,99,99999,-99,T,${DEC1}`]);
  const { user } = await createTestStaff({ brandId: brand.id, role: "operations" });
  ctx = { ...(await staffContext(user)), tenantId: brand.id };
});

describe("fee reports", () => {
  it("totals and the series by day are the trades' sums, fees as paid", async () => {
    const report = await rebateReport(ctx, { from: "2026-12-01", to: "2026-12-02" });
    expect(report.totals).toEqual({ trades: 5, volume: "3850.250000000000000000", feesPaid: "2.537700000000000000", makerFeesPaid: "0.087500000000000000", takerFeesPaid: "2.450200000000000000" });
    expect(report.days.map((d) => [d.day, d.trades, d.feesPaid])).toEqual([
      ["2026-12-01", 2, "0.900200000000000000"],
      ["2026-12-02", 3, "1.637500000000000000"],
    ]);
    const empty = await rebateReport(ctx, { from: "2026-11-01", to: "2026-11-30" });
    expect(empty).toEqual({ totals: { trades: 0, volume: "0", feesPaid: "0", makerFeesPaid: "0", takerFeesPaid: "0" }, days: [] });
  });

  it("breaks fees down by customer (unlinked sub-accounts as one row), instrument, family and maker/taker", async () => {
    const by = (b: string) => rebateBreakdown(ctx, ZRebateBreakdownInput.parse({ from: "2026-12-01", to: "2026-12-02", by: b }));
    expect((await by("customer")).map((r) => [r.label, r.trades, r.feesPaid])).toEqual([
      ["Bob", 1, "1.600000000000000000"],
      ["Alice", 3, "0.887700000000000000"],
      [null, 1, "0.050000000000000000"],
    ]);
    expect((await by("family")).map((r) => [r.key, r.feesPaid])).toEqual([
      ["SPOT", "2.400200000000000000"],
      ["SWAP", "0.087500000000000000"],
      ["FUTURES", "0.050000000000000000"],
    ]);
    expect((await by("execType")).map((r) => [r.key, r.trades])).toEqual([["T", 3], ["M", 2]]);
    expect((await by("instrument")).map((r) => r.key)).toEqual(["ETH-USDT", "BTC-USDT", "BTC-USDT-SWAP", "ETH-USDT-261225"]);
  });

  it("one customer's report and drill-down hold only their trades", async () => {
    const report = await rebateReport(ctx, { from: "2026-12-01", to: "2026-12-02", customerId: alice.id });
    expect(report.totals).toMatchObject({ trades: 3, feesPaid: "0.887700000000000000" });
    const page = await listDmaTrades(ctx, ZDmaTradeListInput.parse({ from: "2026-12-01", to: "2026-12-02", customerId: alice.id }));
    expect(page).toMatchObject({ total: 3, totalIsExact: true });
    expect(page.rows.map((r) => r.tradeId)).toEqual(["13", "12", "11"]);
    expect(page.rows[0]).toMatchObject({ customerName: "Alice", fee: "0.012500000000000000", instFamily: "SWAP" });
    const bobs = await listDmaTrades(ctx, ZDmaTradeListInput.parse({ from: "2026-12-01", to: "2026-12-02", customerId: bob.id, execType: "M" }));
    expect(bobs.total).toBe(0);
  });

  it("follows a sub-account linked after its trades were imported, in the breakdown and the drill-down alike", async () => {
    const range = { from: "2026-12-01", to: "2026-12-02" };
    const unlinked = await listDmaTrades(ctx, ZDmaTradeListInput.parse({ ...range, customerId: "none" }));
    expect(unlinked.rows.map((r) => r.subAcct)).toEqual(["orphanSub1"]);
    const carol = await db.customer.create({ data: { brandId: ctx.tenantId, name: "Carol", email: `${randomUUID()}@example.test`, country: "SG", registrationSource: "api" } });
    await db.subaccount.update({ where: { brandId_subAcct: { brandId: ctx.tenantId, subAcct: "orphanSub1" } }, data: { customerId: carol.id } });
    try {
      const breakdown = await rebateBreakdown(ctx, ZRebateBreakdownInput.parse({ ...range, by: "customer" }));
      expect(breakdown.find((r) => r.key === carol.id)).toMatchObject({ trades: 1 });
      const hers = await listDmaTrades(ctx, ZDmaTradeListInput.parse({ ...range, customerId: carol.id }));
      expect(hers.rows.map((r) => [r.subAcct, r.customerName])).toEqual([["orphanSub1", "Carol"]]);
      expect((await listDmaTrades(ctx, ZDmaTradeListInput.parse({ ...range, customerId: "none" }))).total).toBe(0);
    } finally {
      await db.subaccount.update({ where: { brandId_subAcct: { brandId: ctx.tenantId, subAcct: "orphanSub1" } }, data: { customerId: null } });
    }
  });
});
