/**
 * System health against the real PostgreSQL and Redis (queues under a BullMQ prefix of this file's own,
 * where no worker runs): the page's service (queue depth and oldest waiting job, freshness per brand and
 * kind, what brand staff may see), GET /api/health (200, and 503 with Redis at a closed port), and
 * GET /api/metrics (404 without a configured token, 401 without or with a wrong one, 200 with the metrics).
 */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffContext } from "@/server/actor";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { createOkxClient } from "@/server/exchange/okx";
import { breakerRedis, redisBreaker, resetBreaker } from "@/server/exchange/okx/breaker";
import { healthHandler, metricsHandler } from "@/server/health/http";
import { probePostgres, probeRedis } from "@/server/health/probes";
import { systemHealth } from "@/server/health/service";
import { serveMetrics } from "@/server/metrics/serve";
import { partnerHandler } from "@/server/partner/dispatch";
import { closeProducerConnection, configureJobs } from "@/server/queues/connection";
import { producerQueue } from "@/server/queues/registry";
import { appRouter } from "@/server/routers/_app";
import { createCallerFactory } from "@/server/trpc";
import { GET as healthRoute } from "@/app/api/health/route";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import type { BrandHealth, KindFreshness } from "@/lib/health/types";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";
import { deleteRedisKeys, underPrefixes } from "../helpers/redis";

const PREFIX = `bdtest-health-${randomUUID().slice(0, 8)}`;
const TOKEN = "metrics-token-for-tests-0123456789abcdef";
const MINUTE = 60_000;
const noParams = { params: Promise.resolve({}) };

beforeAll(() => configureJobs({ prefix: PREFIX, redisUrl: env.REDIS_URL }));
afterAll(async () => {
  await deleteRedisKeys(underPrefixes([PREFIX]));
  await closeProducerConnection();
  breakerRedis().disconnect();
});

async function subaccount(brandId: string) {
  return db.subaccount.create({
    data: {
      brandId, subAcct: `hl${randomUUID().replace(/-/g, "").slice(0, 12)}`, uid: String(Date.now()) + Math.floor(Math.random() * 1e6),
      accountLevel: 1, enabled: true, canTransferOut: true, exchangeCreatedAt: new Date(), lastSyncedAt: new Date(Date.now() - 5 * MINUTE),
    },
  });
}

/** A brand with two sub-accounts: positions read 2 and 20 minutes ago; orders failing on one. */
async function seededBrand() {
  const brand = await createTestBrand();
  const [a, b] = [await subaccount(brand.id), await subaccount(brand.id)];
  for (const s of [a, b]) await db.exchangeSyncState.create({ data: { brandId: brand.id, subaccountId: s.id, lastRunAt: new Date() } });
  const ago = (m: number) => new Date(Date.now() - m * MINUTE);
  await db.exchangeSyncKindState.createMany({
    data: [
      { brandId: brand.id, subaccountId: a.id, kind: "positions", lastSuccessAt: ago(2) },
      { brandId: brand.id, subaccountId: b.id, kind: "positions", lastSuccessAt: ago(20) },
      { brandId: brand.id, subaccountId: a.id, kind: "orders", lastSuccessAt: ago(3) },
      { brandId: brand.id, subaccountId: b.id, kind: "orders", lastFailureAt: ago(1), errorCode: "50011", errorMessage: "Too many requests" },
    ],
  });
  await db.depositSyncState.create({ data: { brandId: brand.id, lastCompletedAt: ago(4) } });
  return { brand, ago };
}

const kind = (b: BrandHealth | undefined, k: KindFreshness["kind"]) => b?.kinds.find((x) => x.kind === k);

describe("system health service", () => {
  it("shows a queue's depth and the age of its oldest waiting job", async () => {
    const queue = producerQueue("audit-verify");
    const oldest = Date.now() - 90_000;
    await queue.add("audit-verify", {}, { jobId: `test.${randomUUID()}`, timestamp: oldest });
    await queue.add("audit-verify", {}, { jobId: `test.${randomUUID()}`, timestamp: Date.now() - 10_000 });
    await queue.add("audit-verify", {}, { jobId: `test.${randomUUID()}` });
    const brand = await createTestBrand();
    const { user } = await createTestStaff({ brandId: brand.id, role: "admin" });
    const health = await systemHealth((await staffContext(user)) as StaffContext);
    const row = health.queues?.find((q) => q.name === "audit-verify");
    expect(row).toMatchObject({ waiting: 3, active: 0, delayed: 0, failed: 0 });
    expect(row?.oldestWaitingAt?.getTime()).toBe(oldest);
    expect(health.queues?.find((q) => q.name === "deposit-sync")).toMatchObject({ waiting: 0, oldestWaitingAt: null });
    expect(health.postgres.up).toBe(true);
    expect(health.redis.up).toBe(true);
    expect(health.postgres.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("reads freshness per brand and kind from the sync rows; brand staff see only their brand", async () => {
    const { brand: mine, ago } = await seededBrand();
    const { brand: other } = await seededBrand();

    const { user: staff } = await createTestStaff({ brandId: mine.id, role: "operations" });
    const brandView = await systemHealth((await staffContext(staff)) as StaffContext);
    expect(brandView.scope).toBe("brand");
    expect(brandView.brands.map((b) => b.brandId)).toEqual([mine.id]);
    const b = brandView.brands[0];
    expect(b?.destination).toBe("simulator");
    // The stalest sub-account's read is the kind's age; one of two failing on orders, with its error.
    expect(Math.abs(kind(b, "positions")!.lastSuccessAt!.getTime() - ago(20).getTime())).toBeLessThan(5_000);
    expect(kind(b, "positions")).toMatchObject({ failing: 0, items: 2, never: 0, error: null });
    expect(kind(b, "orders")).toMatchObject({ failing: 1, items: 2, never: 1, error: "50011 Too many requests" });
    expect(Math.abs(kind(b, "deposits")!.lastSuccessAt!.getTime() - ago(4).getTime())).toBeLessThan(5_000);
    expect(kind(b, "subaccounts")!.lastSuccessAt).not.toBeNull();
    expect(kind(b, "balances")).toMatchObject({ lastSuccessAt: null, items: 0 });
    expect(kind(b, "rebateFiles")).toMatchObject({ lastSuccessAt: null, failing: 0 });
    // The newest outcome against the exchange is the orders failure a minute ago.
    expect(b?.connectivity).toBe("failing");
    // No breaker has been used; the integration suite runs with OKX_BREAKERS=off.
    expect(b?.breakers).toEqual({ enabled: false, notClosed: [] });

    const { user: platform } = await createTestStaff({ brandId: null, role: "platform_admin" });
    const all = await systemHealth((await staffContext(platform, { tenantId: null })) as StaffContext);
    expect(all.scope).toBe("platform");
    expect(all.brands.map((x) => x.brandId)).toEqual(expect.arrayContaining([mine.id, other.id]));
  });

  it("gives the dependency's error text to platform admins only", async () => {
    const brand = await createTestBrand();
    const { user } = await createTestStaff({ brandId: brand.id, role: "admin" });
    const closed = new Redis("redis://127.0.0.1:1", { lazyConnect: true, connectTimeout: 300, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    try {
      const down = await probeRedis(500, closed);
      expect(down).toMatchObject({ up: false, latencyMs: null });
      expect(down.error).toBeTruthy();
    } finally {
      closed.disconnect();
    }
    const view = await systemHealth((await staffContext(user)) as StaffContext);
    expect(view.redis.error).toBeNull();
  });

  it("names the brand's breakers that are open", async () => {
    const brand = await createTestBrand();
    const { user } = await createTestStaff({ brandId: brand.id, role: "admin" });
    const key = { brandId: brand.id, family: "trade" };
    const breaker = redisBreaker(breakerRedis());
    for (let i = 0; i < 5; i++) await breaker.record(key, false);
    try {
      const view = await systemHealth((await staffContext(user)) as StaffContext);
      expect(view.brands[0]?.breakers?.notClosed).toEqual([{ family: "trade", state: "open" }]);
    } finally {
      await resetBreaker(breakerRedis(), key);
    }
  });
});

describe("GET /api/health", () => {
  it("answers 200 {status: ok} when PostgreSQL and Redis answer, and nothing more", async () => {
    const res = await healthRoute(new Request("http://localhost/api/health"), noParams);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 {status: unavailable} within its budget when Redis is unreachable", async () => {
    const closed = new Redis("redis://127.0.0.1:1", { lazyConnect: true, connectTimeout: 300, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    try {
      const handler = healthHandler({ postgres: () => probePostgres(db), redis: () => probeRedis(1_000, closed) });
      const started = Date.now();
      const res = await handler();
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "unavailable" });
    } finally {
      closed.disconnect();
    }
  });
});

describe("GET /api/metrics", () => {
  const scrape = metricsHandler(TOKEN);
  const get = (auth?: string) => scrape(new Request("http://localhost/api/metrics", { headers: auth ? { authorization: auth } : {} }));

  it("is absent (404) when no token is configured", async () => {
    expect(env.METRICS_TOKEN).toBeUndefined();
    expect((await metricsRoute(new Request("http://localhost/api/metrics", { headers: { authorization: `Bearer ${TOKEN}` } }), noParams)).status).toBe(404);
    expect((await metricsHandler(undefined)(new Request("http://localhost/api/metrics"))).status).toBe(404);
  });

  it("refuses a missing or wrong token with 401", async () => {
    for (const auth of [undefined, "Bearer wrong", `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN]) {
      const res = await get(auth);
      expect(res.status, String(auth)).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
      expect(await res.text()).not.toContain("brokerdesk_");
    }
  });

  it("answers the metrics with the right token: request latency, queue depths, exchange calls", async () => {
    // A tRPC call, a partner API request and an exchange call, each to be seen in the scrape.
    const brand = await createTestBrand();
    const { user } = await createTestStaff({ brandId: brand.id, role: "admin" });
    await createCallerFactory(appRouter)(await staffContext(user)).health.overview();
    expect((await partnerHandler(db)(new Request("http://localhost/api/v1/no-such-endpoint"))).status).toBe(404);
    const okx = createOkxClient({ baseUrl: env.OKX_SIM_URL, credentials: null, mode: "demo", maxRetries: 0 });
    await okx.request("tickers", { instType: "SPOT" });
    await producerQueue("fund-lock-expiry").add("fund-lock-expiry", {}, { jobId: `test.${randomUUID()}` });

    const res = await get(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toMatch(/^brokerdesk_request_duration_seconds_count\{api="trpc",route="health.overview",outcome="ok"\} [1-9]/m);
    expect(text).toMatch(/^brokerdesk_request_duration_seconds_count\{api="partner",route="unknown",outcome="404"\} [1-9]/m);
    expect(text).toMatch(/^brokerdesk_exchange_calls_total\{endpoint="tickers",code="0",outcome="ok"\} [1-9]/m);
    expect(text).toMatch(/^brokerdesk_queue_jobs\{queue="fund-lock-expiry",state="waiting"\} 1$/m);
    expect(text).toMatch(/^brokerdesk_queue_scrape_up 1$/m);
    expect(text).toContain("brokerdesk_process_cpu_seconds_total");
    // No label carries a brand or a user.
    expect(text).not.toContain(brand.id);
    expect(text).not.toContain(user.id);
  });

  it("is served by the worker on a port of its own, behind the same token", async () => {
    const server = await serveMetrics(0, TOKEN, "127.0.0.1");
    try {
      const address = server.address();
      const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      expect((await fetch(`${base}/other`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
      const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/^brokerdesk_queue_scrape_up 1$/m);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
