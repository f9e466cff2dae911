/**
 * Circuit breakers for exchange calls, one per brand and endpoint family (ENDPOINTS[*].family), shared by
 * every process through Redis: web instances and workers see one state, so when OKX fails for a brand all
 * of them stop sending together and one probe decides when to start again.
 *
 *   closed ──(5 failures in a row, or ≥ 50 % of ≥ 20 calls in 60 s)──▶ open
 *   open ──(30 s later, the next call becomes the probe)──▶ half_open
 *   half_open ──probe succeeds──▶ closed;  ──probe fails──▶ open (another 30 s)
 *
 * Only failures that say "the exchange is unwell" count (kind transient: 5xx, time-outs, dropped
 * connections, OKX's busy codes); a refusal of the request itself (parameters, permissions, balance) or a
 * rate limit does not. While open, a call fails at once with CIRCUIT_OPEN and nothing is sent.
 *
 * Why not opossum (STACK.md): its state lives in one process's memory; the state here must be shared, and
 * a transition must be atomic across processes, hence a small state machine in one Lua script. If Redis
 * does not answer, calls go ahead (the breaker fails open): a Redis outage must not stop trading.
 */
import "server-only";
import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import { env } from "@/server/env";

export type BreakerState = "closed" | "open" | "half_open";

export interface BreakerConfig {
  consecutiveFailures: number;
  errorRate: number;
  minCalls: number;
  windowMs: number;
  cooldownMs: number;
  /** How long a half-open probe may take before another call may probe instead. */
  probeLeaseMs: number;
}

export const DEFAULT_BREAKER: BreakerConfig = { consecutiveFailures: 5, errorRate: 0.5, minCalls: 20, windowMs: 60_000, cooldownMs: 30_000, probeLeaseMs: 15_000 };

export interface BreakerKey {
  brandId: string | null;
  family: string;
}

export type Admission = { ok: true } | { ok: false; retryInMs: number };

export interface Breaker {
  admit(key: BreakerKey): Promise<Admission>;
  record(key: BreakerKey, healthy: boolean): Promise<void>;
}

/**
 * KEYS[1] the breaker's hash, KEYS[2] the brand's transition history, KEYS[3] the brand's index of families.
 * ARGV: op (admit | record | reset), now ms, family, healthy (1/0), then the config.
 * Returns {allowed (1/0), retryInMs}.
 */
const LUA = `
local key, history, index = KEYS[1], KEYS[2], KEYS[3]
local op, now, family, healthy = ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4] == '1'
local maxFails, rate, minCalls, windowMs, cooldown, lease = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8]), tonumber(ARGV[9]), tonumber(ARGV[10])
local h = redis.call('HMGET', key, 'state', 'fails', 'calls', 'windowFails', 'windowStart', 'openedAt', 'probeUntil')
local state = h[1] or 'closed'
local fails, calls, windowFails = tonumber(h[2] or '0'), tonumber(h[3] or '0'), tonumber(h[4] or '0')
local windowStart, openedAt, probeUntil = tonumber(h[5] or '0'), tonumber(h[6] or '0'), tonumber(h[7] or '0')
redis.call('SADD', index, family)
redis.call('PEXPIRE', index, 604800000)
local function move(to, why)
  redis.call('LPUSH', history, cjson.encode({ family = family, from = state, to = to, at = now, why = why }))
  redis.call('LTRIM', history, 0, 199)
  redis.call('PEXPIRE', history, 604800000)
  state = to
end
if op == 'reset' then
  if state ~= 'closed' then move('closed', 'reset') end
  redis.call('HSET', key, 'state', 'closed', 'fails', 0, 'calls', 0, 'windowFails', 0, 'windowStart', now, 'openedAt', 0, 'probeUntil', 0)
  redis.call('PEXPIRE', key, 604800000)
  return {1, 0}
end
if op == 'admit' then
  if state == 'closed' then return {1, 0} end
  if state == 'open' then
    if now - openedAt < cooldown then return {0, cooldown - (now - openedAt)} end
    move('half_open', 'probing')
    redis.call('HSET', key, 'state', 'half_open', 'probeUntil', now + lease)
    return {1, 0}
  end
  if now >= probeUntil then
    redis.call('HSET', key, 'probeUntil', now + lease)
    return {1, 0}
  end
  return {0, probeUntil - now}
end
-- record
if now - windowStart > windowMs then calls, windowFails, windowStart = 0, 0, now end
calls = calls + 1
-- Only the probe's answer moves a half-open breaker; a late answer to a call sent before it opened moves nothing.
if healthy then
  fails = 0
  if state == 'half_open' then
    move('closed', 'probeOk')
    calls, windowFails, windowStart = 0, 0, now
  end
else
  fails = fails + 1
  windowFails = windowFails + 1
  if state == 'half_open' then
    move('open', 'probeFailed')
    openedAt = now
  elseif state == 'closed' and (fails >= maxFails or (calls >= minCalls and windowFails / calls >= rate)) then
    move('open', fails >= maxFails and ('consecutive:' .. fails) or ('rate:' .. windowFails .. '/' .. calls))
    openedAt = now
    calls, windowFails, windowStart = 0, 0, now
  end
end
redis.call('HSET', key, 'state', state, 'fails', fails, 'calls', calls, 'windowFails', windowFails, 'windowStart', windowStart, 'openedAt', openedAt)
redis.call('PEXPIRE', key, 604800000)
return {1, 0}
`;
const SHA = createHash("sha1").update(LUA).digest("hex");
/** A breaker store that does not answer within this long is skipped (fail open). */
const REDIS_TIMEOUT_MS = 250;

const brandPart = (brandId: string | null) => brandId ?? "platform";
export const breakerKeys = (prefix: string, key: BreakerKey) => [
  `${prefix}:${brandPart(key.brandId)}:${key.family}`,
  `${prefix}:history:${brandPart(key.brandId)}`,
  `${prefix}:index:${brandPart(key.brandId)}`,
];

async function run(redis: Redis, keys: string[], args: (string | number)[]): Promise<[number, number]> {
  const call = async () => {
    try {
      return await redis.evalsha(SHA, keys.length, ...keys, ...args);
    } catch (e) {
      if (!String(e).includes("NOSCRIPT")) throw e;
      return redis.eval(LUA, keys.length, ...keys, ...args);
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const outage = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("breaker store did not answer in time")), REDIS_TIMEOUT_MS);
  });
  try {
    const reply = (await Promise.race([call(), outage])) as unknown[];
    return [Number(reply[0]), Number(reply[1])];
  } finally {
    clearTimeout(timer);
  }
}

const configArgs = (c: BreakerConfig) => [c.consecutiveFailures, c.errorRate, c.minCalls, c.windowMs, c.cooldownMs, c.probeLeaseMs];

/** The shared breaker on `redis`; `onOutage` hears when Redis did not answer and the call went ahead. */
export function redisBreaker(redis: Redis, options: { prefix?: string; config?: Partial<BreakerConfig>; now?: () => number; onOutage?: (error: unknown) => void } = {}): Breaker {
  const prefix = options.prefix ?? "okx:cb";
  const config = { ...DEFAULT_BREAKER, ...options.config };
  const now = options.now ?? Date.now;
  const op = async (name: string, key: BreakerKey, healthy: boolean): Promise<Admission> => {
    try {
      const [allowed, retryInMs] = await run(redis, breakerKeys(prefix, key), [name, now(), key.family, healthy ? 1 : 0, ...configArgs(config)]);
      return allowed === 1 ? { ok: true } : { ok: false, retryInMs };
    } catch (e) {
      options.onOutage?.(e);
      return { ok: true };
    }
  };
  return {
    admit: (key) => op("admit", key, true),
    record: async (key, healthy) => void (await op("record", key, healthy)),
  };
}

let connection: Redis | null = null;
/** The breakers' own connection to REDIS_URL (no offline queue: with Redis away a check fails at once). */
export function breakerRedis(): Redis {
  if (!connection) {
    connection = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    connection.on("error", () => undefined);
  }
  return connection;
}

let connecting: { redis: Redis; ready: Promise<Redis>; settled: boolean } | null = null;
/**
 * The breakers' connection once it is ready, for readers (the status pages, a reset): with no offline
 * queue it refuses commands until then. One wait shared by every caller; fails after `timeoutMs`.
 */
export async function readyBreakerRedis(timeoutMs = 1_000): Promise<Redis> {
  const redis = breakerRedis();
  if (redis.status === "ready") return redis;
  // A wait that ended (the connection was ready once, and has dropped since) is not waited on again.
  if (connecting?.redis !== redis || connecting.settled) {
    const wait: { redis: Redis; ready: Promise<Redis>; settled: boolean } = { redis, settled: false, ready: Promise.resolve(redis) };
    wait.ready = new Promise<Redis>((resolve) =>
      redis.once("ready", () => {
        wait.settled = true;
        resolve(redis);
      }),
    );
    connecting = wait;
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("the breakers' Redis is not ready")), timeoutMs);
  });
  try {
    return await Promise.race([connecting.ready, late]);
  } finally {
    clearTimeout(timer);
  }
}

let shared: Breaker | null = null;
/**
 * The breaker every production client consults. OKX_BREAKERS=off switches it off (the integration suite,
 * whose fault tests inject 5xx on purpose; the breaker's own tests pass one explicitly).
 */
export function sharedBreaker(): Breaker | null {
  if (env.OKX_BREAKERS === "off") return null;
  shared ??= redisBreaker(breakerRedis());
  return shared;
}

/** Closes a breaker by hand (staff, with a reason — audited by the caller); recorded in its history. */
export async function resetBreaker(redis: Redis, key: BreakerKey, options: { prefix?: string; now?: () => number } = {}): Promise<void> {
  await run(redis, breakerKeys(options.prefix ?? "okx:cb", key), ["reset", (options.now ?? Date.now)(), key.family, 1, ...configArgs(DEFAULT_BREAKER)]);
}

export interface BreakerStatus {
  family: string;
  state: BreakerState;
  consecutiveFailures: number;
  windowCalls: number;
  windowFailures: number;
  openedAt: Date | null;
}

export interface BreakerTransition {
  family: string;
  from: BreakerState;
  to: BreakerState;
  at: Date;
  /** reset | probing | probeOk | probeFailed | consecutive:<failures> | rate:<failed>/<calls> */
  why: string;
}

/** Every breaker a brand has used, and its last 200 transitions (newest first). Reads only. */
export async function readBreakers(redis: Redis, brandId: string | null, prefix = "okx:cb"): Promise<{ breakers: BreakerStatus[]; history: BreakerTransition[] }> {
  const [, historyKey, indexKey] = breakerKeys(prefix, { brandId, family: "" });
  const families = (await redis.smembers(indexKey)).sort();
  const breakers = await Promise.all(
    families.map(async (family) => {
      const h = await redis.hgetall(breakerKeys(prefix, { brandId, family })[0]!);
      const openedAt = Number(h.openedAt ?? 0);
      return {
        family,
        state: (h.state ?? "closed") as BreakerState,
        consecutiveFailures: Number(h.fails ?? 0),
        windowCalls: Number(h.calls ?? 0),
        windowFailures: Number(h.windowFails ?? 0),
        openedAt: h.state && h.state !== "closed" && openedAt > 0 ? new Date(openedAt) : null,
      };
    }),
  );
  const history = (await redis.lrange(historyKey, 0, 199)).map((line) => {
    const t = JSON.parse(line) as { family: string; from: BreakerState; to: BreakerState; at: number; why: string };
    return { ...t, at: new Date(t.at) };
  });
  return { breakers, history };
}
