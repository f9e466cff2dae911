/**
 * The Redis half of a partner request's checks, in one round trip: the signature's nonce (a replay inside
 * the timestamp window is refused), the per-key, per-group request count of this second (the rate limit),
 * and the key's usage counters (flushed to its row at most every 30 s by ./usage.ts).
 *
 * Redis down: the request is refused with 503 "try again" — replay protection is not skipped.
 */
import "server-only";
import { producerReady } from "../queues/connection";
import { AppError } from "../errors";
import { TIMESTAMP_WINDOW_MS } from "@/lib/partner-api/signing";

const PREFIX = "bd:partner";

export interface RequestCount {
  replayed: boolean;
  /** Requests of this key and group in the current second, this one included. */
  count: number;
  /** Milliseconds until the second's window ends. */
  resetMs: number;
  /** Whether this request should write the key's usage to its row. */
  flushUsage: boolean;
}

export async function countRequest(keyId: string, group: string, signature: string, nowMs = Date.now()): Promise<RequestCount> {
  let redis;
  try {
    redis = await producerReady(1_000);
  } catch (cause) {
    throw new AppError("UNAVAILABLE", "errors.databaseUnavailable", { cause });
  }
  const second = Math.floor(nowMs / 1000);
  const rateKey = `${PREFIX}:rate:${keyId}:${group}:${second}`;
  const results = await redis
    .multi()
    // Twice the window: a timestamp 30 s ahead stays refused until it falls out of the window.
    .set(`${PREFIX}:nonce:${keyId}:${signature}`, "1", "PX", TIMESTAMP_WINDOW_MS * 2, "NX")
    .incr(rateKey)
    .pexpire(rateKey, 2_000)
    .incr(`${PREFIX}:usage:${keyId}`)
    .set(`${PREFIX}:flush:${keyId}`, "1", "EX", 30, "NX")
    .exec()
    .catch((cause: unknown) => {
      throw new AppError("UNAVAILABLE", "errors.databaseUnavailable", { cause });
    });
  if (!results || results.some(([error]) => error)) throw new AppError("UNAVAILABLE", "errors.databaseUnavailable");
  return {
    replayed: results[0][1] !== "OK",
    count: Number(results[1][1]),
    resetMs: (second + 1) * 1000 - nowMs,
    flushUsage: results[4][1] === "OK",
  };
}

/** Requests counted since the last flush (and resets the count). */
export async function takeUsage(keyId: string): Promise<number> {
  const redis = await producerReady(1_000);
  const taken = await redis.getdel(`${PREFIX}:usage:${keyId}`);
  return Number(taken ?? 0);
}
