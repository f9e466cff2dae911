/**
 * Rebate files end to end against the simulator over HTTP (signed, with its documented limits): a range is
 * requested, followed until the exchange has made it, downloaded (gzip, kept with its SHA-256) and imported
 * through COPY, attributed to customers through their sub-accounts; rows whose sub-account is not linked
 * yet are kept unmatched and attributed once it is. The same file again adds nothing, and neither do the
 * days an overlapping file shares with one imported before (the exchange lists a day's fills the same in
 * every file); an expired link is asked for again; bad files import nothing and say why, row by row.
 */
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, Prisma } from "@/server/db/client";
import { ENDPOINTS } from "@/server/exchange/okx";
import { simAdmin, startSim, type SimHarness } from "@/server/exchange/okx/testing/sim-harness";
import { requestRebateFiles } from "@/server/rebates/files";
import { importStoredFile, RebateImportError } from "@/server/rebates/import";
import { runRebateFiles } from "@/server/rebates/runner";
import { newFileKey, storeStream } from "@/server/rebates/storage";
import { syncSubaccounts } from "@/server/subaccounts/sync";
import { daysAgo, pipelineDeps, runUntilSettled, storedRows } from "../helpers/rebates";
import { prefixedRedis } from "../helpers/redis";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";

const ROWS = 400;
let sim: SimHarness;
const limiter = prefixedRedis("rebates");
const redis = limiter.redis;

beforeAll(async () => {
  sim = await startSim({ subaccounts: 0, deposits: 0, dmaRowsPerDay: ROWS });
});

afterAll(async () => {
  await sim?.close();
  await limiter.close();
});

const deps = () => pipelineDeps(sim.url, redis);
const yesterday = () => daysAgo(1);

/** A brand whose simulator account has `subs` sub-accounts, synced, each linked to a customer of its own. */
async function brandWithCustomers(subs: number) {
  const brand = await createTestBrand();
  await simAdmin(sim.url, "POST", "seed", { subaccounts: subs, deposits: 0, seed: 7 }, brand.id);
  await syncSubaccounts(brand.id, { db, clientOptions: deps().clientOptions });
  const subaccounts = await db.subaccount.findMany({ where: { brandId: brand.id }, orderBy: { subAcct: "asc" } });
  for (const [i, sa] of subaccounts.entries()) {
    const customer = await db.customer.create({ data: { brandId: brand.id, name: `Trader ${i}`, email: `t${i}.${randomUUID()}@example.test`, country: "SG", registrationSource: "api" } });
    await db.subaccount.update({ where: { id: sa.id }, data: { customerId: customer.id } });
  }
  const { user } = await createTestStaff({ brandId: brand.id, role: "operations" });
  return { brand, subaccounts, ctx: { ...(await staffContext(user)), tenantId: brand.id } };
}

/** A brand's fills (those matching `where`, on dma_trade t). */
async function fills(brandId: string, where = Prisma.sql`TRUE`) {
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM dma_trade t WHERE t.brand_id = ${brandId}::uuid AND ${where}`;
  return n;
}
/** A fill whose sub-account is linked to no customer now. */
const UNLINKED = Prisma.sql`NOT EXISTS (SELECT 1 FROM subaccount s WHERE s.brand_id = t.brand_id AND s.sub_acct = t.sub_acct AND s.customer_id IS NOT NULL)`;

describe("DMA trading details", () => {
  it("requests, downloads, imports and attributes a day's file; the same file again adds nothing", { timeout: 60_000 }, async () => {
    const { brand, subaccounts, ctx } = await brandWithCustomers(12);
    // Two sub-accounts not linked to a customer yet: their rows are kept, unmatched.
    const late = subaccounts.slice(0, 2);
    await db.subaccount.updateMany({ where: { id: { in: late.map((s) => s.id) } }, data: { customerId: null } });
    await sim.resetStats();

    const { ids } = await requestRebateFiles(ctx, { kind: "dma_trades", begin: yesterday(), end: yesterday() });
    expect(ids).toHaveLength(1);
    const file = await runUntilSettled(deps(), brand.id, ids[0]);
    expect(file).toMatchObject({ state: "imported", rowsTotal: ROWS, rowsRefused: 0, errorKey: null });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);

    // What the exchange wrote is what was imported: counts, sums to the last decimal, attribution.
    const rows = await storedRows(file.storageKey!);
    expect(rows).toHaveLength(ROWS);
    const keys = new Set(rows.map((r) => `${r.tradeId}|${r.ordId}`));
    expect(file.rowsAdded).toBe(keys.size);
    const [sums] = await db.$queryRaw<{ n: bigint; amount: string; fee: string; unmatched: bigint }[]>`
      SELECT count(*) AS n, sum(amount)::text AS amount, sum(fee)::text AS fee, count(*) FILTER (WHERE ${UNLINKED}) AS unmatched
      FROM dma_trade t WHERE brand_id = ${brand.id}::uuid`;
    expect(Number(sums.n)).toBe(keys.size);
    const [expected] = await db.$queryRaw<{ amount: string; fee: string }[]>`
      SELECT sum(a)::numeric(36, 18)::text AS amount, sum(f)::numeric(36, 18)::text AS fee FROM unnest(${rows.map((r) => r.amt)}::numeric[], ${rows.map((r) => r.fee)}::numeric[]) AS t(a, f)`;
    expect(sums.amount).toBe(expected.amount);
    expect(sums.fee).toBe(expected.fee);
    // The daily sums the reports read hold the same totals.
    const [rolled] = await db.$queryRaw<{ trades: bigint; amount: string; fee: string }[]>`
      SELECT sum(trades) AS trades, sum(amount)::text AS amount, sum(fee)::text AS fee FROM dma_trade_daily WHERE brand_id = ${brand.id}::uuid`;
    expect({ trades: Number(rolled.trades), amount: rolled.amount, fee: rolled.fee }).toEqual({ trades: keys.size, amount: expected.amount, fee: expected.fee });
    const lateRows = rows.filter((r) => late.some((s) => s.subAcct === r.subAcct)).length;
    expect(Number(sums.unmatched)).toBe(lateRows);
    expect(file.rowsUnmatched).toBe(lateRows);

    // Once the sub-accounts are linked, their fills are their customers' (found through the sub-account when read).
    for (const sa of late) {
      const customer = await db.customer.create({ data: { brandId: brand.id, name: "Late", email: `late.${randomUUID()}@example.test`, country: "SG", registrationSource: "api" } });
      await db.subaccount.update({ where: { id: sa.id }, data: { customerId: customer.id } });
    }
    expect(await fills(brand.id, UNLINKED)).toBe(0);

    // The same range again (an hour later: both limit windows forgotten): the exchange answers "exists" and
    // hands the same file; nothing is added twice.
    await sim.resetLimits();
    await limiter.clear();
    const again = await requestRebateFiles(ctx, { kind: "dma_trades", begin: yesterday(), end: yesterday() });
    const second = await runUntilSettled(deps(), brand.id, again.ids[0]);
    expect(second).toMatchObject({ state: "imported", duplicateOfId: file.id, rowsAdded: 0 });
    expect(await fills(brand.id)).toBe(keys.size);
    const [after] = await db.$queryRaw<{ trades: bigint }[]>`SELECT sum(trades) AS trades FROM dma_trade_daily WHERE brand_id = ${brand.id}::uuid`;
    expect(Number(after.trades)).toBe(keys.size);

    // The client kept to the exchange's limits: not one 50011.
    expect((await sim.stats()).rateLimited).toBe(0);
    expect((await sim.statsOf("POST", ENDPOINTS.createDmaTradesFile.path)).rateLimited).toBe(0);
  });

  it("asks for a fresh link when the one it got has expired, then completes", { timeout: 60_000 }, async () => {
    const { brand, ctx } = await brandWithCustomers(3);
    await sim.setFileLinkTtl(0);
    const { ids } = await requestRebateFiles(ctx, { kind: "dma_trades", begin: yesterday(), end: yesterday() });
    await runRebateFiles(deps(), { brandId: brand.id });
    let file = await db.rebateFile.findUniqueOrThrow({ where: { id: ids[0] } });
    expect(file).toMatchObject({ state: "downloading", errorKey: "rebates.errors.linkRefused" });
    await sim.setFileLinkTtl(null);
    file = await runUntilSettled(deps(), brand.id, ids[0]);
    expect(file).toMatchObject({ state: "imported", rowsTotal: ROWS, errorKey: null });
  });
});

describe("requesting a range", () => {
  it("splits a long range into consecutive files of at most 180 days, in one audited request", async () => {
    const { brand, ctx } = await brandWithCustomers(0);
    const { ids } = await requestRebateFiles(ctx, { kind: "dma_trades", begin: "2025-01-01", end: "2026-02-04" });
    const files = await db.rebateFile.findMany({ where: { id: { in: ids } }, orderBy: { beginDay: "asc" } });
    const day = (d: Date) => d.toISOString().slice(0, 10);
    expect(files.map((f) => [day(f.beginDay), day(f.endDay), f.state, f.trigger])).toEqual([
      ["2025-01-01", "2025-06-29", "requested", "manual"],
      ["2025-06-30", "2025-12-26", "requested", "manual"],
      ["2025-12-27", "2026-02-04", "requested", "manual"],
    ]);
    expect(await db.auditLog.count({ where: { brandId: brand.id, action: "rebate.files_requested" } })).toBe(1);
  });
});

describe("imports by the file's natural key", () => {
  const header = "subAcct,subAcctLv,firstLvSubAcct,instId,ordId,tradeId,amt,fee,execType,ts";
  const row = (n: number) => `sub${n},1,sub${n},BTC-USDT-SWAP,${1000 + n},${2000 + n},100.5,-0.05,M,1764979200000`;

  it("an overlapping range from the exchange adds the new day's fills and nothing twice of the shared day", { timeout: 60_000 }, async () => {
    const { brand, ctx } = await brandWithCustomers(5);
    const daySums = async () =>
      db.$queryRaw<{ day: string; trades: bigint; amount: string; fee: string }[]>`
        SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(trades) AS trades, sum(amount)::text AS amount, sum(fee)::text AS fee
        FROM dma_trade_daily WHERE brand_id = ${brand.id}::uuid GROUP BY day ORDER BY day`;

    const first = await requestRebateFiles(ctx, { kind: "dma_trades", begin: daysAgo(3), end: daysAgo(2) });
    expect(await runUntilSettled(deps(), brand.id, first.ids[0])).toMatchObject({ state: "imported", rowsTotal: 2 * ROWS, rowsAdded: 2 * ROWS });
    const before = await daySums();
    expect(before.map((d) => [d.day, Number(d.trades)])).toEqual([[daysAgo(3), ROWS], [daysAgo(2), ROWS]]);

    // The next range shares its first day: an hour later (both limit windows forgotten), a file of different bytes.
    await sim.resetLimits();
    await limiter.clear();
    const second = await requestRebateFiles(ctx, { kind: "dma_trades", begin: daysAgo(2), end: daysAgo(1) });
    const overlapping = await runUntilSettled(deps(), brand.id, second.ids[0]);
    expect(overlapping).toMatchObject({ state: "imported", duplicateOfId: null, rowsTotal: 2 * ROWS, rowsAdded: ROWS, rowsDuplicate: ROWS });
    // The shared day's fills are the same in both files: same ids, same values.
    const dayOf = (rows: Record<string, string>[], day: string) =>
      rows.filter((r) => new Date(Number(r.ts)).toISOString().startsWith(day)).map((r) => Object.values(r).join(","));
    const shared = dayOf(await storedRows(overlapping.storageKey!), daysAgo(2));
    expect(shared).toHaveLength(ROWS);
    expect(shared).toEqual(dayOf(await storedRows((await db.rebateFile.findUniqueOrThrow({ where: { id: first.ids[0] } })).storageKey!), daysAgo(2)));

    const after = await daySums();
    expect(after.slice(0, 2)).toEqual(before);
    expect(after.map((d) => [d.day, Number(d.trades)])).toEqual([[daysAgo(3), ROWS], [daysAgo(2), ROWS], [daysAgo(1), ROWS]]);
    const [{ n }] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM dma_trade WHERE brand_id = ${brand.id}::uuid`;
    expect(n).toBe(3 * ROWS);
  });

  it("a row twice in one file counts once, and a day another file brought adds nothing", async () => {
    const brand = await createTestBrand();
    const stage = async (lines: string[]) => {
      const storageKey = newFileKey(brand.id);
      await storeStream(storageKey, Readable.from([Buffer.from(`${[header, ...lines].join("\n")}\n`)]));
      const f = await db.rebateFile.create({
        data: { brandId: brand.id, kind: "dma_trades", beginDay: new Date("2026-12-01"), endDay: new Date("2026-12-01"), trigger: "manual", state: "importing", storageKey },
      });
      return importStoredFile({ id: f.id, brandId: brand.id, kind: "dma_trades", storageKey });
    };
    expect(await stage([row(1), row(2), row(3), row(3)])).toMatchObject({ status: "imported", rowsTotal: 4, rowsAdded: 3, rowsDuplicate: 1, rowsUnmatched: 3 });
    // A day's fills come from the file that brought the day first: the exchange lists a past day the same in every file.
    expect(await stage([row(2), row(3), row(4)])).toMatchObject({ status: "imported", rowsTotal: 3, rowsAdded: 0, rowsDuplicate: 3 });
    expect(await fills(brand.id)).toBe(3);
    const daily = await db.dmaTradeDaily.findMany({ where: { brandId: brand.id } });
    expect(daily.reduce((n, d) => n + d.trades, 0)).toBe(3);
    expect(daily.every((d) => d.instFamily === "SWAP" && d.execType === "M")).toBe(true);
  });
});

describe("a bad file imports nothing", () => {
  const header = "subAcct,subAcctLv,firstLvSubAcct,instId,ordId,tradeId,amt,fee,execType,ts";
  const good = (n: number) => `sub${n},1,sub${n},BTC-USDT,${1000 + n},${2000 + n},100.5,-0.08,T,1764979200000`;

  async function stagedFile(brandId: string, content: string | Buffer) {
    const storageKey = newFileKey(brandId);
    await storeStream(storageKey, Readable.from([Buffer.from(content)]));
    const row = await db.rebateFile.create({
      data: { brandId, kind: "dma_trades", beginDay: new Date("2026-12-01"), endDay: new Date("2026-12-01"), trigger: "manual", state: "importing", storageKey },
    });
    return { id: row.id, brandId, kind: "dma_trades" as const, storageKey };
  }

  it("refuses NaN, exponents, 40 decimals, missing and malformed values, each reported with its line and field", async () => {
    const brand = await createTestBrand();
    const lines = [
      header,
      good(1),
      "sub2,1,sub2,BTC-USDT,1002,2002,NaN,-0.08,T,1764979200000",
      "sub3,1,sub3,BTC-USDT,1003,2003,1e5,-0.08,T,1764979200000",
      `sub4,1,sub4,BTC-USDT,1004,2004,1.${"1".repeat(40)},-0.08,T,1764979200000`,
      "sub5,1,sub5,BTC-USDT,1005,2005,100,,X,17649792",
      good(6),
    ];
    const file = await stagedFile(brand.id, `${lines.join("\n")}\n`);
    const outcome = await importStoredFile(file);
    expect(outcome).toEqual({ status: "refused", rowsTotal: 6, rowsRefused: 4 });
    const errors = await db.rebateFileError.findMany({ where: { fileId: file.id }, orderBy: [{ line: "asc" }, { field: "asc" }] });
    expect(errors.map((e) => [e.line, e.field, e.reason])).toEqual([
      [3, "amt", "invalid"],
      [4, "amt", "invalid"],
      [5, "amt", "tooPrecise"],
      [6, "execType", "invalid"],
      [6, "fee", "missing"],
      [6, "ts", "invalid"],
    ]);
    expect(await fills(brand.id)).toBe(0);
    expect(await db.rebateFile.findUniqueOrThrow({ where: { id: file.id } })).toMatchObject({ state: "failed", errorKey: "rebates.errors.rowsRefused", rowsRefused: 4 });
  });

  it("says so for wrong headers, a broken archive and a line with too many columns", async () => {
    const brand = await createTestBrand();
    const wrong = await stagedFile(brand.id, "subAcct,amt\nx,1\n");
    await expect(importStoredFile(wrong)).rejects.toMatchObject({ key: "rebates.errors.wrongHeader" });
    // A gzip archive cut short after its first bytes.
    const truncated = gzipSync(Buffer.from(`${header}\n${good(1)}\n`.repeat(50))).subarray(0, 40);
    const archive = await stagedFile(brand.id, truncated);
    const refusal = importStoredFile(archive);
    await expect(refusal).rejects.toBeInstanceOf(RebateImportError);
    await expect(refusal).rejects.toMatchObject({ key: "rebates.errors.corruptArchive" });
    const extra = await stagedFile(brand.id, `${header}\n${good(1)},surplus\n`);
    await expect(importStoredFile(extra)).rejects.toMatchObject({ key: "rebates.errors.malformedCsv" });
    expect(await fills(brand.id)).toBe(0);
  });
});
