/** Leaves nothing behind in Redis: every key matching the patterns (e.g. a test file's job prefixes). */
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
