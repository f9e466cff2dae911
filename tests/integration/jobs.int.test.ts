/**
 * The job platform against the real Redis, each test under a BullMQ prefix of its own: deterministic
 * ids, retries with backoff, failures visible and retryable from the jobs page, pause / resume, run-now,
 * schedules shared by two workers, Redis being away, and the audit-verify job.
 */
import { randomUUID } from "node:crypto";
import { Queue, type Job, type Worker } from "bullmq";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { closeProducerConnection, configureJobs, jobsConfig, producerConnection, workerConnection } from "@/server/queues/connection";
import { deleteRedisKeys, underPrefixes } from "../helpers/redis";
import { PROCESSORS, type Processor } from "@/jobs/processors";
import { enqueue, producerQueue, QUEUES, type QueueDefinition } from "@/server/queues/registry";
import { installSchedule, startWorker } from "@/jobs/runtime";
import { processAuditVerify } from "@/jobs/workers/audit-verify";
import type { TenantContext } from "@/server/actor";
import { systemActor } from "@/server/actor";
import { recordAudit } from "@/server/audit/audit";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import * as jobs from "@/server/jobs/service";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";

const QUEUE = "audit-verify" as const;
const quiet = () => undefined;
const who = { actor: systemActor("test"), request: { ip: null, userAgent: null } };

/** Everything a test opened, closed after it: workers, their connections, extra queues. */
let open: { close: () => Promise<unknown> | void }[] = [];
const prefixes: string[] = [];

beforeEach(async () => {
  const prefix = `bdtest-jobs-${randomUUID().slice(0, 8)}`;
  prefixes.push(prefix);
  await configureJobs({ prefix, redisUrl: env.REDIS_URL });
});

afterEach(async () => {
  for (const o of open.reverse()) await o.close();
  open = [];
});

afterAll(async () => {
  // Leave nothing behind in Redis: every key under this file's prefixes.
  await deleteRedisKeys(underPrefixes(prefixes));
  await closeProducerConnection();
});

function worker(processor: Processor, name: string = QUEUE): Worker {
  const connection = workerConnection();
  const w = startWorker(name, processor, { connection, prefix: jobsConfig().prefix, log: quiet });
  open.push({ close: () => w.close().then(() => connection.disconnect()) });
  return w;
}

async function brandAdmin(): Promise<TenantContext> {
  const brand = await createTestBrand();
  const { user } = await createTestStaff({ brandId: brand.id, role: "admin" });
  return (await staffContext(user)) as TenantContext;
}

/** A platform admin working on a brand of their choosing. */
async function platformAdmin(): Promise<TenantContext> {
  const brand = await createTestBrand();
  const { user } = await createTestStaff({ brandId: null, role: "platform_admin" });
  return (await staffContext(user, { tenantId: brand.id })) as TenantContext;
}

const stateOf = async (id: string) => (await producerQueue(QUEUE).getJob(id))?.getState();
const fetchJob = async (id: string) => (await producerQueue(QUEUE).getJob(id)) as Job;
const fastRetries = { attempts: 3, backoff: { type: "exponential", delay: 20 } };

describe("job platform", () => {
  it("drops a duplicate trigger: the same deterministic id makes one job", async () => {
    const first = await enqueue(QUEUE, {});
    const second = await enqueue(QUEUE, {});
    expect(second.id).toBe(first.id);
    expect(first.id).toMatch(/^audit-verify\.all\.\d{4}-\d{2}-\d{2}$/);
    expect(await producerQueue(QUEUE).getJobCounts("waiting")).toEqual({ waiting: 1 });
    // The payload is validated before anything is added.
    await expect(enqueue(QUEUE, { brandId: "not-a-uuid" })).rejects.toThrow();
  });

  it("retries a failing processor with backoff and completes within its attempts", async () => {
    let calls = 0;
    worker(async () => {
      calls++;
      if (calls < 3) throw new Error(`flaky ${calls}`);
      return { ok: true };
    });
    const job = await enqueue(QUEUE, {}, fastRetries);
    await vi.waitFor(async () => expect(await stateOf(job.id!)).toBe("completed"), { timeout: 10_000, interval: 50 });
    const done = await fetchJob(job.id!);
    expect(done.attemptsMade).toBe(3);
    expect(done.returnvalue).toEqual({ ok: true });
  });

  it("fails beyond its attempts, shows the error in the list, and a retry completes it", async () => {
    const ctx = await brandAdmin();
    let healthy = false;
    worker(async () => {
      if (!healthy) throw new Error("exchange timed out");
      return "recovered";
    });
    const job = await enqueue(QUEUE, { brandId: ctx.tenantId }, fastRetries);
    await vi.waitFor(async () => expect(await stateOf(job.id!)).toBe("failed"), { timeout: 10_000, interval: 50 });

    const page = await jobs.listJobs(ctx, { queue: QUEUE, state: "failed", page: 1, pageSize: 20 });
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({ id: job.id, attemptsMade: 3, maxAttempts: 3, failedReason: "exchange timed out", state: "failed" });
    expect(page.rows[0].stacktrace[0]).toMatch(/exchange timed out/);

    // Only failed jobs can be retried; unknown queues and jobs are NOT_FOUND.
    await expect(jobs.retryJob(ctx, { queue: QUEUE, id: "no-such-job" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(jobs.retryJob(ctx, { queue: "no-such-queue", id: job.id! })).rejects.toMatchObject({ code: "NOT_FOUND" });

    healthy = true;
    await expect(jobs.retryJob(ctx, { queue: QUEUE, id: job.id! })).resolves.toEqual({ queue: QUEUE, jobId: job.id });
    await vi.waitFor(async () => expect(await stateOf(job.id!)).toBe("completed"), { timeout: 10_000, interval: 50 });
    expect((await fetchJob(job.id!)).returnvalue).toBe("recovered");
    await expect(jobs.retryJob(ctx, { queue: QUEUE, id: job.id! })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.auditLog.count({ where: { brandId: ctx.tenantId, action: "job.retry", entityId: `${QUEUE}/${job.id}` } })).toBe(1);

    // The overview names the last run.
    const overview = await jobs.jobsOverview(ctx);
    expect(overview.available && overview.queues[0].lastRun).toMatchObject({ jobId: job.id, state: "completed" });
  });

  it("shows as last run only the caller's own or a system job, never another brand's error", async () => {
    const ctx = await brandAdmin();
    const other = await createTestBrand();
    worker(async (job) => {
      if ((job.data as { brandId?: string }).brandId === other.id) throw new Error("the other brand's secret failure");
      return "ok";
    });
    const system = await enqueue(QUEUE, {}, { attempts: 1 });
    await vi.waitFor(async () => expect(await stateOf(system.id!)).toBe("completed"), { timeout: 10_000, interval: 50 });
    const theirs = await enqueue(QUEUE, { brandId: other.id }, { attempts: 1 });
    await vi.waitFor(async () => expect(await stateOf(theirs.id!)).toBe("failed"), { timeout: 10_000, interval: 50 });

    const overview = await jobs.jobsOverview(ctx);
    expect(overview.available && overview.queues[0].lastRun).toMatchObject({ jobId: system.id, state: "completed" });
    expect(JSON.stringify(overview)).not.toContain("secret failure");
  });

  it("shows a run failing attempt after attempt: its last error, the attempt and when it is tried again", async () => {
    const ctx = await brandAdmin();
    worker(async () => {
      throw new Error("exchange answered 503");
    });
    const job = await enqueue(QUEUE, { brandId: ctx.tenantId }, { attempts: 5, backoff: { type: "fixed", delay: 60_000 } });
    await vi.waitFor(async () => expect(await stateOf(job.id!)).toBe("delayed"), { timeout: 10_000, interval: 50 });
    const overview = await jobs.jobsOverview(ctx);
    const queue = overview.available ? overview.queues.find((q) => q.name === QUEUE) : undefined;
    expect(queue?.retrying).toMatchObject({ jobId: job.id, attemptsMade: 1, maxAttempts: 5, error: "exchange answered 503", count: 1 });
    const dueIn = queue!.retrying!.nextAttemptAt!.getTime() - Date.now();
    expect(dueIn).toBeGreaterThan(50_000);
    expect(dueIn).toBeLessThanOrEqual(60_000);
    // Another brand does not see this brand's retry (nor its error).
    const other = await brandAdmin();
    const theirs = await jobs.jobsOverview(other);
    expect(theirs.available && theirs.queues.find((q) => q.name === QUEUE)?.retrying).toBeNull();
  });

  it("lists and acts only on the caller's brand's jobs and system jobs", async () => {
    const ctx = await brandAdmin();
    const other = await createTestBrand();
    const own = await producerQueue(QUEUE).add(QUEUE, { brandId: ctx.tenantId }, { jobId: `test.${randomUUID()}` });
    const theirs = await producerQueue(QUEUE).add(QUEUE, { brandId: other.id }, { jobId: `test.${randomUUID()}` });
    const page = await jobs.listJobs(ctx, { queue: QUEUE, state: "waiting", page: 1, pageSize: 20 });
    expect(page.rows.map((r) => r.id)).toEqual([own.id]);
    await expect(jobs.removeJob(ctx, { queue: QUEUE, id: theirs.id! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await stateOf(theirs.id!)).toBe("waiting");
    await jobs.removeJob(ctx, { queue: QUEUE, id: own.id! });
    expect(await stateOf(own.id!)).toBeUndefined();
  });

  it("pause holds new jobs back and resume lets them run, for every brand: the platform's, on its chain", async () => {
    const ctx = await platformAdmin();
    let ran = 0;
    worker(async () => ++ran);
    expect(await jobs.pauseQueue(ctx, { queue: QUEUE })).toEqual({ queue: QUEUE, paused: true });
    const overview = await jobs.jobsOverview(ctx);
    expect(overview.available && overview.queues[0].paused).toBe(true);
    const job = await enqueue(QUEUE, {});
    // A paused queue keeps its jobs waiting while the worker is up.
    await enqueue(QUEUE, { brandId: ctx.tenantId });
    expect(await producerQueue(QUEUE).getJobCounts("waiting")).toEqual({ waiting: 2 });
    expect(ran).toBe(0);
    expect(await jobs.resumeQueue(ctx, { queue: QUEUE })).toEqual({ queue: QUEUE, paused: false });
    await vi.waitFor(async () => expect(await stateOf(job.id!)).toBe("completed"), { timeout: 10_000, interval: 50 });
    const actions = await db.auditLog.findMany({ where: { chain: "platform", actorId: ctx.actor.id, entityType: "job_queue" }, orderBy: { seq: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["job_queue.pause", "job_queue.resume"]);
    expect(await db.auditLog.count({ where: { brandId: ctx.tenantId, entityType: "job_queue" } })).toBe(0);
  });

  it("run-now twice within a minute adds one job, for the caller's brand only", async () => {
    const ctx = await brandAdmin();
    // Both clicks in the same minute, whenever the test happens to run.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-21T10:15:05Z") });
    try {
      const first = await jobs.runNow(ctx, { queue: QUEUE });
      const second = await jobs.runNow(ctx, { queue: QUEUE });
      expect(first).toEqual({ queue: QUEUE, jobId: `audit-verify.manual.202611211015.${ctx.tenantId}`, duplicate: false });
      expect(second).toEqual({ ...first, duplicate: true });
      expect((await fetchJob(first.jobId)).data).toEqual({ brandId: ctx.tenantId });
    } finally {
      vi.useRealTimers();
    }
    expect(await producerQueue(QUEUE).getJobCounts("waiting")).toEqual({ waiting: 1 });
    expect(await db.auditLog.count({ where: { brandId: ctx.tenantId, action: "job_queue.run_now" } })).toBe(1);
    await expect(jobs.runNow(ctx, { queue: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps brand staff to their brand's work: no pausing shared queues, no acting on system jobs, no platform-wide runs", async () => {
    const ctx = await brandAdmin();
    const system = await producerQueue(QUEUE).add(QUEUE, {}, { jobId: `test.${randomUUID()}` });
    await expect(jobs.removeJob(ctx, { queue: QUEUE, id: system.id! })).rejects.toMatchObject({ code: "FORBIDDEN", reason: "jobs.errors.systemJob" });
    expect(await stateOf(system.id!)).toBe("waiting");
    // fund-lock-expiry has no brand in its payload: its work is every brand's.
    await expect(jobs.runNow(ctx, { queue: "fund-lock-expiry" })).rejects.toMatchObject({ code: "FORBIDDEN", reason: "jobs.errors.platformQueue" });
    const overview = await jobs.jobsOverview(ctx);
    const scoped = overview.available ? Object.fromEntries(overview.queues.map((q) => [q.name, q.brandScoped])) : {};
    expect(scoped).toMatchObject({ "audit-verify": true, "deposit-sync": true, "fund-lock-expiry": false, "bonus-expiry": false });
    // A platform admin may: the system job goes, on the platform chain.
    const admin = await platformAdmin();
    await jobs.removeJob(admin, { queue: QUEUE, id: system.id! });
    expect(await stateOf(system.id!)).toBeUndefined();
  });

  it("two workers sharing one schedule process each scheduled run exactly once", async () => {
    const def: QueueDefinition = { ...(QUEUES[QUEUE] as unknown as QueueDefinition), schedule: { everyMs: 150 } };
    // Two worker processes each install the schedule (twice, as a restart would) and run a Worker.
    for (let i = 0; i < 2; i++) {
      const connection = workerConnection();
      const queue = new Queue(QUEUE, { connection, prefix: jobsConfig().prefix });
      open.push({ close: () => queue.close().then(() => connection.disconnect()) });
      await installSchedule(queue, def);
      await installSchedule(queue, def);
    }
    const processed: { worker: number; id: string }[] = [];
    worker(async (job) => processed.push({ worker: 1, id: job.id! }));
    worker(async (job) => processed.push({ worker: 2, id: job.id! }));
    expect(await producerQueue(QUEUE).getJobSchedulersCount()).toBe(1);
    await vi.waitFor(() => expect(processed.length).toBeGreaterThanOrEqual(6), { timeout: 15_000, interval: 50 });
    await producerQueue(QUEUE).removeJobScheduler(QUEUE);
    for (const o of open.splice(0).reverse()) await o.close();

    const ids = processed.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const counts = await producerQueue(QUEUE).getJobCounts("completed", "failed", "active");
    expect(counts).toEqual({ completed: ids.length, failed: 0, active: 0 });
  });

  it("says the platform is unavailable, quickly, when Redis cannot be reached", async () => {
    const ctx = await brandAdmin();
    await configureJobs({ redisUrl: "redis://127.0.0.1:1" });
    const started = Date.now();
    const overview = await jobs.jobsOverview(ctx);
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(overview).toEqual({ available: false, message: expect.stringMatching(/Redis/) });
    await expect(jobs.runNow(ctx, { queue: QUEUE })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/Redis/) });
    // The failed action left no audit row behind.
    expect(await db.auditLog.count({ where: { brandId: ctx.tenantId, entityType: "job_queue" } })).toBe(0);
    expect(producerConnection().status).not.toBe("ready");
  });
});

describe("audit-verify job", () => {
  async function brandWithChain(entries = 3) {
    const brand = await createTestBrand();
    for (let i = 0; i < entries; i++) {
      await db.$transaction((tx) => recordAudit(tx, who, { brandId: brand.id, action: "test.write", entityType: "thing", entityId: String(i), after: { n: i } }));
    }
    return brand;
  }

  async function tamper(chain: string) {
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
      await tx.$executeRawUnsafe(`UPDATE audit_log SET after = '{"n": 999}' WHERE chain = $1 AND seq = 2`, chain);
      await tx.$executeRawUnsafe("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
    });
  }

  it("returns a summary for intact chains, as the job's result", async () => {
    const brand = await brandWithChain();
    const all = await processAuditVerify({}, db);
    expect(all.chains).toBeGreaterThanOrEqual(1);
    expect(all.broken).toEqual([]);
    expect(await processAuditVerify({ brandId: brand.id }, db)).toEqual({ chains: 1, rows: 3, broken: [] });

    worker(PROCESSORS[QUEUE]);
    const job = await enqueue(QUEUE, { brandId: brand.id });
    await vi.waitFor(async () => expect(await stateOf(job.id!)).toBe("completed"), { timeout: 10_000, interval: 50 });
    expect((await fetchJob(job.id!)).returnvalue).toEqual({ chains: 1, rows: 3, broken: [] });
  });

  it("fails, without retrying, when a chain is broken", async () => {
    const brand = await brandWithChain();
    await tamper(brand.id);
    await expect(processAuditVerify({ brandId: brand.id }, db)).rejects.toThrow(/1 of 1 chain\(s\) broken/);
    await expect(processAuditVerify({ brandId: "nope" }, db)).rejects.toThrow();

    worker(PROCESSORS[QUEUE]);
    const job = await enqueue(QUEUE, { brandId: brand.id });
    await vi.waitFor(async () => expect(await stateOf(job.id!)).toBe("failed"), { timeout: 10_000, interval: 50 });
    const failed = await fetchJob(job.id!);
    expect(failed.attemptsMade).toBe(1);
    expect(failed.failedReason).toMatch(/audit chain verification failed/);
  });
});
