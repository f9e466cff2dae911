/**
 * Permission-matrix and brand-isolation cases for the jobs procedures (see tests/procedure-cases.ts).
 * They run against the real Redis under a prefix of their own, where no worker consumes, so the
 * jobs they make stay put and never touch a running installation's queues.
 */
import { randomUUID } from "node:crypto";
import { Worker, type Job } from "bullmq";
import { afterAll, expect } from "vitest";
import { closeProducerConnection, configureJobs, jobsConfig, workerConnection } from "@/server/queues/connection";
import { producerQueue, type QueueName } from "@/server/queues/registry";
import { db } from "@/server/db/client";
import type { Fixture, ProcedureCase } from "../procedure-cases";

type Call = (path: string, input?: unknown) => Promise<unknown>;

const QUEUE: QueueName = "audit-verify";

void configureJobs({ prefix: `bdtest-cases-${randomUUID().slice(0, 8)}` });
// Registered while the importing test file is collected: when it is done, its queue goes from Redis.
afterAll(async () => {
  await producerQueue(QUEUE).obliterate({ force: true });
  await closeProducerConnection();
});

/** A waiting job with a test id; `brandId` makes it that brand's job. */
export async function addTestJob(queue: QueueName, data: Record<string, unknown> = {}): Promise<Job> {
  return producerQueue(queue).add(queue, data, { jobId: `test.${randomUUID()}`, attempts: 1 });
}

/**
 * A failed job, made without a processor: take jobs off the queue by hand and fail them until ours
 * comes up (any test job taken on the way fails too — harmless here).
 */
export async function failedTestJob(queue: QueueName, data: Record<string, unknown> = {}, reason = "test failure"): Promise<Job> {
  await producerQueue(queue).resume();
  const job = await addTestJob(queue, data);
  const connection = workerConnection();
  const worker = new Worker(queue, null, { connection, prefix: jobsConfig().prefix, autorun: false });
  try {
    const token = randomUUID();
    for (;;) {
      const next = await worker.getNextJob(token, { block: false });
      if (!next) throw new Error(`test job ${job.id} was not found on ${queue}`);
      await next.moveToFailed(new Error(reason), token);
      if (next.id === job.id) return job;
    }
  } finally {
    await worker.close();
    connection.disconnect();
  }
}

const jobState = async (id: string) => {
  const job = await producerQueue(QUEUE).getJob(id);
  return job ? { state: await job.getState(), attemptsMade: job.attemptsMade, data: job.data as unknown } : null;
};

const auditCount = (brandId: string) => db.auditLog.count({ where: { brandId, entityType: { in: ["job", "job_queue"] } } });

/** Aims a by-id action at brand B's job: NOT_FOUND, and the job unchanged. */
const refusesBrandBJob = (path: string, make: (brandId: string) => Promise<Job>) => async (f: Fixture, call: Call) => {
  const job = await make(f.brandB.id);
  const before = await jobState(job.id!);
  await expect(call(path, { queue: QUEUE, id: job.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  expect(await jobState(job.id!)).toEqual(before);
};

export const JOB_CASES: Record<string, ProcedureCase> = {
  "jobs.overview": {
    input: () => undefined,
    isolation: async (_f, call) => {
      const overview = (await call("jobs.overview")) as { available: boolean; queues?: { name: string }[] };
      expect(overview.available).toBe(true);
      expect(overview.queues?.map((q) => q.name)).toContain(QUEUE);
    },
  },
  "jobs.list": {
    input: () => ({ queue: QUEUE, state: "failed", page: 1, pageSize: 20 }),
    isolation: async (f, call) => {
      const own = await failedTestJob(QUEUE, { brandId: f.brandA.id });
      const system = await failedTestJob(QUEUE, {});
      const other = await failedTestJob(QUEUE, { brandId: f.brandB.id });
      const page = (await call("jobs.list", { queue: QUEUE, state: "failed", page: 1, pageSize: 100 })) as { rows: { id: string }[] };
      const ids = page.rows.map((r) => r.id);
      expect(ids).toContain(own.id);
      expect(ids).toContain(system.id);
      expect(ids).not.toContain(other.id);
    },
  },
  "jobs.retry": {
    // Brand A's job: a system job is the platform admins' (tested in jobs.int.test.ts).
    input: async (f) => ({ queue: QUEUE, id: (await failedTestJob(QUEUE, { brandId: f.brandA.id })).id }),
    isolation: refusesBrandBJob("jobs.retry", (brandId) => failedTestJob(QUEUE, { brandId })),
  },
  "jobs.remove": {
    input: async (f) => ({ queue: QUEUE, id: (await addTestJob(QUEUE, { brandId: f.brandA.id })).id }),
    isolation: refusesBrandBJob("jobs.remove", (brandId) => addTestJob(QUEUE, { brandId })),
  },
  // Queues are shared by every brand: pausing one is the platform's (refused to every brand role).
  "jobs.pause": { input: () => ({ queue: QUEUE }), isolation: "platform" },
  "jobs.resume": { input: () => ({ queue: QUEUE }), isolation: "platform" },
  "jobs.runNow": {
    input: () => ({ queue: QUEUE }),
    isolation: async (f, call) => {
      const [a, b] = [await auditCount(f.brandA.id), await auditCount(f.brandB.id)];
      const result = (await call("jobs.runNow", { queue: QUEUE })) as { jobId: string };
      // Brand A's run only, audited on A's chain; nothing written to brand B.
      expect((await jobState(result.jobId))?.data).toEqual({ brandId: f.brandA.id });
      expect(await auditCount(f.brandA.id)).toBe(a + 1);
      expect(await auditCount(f.brandB.id)).toBe(b);
    },
  },
};
