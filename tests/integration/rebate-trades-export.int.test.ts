/**
 * The fee reports' drill-down and its CSV: the trades linked to no customer ("none"), and the export streams
 * every matching trade in keyset batches — ties on the time broken by trade and order id, either direction —
 * with the fee as paid beside the fee as the exchange wrote it, and an audit row naming the export.
 */
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { startExport } from "@/server/export/export";
import { iterateDmaTrades } from "@/server/rebates/export";
import { importStoredFile } from "@/server/rebates/import";
import { listDmaTrades } from "@/server/rebates/trades";
import { newFileKey, storeStream } from "@/server/rebates/storage";
import { ZRebateTradeQuery } from "@/lib/rebates/report-query";
import type { TenantContext } from "@/server/actor";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";

const header = "subAcct,subAcctLv,firstLvSubAcct,instId,ordId,tradeId,amt,fee,execType,ts";
const AT = Date.parse("2026-10-05T08:00:00Z");
const range = { from: "2026-10-05", to: "2026-10-05" };

let ctx: TenantContext;

beforeAll(async () => {
  const brand = await createTestBrand();
  const customer = await db.customer.create({ data: { brandId: brand.id, name: "Ada", email: `${randomUUID()}@example.test`, country: "SG", registrationSource: "api" } });
  const now = new Date();
  const sub = (subAcct: string, customerId: string | null) =>
    db.subaccount.create({ data: { brandId: brand.id, subAcct, uid: String(Math.floor(Math.random() * 1e15)), accountLevel: 1, enabled: true, canTransferOut: true, exchangeCreatedAt: now, lastSyncedAt: now, customerId } });
  await sub("adaSub1", customer.id);
  await sub("houseSub1", null);
  const lines = [
    `adaSub1,1,adaSub1,BTC-USDT,1,21,100,-0.1,T,${AT}`,
    `adaSub1,1,adaSub1,BTC-USDT,2,22,100,-0.1,T,${AT}`,
    `adaSub1,1,adaSub1,BTC-USDT-SWAP,3,23,200,0.01,M,${AT}`,
    `houseSub1,1,houseSub1,ETH-USDT,4,24,50,-0.05,T,${AT + 1000}`,
    `houseSub1,1,houseSub1,ETH-USDT,5,25,50,-0.05,T,${AT + 2000}`,
  ];
  const storageKey = newFileKey(brand.id);
  await storeStream(storageKey, Readable.from([Buffer.from(`${[header, ...lines].join("\n")}\n`)]));
  const f = await db.rebateFile.create({ data: { brandId: brand.id, kind: "dma_trades", beginDay: new Date(range.from), endDay: new Date(range.to), trigger: "manual", state: "importing", storageKey } });
  expect(await importStoredFile({ id: f.id, brandId: brand.id, kind: "dma_trades", storageKey })).toMatchObject({ status: "imported", rowsAdded: 5 });
  const { user } = await createTestStaff({ brandId: brand.id, role: "operations" });
  ctx = { ...(await staffContext(user)), tenantId: brand.id };
});

const ids = async (rows: AsyncIterable<{ tradeId: string }>) => {
  const out: string[] = [];
  for await (const r of rows) out.push(r.tradeId);
  return out;
};

describe("trades of the fee reports", () => {
  it("filters on the trades linked to no customer", async () => {
    const page = await listDmaTrades(ctx, ZRebateTradeQuery.parse({ ...range, customerId: "none" }));
    expect(page.rows.map((r) => [r.tradeId, r.customerId])).toEqual([
      ["25", null],
      ["24", null],
    ]);
  });

  it("streams every trade in batches, ties on the time in trade-id order, both ways", async () => {
    expect(await ids(iterateDmaTrades(ctx, ZRebateTradeQuery.parse(range), 2))).toEqual(["25", "24", "23", "22", "21"]);
    expect(await ids(iterateDmaTrades(ctx, ZRebateTradeQuery.parse({ ...range, dir: "asc" }), 2))).toEqual(["21", "22", "23", "24", "25"]);
    expect(await ids(iterateDmaTrades(ctx, ZRebateTradeQuery.parse({ ...range, execType: "M" }), 2))).toEqual(["23"]);
  });

  it("exports the fee as paid and as written, with readable codes, and audits the export", async () => {
    const params = new URLSearchParams({ ...range, instFamily: "SWAP", headers: "machine" });
    const csv = await new Response(await startExport(ctx, "rebateTrades", params, "en")).text();
    const [head, row, end] = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(head).toBe("traded_at,customer_uid,customer_name,sub_account,instrument,family,family_code,exec_type,exec_type_code,amount,fee_paid,fee,trade_id,order_id");
    expect(row).toMatch(/^2026-10-05T08:00:00\.000Z,\d+,Ada,adaSub1,BTC-USDT-SWAP,Perpetual swaps,SWAP,Maker,M,200\.0+,-0\.010+,0\.010+,23,3$/);
    expect(end).toBe("");
    const audit = await db.auditLog.findFirst({ where: { brandId: ctx.tenantId, action: "export.rebateTrades" }, orderBy: { createdAt: "desc" } });
    expect(audit?.after).toMatchObject({ filter: { instFamily: "SWAP", from: range.from }, machine: true });
  });
});
