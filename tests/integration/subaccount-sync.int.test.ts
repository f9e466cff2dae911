/**
 * The sub-account sync against the real simulator over HTTP (its documented 1 request/s limit on): a sync
 * creates, updates and marks removed; an interrupted run marks nothing and its re-run duplicates nothing;
 * two triggers in one slot make one job; one brand's sync never touches another's rows. Brands have no
 * credentials, so brand-client sends them to the simulator — pointed at the one this file started.
 */
import { randomUUID } from "node:crypto";
import type { Worker } from "bullmq";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeProducerConnection, configureJobs, jobsConfig, workerConnection } from "@/server/queues/connection";
import { deleteRedisKeys, underPrefixes } from "../helpers/redis";
import { enqueue, producerQueue, QUEUES } from "@/server/queues/registry";
import { startWorker } from "@/jobs/runtime";
import { processSubaccountSync } from "@/jobs/workers/subaccount-sync";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { ENDPOINTS } from "@/server/exchange/okx";
import { simAdmin, simClient, startSim, type SimHarness } from "@/server/exchange/okx/testing/sim-harness";
import { syncSubaccounts, type SyncDeps } from "@/server/subaccounts/sync";
import { createTestBrand } from "../helpers/db";

const INFO_PATH = ENDPOINTS.subaccountInfo.path;
const SUBS = 12;
/** 12 sub-accounts in pages of 5: three pages, the last one short. */
const PAGE = 5;

let simA: SimHarness;
let simB: SimHarness;
const prefixes: string[] = [];
let open: { close: () => Promise<unknown> }[] = [];

/** Replaces the brand's own simulator account with a data set of `subaccounts` (a fresh account starts with the simulator's default size). */
async function seed(sim: SimHarness, brandId: string, subaccounts: number, seedNo?: number) {
  await simAdmin(sim.url, "POST", "seed", { subaccounts, deposits: 0, seed: seedNo }, brandId);
}

const deps = (sim: SimHarness, extra: Partial<SyncDeps> = {}): SyncDeps => ({
  db,
  pageSize: PAGE,
  feeRates: false,
  clientOptions: { endpoints: { simulatorUrl: sim.url }, redis: null, maxRetries: 2, timeoutMs: 5_000 },
  ...extra,
});

/** What the simulator itself lists on the brand's account (one page of 100 is all of it here). */
async function exchangeList(sim: SimHarness, brandId: string) {
  return (await simClient(sim.url, null, { forBrand: brandId }).subaccountInfo({ limit: 100 })).details;
}

const rowsOf = (brandId: string) => db.subaccount.findMany({ where: { brandId }, orderBy: { subAcct: "asc" } });
const syncAudits = (brandId: string) =>
  db.auditLog.findMany({ where: { brandId, entityType: "subaccount_sync" }, orderBy: { seq: "asc" }, select: { action: true, actorType: true, after: true } });

beforeAll(async () => {
  simA = await startSim({ subaccounts: SUBS, deposits: 0 });
  simB = await startSim({ subaccounts: 4, deposits: 0 });
});

beforeEach(async () => {
  await simA.setFaults({});
  await simA.resetLimits();
  await simA.resetStats();
});

afterEach(async () => {
  for (const o of open.reverse()) await o.close();
  open = [];
});

afterAll(async () => {
  await simA?.close();
  await simB?.close();
  await deleteRedisKeys(underPrefixes(prefixes));
  await closeProducerConnection();
});

describe("sub-account sync", () => {
  it("creates every sub-account with its fee rates, then updates a changed one and marks a deleted one removed", { timeout: 60_000 }, async () => {
    const brand = await createTestBrand();
    const first = await syncSubaccounts(brand.id, deps(simA, { feeRates: true }));
    expect(first).toMatchObject({ brandId: brand.id, seen: SUBS, created: SUBS, updated: 0, removed: 0, pages: 3, usingSimulator: true });
    expect(first.feeRates).toBeGreaterThanOrEqual(SUBS);

    const listed = await exchangeList(simA, brand.id);
    const rows = await rowsOf(brand.id);
    expect(rows).toHaveLength(SUBS);
    const one = listed[0];
    expect(rows.find((r) => r.subAcct === one.subAcct)).toMatchObject({
      uid: one.uid,
      label: one.label,
      accountLevel: Number(one.acctLv),
      enabled: one.enable,
      frozenFunctions: one.frozenFunc,
      canTransferOut: one.canTransOut,
      mainAcct: one.mainAcct || null,
      exchangeCreatedAt: one.ts,
      customerId: null,
      removedAt: null,
      version: 1,
    });
    const fees = await db.subaccountFeeRate.findMany({ where: { brandId: brand.id } });
    expect(fees).toHaveLength(first.feeRates);
    expect(fees.every((f) => f.type >= 1 && f.type <= 9)).toBe(true);
    // The client paced itself: the simulator never answered 50011.
    expect((await simA.statsOf("GET", INFO_PATH)).rateLimited).toBe(0);

    // The exchange changes one sub-account's level and deletes another.
    const client = simClient(simA.url, null, { forBrand: brand.id });
    const [changedSub, deletedSub] = [listed[1], listed[2]];
    const newLevel = changedSub.acctLv === "2" ? "1" : "2";
    await client.setSubaccountLevel({ subAcct: changedSub.subAcct, acctLv: newLevel });
    await client.deleteSubaccount({ subAcct: deletedSub.subAcct });

    const second = await syncSubaccounts(brand.id, deps(simA));
    expect(second).toMatchObject({ seen: SUBS - 1, created: 0, updated: 1, removed: 1 });
    const after = await rowsOf(brand.id);
    expect(after).toHaveLength(SUBS);
    expect(after.find((r) => r.subAcct === changedSub.subAcct)).toMatchObject({ accountLevel: Number(newLevel), version: 2, removedAt: null });
    expect(after.find((r) => r.subAcct === deletedSub.subAcct)?.removedAt).toBeInstanceOf(Date);
    expect(after.filter((r) => r.removedAt)).toHaveLength(1);

    // Nothing changed: nothing updated, nothing removed again.
    const third = await syncSubaccounts(brand.id, deps(simA));
    expect(third).toMatchObject({ seen: SUBS - 1, created: 0, updated: 0, removed: 0 });

    // The deleted name comes back: the same row, no longer marked removed.
    await client.createSubaccount({ subAcct: deletedSub.subAcct, label: "back" });
    const fourth = await syncSubaccounts(brand.id, deps(simA));
    expect(fourth).toMatchObject({ seen: SUBS, created: 0, updated: 1, removed: 0 });
    const back = (await rowsOf(brand.id)).find((r) => r.subAcct === deletedSub.subAcct);
    expect(back).toMatchObject({ removedAt: null, label: "back", version: 3 });

    // One audit row per run, by the system, summarising it.
    const audits = await syncAudits(brand.id);
    expect(audits.map((a) => a.action)).toEqual(["subaccount.sync", "subaccount.sync", "subaccount.sync", "subaccount.sync"]);
    expect(audits.every((a) => a.actorType === "system")).toBe(true);
    expect(audits[1].after).toMatchObject({ seen: SUBS - 1, updated: 1, removed: 1, complete: true });
  });

  it("an interrupted sync marks nothing removed, and re-running it leaves no duplicates", { timeout: 60_000 }, async () => {
    const brand = await createTestBrand();
    // After the first page is stored, the exchange starts failing; no retries, so the run stops there.
    const failAfterFirstPage = (sim: SimHarness): Partial<SyncDeps> => ({
      clientOptions: { endpoints: { simulatorUrl: sim.url }, redis: null, maxRetries: 0, timeoutMs: 5_000 },
      onPage: async (page) => {
        if (page === 1) await sim.setFaults({ errorRate: 1, paths: [INFO_PATH] });
      },
    });

    await expect(syncSubaccounts(brand.id, deps(simA, failAfterFirstPage(simA)))).rejects.toThrow();
    expect(await rowsOf(brand.id)).toHaveLength(PAGE);

    await simA.setFaults({});
    const rerun = await syncSubaccounts(brand.id, deps(simA));
    expect(rerun).toMatchObject({ seen: SUBS, created: SUBS - PAGE, updated: 0, removed: 0, pages: 3 });
    const rows = await rowsOf(brand.id);
    expect(rows).toHaveLength(SUBS);
    expect(new Set(rows.map((r) => r.subAcct)).size).toBe(SUBS);

    // One sub-account disappears; a run cut short after page 1 must not mark it (nor anything) removed.
    const gone = rows[rows.length - 1].subAcct;
    await simClient(simA.url, null, { forBrand: brand.id }).deleteSubaccount({ subAcct: gone });
    await expect(syncSubaccounts(brand.id, deps(simA, failAfterFirstPage(simA)))).rejects.toThrow();
    expect((await rowsOf(brand.id)).filter((r) => r.removedAt)).toHaveLength(0);

    await simA.setFaults({});
    const complete = await syncSubaccounts(brand.id, deps(simA));
    expect(complete).toMatchObject({ seen: SUBS - 1, created: 0, removed: 1 });
    const final = await rowsOf(brand.id);
    expect(final).toHaveLength(SUBS);
    expect(final.filter((r) => r.removedAt).map((r) => r.subAcct)).toEqual([gone]);

    // Failed runs are audited too, as such.
    const actions = (await syncAudits(brand.id)).map((a) => a.action);
    expect(actions).toEqual(["subaccount.sync_failed", "subaccount.sync", "subaccount.sync_failed", "subaccount.sync"]);
  });

  it("two overlapping runs for one brand create each sub-account once and mark nothing removed", { timeout: 60_000 }, async () => {
    const brand = await createTestBrand();
    // Their pages interleave (they share the client's 1/s bucket), so each sees the other's rows.
    const [x, y] = await Promise.all([syncSubaccounts(brand.id, deps(simA)), syncSubaccounts(brand.id, deps(simA))]);
    expect(x.created + y.created).toBe(SUBS);
    expect(x.removed + y.removed).toBe(0);
    const rows = await rowsOf(brand.id);
    expect(rows).toHaveLength(SUBS);
    expect(rows.filter((r) => r.removedAt)).toHaveLength(0);
  });

  it("never touches another brand's rows", { timeout: 60_000 }, async () => {
    const brandA = await createTestBrand();
    const brandB = await createTestBrand();
    await syncSubaccounts(brandA.id, deps(simA));
    const before = await rowsOf(brandA.id);

    // Brand B's exchange lists other (and fewer) sub-accounts: its complete run marks none of A's removed.
    await seed(simB, brandB.id, 4, 7);
    const b = await syncSubaccounts(brandB.id, deps(simB));
    expect(b).toMatchObject({ seen: 4, created: 4, removed: 0 });
    expect(await rowsOf(brandB.id)).toHaveLength(4);
    expect(await rowsOf(brandA.id)).toEqual(before);

    // The same names under two brands are two rows: brand B on A's exchange creates its own 12.
    const again = await syncSubaccounts(brandB.id, deps(simA));
    expect(again).toMatchObject({ seen: SUBS, created: SUBS, removed: 4 });
    expect(await rowsOf(brandA.id)).toEqual(before);
    expect(await db.auditLog.count({ where: { brandId: brandA.id, entityType: "subaccount_sync" } })).toBe(1);
  });
});

describe("subaccount-sync queue", () => {
  const QUEUE = "subaccount-sync" as const;

  beforeEach(async () => {
    const prefix = `bdtest-subsync-${randomUUID().slice(0, 8)}`;
    prefixes.push(prefix);
    await configureJobs({ prefix, redisUrl: env.REDIS_URL });
  });

  function worker(sim: SimHarness): Worker {
    const connection = workerConnection();
    const w = startWorker(QUEUE, (job) => processSubaccountSync(job.data, deps(sim)), { connection, prefix: jobsConfig().prefix, log: () => undefined });
    open.push({ close: () => w.close().then(() => connection.disconnect()) });
    return w;
  }

  it("has one job id per brand per 15-minute slot", () => {
    const { jobId } = QUEUES[QUEUE];
    const brandId = randomUUID();
    const at = (iso: string) => new Date(iso);
    expect(jobId({ brandId }, at("2026-11-21T22:15:00.000Z"))).toBe(`subaccount-sync.${brandId}.2026-11-21T2215`);
    expect(jobId({ brandId }, at("2026-11-21T22:29:59.999Z"))).toBe(`subaccount-sync.${brandId}.2026-11-21T2215`);
    expect(jobId({ brandId }, at("2026-11-21T22:30:00.000Z"))).toBe(`subaccount-sync.${brandId}.2026-11-21T2230`);
    expect(jobId({}, at("2026-11-21T22:30:00.000Z"))).toBe("subaccount-sync.all.2026-11-21T2230");
    expect(QUEUES[QUEUE]).toMatchObject({ attempts: 5, schedule: { pattern: "*/15 * * * *", tz: "UTC" } });
  });

  it("two triggers in the same slot make one job, which a worker runs once for that brand", async () => {
    const brand = await createTestBrand();
    const other = await createTestBrand();
    const [a, b] = await Promise.all([enqueue(QUEUE, { brandId: brand.id }), enqueue(QUEUE, { brandId: brand.id })]);
    expect(b.id).toBe(a.id);
    expect(a.id).toMatch(new RegExp(`^subaccount-sync\\.${brand.id}\\.\\d{4}-\\d{2}-\\d{2}T\\d{4}$`));
    expect(await producerQueue(QUEUE).getJobCounts("waiting")).toEqual({ waiting: 1 });
    // Another brand's trigger is its own job.
    expect((await enqueue(QUEUE, { brandId: other.id })).id).not.toBe(a.id);
    await expect(enqueue(QUEUE, { brandId: "not-a-uuid" })).rejects.toThrow();
    await producerQueue(QUEUE).remove((await enqueue(QUEUE, { brandId: other.id })).id!);

    worker(simA);
    await vi.waitFor(async () => expect(await (await producerQueue(QUEUE).getJob(a.id!))?.getState()).toBe("completed"), { timeout: 20_000, interval: 100 });
    const done = await producerQueue(QUEUE).getJob(a.id!);
    expect(done?.returnvalue).toMatchObject({ brandId: brand.id, seen: SUBS, created: SUBS });
    expect(await rowsOf(brand.id)).toHaveLength(SUBS);
    expect(await rowsOf(other.id)).toHaveLength(0);
    expect(await db.auditLog.count({ where: { brandId: brand.id, entityType: "subaccount_sync" } })).toBe(1);
  });
});
