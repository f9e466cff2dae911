/** Leaves nothing behind in Redis: every key matching the patterns (e.g. a test file's job prefixes). */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { env } from "@/server/env";
import { workerConnection } from "@/server/queues/connection";

export async function deleteRedisKeys(patterns: string[]): Promise<void> {
  if (patterns.length === 0) return;
  const redis = workerConnection();
  try {
    for (const pattern of patterns) {
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 500);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== "0");
    }
  } finally {
    redis.disconnect();
  }
}

/** The patterns of a file's job-queue prefixes. */
export const underPrefixes = (prefixes: string[]) => prefixes.map((prefix) => `${prefix}:*`);

/** A real Redis connection whose keys all sit under a prefix of this test file's own (limiter buckets), and their removal. */
export function prefixedRedis(label: string) {
  const keyPrefix = `test:${label}:${randomUUID()}:`;
  const redis = new Redis(env.REDIS_URL, { keyPrefix, maxRetriesPerRequest: 1 });
  // KEYS/SCAN patterns ignore ioredis's keyPrefix, so deleteRedisKeys matches the full names.
  const clear = () => deleteRedisKeys([`${keyPrefix}*`]);
  return {
    redis,
    clear,
    close: async () => {
      await clear();
      redis.disconnect();
    },
  };
}
