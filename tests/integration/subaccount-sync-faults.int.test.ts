/**
 * The subaccount-sync job when the exchange misbehaves mid-sync, run the way the worker runs it: the
 * runtime's Worker (jobs/runtime.ts) around the queue's processor (jobs/workers/subaccount-sync.ts) with the
 * worker's dependencies, on a BullMQ prefix of each test's own, against a simulator this file started (so
 * it can inject faults). The simulator starts failing once the first page is stored: the job retries with
 * backoff, exhausts its attempts and shows as failed on the jobs page (server/jobs/service.ts) with the
 * exchange's error, having marked nothing removed nor duplicated anything; once the exchange is healthy
 * again the next run completes and the mirror is right. And the all-brands run: one brand's failure does
 * not stop the others, and the run then fails with counts.
 */
import { randomUUID } from "node:crypto";
import type { Job } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeProducerConnection, configureJobs, jobsConfig, workerConnection } from "@/server/queues/connection";
import { deleteRedisKeys, underPrefixes } from "../helpers/redis";
import { enqueue, producerQueue, QUEUES } from "@/server/queues/registry";
import { startWorker } from "@/jobs/runtime";
import { processSubaccountSync, workerSyncDeps } from "@/jobs/workers/subaccount-sync";
import type { TenantContext } from "@/server/actor";
import { encryptSecret } from "@/server/crypto/secrets";
import { db, type Db } from "@/server/db/client";
import { env } from "@/server/env";
import { ENDPOINTS } from "@/server/exchange/okx";
import type { FaultConfig } from "@/server/exchange/sim/faults";
import { simAdmin, simClient, startSim, type SimHarness } from "@/server/exchange/okx/testing/sim-harness";
import * as jobs from "@/server/jobs/service";
import type { SyncDeps } from "@/server/subaccounts/sync";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";

const QUEUE = "subaccount-sync" as const;
const INFO_PATH = ENDPOINTS.subaccountInfo.path;
const SUBS = 30;
/** Three pages of ten: the fault starts on page 2. */
const PAGE = 10;
const FEE_TYPES = 9;
const quiet = () => undefined;
/**
 * Generous client limits, and the simulator's are off in this file: pacing is proven by okx-rate-limit.int
 * and subaccount-sync.int, and waiting out 1 request/s per page here would only slow the faults down.
 */
const FAST = { subaccountInfo: { count: 1000, windowMs: 1000 }, subaccountTradeFee: { count: 1000, windowMs: 1000 } };

let sim: SimHarness;
/** Rate-limit buckets in the real Redis under a prefix of this file's own, shared with no other run. */
let limiterRedis: Redis;
const limiterPrefix = `test:sync-faults:${randomUUID()}:`;
const prefixes: string[] = [];
let open: { close: () => Promise<unknown> }[] = [];

beforeAll(async () => {
  sim = await startSim({ subaccounts: SUBS, deposits: 0 });
  limiterRedis = new Redis(env.REDIS_URL, { keyPrefix: limiterPrefix, maxRetriesPerRequest: 1 });
});

beforeEach(async () => {
  const prefix = `bdtest-syncfault-${randomUUID().slice(0, 8)}`;
  prefixes.push(prefix);
  await configureJobs({ prefix, redisUrl: env.REDIS_URL });
  // Each test's brands are new, so each has a fresh simulator account of SUBS sub-accounts.
  await sim.setFaults({});
  await simAdmin(sim.url, "POST", "rate-limits", { enabled: false, reset: true });
  await sim.resetStats();
});

afterEach(async () => {
  for (const o of open.reverse()) await o.close();
  open = [];
});

afterAll(async () => {
  await sim?.close();
  await deleteRedisKeys([...underPrefixes(prefixes), `${limiterPrefix}*`]);
  limiterRedis?.disconnect();
  await closeProducerConnection();
});

/**
 * The worker's sync dependencies (workerSyncDeps), pointed at this file's simulator, with short client
 * time-outs and one client retry so a test takes seconds, and optionally a fault switched on once page 1
 * of the first attempt is stored.
 */
function syncDeps(options: { timeoutMs?: number; faultAfterFirstPage?: FaultConfig; pageSize?: number; db?: Db } = {}): SyncDeps {
  const base = workerSyncDeps(options.db ?? db);
  let armed = options.faultAfterFirstPage;
  return {
    ...base,
    pageSize: options.pageSize ?? PAGE,
    clientOptions: {
      ...base.clientOptions,
      redis: limiterRedis,
      endpoints: { simulatorUrl: sim.url, okxBaseUrl: sim.url },
      maxRetries: 1,
      timeoutMs: options.timeoutMs ?? 5_000,
      limits: FAST,
    },
    onPage: async (page) => {
      if (page !== 1 || !armed) return;
      const fault = armed;
      armed = undefined;
      await sim.setFaults(fault);
    },
  };
}

interface Attempt {
  startedAt: number;
  endedAt: number;
  error?: string;
}

/** A runtime Worker for the queue running the sync processor; records when each attempt ran. */
function worker(deps: SyncDeps): Attempt[] {
  const attempts: Attempt[] = [];
  const connection = workerConnection();
  const w = startWorker(
    QUEUE,
    async (job: Job) => {
      const attempt: Attempt = { startedAt: Date.now(), endedAt: 0 };
      attempts.push(attempt);
      try {
        return await processSubaccountSync(job.data, deps);
      } catch (error) {
        attempt.error = error instanceof Error ? error.message : String(error);
        throw error;
      } finally {
        attempt.endedAt = Date.now();
      }
    },
    { connection, prefix: jobsConfig().prefix, log: quiet },
  );
  open.push({ close: () => w.close().then(() => connection.disconnect()) });
  return attempts;
}

const stateOf = async (id: string) => (await producerQueue(QUEUE).getJob(id))?.getState();
const fetchJob = async (id: string) => (await producerQueue(QUEUE).getJob(id)) as Job;
const waitForState = (id: string, state: string, timeout = 30_000) =>
  vi.waitFor(async () => expect(await stateOf(id)).toBe(state), { timeout, interval: 100 });
const rowsOf = (brandId: string) => db.subaccount.findMany({ where: { brandId }, orderBy: { subAcct: "asc" } });
const syncActions = async (brandId: string) =>
  (await db.auditLog.findMany({ where: { brandId, entityType: "subaccount_sync" }, orderBy: { seq: "asc" }, select: { action: true } })).map((a) => a.action);
/** The id the queue gives this brand's trigger in the next 15-minute slot: the next scheduled run. */
const nextSlotJobId = (brandId: string) => QUEUES[QUEUE].jobId({ brandId }, new Date(Date.now() + 15 * 60_000));

async function brandAdmin(brandId: string): Promise<TenantContext> {
  const { user } = await createTestStaff({ brandId, role: "admin" });
  return (await staffContext(user)) as TenantContext;
}

/**
 * A brand whose mirror is complete, and an exchange that has since deleted one of its sub-accounts: a
 * complete run would now mark that one removed, a run cut short must not.
 */
async function mirroredBrandWithOneDeleted() {
  const brand = await createTestBrand();
  const first = await processSubaccountSync({ brandId: brand.id }, syncDeps());
  expect(first).toMatchObject({ seen: SUBS, created: SUBS, removed: 0 });
  const rows = await rowsOf(brand.id);
  const deleted = rows[rows.length - 1].subAcct;
  await simClient(sim.url, null, { forBrand: brand.id }).deleteSubaccount({ subAcct: deleted });
  return { brand, deleted, ctx: await brandAdmin(brand.id) };
}

/** Every row still there exactly once, none marked removed. */
async function expectUntouched(brandId: string) {
  const rows = await rowsOf(brandId);
  expect(rows).toHaveLength(SUBS);
  expect(new Set(rows.map((r) => r.subAcct)).size).toBe(SUBS);
  expect(rows.filter((r) => r.removedAt)).toEqual([]);
}

/** The complete mirror after the exchange deleted `deleted`: one row each, only that one removed. */
async function expectMirrored(brandId: string, deleted: string) {
  const rows = await rowsOf(brandId);
  expect(rows).toHaveLength(SUBS);
  expect(new Set(rows.map((r) => r.subAcct)).size).toBe(SUBS);
  expect(rows.filter((r) => r.removedAt).map((r) => r.subAcct)).toEqual([deleted]);
  const listed = (await simClient(sim.url, null, { forBrand: brandId }).subaccountInfo({ limit: 100 })).details;
  expect(rows.filter((r) => !r.removedAt).map((r) => r.subAcct)).toEqual(listed.map((s) => s.subAcct).sort());
  expect(await db.subaccountFeeRate.count({ where: { brandId } })).toBe(SUBS * FEE_TYPES);
}

describe("subaccount-sync job under exchange faults", () => {
  it("5xx from page 2 on: retries with backoff, fails visibly on the jobs page, marks nothing; the next run completes", { timeout: 90_000 }, async () => {
    const { brand, deleted, ctx } = await mirroredBrandWithOneDeleted();
    const attempts = worker(syncDeps({ faultAfterFirstPage: { status5xxRate: 1, paths: [INFO_PATH] } }));

    const job = await enqueue(QUEUE, { brandId: brand.id }, { attempts: 3, backoff: { type: "exponential", delay: 300 } });
    await waitForState(job.id!, "failed");

    const failed = await fetchJob(job.id!);
    expect(failed.attemptsMade).toBe(3);
    expect(failed.failedReason).toMatch(/subaccountInfo: 50001/);
    // Each attempt ran after its backoff (300 ms, then 600 ms), and each failed on the exchange's answer.
    expect(attempts).toHaveLength(3);
    expect(attempts.every((a) => /50001/.test(a.error ?? ""))).toBe(true);
    expect(attempts[1].startedAt - attempts[0].endedAt).toBeGreaterThanOrEqual(270);
    expect(attempts[2].startedAt - attempts[1].endedAt).toBeGreaterThanOrEqual(540);

    // What the jobs page shows: the failed job with its error, and the queue's last run.
    const page = await jobs.listJobs(ctx, { queue: QUEUE, state: "failed", page: 1, pageSize: 20 });
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({ id: job.id, brandId: brand.id, state: "failed", attemptsMade: 3, maxAttempts: 3, failedReason: failed.failedReason });
    expect(page.rows[0].stacktrace.join("\n")).toMatch(/50001/);
    const overview = await jobs.jobsOverview(ctx);
    expect(overview.available && overview.queues.find((q) => q.name === QUEUE)?.lastRun).toMatchObject({ jobId: job.id, state: "failed", error: failed.failedReason });

    // The first attempt stored page 1 again; nothing was duplicated, nothing marked removed.
    await expectUntouched(brand.id);
    expect(await syncActions(brand.id)).toEqual(["subaccount.sync", "subaccount.sync_failed", "subaccount.sync_failed", "subaccount.sync_failed"]);

    // The exchange recovers; the next scheduled run (the next slot's job) completes and the mirror is right.
    await sim.setFaults({});
    const next = await enqueue(QUEUE, { brandId: brand.id }, { jobId: nextSlotJobId(brand.id) });
    expect(next.id).not.toBe(job.id);
    await waitForState(next.id!, "completed");
    expect((await fetchJob(next.id!)).returnvalue).toMatchObject({ seen: SUBS - 1, created: 0, updated: 0, removed: 1, pages: 3, feeRates: (SUBS - 1) * FEE_TYPES });
    await expectMirrored(brand.id, deleted);
    const after = await jobs.jobsOverview(ctx);
    expect(after.available && after.queues.find((q) => q.name === QUEUE)?.lastRun).toMatchObject({ jobId: next.id, state: "completed" });
    // The failed run stays listed, for the record.
    expect((await jobs.listJobs(ctx, { queue: QUEUE, state: "failed", page: 1, pageSize: 20 })).rows.map((r) => r.id)).toEqual([job.id]);
  });

  it("the exchange stops answering mid-sync: the time-outs fail the job visibly; retried from the jobs page it completes", { timeout: 90_000 }, async () => {
    const { brand, deleted, ctx } = await mirroredBrandWithOneDeleted();
    // Requests to the list are held open, longer than the client's 800 ms time-out.
    worker(syncDeps({ timeoutMs: 800, faultAfterFirstPage: { timeoutRate: 1, paths: [INFO_PATH] } }));

    const job = await enqueue(QUEUE, { brandId: brand.id }, { attempts: 2, backoff: { type: "exponential", delay: 300 } });
    await waitForState(job.id!, "failed");
    const failed = await fetchJob(job.id!);
    expect(failed.attemptsMade).toBe(2);
    expect(failed.failedReason).toMatch(/no answer within 800 ms/);
    const page = await jobs.listJobs(ctx, { queue: QUEUE, state: "failed", page: 1, pageSize: 20 });
    expect(page.rows).toEqual([expect.objectContaining({ id: job.id, attemptsMade: 2, maxAttempts: 2, failedReason: failed.failedReason })]);
    await expectUntouched(brand.id);
    expect(await syncActions(brand.id)).toEqual(["subaccount.sync", "subaccount.sync_failed", "subaccount.sync_failed"]);

    // The jobs page's Retry runs the same job again, now against a healthy exchange.
    await sim.setFaults({});
    await jobs.retryJob(ctx, { queue: QUEUE, id: job.id! });
    await waitForState(job.id!, "completed");
    expect((await fetchJob(job.id!)).returnvalue).toMatchObject({ seen: SUBS - 1, created: 0, removed: 1, pages: 3 });
    await expectMirrored(brand.id, deleted);
    expect((await syncActions(brand.id)).at(-1)).toBe("subaccount.sync");
  });
});

describe("syncAllBrands", () => {
  /**
   * The database with the brand list narrowed to `ids` (AND the function's own filter): other test files'
   * brands share this database, and syncing each of them would only make the test slow.
   */
  const onlyBrands = (ids: string[]) =>
    db.$extends({
      query: { brand: { findMany: ({ args, query }) => query({ ...args, where: { AND: [args.where ?? {}, { id: { in: ids } }] } }) } },
    }) as unknown as Db;

  it("syncs every active brand, past one whose exchange refuses it, then fails the run with counts", { timeout: 60_000 }, async () => {
    const first = await createTestBrand();
    // Its own (revoked) API key: brand-client sends it to "OKX" — here the simulator, which does not know the key.
    const refused = await createTestBrand({
      okxApiKey: `revoked-${randomUUID()}`,
      okxSecretEnc: encryptSecret("not-the-secret"),
      okxPassphraseEnc: encryptSecret("not-the-passphrase"),
      okxCredentialsUpdatedAt: new Date(),
    });
    const last = await createTestBrand();
    const disabled = await createTestBrand({ status: "disabled" });
    const ctx = await brandAdmin(first.id);

    const attempts = worker(syncDeps({ pageSize: 100, db: onlyBrands([first.id, refused.id, last.id, disabled.id]) }));
    const job = await enqueue(QUEUE, {}, { attempts: 1 });
    await waitForState(job.id!, "failed");

    // Counts only: the message is shown on every brand's jobs page, so it names no brand and no error.
    const failed = await fetchJob(job.id!);
    expect(failed.failedReason).toBe("sub-account sync failed for 1 of 3 brand(s); see each brand's audit log");
    expect(attempts).toHaveLength(1);
    const page = await jobs.listJobs(ctx, { queue: QUEUE, state: "failed", page: 1, pageSize: 20 });
    expect(page.rows).toEqual([expect.objectContaining({ id: job.id, brandId: null, failedReason: failed.failedReason })]);

    // The brands before and after the failing one are mirrored; the failing one's error is in its own audit log.
    for (const brand of [first, last]) {
      expect(await rowsOf(brand.id)).toHaveLength(SUBS);
      expect(await syncActions(brand.id)).toEqual(["subaccount.sync"]);
    }
    expect(await rowsOf(refused.id)).toHaveLength(0);
    const [failure] = await db.auditLog.findMany({ where: { brandId: refused.id, entityType: "subaccount_sync" }, select: { action: true, after: true } });
    expect(failure).toMatchObject({ action: "subaccount.sync_failed", after: { complete: false, usingSimulator: false, error: expect.stringMatching(/subaccountInfo: 50\d\d\d/) } });
    // A disabled brand is not synced at all.
    expect(await rowsOf(disabled.id)).toHaveLength(0);
    expect(await syncActions(disabled.id)).toEqual([]);
  });

  it("resolves with every brand's summary when all succeed", { timeout: 60_000 }, async () => {
    const brands = [await createTestBrand(), await createTestBrand()];
    const result = await processSubaccountSync({}, syncDeps({ pageSize: 100, db: onlyBrands(brands.map((b) => b.id)) }));
    expect(result).toMatchObject({ brands: 2, failed: 0 });
    expect("results" in result && result.results.map((r) => [r.brandId, r.seen])).toEqual(brands.map((b) => [b.id, SUBS]));
  });
});
