/**
 * The sub-account sync over many pages: 2,000 sub-accounts (20 pages of 100) and their 18,000 fee rates,
 * through the Redis-shared rate limiter, each page asked for exactly once (no retries) and every row stored.
 * The pacing itself (1 request/s per key, never a 50011) is proven by okx-rate-limit.int and the paced run
 * in subaccount-sync.int; here the simulator's limits are off and the client's are generous, so the run
 * takes seconds instead of the 40 a paced run of 20 pages per endpoint must. The full 5,000 is
 * `npm run bench:sync`'s.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { ENDPOINTS } from "@/server/exchange/okx";
import { silentLogger } from "@/server/exchange/okx/logger";
import { simAdmin, startSim, type SimHarness } from "@/server/exchange/okx/testing/sim-harness";
import { syncSubaccounts } from "@/server/subaccounts/sync";
import { prefixedRedis } from "../helpers/redis";
import { createTestBrand } from "../helpers/db";

const SUBS = 2_000;
const PAGES = SUBS / 100;
const FEE_TYPES = 9;
/** Generous client limits: the simulator's are off in this file. */
const FAST = { subaccountInfo: { count: 1000, windowMs: 1000 }, subaccountTradeFee: { count: 1000, windowMs: 1000 } };

let sim: SimHarness;
/** The real Redis, every key under a prefix of this run's own: its buckets are shared with nobody else. */
const limiter = prefixedRedis("sync-scale");
const redis = limiter.redis;

beforeAll(async () => {
  sim = await startSim({ subaccounts: SUBS, deposits: 0 });
  await simAdmin(sim.url, "POST", "rate-limits", { enabled: false, reset: true });
});

afterAll(async () => {
  await sim?.close();
  await limiter.close();
});

describe("sub-account sync at scale", () => {
  it(`mirrors ${SUBS.toLocaleString("en")} sub-accounts and their fee rates, one request per page`, { timeout: 60_000 }, async () => {
    await sim.resetStats();
    const brand = await createTestBrand();
    const summary = await syncSubaccounts(brand.id, {
      db,
      clientOptions: { endpoints: { simulatorUrl: sim.url }, redis, logger: silentLogger, limits: FAST },
    });

    expect(summary).toMatchObject({ brandId: brand.id, seen: SUBS, created: SUBS, updated: 0, removed: 0, pages: PAGES, feeRates: SUBS * FEE_TYPES });
    expect(await db.subaccount.count({ where: { brandId: brand.id } })).toBe(SUBS);
    expect(await db.subaccount.count({ where: { brandId: brand.id, removedAt: null } })).toBe(SUBS);
    expect(await db.subaccountFeeRate.count({ where: { brandId: brand.id } })).toBe(SUBS * FEE_TYPES);

    // One request per page on each endpoint: nothing was retried or asked twice.
    const stats = await sim.stats();
    expect(stats.rateLimited).toBe(0);
    expect(await sim.statsOf("GET", ENDPOINTS.subaccountInfo.path)).toEqual({ requests: PAGES, rateLimited: 0 });
    expect(await sim.statsOf("GET", ENDPOINTS.subaccountTradeFee.path)).toEqual({ requests: PAGES, rateLimited: 0 });
    console.log(`sync of ${SUBS} sub-accounts, unpaced: ${(summary.durationMs / 1000).toFixed(1)} s`);
  });
});
