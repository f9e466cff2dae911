/**
 * Redis restarting under a running worker. The real runtime (jobs/runtime.ts `startRuntime`, as
 * `npm run worker` starts it, with the registry's subaccount-sync processor and its dependencies) runs
 * against a private `redis-server` this file starts on a free port; the test SIGKILLs it and starts it again
 * on the same port. Without persistence (everything lost) the same worker, never restarted, picks up and
 * completes the next job, and the web side (jobs page, enqueue) answers again by itself — even for a queue
 * it first touched in the very moment Redis died. With persistence (append-only file), a job running while
 * Redis was away still completes. The sync reaches the run-wide
 * simulator (OKX_SIM_URL, set by the integration setup), as the worker would.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import net, { type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Job } from "bullmq";
import { afterAll, afterEach, describe, expect, inject, it, vi } from "vitest";
import { closeProducerConnection, configureJobs } from "@/server/queues/connection";
import { enqueue, producerQueue } from "@/server/queues/registry";
import { startRuntime, type Runtime } from "@/jobs/runtime";
import type { TenantContext } from "@/server/actor";
import { db } from "@/server/db/client";
import { ENDPOINTS } from "@/server/exchange/okx";
import * as jobs from "@/server/jobs/service";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";

const QUEUE = "subaccount-sync" as const;
const HAS_REDIS_SERVER = spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
if (!HAS_REDIS_SERVER) console.warn("worker-redis-restart: skipped — no redis-server on PATH (CI has one)");

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** True once something on the port answers PING with +PONG. */
function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.on("error", () => done(false));
    socket.on("data", (data) => done(data.toString().startsWith("+PONG")));
    socket.on("connect", () => socket.write("PING\r\n"));
  });
}

/** A redis-server of the test's own, SIGKILLed and started again on the same port and data directory. */
class PrivateRedis {
  private child: ChildProcess | null = null;
  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly persistent: boolean,
  ) {}

  static async start(persistent: boolean): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort(), await mkdtemp(path.join(os.tmpdir(), "bd-redis-restart-")), persistent);
    await redis.up();
    return redis;
  }

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async up() {
    const persistence = this.persistent ? ["--appendonly", "yes", "--appendfsync", "always"] : ["--appendonly", "no"];
    const child = spawn("redis-server", ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--dir", this.dir, ...persistence], { stdio: "ignore" });
    this.child = child;
    await vi.waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
        expect(await pong(this.port)).toBe(true);
      },
      { timeout: 10_000, interval: 50 },
    );
  }

  /**
   * No shutdown, no save: the process is simply gone. Sends the signal at once and resolves when the
   * process has exited, so a caller can act in the same tick as the kill, before clients have noticed.
   */
  kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return Promise.resolve();
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGKILL");
    return exited;
  }

  async close() {
    await this.kill();
    await rm(this.dir, { recursive: true, force: true });
  }
}

let open: { close: () => Promise<unknown> }[] = [];

afterEach(async () => {
  const closing = open.reverse();
  open = [];
  for (const o of closing) await o.close();
});

afterAll(async () => {
  await closeProducerConnection();
});

/** The run-wide simulator's fault settings (this file runs alone, so nothing else is using it). */
const simFaults = async (faults: object) => {
  const res = await fetch(`${inject("integrationSimulatorUrl")}/sim/admin/faults`, { method: "POST", body: JSON.stringify(faults) });
  if (!res.ok) throw new Error(`sim faults: HTTP ${res.status}`);
};

/**
 * Redis, then the worker runtime on it under a fresh prefix, without the 15-minute schedule (a scheduled
 * all-brands run falling inside the test would sync every brand in the database).
 */
async function setUp(persistent: boolean) {
  const redis = await PrivateRedis.start(persistent);
  open.push({ close: () => redis.close() });
  await configureJobs({ redisUrl: redis.url, prefix: `bdtest-restart-${randomUUID().slice(0, 8)}` });
  const log: string[] = [];
  const runtime: Runtime = await startRuntime((line) => log.push(line), [QUEUE]);
  // Closed before Redis (afterEach closes in reverse order). Forced: after a restart, BullMQ's graceful close
  // of an idle worker queues its QUIT behind re-sent blocking reads and can take a minute; nothing runs now.
  open.push({
    close: async () => {
      await Promise.all(runtime.workers.map((w) => w.close(true)));
      await runtime.close();
    },
  });
  await producerQueue(QUEUE).removeJobScheduler(QUEUE);
  const brand = await createTestBrand();
  const { user } = await createTestStaff({ brandId: brand.id, role: "admin" });
  const ctx = (await staffContext(user)) as TenantContext;
  return { redis, runtime, log, brand, ctx };
}

const stateOf = async (id: string) => (await producerQueue(QUEUE).getJob(id))?.getState();
const waitForState = (id: string, state: string, timeout = 20_000) =>
  vi.waitFor(async () => expect(await stateOf(id)).toBe(state), { timeout, interval: 100 });
const rowCount = (brandId: string) => db.subaccount.count({ where: { brandId } });

describe.skipIf(!HAS_REDIS_SERVER)("worker across a Redis restart", () => {
  it("puts its schedules back when Redis comes back without its data", { timeout: 45_000 }, async () => {
    const { redis, log } = await setUp(false);
    const queue = producerQueue(QUEUE);
    await redis.kill();
    await redis.up();
    // Redis came back empty (setUp removed the schedule; a restart without persistence would have too).
    try {
      await vi.waitFor(async () => expect(await queue.getJobScheduler(QUEUE)).toMatchObject({ pattern: "*/15 * * * *" }), { timeout: 15_000, interval: 250 });
      // The next run is scheduled: a delayed job the worker will take when its time comes.
      expect((await queue.getJobScheduler(QUEUE))?.next).toBeGreaterThan(Date.now());
      expect(log).toContain(`queue ${QUEUE}: schedule re-installed (Redis reconnected)`);
    } finally {
      await queue.removeJobScheduler(QUEUE);
    }
  });

  it("reconnects by itself: the same worker completes the next job, and the jobs page answers again", { timeout: 45_000 }, async () => {
    const { redis, runtime, log, brand, ctx } = await setUp(false);
    const [worker] = runtime.workers;

    const first = await enqueue(QUEUE, { brandId: brand.id });
    await waitForState(first.id!, "completed");
    const seen = ((await producerQueue(QUEUE).getJob(first.id!)) as Job).returnvalue.seen as number;
    expect(seen).toBeGreaterThan(0);

    await redis.kill();
    // The web side says so, quickly, and refuses to enqueue rather than hanging.
    const started = Date.now();
    expect(await jobs.jobsOverview(ctx)).toMatchObject({ available: false });
    expect(Date.now() - started).toBeLessThan(3_000);
    await expect(enqueue(QUEUE, { brandId: brand.id })).rejects.toThrow();

    await redis.up();
    // Both sides reconnect on their own (ioredis retries, at most 5 s apart).
    await vi.waitFor(async () => expect(await jobs.jobsOverview(ctx)).toMatchObject({ available: true }), { timeout: 15_000, interval: 250 });
    // Redis came back empty, so the slot's job id is free again: this is a new job.
    const second = await enqueue(QUEUE, { brandId: brand.id });
    await waitForState(second.id!, "completed");
    expect(((await producerQueue(QUEUE).getJob(second.id!)) as Job).returnvalue).toMatchObject({ brandId: brand.id, seen, created: 0 });

    // The very worker started at the beginning did it, and it is still running.
    expect(runtime.workers).toEqual([worker]);
    expect(worker.isRunning()).toBe(true);
    expect(log.filter((l) => l.startsWith(`completed ${QUEUE}#`))).toHaveLength(2);
    expect(await rowCount(brand.id)).toBe(seen);
  });

  it("the jobs page recovers even when its first look at a queue falls just as Redis goes away", { timeout: 45_000 }, async () => {
    const { redis, ctx } = await setUp(false);
    // Only subaccount-sync's producer queue exists yet; the overview makes the others in the very tick Redis
    // dies, so their first command (BullMQ's start-up INFO) fails. Such a queue must not stay broken.
    const gone = redis.kill();
    expect(await jobs.jobsOverview(ctx)).toMatchObject({ available: false });
    await gone;
    await redis.up();
    await vi.waitFor(async () => expect(await jobs.jobsOverview(ctx)).toMatchObject({ available: true }), { timeout: 15_000, interval: 250 });
  });

  it("with a persistent Redis, a job running while Redis restarts still completes", { timeout: 45_000 }, async () => {
    const { redis, log, brand } = await setUp(true);
    // The exchange's answer to the list takes 3 s: long enough to restart Redis under the running job.
    await simFaults({ latencyMs: 3_000, paths: [ENDPOINTS.subaccountInfo.path] });
    try {
      const job = await enqueue(QUEUE, { brandId: brand.id });
      await waitForState(job.id!, "active", 10_000);
      await redis.kill();
      await redis.up();
      await waitForState(job.id!, "completed");
      const done = (await producerQueue(QUEUE).getJob(job.id!)) as Job;
      expect(done.attemptsMade).toBe(1);
      expect(done.returnvalue).toMatchObject({ brandId: brand.id, removed: 0 });
      expect(await rowCount(brand.id)).toBe(done.returnvalue.seen);
      expect(log.filter((l) => l.startsWith(`start ${QUEUE}#`))).toHaveLength(1);
    } finally {
      await simFaults({});
    }
  });
});
