/**
 * Client-side rate limits, shared by every process through Redis, so that N workers together never send
 * more than OKX's documented "count per window" for an endpoint and credential.
 *
 * The bucket holds `count` tokens and each token comes back `windowMs + margin` after it was taken (a
 * rolling window: the bucket remembers when its last `count` tokens were taken). Why not the classic bucket
 * that refills continuously at count/windowMs? Because that one lets `count` go at once and then one more
 * every windowMs/count, so some windowMs-long span sees count + count-1 requests: fine for a server that
 * is itself a token bucket, over the limit for one that counts a sliding or fixed window. A rolling
 * window is accepted by all three (any span of windowMs sees at most `count`), still allows a burst of
 * `count`, and sustains count / (windowMs + margin) — 96-97 % of the limit for 1-2 s windows.
 *
 * The margin absorbs jitter between taking a token and the request being counted by OKX (event-loop lag,
 * GC, network, the server's own queue): two requests `count` apart can arrive up to `margin` closer than
 * they were reserved.
 *
 * Taking a token RESERVES the next free slot: the caller learns how long to sleep, nobody polls, and
 * waiting callers are served in order. A wait longer than `maxWaitMs` reserves nothing. An idle bucket
 * lets a burst through at once; once callers queue, their slots are spread one every period/count instead
 * of bunching where the tokens come back — bunched requests queue at the server, and that queueing is
 * jitter the margin would have to cover. And a caller that wakes more than a quarter of the margin after
 * its slot (a stalled event loop) takes a new slot instead of sending late (client.ts).
 */
import "server-only";
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

export interface BucketSpec {
  /** Redis key / map key; see bucketKey. */
  key: string;
  count: number;
  windowMs: number;
}

export type Reservation = { ok: true; waitMs: number } | { ok: false; waitMs: number };

export interface RateLimiter {
  /** Reserve a slot: ok → sleep waitMs, then send; not ok → the slot is waitMs away, more than maxWaitMs. */
  reserve(bucket: BucketSpec, maxWaitMs: number): Promise<Reservation>;
}

/** Jitter allowance added to every window: at least 40 ms, or 3 % of long windows. */
export const marginMs = (windowMs: number) => Math.max(40, Math.ceil(windowMs * 0.03));
const periodMs = (b: BucketSpec) => b.windowMs + marginMs(b.windowMs);
/** How late after its slot a caller may still send; later than this it takes a new slot (client.ts). */
export const lateToleranceMs = (windowMs: number) => marginMs(windowMs) / 4;

/**
 * `<prefix>:<endpointId>:<subject>`: the subject is a hash of the API key (OKX limits per user; never a
 * secret in a key) or "ip" for public market data, which OKX limits per address.
 */
export function bucketKey(prefix: string, endpointId: string, apiKey: string | null, per: "user" | "ip"): string {
  const subject = per === "ip" || !apiKey ? "ip" : `k${createHash("sha256").update(apiKey).digest("hex").slice(0, 16)}`;
  return `${prefix}:${endpointId}:${subject}`;
}

/**
 * KEYS[1] a list of the last `count` send times (ms, ascending). ARGV: count, period (window + margin),
 * maxWait. Redis's own clock, so every process agrees on "now". Returns {reserved 0|1, waitMs}.
 */
const RESERVE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local count = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
local maxWait = tonumber(ARGV[3])
local n = redis.call('LLEN', KEYS[1])
local at = now
if n >= count then
  local oldest = tonumber(redis.call('LINDEX', KEYS[1], -count))
  if oldest + period > at then at = oldest + period end
end
if n > 0 then
  local last = tonumber(redis.call('LINDEX', KEYS[1], -1))
  if (at > now or last > now) and last + period / count > at then at = last + period / count end
end
at = math.ceil(at)
local wait = at - now
if wait > maxWait then return {0, wait} end
redis.call('RPUSH', KEYS[1], at)
redis.call('LTRIM', KEYS[1], -count, -1)
redis.call('PEXPIRE', KEYS[1], wait + period)
return {1, wait}
`;
const REDIS_TIMEOUT_MS = 2000;
const RESERVE_SHA = createHash("sha1").update(RESERVE_LUA).digest("hex");

/** Same algorithm in one process (no Redis, unit tests with a fake clock). */
export function memoryRateLimiter(clock: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, number[]>();
  return {
    async reserve(bucket, maxWaitMs) {
      const now = clock();
      const times = buckets.get(bucket.key) ?? [];
      const period = periodMs(bucket);
      let at = now;
      if (times.length >= bucket.count) at = Math.max(at, times[times.length - bucket.count] + period);
      const last = times[times.length - 1];
      if (last !== undefined && (at > now || last > now)) at = Math.max(at, last + period / bucket.count);
      at = Math.ceil(at);
      const waitMs = at - now;
      if (waitMs > maxWaitMs) return { ok: false, waitMs };
      times.push(at);
      buckets.set(bucket.key, times.slice(-bucket.count));
      return { ok: true, waitMs };
    },
  };
}

/**
 * This process's buckets, shared by every client object in it (services create a client per call), for
 * clients without Redis and as the fallback when Redis fails.
 */
export const processRateLimiter: RateLimiter = memoryRateLimiter();

/**
 * The shared limiter. If Redis fails mid-call the request falls back to this process's own buckets:
 * the exchange stays reachable, and a rare overshoot across processes comes back as 50011, which is retried.
 */
export function redisRateLimiter(redis: Redis, onFallback?: (error: unknown) => void, local: RateLimiter = processRateLimiter): RateLimiter {
  const run = async (bucket: BucketSpec, maxWaitMs: number): Promise<unknown> => {
    const args = [1, bucket.key, bucket.count, periodMs(bucket), Math.max(0, Math.floor(maxWaitMs))] as const;
    try {
      return await redis.evalsha(RESERVE_SHA, ...args);
    } catch (e) {
      if (!String(e).includes("NOSCRIPT")) throw e;
      return redis.eval(RESERVE_LUA, ...args);
    }
  };
  return {
    async reserve(bucket, maxWaitMs) {
      let timer: NodeJS.Timeout | undefined;
      // ioredis queues commands while reconnecting; don't let a Redis outage stall exchange calls.
      const outage = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("rate-limit store did not answer in time")), REDIS_TIMEOUT_MS);
      });
      try {
        const reply = await Promise.race([run(bucket, maxWaitMs), outage]);
        const [reserved, waitMs] = Array.isArray(reply) ? reply.map(Number) : [NaN, NaN];
        if (!Number.isFinite(waitMs)) throw new Error("unexpected rate-limit script reply");
        return { ok: reserved === 1, waitMs } as Reservation;
      } catch (e) {
        onFallback?.(e);
        return local.reserve(bucket, maxWaitMs);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
