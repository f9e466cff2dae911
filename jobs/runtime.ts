/**
 * Starting workers and installing schedules, shared by the worker process (jobs/worker.ts) and tests.
 */
import { Queue, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { jobsConfig, workerConnection } from "@/server/queues/connection";
import { PROCESSORS, type Processor } from "./processors";
import { jobOptions, QUEUE_NAMES, QUEUES, type QueueDefinition, type QueueName } from "@/server/queues/registry";

export type Log = (line: string) => void;

/** The same error line at most once a minute: a Redis outage would otherwise log on every reconnect attempt. */
function throttled(log: Log): Log {
  const last = new Map<string, number>();
  return (line) => {
    const now = Date.now();
    if (now - (last.get(line) ?? 0) < 60_000) return;
    last.set(line, now);
    log(line);
  };
}

/**
 * Installs (or updates) a queue's repeatable schedule with upsertJobScheduler, keyed by the queue name:
 * running it again, or from a second worker, replaces the one scheduler rather than adding another.
 * A queue whose schedule was removed from the registry loses its scheduler.
 */
export async function installSchedule(queue: Queue, def: QueueDefinition): Promise<void> {
  if (!def.schedule) {
    await queue.removeJobScheduler(def.name);
    return;
  }
  const repeat = "pattern" in def.schedule ? { pattern: def.schedule.pattern, tz: def.schedule.tz } : { every: def.schedule.everyMs };
  await queue.upsertJobScheduler(def.name, repeat, { name: def.name, data: def.payload.parse(def.defaultPayload), opts: jobOptions(def) });
}

const describeJob = (job: Job) => `${job.queueName}#${job.id} (attempt ${job.attemptsMade + 1}/${job.opts.attempts ?? 1})`;

/** A Worker for one queue, logging start / complete / fail. Logs name jobs, never their payloads. */
export function startWorker(
  name: string,
  processor: Processor,
  options: { connection: Redis; prefix: string; concurrency?: number; log: Log },
): Worker {
  const { log } = options;
  const logError = throttled(log);
  const worker = new Worker(
    name,
    async (job) => {
      log(`start ${describeJob(job)}`);
      return processor(job);
    },
    { connection: options.connection, prefix: options.prefix, concurrency: options.concurrency ?? 1 },
  );
  worker.on("completed", (job) => log(`completed ${job.queueName}#${job.id} in ${(job.finishedOn ?? Date.now()) - (job.processedOn ?? Date.now())} ms`));
  worker.on("failed", (job, error) => log(`failed ${job ? `${job.queueName}#${job.id} after ${job.attemptsMade} attempt(s)` : name}: ${error.message}`));
  // Connection trouble is reported here and retried by ioredis; the process keeps running.
  worker.on("error", (error) => logError(`worker ${name} error: ${error.message}`));
  return worker;
}

export interface Runtime {
  workers: Worker[];
  close: () => Promise<void>;
}

/** Every registered queue's worker and schedule, on fresh worker connections. */
export interface RuntimeOptions {
  /** Add one run of each queue marked `runOnStart` (the worker process; tests leave it off). */
  runOnStart?: boolean;
  /** How often the schedules are checked and put back if missing (default a minute). */
  scheduleCheckMs?: number;
}

export async function startRuntime(log: Log, names: readonly QueueName[] = QUEUE_NAMES, options: RuntimeOptions = {}): Promise<Runtime> {
  const { prefix } = jobsConfig();
  const connection = workerConnection();
  const workers: Worker[] = [];
  const queues: Queue[] = [];
  const logError = throttled(log);
  for (const name of names) {
    const def = QUEUES[name] as unknown as QueueDefinition;
    workers.push(startWorker(name, PROCESSORS[name], { connection, prefix, concurrency: def.concurrency, log }));
    const queue = new Queue(name, { connection, prefix });
    queue.on("error", (error) => logError(`queue ${name} error: ${error.message}`));
    queues.push(queue);
    await installSchedule(queue, def);
    if (options.runOnStart && def.runOnStart) {
      const payload = def.payload.parse(def.defaultPayload);
      await queue.add(name, payload, { ...jobOptions(def), jobId: def.jobId(payload, new Date()) });
    }
    log(`queue ${name}: worker started${def.schedule ? `, schedule ${"pattern" in def.schedule ? def.schedule.pattern : `every ${def.schedule.everyMs} ms`}` : ""}`);
  }
  // Schedules live in Redis: a Redis that restarts without its data (or is flushed) loses them, and the
  // workers would reconnect to queues no schedule ever feeds again. Put them back on every reconnect, and
  // check every minute in case a reconnect went unnoticed. upsertJobScheduler is idempotent.
  const reinstall = async (why: string) => {
    for (const [i, name] of names.entries()) {
      try {
        const def = QUEUES[name] as unknown as QueueDefinition;
        if (def.schedule && !(await queues[i]!.getJobScheduler(name))) {
          await installSchedule(queues[i]!, def);
          log(`queue ${name}: schedule re-installed (${why})`);
        }
      } catch (error) {
        logError(`queue ${name}: schedule check failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  // Attached after the first install: the connection is ready by now, so each "ready" is a reconnect.
  const onReady = () => void reinstall("Redis reconnected");
  connection.on("ready", onReady);
  const check = setInterval(() => void reinstall("periodic check"), options.scheduleCheckMs ?? 60_000);
  check.unref();
  return {
    workers,
    async close() {
      clearInterval(check);
      connection.off("ready", onReady);
      // Let active jobs finish, then drop the connections.
      await Promise.allSettled(workers.map((w) => w.close()));
      await Promise.allSettled(queues.map((q) => q.close()));
      connection.disconnect();
    },
  };
}
