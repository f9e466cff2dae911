/**
 * Failed sign-ins per source address, in Redis: past `LOGIN_SOURCE_MAX_FAILURES` in a window the address
 * is refused before any account is looked at, so one address can neither guess at speed nor lock many
 * accounts (each account still locks itself after LOGIN_MAX_FAILURES, wherever the attempts come from).
 * Fixed windows per address (INCR + EXPIRE): cheap, and a burst at a window's edge gets at most twice the
 * limit. Redis down: sign-in goes on without this limit (the per-account lockout still holds), logged.
 */
import "server-only";

import { env } from "../env";
import { jobsConfig, producerReady } from "../queues/connection";

export interface SourceLimit {
  /** Seconds until the address may try again, or null when it may now. */
  blockedFor(ip: string | null): Promise<number | null>;
  /** Counts one failed attempt from the address. */
  failed(ip: string | null): Promise<void>;
}

const keyOf = (ip: string) => `${jobsConfig().prefix}:login-source:${ip}`;

let lastWarned = 0;
function unavailable(error: unknown) {
  if (Date.now() - lastWarned < 60_000) return;
  lastWarned = Date.now();
  console.warn(`[auth] sign-in limit per address skipped, Redis unavailable: ${error instanceof Error ? error.message : String(error)}`);
}

export const redisSourceLimit: SourceLimit = {
  async blockedFor(ip) {
    if (!ip) return null;
    try {
      const redis = await producerReady(500);
      const [count, ttl] = await Promise.all([redis.get(keyOf(ip)), redis.ttl(keyOf(ip))]);
      return Number(count ?? 0) >= env.LOGIN_SOURCE_MAX_FAILURES ? Math.max(ttl, 1) : null;
    } catch (error) {
      unavailable(error);
      return null;
    }
  },
  async failed(ip) {
    if (!ip) return;
    try {
      const redis = await producerReady(500);
      await redis.multi().incr(keyOf(ip)).expire(keyOf(ip), env.LOGIN_SOURCE_WINDOW_MINUTES * 60, "NX").exec();
    } catch (error) {
      unavailable(error);
    }
  },
};
