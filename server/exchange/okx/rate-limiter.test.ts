import { describe, expect, it } from "vitest";
import { createOkxClient } from "./client";
import { bucketKey, marginMs, memoryRateLimiter, type RateLimiter } from "./rate-limiter";
import { sleep } from "./retry";
import { fakeFetch, ok } from "./testing/fake-fetch";
import { SEED_EXAMPLES } from "./testing/seed-examples";

describe("rolling-window bucket (in process, fake clock)", () => {
  it("lets `count` go at once, then hands out slots one window + margin after the oldest, spaced while queued", async () => {
    let now = 0;
    const limiter = memoryRateLimiter(() => now);
    const bucket = { key: "k", count: 5, windowMs: 2000 };
    for (let i = 0; i < 5; i++) expect(await limiter.reserve(bucket, 10_000)).toEqual({ ok: true, waitMs: 0 });
    expect(await limiter.reserve(bucket, 10_000)).toEqual({ ok: true, waitMs: 2000 + marginMs(2000) });
    now = 1000;
    // The 7th queues behind the 6th, period/count later (2 060 / 5 = 412 ms): at 2 472, 1 472 ms from now.
    expect(await limiter.reserve(bucket, 10_000)).toEqual({ ok: true, waitMs: 1472 });
    // Refused without reserving when the wait is longer than allowed.
    expect(await limiter.reserve(bucket, 500)).toEqual({ ok: false, waitMs: 1884 });
    expect(await limiter.reserve(bucket, 10_000)).toEqual({ ok: true, waitMs: 1884 });
  });

  it("bursts again once the queue has drained", async () => {
    let now = 0;
    const limiter = memoryRateLimiter(() => now);
    const bucket = { key: "k", count: 3, windowMs: 1000 };
    for (let i = 0; i < 3; i++) await limiter.reserve(bucket, 0);
    now = 5000;
    for (let i = 0; i < 3; i++) expect(await limiter.reserve(bucket, 0)).toEqual({ ok: true, waitMs: 0 });
  });

  it("never puts more than `count` sends in any window, whatever the demand", async () => {
    let now = 0;
    const limiter = memoryRateLimiter(() => now);
    const bucket = { key: "k", count: 5, windowMs: 2000 };
    const sends: number[] = [];
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    // Bursty callers for about 60 s of simulated time.
    for (let i = 0; i < 400; i++) {
      now += Math.floor(random() * 300);
      const slot = await limiter.reserve(bucket, 1e9);
      if (slot.ok) sends.push(now + slot.waitMs);
    }
    sends.sort((a, b) => a - b);
    for (let i = 0; i + 5 < sends.length; i++) expect(sends[i + 5] - sends[i]).toBeGreaterThan(2000);
    // And it does not leave much on the table while callers queue: ≥ 95 % of 5 per 2 s.
    const span = sends[sends.length - 1] - sends[0];
    expect((sends.length - 1) / (span / 2000) / 5).toBeGreaterThan(0.95);
  });

  it("keys buckets by endpoint and a hash of the API key, never the key itself", () => {
    const key = bucketKey("okx:rl", "getApiKeys", "63d54aa0-0020-4ad9-a9f0-ac92654bc831", "user");
    expect(key).toMatch(/^okx:rl:getApiKeys:k[0-9a-f]{16}$/);
    expect(key).not.toContain("63d54aa0");
    expect(bucketKey("okx:rl", "tickers", "63d54aa0", "ip")).toBe("okx:rl:tickers:ip");
  });
});

describe("the client waits for a token instead of earning a 50011", () => {
  it("holds the FD rebate POST to 1 per hour: a second request inside the hour fails without being sent", async () => {
    let now = Date.UTC(2025, 5, 1);
    const fetch = fakeFetch([ok(SEED_EXAMPLES.createRebateFile)]);
    const sleeps: number[] = [];
    const c = createOkxClient({
      baseUrl: "https://okx.test",
      credentials: { apiKey: "k", secretKey: "s", passphrase: "p" },
      mode: "live",
      fetch: fetch.impl,
      rateLimiter: memoryRateLimiter(() => now),
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
    });
    expect((await c.createRebateFile({ begin: "20210623", end: "20210626" })).result).toBe(true);
    now += 59 * 60_000;
    await expect(c.createRebateFile({ begin: "20210627", end: "20210630" })).rejects.toMatchObject({ kind: "rate_limited", code: "RATE_LIMIT_WAIT", httpStatus: null });
    expect(fetch.requests).toHaveLength(1);
    // Willing to wait: sleeps out the rest of the hour plus the margin, then sends.
    await c.createRebateFile({ begin: "20210627", end: "20210630" }, { maxRateWaitMs: 10 * 60_000 });
    expect(sleeps).toEqual([60_000 + marginMs(3_600_000)]);
    expect(fetch.requests).toHaveLength(2);
  });

  it("paces 2 per minute on the rebate GET", async () => {
    let now = 0;
    const fetch = fakeFetch([ok([])]);
    const sleeps: number[] = [];
    const c = createOkxClient({
      baseUrl: "https://okx.test",
      credentials: { apiKey: "k", secretKey: "s", passphrase: "p" },
      mode: "live",
      fetch: fetch.impl,
      rateLimiter: memoryRateLimiter(() => now),
      maxRateWaitMs: 120_000,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
    });
    for (let i = 0; i < 4; i++) await c.getRebateFile({ type: true });
    // Two at once, the third a minute (+ margin) after the first, the fourth with it.
    expect(sleeps).toEqual([60_000 + marginMs(60_000)]);
    expect(now).toBe(60_000 + marginMs(60_000));
    expect(fetch.requests).toHaveLength(4);
  });

  it("takes a fresh slot instead of sending late when it wakes well after its slot", async () => {
    const inner = memoryRateLimiter();
    let reservations = 0;
    const limiter: RateLimiter = {
      reserve: (b, m) => {
        reservations++;
        return inner.reserve(b, m);
      },
    };
    const fetch = fakeFetch([ok([])]);
    let stalls = 1;
    const c = createOkxClient({
      baseUrl: "https://okx.test",
      credentials: { apiKey: "k", secretKey: "s", passphrase: "p" },
      mode: "live",
      fetch: fetch.impl,
      rateLimiter: limiter,
      // 1 per 200 ms: a 240 ms period, and 10 ms of allowed lateness.
      limits: { depositHistory: { count: 1, windowMs: 200 } },
      // The first wait overruns by 50 ms, as if the event loop had stalled.
      sleep: (ms) => sleep(ms + (stalls-- > 0 ? 50 : 0)),
    });
    await c.depositHistory();
    await c.depositHistory();
    expect(reservations).toBe(3);
    expect(fetch.requests).toHaveLength(2);
  });
});
