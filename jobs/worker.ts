/**
 * `npm run worker`: the background-job process. One BullMQ Worker per registered queue, and the
 * repeatable schedules installed idempotently (re-running it, or two of it, never duplicates them).
 * Survives Redis restarts (ioredis reconnects; connection errors are logged, never fatal) and stops
 * gracefully on SIGINT / SIGTERM: active jobs finish, then the process exits.
 *
 * WORKER_QUEUES (comma-separated queue names) runs only those queues, e.g. to give the exchange syncs a
 * process of their own; by default it runs every queue.
 */
import "../server/load-env";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { serveMetrics } from "@/server/metrics/serve";
import { jobsConfig } from "@/server/queues/connection";
import { isQueueName, QUEUE_NAMES, type QueueName } from "@/server/queues/registry";
import { startRuntime } from "./runtime";

/** How long active jobs get to finish after SIGINT / SIGTERM. */
const SHUTDOWN_GRACE_MS = 30_000;

const log = (line: string) => console.log(`[worker] ${new Date().toISOString()} ${line}`);

/** The queues this process runs: WORKER_QUEUES, or all of them. */
function chosenQueues(): QueueName[] {
  const listed = (process.env.WORKER_QUEUES ?? "").split(",").map((q) => q.trim()).filter(Boolean);
  if (!listed.length) return [...QUEUE_NAMES];
  const unknown = listed.filter((q) => !isQueueName(q));
  if (unknown.length) throw new Error(`WORKER_QUEUES names unknown queues: ${unknown.join(", ")} (known: ${QUEUE_NAMES.join(", ")})`);
  return listed as QueueName[];
}

async function main() {
  const queues = chosenQueues();
  // The prefix only: the Redis URL may carry a password.
  log(`starting (prefix ${jobsConfig().prefix}; ${queues.length === QUEUE_NAMES.length ? "every queue" : queues.join(", ")})`);
  const runtime = await startRuntime(log, queues, { runOnStart: true });
  // Its exchange calls and queue depths for Prometheus, behind the same token as the web app's /api/metrics.
  if (env.WORKER_METRICS_PORT && env.METRICS_TOKEN) {
    (await serveMetrics(env.WORKER_METRICS_PORT, env.METRICS_TOKEN)).unref();
    log(`metrics on port ${env.WORKER_METRICS_PORT} (GET /metrics)`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      log(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal}: finishing active jobs`);
    // Closing waits for Redis; while it is down that could be forever. Jobs are idempotent, so a job cut
    // short here is picked up again (stalled) by the next worker.
    setTimeout(() => {
      log(`still closing after ${SHUTDOWN_GRACE_MS / 1000} s: exiting`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    runtime
      .close()
      .then(() => db.$disconnect())
      .then(() => {
        log("stopped");
        process.exit(0);
      })
      .catch((error: unknown) => {
        log(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      });
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  log(`could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
