/**
 * Rate limits shared through Redis: two worker processes hammering the same endpoints with the same key
 * never earn a 50011 from the simulator (whose limiter is an exact sliding window), and together they
 * still get close to the documented rate.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENDPOINTS, type EndpointId } from "./endpoints";
import { marginMs, redisRateLimiter } from "./rate-limiter";
import type { HammerResult } from "./testing/workload";
import { startSim, testRedis, uniquePrefix, type SimHarness } from "./testing/sim-harness";

const ROOT = path.resolve(__dirname, "../../..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const HAMMER = path.join(__dirname, "testing", "hammer.ts");

let h: SimHarness;
let redis: Redis;

beforeAll(async () => {
  h = await startSim();
  redis = testRedis();
});

afterAll(async () => {
  redis.disconnect();
  await h.close();
});

function runWorker(env: Record<string, string>): Promise<HammerResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ["--conditions=react-server", HAMMER], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`hammer exited ${code}: ${err}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").pop() ?? "") as HammerResult[]);
      } catch (e) {
        reject(new Error(`hammer output unreadable: ${out} ${err} ${String(e)}`));
      }
    });
  });
}

describe("two processes sharing Redis buckets", () => {
  it("never exceed the simulator's limits and together reach ≥ 90 % of them", async () => {
    const endpoints: EndpointId[] = ["ifRebate", "subaccountInfo"]; // 5 per 2 s and 1 per s
    const durationMs = 5000;
    const env = {
      HAMMER_BASE_URL: h.url,
      HAMMER_ENDPOINTS: endpoints.join(","),
      // Both start on the same instant, after tsx has loaded in each.
      HAMMER_START_AT: String(Date.now() + 4000),
      HAMMER_DURATION_MS: String(durationMs),
      HAMMER_PREFIX: uniquePrefix(),
      HAMMER_CONCURRENCY: "3",
    };
    const workers = await Promise.all([runWorker(env), runWorker(env)]);

    const stats = await h.stats();
    expect(stats.rateLimited).toBe(0);
    for (const id of endpoints) {
      const { count, windowMs } = ENDPOINTS[id].limit;
      const perWorker = workers.map((w) => w.find((r) => r.endpoint === id) as HammerResult);
      for (const r of perWorker) expect(r.failed).toEqual({});
      const total = perWorker.reduce((n, r) => n + r.ok, 0);
      // Both workers got calls through: they really competed for one bucket.
      expect(perWorker.every((r) => r.ok > 0)).toBe(true);
      expect(stats.endpoints[`GET ${ENDPOINTS[id].path}`]).toEqual({ requests: total, rateLimited: 0 });
      expect(total).toBeGreaterThanOrEqual(0.9 * count * (durationMs / windowMs));
      // Never more than a burst plus one per rolling period.
      expect(total).toBeLessThanOrEqual(count * (Math.floor(durationMs / (windowMs + marginMs(windowMs))) + 1));
    }
  });

  it("hand out slots from one schedule across connections (Redis clock, atomic script)", async () => {
    const other = testRedis();
    try {
      const a = redisRateLimiter(redis);
      const b = redisRateLimiter(other);
      const bucket = { key: `${uniquePrefix()}:schedule`, count: 5, windowMs: 1000 };
      const started = Date.now();
      const slots = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).reserve(bucket, 60_000)));
      const elapsed = Date.now() - started;
      expect(slots.every((s) => s.ok)).toBe(true);
      // Waits are relative to each call's own moment, all within `elapsed` of each other.
      const waits = slots.map((s) => s.waitMs).sort((x, y) => x - y);
      // 30 slots at 5 per window: five at once, the sixth one window + margin later, then one every period/5.
      const period = 1000 + marginMs(1000);
      for (let i = 0; i + 5 < waits.length; i++) expect(waits[i + 5] - waits[i]).toBeGreaterThanOrEqual(period - elapsed);
      for (let i = 5; i + 1 < waits.length; i++) expect(Math.abs(waits[i + 1] - waits[i] - period / 5)).toBeLessThanOrEqual(elapsed + 1);
      expect(waits[29]).toBeGreaterThanOrEqual(period + 24 * (period / 5) - elapsed);
      expect(waits[29]).toBeLessThanOrEqual(period + 24 * (period / 5));
    } finally {
      other.disconnect();
    }
  });
});
