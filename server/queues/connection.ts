/**
 * Redis connections for the job platform. Producers (the web app: enqueue, the jobs page) share one
 * connection that fails fast — a short connect timeout and no offline queue — so a page never hangs
 * while Redis is down; it keeps reconnecting in the background and recovers by itself. Workers get
 * their own connections with `maxRetriesPerRequest: null`, as BullMQ requires for blocking commands.
 */
import "server-only";
import { Redis } from "ioredis";
import { env } from "@/server/env";

export interface JobsConfig {
  redisUrl: string;
  /** BullMQ key prefix: every queue lives under `<prefix>:<queue>:*`. Tests use their own. */
  prefix: string;
}

let config: JobsConfig = { redisUrl: env.REDIS_URL, prefix: env.JOBS_PREFIX };
let producer: Redis | null = null;
const resetHooks = new Set<() => Promise<void>>();

export const jobsConfig = (): Readonly<JobsConfig> => config;

/**
 * Points the platform at another Redis or prefix (tests). Drops the shared connection and every
 * cached queue, so the next call connects afresh.
 */
export async function configureJobs(next: Partial<JobsConfig>): Promise<void> {
  config = { ...config, ...next };
  await closeProducerConnection();
}

/** Lets the registry forget its cached Queue objects when the connection they use is dropped. */
export const onProducerReset = (hook: () => Promise<void>) => void resetHooks.add(hook);

const CONNECT_TIMEOUT_MS = 1_000;

let lastErrorLogged = 0;
/** One line per minute at most while Redis is away, without the URL (it may carry a password). */
function logConnectionError(scope: string) {
  return (error: Error) => {
    const now = Date.now();
    if (now - lastErrorLogged < 60_000) return;
    lastErrorLogged = now;
    console.warn(`[jobs] ${scope} Redis connection: ${error.message}`);
  };
}

/** The shared producer connection: commands fail at once while it is down instead of queueing. */
export function producerConnection(): Redis {
  if (producer) return producer;
  producer = new Redis(config.redisUrl, {
    connectTimeout: CONNECT_TIMEOUT_MS,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    // Keep trying (never give up), but slowly: the page answers "unavailable" in the meantime.
    retryStrategy: (times) => Math.min(times * 500, 5_000),
  });
  producer.on("error", logConnectionError("producer"));
  return producer;
}

let readyWait: { redis: Redis; promise: Promise<void> } | null = null;

/** One listener for every caller waiting on the same connection (a burst of requests at start-up). */
function whenReady(redis: Redis): Promise<void> {
  if (readyWait?.redis === redis) return readyWait.promise;
  const promise = new Promise<void>((resolve) => redis.once("ready", () => resolve()));
  readyWait = { redis, promise };
  void promise.then(() => {
    if (readyWait?.promise === promise) readyWait = null;
  });
  return promise;
}

/** Resolves once the producer connection is ready; rejects after `timeoutMs` (Redis down or unreachable). */
export async function producerReady(timeoutMs = 1_500): Promise<Redis> {
  const redis = producerConnection();
  if (redis.status === "ready") return redis;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      whenReady(redis),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("Redis did not answer in time")), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
  return redis;
}

export async function closeProducerConnection(): Promise<void> {
  const current = producer;
  producer = null;
  for (const hook of resetHooks) await hook();
  current?.disconnect();
}

/** A connection for a Worker (or a queue owned by the worker process): waits out outages instead of failing. */
export function workerConnection(): Redis {
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(times * 500, 5_000) });
  redis.on("error", logConnectionError("worker"));
  return redis;
}
