/**
 * The FD rebate reports over imported files: totals and days equal the rows, split broker / sub-broker /
 * user and affiliated or not; breakdowns by customer (the unattributed rows as their own row), instrument,
 * family and affiliate flag; the rows behind them filtered and paged; their CSV export streamed in keyset
 * batches and audited. And the brand setting that decides which files are fetched: FD needs a broker code,
 * every change is audited, and the daily schedule asks for each kind the brand has.
 */
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/server/actor";
import { db } from "@/server/db/client";
import { startExport } from "@/server/export/export";
import { iterateFdRebates } from "@/server/rebates/fd-export";
import { fdRebateBreakdown, fdRebateReport, listFdRebates } from "@/server/rebates/fd-reports";
import { recordOrderLinks } from "@/server/rebates/order-links";
import { scheduleYesterday } from "@/server/rebates/runner";
import { setRebateFileKinds } from "@/server/rebates/settings";
import { newFileKey, storeStream } from "@/server/rebates/storage";
import { ZFdRebateListInput, ZFdRebateQuery } from "@/lib/rebates/fd-schemas";
import { createTestBrand, createTestStaff, staffContext, uniqueSuffix } from "../helpers/db";
import { importStoredFile } from "@/server/rebates/import";

const HEADER = "brokerCode,level,instId,ordId,spotTradeAmt,derivativeTradeAmt,fee,netFee,settlementFee,brokerRebate,suBrokerRebate,userRebate,affiliated,ts";
const D1 = Date.parse("2026-09-14T08:00:00Z");
const D2 = Date.parse("2026-09-15T08:00:00Z");
const range = { from: "2026-09-14", to: "2026-09-15" };

let ctx: TenantContext;
let ada: { id: string; uid: bigint };

beforeAll(async () => {
  const code = `FD${uniqueSuffix()}`;
  const brand = await createTestBrand({ brokerCode: code, rebateFileKinds: ["fd_rebates"] });
  const { user } = await createTestStaff({ brandId: brand.id, role: "operations" });
  ctx = { ...(await staffContext(user)), tenantId: brand.id };
  ada = await db.customer.create({ data: { brandId: brand.id, name: "Ada", email: `${randomUUID()}@example.test`, country: "SG", registrationSource: "api" } });
  await recordOrderLinks(ctx, [
    { ordId: "101", uid: ada.uid.toString() },
    { ordId: "102", uid: ada.uid.toString() },
  ]);
  // ordId, instrument, spot, derivatives, fee, broker, sub-broker, user, affiliated, ts
  const rows: [string, string, string, string, string, string, string, string, boolean, number][] = [
    ["101", "BTC-USDT", "1000", "0", "0.8", "0.24", "0", "0.08", false, D1],
    ["102", "BTC-USDT-SWAP", "0", "5000", "2.5", "0.75", "0.075", "0", true, D1 + 1000],
    ["102", "BTC-USDT-SWAP", "0", "2000", "1", "0.3", "0", "0", true, D2],
    ["103", "ETH-USDT-SWAP", "0", "400", "0.2", "0.06", "0", "0.02", false, D2],
    ["104", "ETH-USDT-SWAP", "0", "400", "0.2", "0.06", "0", "0.02", false, D2],
  ];
  const lines = rows.map(([o, inst, spot, der, fee, b, sb, u, aff, ts]) => [code, "VIP1", inst, o, spot, der, fee, fee, fee, b, sb, u, String(aff), ts].join(","));
  const storageKey = newFileKey(brand.id);
  await storeStream(storageKey, Readable.from([Buffer.from(`${[HEADER, ...lines].join("\n")}\n`)]));
  const f = await db.rebateFile.create({ data: { brandId: brand.id, kind: "fd_rebates", beginDay: new Date(range.from), endDay: new Date(range.to), trigger: "manual", state: "importing", storageKey } });
  expect(await importStoredFile({ id: f.id, brandId: brand.id, kind: "fd_rebates", storageKey })).toMatchObject({ status: "imported", rowsAdded: 5, rowsUnmatched: 2 });
});

describe("FD rebate reports", () => {
  it("totals and days split the rebates by who gets them and by the affiliate flag", async () => {
    const { totals, days } = await fdRebateReport(ctx, range);
    expect(totals).toEqual({
      orders: 5,
      volume: expect.stringMatching(/^8800\.0+$/),
      fee: expect.stringMatching(/^4\.70+$/),
      netFee: expect.stringMatching(/^4\.70+$/),
      settlementFee: expect.stringMatching(/^4\.70+$/),
      brokerRebate: expect.stringMatching(/^1\.410+$/),
      subBrokerRebate: expect.stringMatching(/^0\.0750+$/),
      userRebate: expect.stringMatching(/^0\.120+$/),
      affiliatedBrokerRebate: expect.stringMatching(/^1\.050+$/),
      affiliatedOrders: 2,
    });
    expect(days.map((d) => [d.day, d.orders, Number(d.brokerRebate)])).toEqual([
      ["2026-09-14", 2, 0.99],
      ["2026-09-15", 3, 0.42],
    ]);
    const own = await fdRebateReport(ctx, { ...range, customerId: ada.id });
    expect(own.totals.orders).toBe(3);
  });

  it("breaks the broker's rebate down by customer (the unattributed apart), instrument, family and affiliate flag", async () => {
    const byCustomer = await fdRebateBreakdown(ctx, { ...range, by: "customer", limit: 20 });
    expect(byCustomer.map((r) => [r.key, r.label, r.uid, r.orders, Number(r.brokerRebate)])).toEqual([
      [ada.id, "Ada", ada.uid.toString(), 3, 1.29],
      [null, null, null, 2, 0.12],
    ]);
    const byAffiliated = await fdRebateBreakdown(ctx, { ...range, by: "affiliated", limit: 20 });
    expect(byAffiliated.map((r) => [r.key, r.orders])).toEqual([
      ["yes", 2],
      ["no", 3],
    ]);
    const byFamily = await fdRebateBreakdown(ctx, { ...range, by: "family", limit: 20 });
    expect(byFamily.map((r) => r.key)).toEqual(["SWAP", "SPOT"]);
    const byInstrument = await fdRebateBreakdown(ctx, { ...range, by: "instrument", limit: 1 });
    expect(byInstrument.map((r) => r.key)).toEqual(["BTC-USDT-SWAP"]);
  });

  it("lists the rows behind a breakdown row: unattributed, affiliated, one order", async () => {
    const list = (q: Record<string, unknown>) => listFdRebates(ctx, ZFdRebateListInput.parse({ ...range, ...q }));
    expect((await list({ customerId: "none" })).rows.map((r) => r.ordId).sort()).toEqual(["103", "104"]);
    expect((await list({ affiliated: "yes" })).rows.map((r) => [r.ordId, r.day])).toEqual([
      ["102", "2026-09-15"],
      ["102", "2026-09-14"],
    ]);
    const one = await list({ ordId: "101" });
    expect(one).toMatchObject({ total: 1, totalIsExact: true });
    expect(one.rows[0]).toMatchObject({ customerName: "Ada", instFamily: "SPOT", affiliated: false, userRebate: expect.stringMatching(/^0\.080+$/) });
  });

  it("streams every row in batches, ties on the time broken by order and day, and exports them audited", async () => {
    const order = async (q: Record<string, unknown>) => {
      const out: string[] = [];
      for await (const r of iterateFdRebates(ctx, ZFdRebateQuery.parse({ ...range, ...q }), 2)) out.push(`${r.ordId}@${r.day}`);
      return out;
    };
    const asc = await order({ dir: "asc" });
    expect(asc).toEqual(["101@2026-09-14", "102@2026-09-14", "102@2026-09-15", "103@2026-09-15", "104@2026-09-15"]);
    expect(await order({})).toEqual([...asc].reverse());

    const params = new URLSearchParams({ ...range, affiliated: "yes", headers: "machine" });
    const csv = await new Response(await startExport(ctx, "fdRebates", params, "en")).text();
    const [head, first] = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(head).toBe(
      "day,last_fill_at,customer_uid,customer_name,order_id,instrument,family,family_code,level,spot_trade_amount,derivative_trade_amount,fee,net_fee,settlement_fee,broker_rebate,sub_broker_rebate,user_rebate,affiliated,affiliated_code",
    );
    expect(first).toMatch(/^2026-09-15,2026-09-15T08:00:00\.000Z,\d+,Ada,102,BTC-USDT-SWAP,Perpetual swaps,SWAP,VIP1,0\.0+,2000\.0+,1\.0+,1\.0+,1\.0+,0\.30+,0\.0+,0\.0+,Affiliated,yes$/);
    const audit = await db.auditLog.findFirst({ where: { brandId: ctx.tenantId, action: "export.fdRebates" }, orderBy: { createdAt: "desc" } });
    expect(audit?.after).toMatchObject({ filter: { affiliated: "yes" } });
  });
});

describe("the files a brand fetches", () => {
  it("needs a broker code for FD, audits each change, and the daily schedule asks for every kind the brand has", async () => {
    const brand = await createTestBrand({ brokerCode: null });
    const { user } = await createTestStaff({ brandId: brand.id, role: "admin" });
    const admin = { ...(await staffContext(user)), tenantId: brand.id };
    await expect(setRebateFileKinds(admin, { kinds: ["dma_trades", "fd_rebates"] })).rejects.toMatchObject({ code: "VALIDATION", field: "kinds", reason: "rebates.errors.brokerCodeRequired" });
    await db.brand.update({ where: { id: brand.id }, data: { brokerCode: "FDCODE1" } });
    expect(await setRebateFileKinds(admin, { kinds: ["fd_rebates", "dma_trades", "fd_rebates"] })).toEqual({ kinds: ["dma_trades", "fd_rebates"], available: ["dma_trades", "fd_rebates"], brokerCode: "FDCODE1" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { brandId: brand.id, action: "rebate.file_kinds_set" } });
    expect(audit).toMatchObject({ before: { rebateFileKinds: ["dma_trades"] }, after: { rebateFileKinds: ["dma_trades", "fd_rebates"] } });

    await scheduleYesterday({ db });
    const files = await db.rebateFile.findMany({ where: { brandId: brand.id, trigger: "schedule" }, orderBy: { kind: "asc" } });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect(files.map((f) => [f.kind, f.beginDay.toISOString().slice(0, 10), f.endDay.toISOString().slice(0, 10)])).toEqual([
      ["dma_trades", yesterday, yesterday],
      ["fd_rebates", yesterday, yesterday],
    ]);
    // A second run the same day asks for nothing new.
    await scheduleYesterday({ db });
    expect(await db.rebateFile.count({ where: { brandId: brand.id, trigger: "schedule" } })).toBe(2);
  });
});
