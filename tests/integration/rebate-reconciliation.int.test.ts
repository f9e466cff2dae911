/**
 * Reconciliation against the simulator over HTTP (signed, its documented limits): an imported file records
 * its own totals per day and asks for its days to be reconciled; the job compares them with the imported
 * sums and ND rebate-daily (paged, 1 request a second, zero 50011). Matching days agree; a day the exchange
 * was made to disagree on (POST /sim/admin/rebate-daily) and a day no file was fetched for are listed first,
 * with their differences; an exchange outage leaves the run waiting, and it completes once the exchange answers.
 */
import { randomUUID } from "node:crypto";
import Decimal from "decimal.js";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { OkxError } from "@/server/exchange/okx";
import { silentLogger } from "@/server/exchange/okx/logger";
import { simAdmin, startSim, type SimHarness } from "@/server/exchange/okx/testing/sim-harness";
import { ZReconciliationListInput } from "@/lib/rebates/reconciliation-schemas";
import { requestRebateFiles } from "@/server/rebates/files";
import type { RebatePipelineDeps } from "@/server/rebates/pipeline";
import { exchangeDays } from "@/server/rebates/reconcile";
import { listReconciliation } from "@/server/rebates/reconciliation-list";
import { reconciliationRuns, requestReconciliation, runReconciliations } from "@/server/rebates/reconciliation-runs";
import { runRebateFiles } from "@/server/rebates/runner";
import { readStored } from "@/server/rebates/storage";
import { syncSubaccounts } from "@/server/subaccounts/sync";
import { prefixedRedis } from "../helpers/redis";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";

const ROWS = 150;
let sim: SimHarness;
const limiter = prefixedRedis("reconciliation");

beforeAll(async () => {
  sim = await startSim({ subaccounts: 0, deposits: 0, dmaRowsPerDay: ROWS });
});

afterAll(async () => {
  await sim?.close();
  await limiter.close();
});

const deps = (): RebatePipelineDeps => ({
  db,
  pollMs: 20,
  clientOptions: { endpoints: { simulatorUrl: sim.url }, redis: limiter.redis, logger: silentLogger, maxRetries: 0 },
});
/** The UTC day `back` days ago, as "2026-12-06". */
const daysAgo = (back: number) => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const list = (ctx: Parameters<typeof listReconciliation>[0], q: Record<string, unknown> = {}) => listReconciliation(ctx, ZReconciliationListInput.parse(q));

/** A brand whose simulator account has `subs` sub-accounts, synced, each linked to a customer of its own. */
async function brandWithCustomers(subs: number) {
  const brand = await createTestBrand();
  await simAdmin(sim.url, "POST", "seed", { subaccounts: subs, deposits: 0, seed: 11 }, brand.id);
  await syncSubaccounts(brand.id, { db, clientOptions: deps().clientOptions });
  for (const [i, sa] of (await db.subaccount.findMany({ where: { brandId: brand.id } })).entries()) {
    const customer = await db.customer.create({ data: { brandId: brand.id, name: `Trader ${i}`, email: `r${i}.${randomUUID()}@example.test`, country: "SG", registrationSource: "api" } });
    await db.subaccount.update({ where: { id: sa.id }, data: { customerId: customer.id } });
  }
  const { user } = await createTestStaff({ brandId: brand.id, role: "operations" });
  return { brand, ctx: { ...(await staffContext(user)), tenantId: brand.id } };
}

async function importRange(brandId: string, ctx: Parameters<typeof requestRebateFiles>[0], begin: string, end: string) {
  const { ids } = await requestRebateFiles(ctx, { kind: "dma_trades", begin, end });
  for (let i = 0; i < 40; i++) {
    await db.rebateFile.update({ where: { id: ids[0] }, data: { nextCheckAt: new Date() } });
    await runRebateFiles(deps(), { brandId });
    const file = await db.rebateFile.findUniqueOrThrow({ where: { id: ids[0] } });
    if (file.state === "imported" || file.state === "failed") return file;
  }
  throw new Error("the file did not settle");
}

/** Σ amt, Σ fee and the count per UTC day of a stored file, as the exchange wrote it. */
async function storedDayTotals(storageKey: string) {
  const chunks: Buffer[] = [];
  for await (const chunk of readStored(storageKey)) chunks.push(chunk as Buffer);
  const [, ...lines] = gunzipSync(Buffer.concat(chunks)).toString("utf8").trim().split("\n");
  const days = new Map<string, { rows: number; amount: Decimal; fee: Decimal }>();
  for (const line of lines) {
    const f = line.split(",");
    const day = new Date(Number(f[9])).toISOString().slice(0, 10);
    const t = days.get(day) ?? { rows: 0, amount: new Decimal(0), fee: new Decimal(0) };
    days.set(day, { rows: t.rows + 1, amount: t.amount.plus(f[6]), fee: t.fee.plus(f[7]) });
  }
  return days;
}

describe("reconciliation against the simulator", () => {
  it("matching days agree; a day the exchange disagrees on, and a day without a file, are listed first with their differences", { timeout: 90_000 }, async () => {
    const { brand, ctx } = await brandWithCustomers(4);
    await sim.resetStats();
    const file = await importRange(brand.id, ctx, daysAgo(3), daysAgo(2));
    expect(file.state).toBe("imported");

    // The import counted the file's own totals per day, exactly, and asked for its days to be reconciled.
    const stored = await storedDayTotals(file.storageKey!);
    const fileDays = await db.rebateFileDay.findMany({ where: { fileId: file.id }, orderBy: { day: "asc" } });
    expect(fileDays.map((d) => [iso(d.day), d.rows, d.amount.toFixed(), d.fee.toFixed()])).toEqual(
      [daysAgo(3), daysAgo(2)].map((day) => [day, ROWS, stored.get(day)!.amount.toFixed(), stored.get(day)!.fee.toFixed()]),
    );
    expect(await db.rebateReconciliationRun.findMany({ where: { brandId: brand.id } })).toMatchObject([
      { trigger: "import", state: "pending", fileId: file.id, fromDay: new Date(`${daysAgo(3)}T00:00:00Z`), toDay: new Date(`${daysAgo(2)}T00:00:00Z`) },
    ]);

    expect(await runReconciliations(deps(), { brandId: brand.id })).toEqual({ done: 1, failed: 0, waiting: 0 });
    const agreed = await list(ctx);
    expect(agreed.total).toBe(2);
    for (const row of agreed.rows) {
      const want = stored.get(row.day)!;
      expect(row).toMatchObject({ status: "matched", filesAgree: true, fileTrades: ROWS, importedTrades: ROWS, tradesDifference: 0, exchangeDifference: "0" });
      expect(new Decimal(row.fileAmount!).eq(want.amount) && new Decimal(row.importedAmount).eq(want.amount) && new Decimal(row.exchangeVolume!).eq(want.amount)).toBe(true);
      expect(new Decimal(row.amountDifference!).isZero() && new Decimal(row.feeDifference!).isZero()).toBe(true);
      // The commission is the exchange's: 30 % of the day's fees in the simulator.
      expect(new Decimal(row.exchangeCommission!).gt(0)).toBe(true);
    }

    // The exchange now says 250.75 USDT more for one day; staff reconcile from the day before the file.
    await sim.adjustRebateDaily({ day: daysAgo(2).replaceAll("-", ""), volDelta: "250.75" }, brand.id);
    const asked = await requestReconciliation(ctx, { from: daysAgo(4), to: daysAgo(2) });
    expect(await requestReconciliation(ctx, { from: daysAgo(4), to: daysAgo(2) })).toEqual({ id: asked.id, duplicate: true });
    expect((await reconciliationRuns(ctx)).active.map((r) => [r.from, r.to, r.state])).toEqual([[daysAgo(4), daysAgo(2), "pending"]]);
    expect(await runReconciliations(deps(), { brandId: brand.id })).toEqual({ done: 1, failed: 0, waiting: 0 });

    const page = await list(ctx);
    expect(page.rows.map((r) => [r.day, r.status])).toEqual([
      [daysAgo(2), "different"],
      [daysAgo(4), "different"],
      [daysAgo(3), "matched"],
    ]);
    expect(page.rows[0]).toMatchObject({ exchangeDifference: "250.75", tradesDifference: 0, fileTrades: ROWS });
    // No file was fetched for the earliest day: the exchange's volume is all difference against nothing imported.
    expect(page.rows[1]).toMatchObject({ fileTrades: null, importedTrades: 0, importedAmount: "0" });
    expect(new Decimal(page.rows[1].exchangeDifference!).eq(page.rows[1].exchangeVolume!)).toBe(true);
    expect(new Decimal(page.rows[1].exchangeVolume!).gt(0)).toBe(true);

    const only = await list(ctx, { differences: "1", from: daysAgo(3), to: daysAgo(1) });
    expect(only.rows.map((r) => r.day)).toEqual([daysAgo(2)]);
    expect((await reconciliationRuns(ctx)).last).toMatchObject({ state: "done", days: 3, differences: 2, exchange: "checked" });
    expect(await db.auditLog.count({ where: { brandId: brand.id, action: "rebate.reconciliation_requested" } })).toBe(1);
    expect(await db.auditLog.count({ where: { brandId: brand.id, action: "rebate.reconciled" } })).toBe(2);
    expect((await sim.stats()).rateLimited).toBe(0);
  });

  it("an exchange outage leaves the run waiting; it completes once the exchange answers; bad ranges are refused on their field", { timeout: 60_000 }, async () => {
    const { brand, ctx } = await brandWithCustomers(2);
    await expect(requestReconciliation(ctx, { from: daysAgo(1), to: daysAgo(0) })).rejects.toMatchObject({ field: "to", reason: "rebateReconciliation.errors.rangeFuture" });
    await requestReconciliation(ctx, { from: daysAgo(2), to: daysAgo(1) });
    await sim.setFaults({ errorRate: 1, paths: ["/api/v5/broker/nd/rebate-daily"] });
    try {
      expect(await runReconciliations(deps(), { brandId: brand.id })).toEqual({ done: 0, failed: 0, waiting: 1 });
    } finally {
      await sim.setFaults({});
    }
    const [waiting] = (await reconciliationRuns(ctx)).active;
    expect(waiting).toMatchObject({ state: "pending", errorKey: "rebateReconciliation.errors.exchangeUnavailable" });
    expect(await db.rebateReconciliation.count({ where: { brandId: brand.id } })).toBe(0);

    await db.rebateReconciliationRun.update({ where: { id: waiting.id }, data: { nextCheckAt: new Date() } });
    expect(await runReconciliations(deps(), { brandId: brand.id })).toEqual({ done: 1, failed: 0, waiting: 0 });
    // Nothing imported: the exchange's trading is all difference.
    expect((await list(ctx)).rows.map((r) => r.status)).toEqual(["different", "different"]);
  });

  it("reads rebate-daily in windows of 31 days, every page of each, summed per day", async () => {
    const calls: string[] = [];
    const paging = {
      rebateDaily: async (p: { begin: string; end: string; page: number }) => {
        calls.push(`${p.begin}-${p.end}#${p.page}`);
        const ts = new Date(`${p.begin.slice(0, 4)}-${p.begin.slice(4, 6)}-${p.begin.slice(6)}T00:00:00Z`);
        return { page: p.page, totalPage: 2, totalCommission: "0", details: [{ subAcct: `s${p.page}`, ts, vol: "10.5", totalCommission: "0.01" }] };
      },
    } as unknown as Parameters<typeof exchangeDays>[0];
    const got = await exchangeDays(paging, new Date("2026-01-01T00:00:00Z"), new Date("2026-02-05T00:00:00Z"));
    expect(calls).toEqual(["20260101-20260131#1", "20260101-20260131#2", "20260201-20260205#1", "20260201-20260205#2"]);
    expect("days" in got && [...got.days].map(([day, v]) => [day, v.volume.toFixed(), v.commission.toFixed()])).toEqual([
      ["2026-01-01", "21", "0.02"],
      ["2026-02-01", "21", "0.02"],
    ]);
  });

  it("an exchange that refuses the daily statement outright is 'not available', not a failure", async () => {
    const refusing = {
      rebateDaily: async () => {
        throw new OkxError({ code: "50030", msg: "Illegal request", httpStatus: 200, endpoint: "rebateDaily" });
      },
    } as unknown as Parameters<typeof exchangeDays>[0];
    expect(await exchangeDays(refusing, new Date(`${daysAgo(3)}T00:00:00Z`), new Date(`${daysAgo(2)}T00:00:00Z`))).toEqual({ unavailable: "50030: Illegal request" });
  });
});
