/**
 * The deposit history sync against a real simulator over HTTP (20 sub-accounts, 1,000 deposits): a full
 * sync stores exactly the exchange's deposits; an incremental run picks up new deposits and the state
 * changes of pending ones; an interrupted run re-run ends identical to an uninterrupted one; deposits
 * sharing a millisecond are never lost at a page boundary, and a page that is all one millisecond is
 * passed without looping; overlapping runs write each deposit once; one brand's run never touches
 * another's rows; every seed state is stored, listed, filtered and exported; the queue makes one job per
 * slot, run once even with two workers.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { Worker } from "bullmq";
import Decimal from "decimal.js";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeProducerConnection, configureJobs, jobsConfig, workerConnection } from "@/server/queues/connection";
import { deleteRedisKeys, underPrefixes } from "../helpers/redis";
import { enqueue, producerQueue, QUEUES } from "@/server/queues/registry";
import { startWorker } from "@/jobs/runtime";
import { processDepositSync } from "@/jobs/workers/deposit-sync";
import { db } from "@/server/db/client";
import { depositsExporter } from "@/server/deposits/export";
import { DEPOSIT_STATES, PENDING_DEPOSIT_STATES, type DepositListInput } from "@/lib/deposits/schemas";
import { iterateDeposits, listDeposits } from "@/server/deposits/service";
import { syncDeposits, type DepositSyncDeps } from "@/server/deposits/sync";
import { env } from "@/server/env";
import { ENDPOINTS, type Deposit } from "@/server/exchange/okx";
import { simAdmin, simClient, startSim, type SimHarness } from "@/server/exchange/okx/testing/sim-harness";
import { csvStream } from "@/server/export/csv";
import { csvColumns } from "@/server/export/exporter";
import { createTranslator } from "@/lib/i18n/translate";
import { syncSubaccounts } from "@/server/subaccounts/sync";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";

/** The export as a program reads it: machine headers, every column. */
const MACHINE = { t: createTranslator("en"), machine: true, ids: true };

const SUBS = 20;
const DEPOSITS = 1_000;
const SEED = 4242;

let sim: SimHarness;
let open: { close: () => Promise<unknown> }[] = [];
const prefixes: string[] = [];

/** A POST to the simulator's admin endpoints, on the brand's own simulator account (main without one). */
const admin = async (route: string, body: unknown, brandId?: string) => (await simAdmin(sim.url, "POST", route, body, brandId)) as Record<string, string>;
/** Replaces the brand's simulator account with the test's data set. */
const seed = (brandId: string, deposits = DEPOSITS) => admin("seed", { subaccounts: SUBS, deposits, seed: SEED }, brandId);
/** Makes a deposit arrive on the brand's exchange account. */
const addDeposit = (brandId: string, body: { subAcct: string; ccy?: string; amt?: string; state?: string; type?: "3" | "4"; ts?: number }) =>
  admin("deposit", { ccy: "USDT", amt: "10.5", ...body, ts: body.ts === undefined ? undefined : String(body.ts) }, brandId);
/** Moves a deposit to another state. */
const setState = (brandId: string, depId: string, state: string, actualDepBlkConfirm?: string) => admin("deposit", { depId, state, actualDepBlkConfirm }, brandId);

/**
 * The simulator's limits are off in this file and the client's pacing is proven elsewhere (okx-rate-limit,
 * sync pacing), so the sync here does not wait out OKX's 5 requests per 2 s between pages.
 */
const FAST = { depositHistory: { count: 1000, windowMs: 1000 }, subaccountInfo: { count: 1000, windowMs: 1000 } };

const deps = (extra: Partial<DepositSyncDeps> = {}): DepositSyncDeps => ({
  db,
  clientOptions: { endpoints: { simulatorUrl: sim.url }, redis: null, maxRetries: 2, timeoutMs: 5_000, limits: FAST },
  ...extra,
});

/** A reference client with generous limits of its own (the simulator's limits are off in this file). */
const reference = (brandId: string) => simClient(sim.url, null, { forBrand: brandId, limits: FAST });

async function subAccts(brandId: string): Promise<string[]> {
  return (await reference(brandId).subaccountInfo({ limit: 100 })).details.map((s) => s.subAcct);
}

/** Everything the exchange holds, read per sub-account (each well under one page), not by time paging. */
async function exchangeDeposits(brandId: string): Promise<Deposit[]> {
  const client = reference(brandId);
  const all: Deposit[] = [];
  for (const subAcct of await subAccts(brandId)) {
    const rows = await client.depositHistory({ subAcct, limit: 100 });
    expect(rows.length, `sub-account ${subAcct} has a full page: the reference read would miss some`).toBeLessThan(100);
    all.push(...rows);
  }
  return all;
}

/** A deposit as compared between exchange and database: every exchange field, amounts as exact decimals. */
const fromExchange = (d: Deposit) => ({
  depId: d.depId,
  subAcct: d.subAcct,
  ccy: d.ccy,
  chain: d.chain,
  amount: new Decimal(d.amt).toFixed(),
  from: d.from,
  areaCodeFrom: d.areaCodeFrom,
  to: d.to,
  txId: d.txId,
  ts: d.ts.getTime(),
  state: d.state,
  confirmations: d.actualDepBlkConfirm,
});

const rowsOf = (brandId: string) => db.deposit.findMany({ where: { brandId }, orderBy: { depId: "asc" } });
type Row = Awaited<ReturnType<typeof rowsOf>>[number];
const fromRow = (r: Row) => ({
  depId: r.depId,
  subAcct: r.subAcct,
  ccy: r.ccy,
  chain: r.chain,
  amount: new Decimal(r.amount.toString()).toFixed(),
  from: r.fromAccount,
  areaCodeFrom: r.areaCodeFrom ?? "",
  to: r.toAddress,
  txId: r.txId,
  ts: r.exchangeTs.getTime(),
  state: String(r.state),
  confirmations: r.confirmations === null ? "" : String(r.confirmations),
});
const byDepId = <T extends { depId: string }>(rows: T[]) => [...rows].sort((a, b) => (a.depId < b.depId ? -1 : a.depId > b.depId ? 1 : 0));

async function expectMirrors(brandId: string) {
  const [exchange, rows] = await Promise.all([exchangeDeposits(brandId), rowsOf(brandId)]);
  expect(rows).toHaveLength(exchange.length);
  expect(byDepId(rows.map(fromRow))).toEqual(byDepId(exchange.map(fromExchange)));
  return { exchange, rows };
}

const syncAudits = (brandId: string) =>
  db.auditLog.findMany({ where: { brandId, entityType: "deposit_sync" }, orderBy: { seq: "asc" }, select: { action: true, actorType: true, after: true } });

/** A brand with the test's data set on its simulator account, whose sub-accounts are synced first (so deposits link to them). */
async function brandWithSubaccounts(deposits = DEPOSITS) {
  const brand = await createTestBrand();
  await seed(brand.id, deposits);
  await syncSubaccounts(brand.id, { db, feeRates: false, clientOptions: deps().clientOptions });
  return brand;
}

beforeAll(async () => {
  sim = await startSim({ subaccounts: SUBS, deposits: 0 });
  // The client paces itself (5 requests / 2 s); the reference reads must not eat the sync's budget.
  await admin("rate-limits", { enabled: false, reset: true });
});

beforeEach(async () => {
  await sim.setFaults({});
});

afterEach(async () => {
  for (const o of open.reverse()) await o.close();
  open = [];
});

afterAll(async () => {
  await sim?.close();
  await deleteRedisKeys(underPrefixes(prefixes));
  await closeProducerConnection();
});

describe("deposit sync", () => {
  it("stores exactly the exchange's deposits, linked to their sub-accounts, then a second run changes nothing", { timeout: 90_000 }, async () => {
    const brand = await brandWithSubaccounts();
    const first = await syncDeposits(brand.id, deps());
    expect(first).toMatchObject({ brandId: brand.id, created: DEPOSITS, updated: 0, usingSimulator: true, truncatedMs: [] });
    expect(first.pages).toBeGreaterThanOrEqual(DEPOSITS / 100);
    expect(first.seen).toBeGreaterThanOrEqual(DEPOSITS);
    expect(first.durationMs).toBeGreaterThan(0);

    const { exchange, rows } = await expectMirrors(brand.id);
    expect(rows.every((r) => r.subaccountId !== null)).toBe(true);
    const subs = await db.subaccount.findMany({ where: { brandId: brand.id }, select: { id: true, subAcct: true } });
    const nameOf = new Map(subs.map((s) => [s.id, s.subAcct]));
    expect(rows.every((r) => nameOf.get(r.subaccountId!) === r.subAcct)).toBe(true);

    // The cursor is held just before the oldest deposit still pending (the seed keeps some recent ones pending).
    const pending = exchange.filter((d) => (PENDING_DEPOSIT_STATES as readonly number[]).includes(Number(d.state)) && d.ts.getTime() > Date.now() - 7 * 86_400_000);
    const oldestPending = Math.min(...pending.map((d) => d.ts.getTime()));
    const state = await db.depositSyncState.findUniqueOrThrow({ where: { brandId: brand.id } });
    expect(pending.length).toBeGreaterThan(0);
    expect(state.cursorTs!.getTime()).toBe(oldestPending - 1);
    expect(state.lastCompletedAt).toBeInstanceOf(Date);

    const second = await syncDeposits(brand.id, deps());
    expect(second).toMatchObject({ created: 0, updated: 0 });
    // It read again only from the oldest pending deposit on, not the whole history.
    expect(second.seen).toBeLessThan(DEPOSITS);
    expect(second.seen).toBeGreaterThanOrEqual(pending.length);
    await expectMirrors(brand.id);

    const audits = await syncAudits(brand.id);
    expect(audits.map((a) => a.action)).toEqual(["deposit.sync", "deposit.sync"]);
    expect(audits.every((a) => a.actorType === "system")).toBe(true);
    expect(audits[0].after).toMatchObject({ created: DEPOSITS, complete: true });
  });

  it("picks up new deposits and every state change of pending ones on incremental runs", { timeout: 90_000 }, async () => {
    const brand = await brandWithSubaccounts();
    await syncDeposits(brand.id, deps());
    const [subA, subB] = await subAccts(brand.id);

    const fresh = await addDeposit(brand.id, { subAcct: subA, ccy: "BTC", amt: "0.00012345", state: "0" });
    const internal = await addDeposit(brand.id, { subAcct: subB, amt: "250", state: "2", type: "3" });
    // A deposit that was pending when first synced settles meanwhile.
    const rows = await rowsOf(brand.id);
    const waiting = rows.find((r) => r.state === 0)!;
    await setState(brand.id, waiting.depId, "2", "70");

    const run = await syncDeposits(brand.id, deps());
    expect(run).toMatchObject({ created: 2 });
    expect(run.updated).toBeGreaterThanOrEqual(1);
    const stored = async (depId: string) => db.deposit.findUniqueOrThrow({ where: { brandId_depId: { brandId: brand.id, depId } } });
    expect(await stored(fresh.depId)).toMatchObject({ state: 0, ccy: "BTC", subAcct: subA });
    expect((await stored(fresh.depId)).amount.toString()).toBe("0.00012345");
    expect(await stored(internal.depId)).toMatchObject({ state: 2, fromAccount: internal.from });
    expect(await stored(waiting.depId)).toMatchObject({ state: 2, confirmations: 70 });

    // The new one moves through its states; each run stores the state it reached.
    for (const [state, confirmations] of [["1", "2"], ["2", "3"]] as const) {
      await setState(brand.id, fresh.depId, state, confirmations);
      const r = await syncDeposits(brand.id, deps());
      expect(r.created).toBe(0);
      expect(r.updated).toBeGreaterThanOrEqual(1);
      expect(await stored(fresh.depId)).toMatchObject({ state: Number(state), confirmations: Number(confirmations) });
    }
    // Held deposits (8, 12, 13, 14) are read again too.
    const held = await addDeposit(brand.id, { subAcct: subB, state: "14" });
    await syncDeposits(brand.id, deps());
    await setState(brand.id, held.depId, "2");
    await syncDeposits(brand.id, deps());
    expect(await stored(held.depId)).toMatchObject({ state: 2 });
    await expectMirrors(brand.id);
  });

  it("ends identical after a run interrupted halfway is re-run, with no duplicates", { timeout: 120_000 }, async () => {
    const cut = await brandWithSubaccounts();

    const interrupted = syncDeposits(
      cut.id,
      deps({
        onPage: (page) => {
          if (page === 5) throw new Error("worker killed");
        },
      }),
    );
    await expect(interrupted).rejects.toThrow("worker killed");
    const partial = await rowsOf(cut.id);
    expect(partial.length).toBeGreaterThanOrEqual(400);
    expect(partial.length).toBeLessThan(DEPOSITS);
    // The cursor moved with the committed pages, so the re-run starts there rather than from 0.
    const cursor = (await db.depositSyncState.findUniqueOrThrow({ where: { brandId: cut.id } })).cursorTs;
    expect(cursor).toBeInstanceOf(Date);

    const rerun = await syncDeposits(cut.id, deps());
    expect(rerun.created).toBe(DEPOSITS - partial.length);
    expect(rerun.seen).toBeLessThan(DEPOSITS);
    const rows = await rowsOf(cut.id);
    expect(rows).toHaveLength(DEPOSITS);
    expect(new Set(rows.map((r) => r.depId)).size).toBe(DEPOSITS);
    await expectMirrors(cut.id);
    expect((await syncAudits(cut.id)).map((a) => a.action)).toEqual(["deposit.sync_failed", "deposit.sync"]);
  });

  it("never loses deposits sharing a millisecond at a page boundary, and passes a page that is all one millisecond", { timeout: 90_000 }, async () => {
    const brand = await brandWithSubaccounts(0);
    const [s1, s2, s3] = await subAccts(brand.id);
    const base = Date.now() - 3_600_000;
    const added: Record<string, string>[] = [];
    // 7 at base, then 6 at base+1: a page of 10 ends in the middle of base+1.
    for (let i = 0; i < 7; i++) added.push(await addDeposit(brand.id, { subAcct: s1, ts: base, state: "2" }));
    for (let i = 0; i < 6; i++) added.push(await addDeposit(brand.id, { subAcct: s2, ts: base + 1, state: "2" }));
    // 24 at base+5, three per state: more than a page, all one millisecond (read split by state).
    for (const state of DEPOSIT_STATES) for (let i = 0; i < 3; i++) added.push(await addDeposit(brand.id, { subAcct: s3, ts: base + 5, state, type: i % 2 ? "3" : "4" }));
    // 3 at base+9, after the crowded millisecond.
    for (let i = 0; i < 3; i++) added.push(await addDeposit(brand.id, { subAcct: s1, ts: base + 9, state: "2" }));

    const run = await syncDeposits(brand.id, deps({ pageSize: 10 }));
    expect(run).toMatchObject({ created: added.length, crowdedMs: 1, truncatedMs: [] });
    const rows = await rowsOf(brand.id);
    expect(new Set(rows.map((r) => r.depId))).toEqual(new Set(added.map((d) => d.depId)));
    await expectMirrors(brand.id);

    // One state and type alone filling a page cannot be reached through the filters: reported, never looped on.
    const jam = base + 20;
    for (let i = 0; i < 12; i++) await addDeposit(brand.id, { subAcct: s2, ts: jam, state: "2", type: "4" });
    await addDeposit(brand.id, { subAcct: s2, ts: jam + 1, state: "2" });
    const jammed = await syncDeposits(brand.id, deps({ pageSize: 10 }));
    expect(jammed.truncatedMs).toEqual([new Date(jam).toISOString()]);
    expect(await db.deposit.count({ where: { brandId: brand.id, exchangeTs: new Date(jam + 1) } })).toBe(1);
    expect((await syncAudits(brand.id)).at(-1)?.after).toMatchObject({ truncatedMs: [new Date(jam).toISOString()], complete: true });
  });

  it("two overlapping runs for one brand write each deposit once", { timeout: 90_000 }, async () => {
    const brand = await brandWithSubaccounts();
    const [x, y] = await Promise.all([syncDeposits(brand.id, deps()), syncDeposits(brand.id, deps())]);
    expect(x.created + y.created).toBe(DEPOSITS);
    const rows = await rowsOf(brand.id);
    expect(rows).toHaveLength(DEPOSITS);
    await expectMirrors(brand.id);
  });

  it("links deposits stored before their sub-account was synced", { timeout: 90_000 }, async () => {
    const brand = await createTestBrand();
    await seed(brand.id);
    await syncDeposits(brand.id, deps());
    expect(await db.deposit.count({ where: { brandId: brand.id, subaccountId: null } })).toBe(DEPOSITS);
    await syncSubaccounts(brand.id, { db, feeRates: false, clientOptions: deps().clientOptions });
    const run = await syncDeposits(brand.id, deps());
    // Re-read (pending) rows link through the upsert; the rest through the run's fix-up.
    expect(run.linked).toBeGreaterThan(DEPOSITS - run.seen - 1);
    expect(await db.deposit.count({ where: { brandId: brand.id, subaccountId: null } })).toBe(0);
  });

  it("never touches another brand's rows or cursor", { timeout: 90_000 }, async () => {
    const a = await brandWithSubaccounts();
    const b = await brandWithSubaccounts();
    await syncDeposits(b.id, deps());
    const [rowsB, stateB] = [await rowsOf(b.id), await db.depositSyncState.findUniqueOrThrow({ where: { brandId: b.id } })];

    const [sub] = await subAccts(a.id);
    await addDeposit(a.id, { subAcct: sub, state: "0" });
    const run = await syncDeposits(a.id, deps());
    expect(run.created).toBe(DEPOSITS + 1);
    expect(await rowsOf(b.id)).toEqual(rowsB);
    expect(await db.depositSyncState.findUniqueOrThrow({ where: { brandId: b.id } })).toEqual(stateB);
    // A's rows link to A's sub-accounts only.
    const aSubs = new Set((await db.subaccount.findMany({ where: { brandId: a.id }, select: { id: true } })).map((s) => s.id));
    expect((await rowsOf(a.id)).every((r) => r.subaccountId && aSubs.has(r.subaccountId))).toBe(true);
    expect(await db.auditLog.count({ where: { brandId: b.id, entityType: "deposit_sync" } })).toBe(1);
  });

  it("stores every seed state, and the list, its filters and the CSV export agree with the exchange", { timeout: 90_000 }, async () => {
    const brand = await brandWithSubaccounts();
    await syncDeposits(brand.id, deps());
    const exchange = await exchangeDeposits(brand.id);
    const { user } = await createTestStaff({ brandId: brand.id, role: "support" });
    const ctx = { ...(await staffContext(user)), tenantId: brand.id };
    const list = (input: Partial<DepositListInput>) => listDeposits(ctx, { page: 1, pageSize: 100, dir: "desc", ...input });

    for (const state of DEPOSIT_STATES) {
      const expected = exchange.filter((d) => d.state === state);
      expect(expected.length, `the seed has deposits in state ${state}`).toBeGreaterThan(0);
      const page = await list({ state: [state] });
      expect(page.total).toBe(expected.length);
      expect(page.rows.every((r) => r.state === state)).toBe(true);
    }
    const usdt = exchange.filter((d) => d.ccy === "USDT" && (d.state === "0" || d.state === "14"));
    expect((await list({ ccy: ["USDT"], state: ["0", "14"] })).total).toBe(usdt.length);

    // Newest first, keyset paging forward reaches every row once.
    const seen: string[] = [];
    let page = await list({ pageSize: 100 });
    seen.push(...page.rows.map((r) => r.depId));
    for (let n = 2; page.nextCursor; n++) {
      page = await list({ page: n, cursor: page.nextCursor });
      seen.push(...page.rows.map((r) => r.depId));
    }
    expect(seen).toHaveLength(DEPOSITS);
    expect(new Set(seen)).toEqual(new Set(exchange.map((d) => d.depId)));

    // Time range, exact search, sub-account and customer filters.
    const some = exchange[17];
    expect((await list({ q: some.depId })).rows.map((r) => r.depId)).toEqual([some.depId]);
    expect((await list({ q: some.txId })).rows.map((r) => r.depId)).toContain(some.depId);
    const day = new Date(Date.UTC(some.ts.getUTCFullYear(), some.ts.getUTCMonth(), some.ts.getUTCDate()));
    const sameDay = exchange.filter((d) => d.ts.toISOString().slice(0, 10) === day.toISOString().slice(0, 10));
    expect((await list({ dateFrom: day, dateTo: day })).total).toBe(sameDay.length);
    const sub = await db.subaccount.findFirstOrThrow({ where: { brandId: brand.id, subAcct: some.subAcct } });
    const ofSub = exchange.filter((d) => d.subAcct === some.subAcct);
    expect((await list({ subaccountId: sub.id })).total).toBe(ofSub.length);
    const customer = await db.customer.create({ data: { brandId: brand.id, name: "Depositor", email: `d-${randomUUID().slice(0, 8)}@example.test`, country: "SG", registrationSource: "backoffice" } });
    expect((await list({ customerId: customer.id })).total).toBe(0);
    await db.subaccount.update({ where: { id: sub.id }, data: { customerId: customer.id } });
    const mine = await list({ customerId: customer.id });
    expect(mine.total).toBe(ofSub.length);
    expect(mine.rows.every((r) => r.customerId === customer.id && r.customerName === "Depositor")).toBe(true);

    // The export streams the same filtered rows, amounts as exact decimals.
    const rows: string[][] = [];
    const text = await new Response(csvStream(csvColumns(depositsExporter.columns, MACHINE), iterateDeposits(ctx, { page: 1, pageSize: 20, dir: "desc", state: ["2"] }, 100))).text();
    for (const line of text.replace(/^\uFEFF/, "").trim().split("\r\n")) rows.push(line.split(","));
    const header = rows.shift()!;
    expect(header.slice(0, 3)).toEqual(["dep_id", "time", "sub_account"]);
    const success = exchange.filter((d) => d.state === "2");
    expect(rows).toHaveLength(success.length);
    const amountAt = header.indexOf("amount");
    const amounts = new Map(success.map((d) => [d.depId, new Decimal(d.amt).toFixed()]));
    expect(rows.every((r) => amounts.get(r[0]) === r[amountAt])).toBe(true);
  });
});

/**
 * An exchange whose `before` alone answers the newest deposits newer than the cursor (the seed does not
 * say which ones): a proxy in front of the simulator that answers such requests with `after` far in the
 * future added, i.e. the newest slice. Everything else is passed through.
 */
async function newestFirstExchange(brandId: string) {
  const client = reference(brandId);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://proxy");
    const params = Object.fromEntries(url.searchParams);
    if (url.pathname !== ENDPOINTS.depositHistory.path) {
      res.writeHead(404).end();
      return;
    }
    if (params.before && !params.after) params.after = "9999999999999";
    client
      .request("depositHistory", params, { skipValidation: true })
      .then((rows) => {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ code: "0", msg: "", data: rows.map((d) => ({ ...d, ts: String(d.ts.getTime()) })) }));
      })
      .catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  open.push({ close: () => new Promise((resolve) => server.close(resolve)) });
  return `http://127.0.0.1:${port}`;
}

describe("deposit sync against an exchange answering the newest deposits for `before`", () => {
  it("fills each gap backwards, so nothing is skipped, in full and incremental runs", { timeout: 90_000 }, async () => {
    const brand = await brandWithSubaccounts();
    const viaProxy = deps({ clientOptions: { endpoints: { simulatorUrl: await newestFirstExchange(brand.id) }, redis: null, maxRetries: 0, timeoutMs: 5_000, limits: FAST } });
    const first = await syncDeposits(brand.id, viaProxy);
    expect(first.created).toBe(DEPOSITS);
    await expectMirrors(brand.id);

    // More than two pages arrive between runs, some sharing a millisecond.
    const subs = await subAccts(brand.id);
    const at = Date.now() - 60_000;
    for (let i = 0; i < 230; i++) await addDeposit(brand.id, { subAcct: subs[i % subs.length], state: "2", ts: at + Math.floor(i / 3) });
    const second = await syncDeposits(brand.id, viaProxy);
    expect(second.created).toBe(230);
    await expectMirrors(brand.id);
  });
});

describe("deposit-sync queue", () => {
  const QUEUE = "deposit-sync" as const;

  beforeEach(async () => {
    const prefix = `bdtest-depsync-${randomUUID().slice(0, 8)}`;
    prefixes.push(prefix);
    await configureJobs({ prefix, redisUrl: env.REDIS_URL });
  });

  function worker(): Worker {
    const connection = workerConnection();
    const w = startWorker(QUEUE, (job) => processDepositSync(job.data, deps()), { connection, prefix: jobsConfig().prefix, log: () => undefined });
    open.push({ close: () => w.close().then(() => connection.disconnect()) });
    return w;
  }

  it("has one job id per brand per 5-minute slot and runs every 5 minutes", () => {
    const { jobId } = QUEUES[QUEUE];
    const brandId = randomUUID();
    const at = (iso: string) => new Date(iso);
    expect(jobId({ brandId }, at("2026-11-21T22:05:00.000Z"))).toBe(`deposit-sync.${brandId}.2026-11-21T2205`);
    expect(jobId({ brandId }, at("2026-11-21T22:09:59.999Z"))).toBe(`deposit-sync.${brandId}.2026-11-21T2205`);
    expect(jobId({ brandId }, at("2026-11-21T22:10:00.000Z"))).toBe(`deposit-sync.${brandId}.2026-11-21T2210`);
    expect(jobId({}, at("2026-11-21T22:10:00.000Z"))).toBe("deposit-sync.all.2026-11-21T2210");
    expect(QUEUES[QUEUE]).toMatchObject({ attempts: 5, schedule: { pattern: "*/5 * * * *", tz: "UTC" } });
  });

  it("two triggers of one slot make one job, and two workers run it once", { timeout: 60_000 }, async () => {
    const brand = await brandWithSubaccounts();
    const [a, b] = await Promise.all([enqueue(QUEUE, { brandId: brand.id }), enqueue(QUEUE, { brandId: brand.id })]);
    expect(b.id).toBe(a.id);
    expect(await producerQueue(QUEUE).getJobCounts("waiting")).toEqual({ waiting: 1 });
    await expect(enqueue(QUEUE, { brandId: "not-a-uuid" })).rejects.toThrow();

    worker();
    worker();
    await vi.waitFor(async () => expect(await (await producerQueue(QUEUE).getJob(a.id!))?.getState()).toBe("completed"), { timeout: 30_000, interval: 100 });
    expect((await producerQueue(QUEUE).getJob(a.id!))?.returnvalue).toMatchObject({ brandId: brand.id, created: DEPOSITS });
    expect(await db.auditLog.count({ where: { brandId: brand.id, entityType: "deposit_sync" } })).toBe(1);
    expect(await db.deposit.count({ where: { brandId: brand.id } })).toBe(DEPOSITS);
  });
});
