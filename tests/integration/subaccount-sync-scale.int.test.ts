/**
 * The sub-account sync over many pages: 2,000 sub-accounts (20 pages of 100) and their 18,000 fee rates,
 * from a simulator with its documented limits on (1 request/s per key on both endpoints), through the
 * Redis-shared rate limiter. Proves the limits hold for a whole run: the simulator never answers 50011 and
 * the client sends exactly one request per page — no retries were needed. Takes about 42 s (two sequential
 * paced passes of 20 pages), hence its own file and timeout. The full 5,000 (50 pages a pass) is
 * `npm run bench:sync`'s: twenty pages already prove the pacing, and every page the test adds costs CI a second.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { ENDPOINTS } from "@/server/exchange/okx";
import { silentLogger } from "@/server/exchange/okx/logger";
import { simClient, startSim, type SimHarness } from "@/server/exchange/okx/testing/sim-harness";
import { syncSubaccounts } from "@/server/subaccounts/sync";
import { prefixedRedis } from "../helpers/redis";
import { createTestBrand } from "../helpers/db";

const SUBS = 2_000;
const PAGES = SUBS / 100;
const FEE_TYPES = 9;

let sim: SimHarness;
/** The real Redis, every key under a prefix of this run's own: its buckets are shared with nobody else. */
const limiter = prefixedRedis("sync-scale");
const redis = limiter.redis;

beforeAll(async () => {
  sim = await startSim({ subaccounts: SUBS, deposits: 0 });
  // Warm the connection and code paths on an unrelated public bucket: a cold first page can reach the
  // simulator later than the client's 40 ms margin after its slot on a busy CI core, and page 2 would then
  // arrive inside the simulator's window — a 50011 that says nothing about the client's pacing.
  await simClient(sim.url, null, { credentials: null }).tickers({ instType: "SPOT" });
});

afterAll(async () => {
  await sim?.close();
  await limiter.close();
});

describe("sub-account sync at scale", () => {
  it(`mirrors ${SUBS.toLocaleString("en")} sub-accounts and their fee rates within the exchange's rate limits`, { timeout: 180_000, retry: 1 }, async () => {
    // A retried attempt starts from clean counts.
    await sim.resetStats();
    const brand = await createTestBrand();
    const summary = await syncSubaccounts(brand.id, {
      db,
      clientOptions: { endpoints: { simulatorUrl: sim.url }, redis, logger: silentLogger },
    });

    expect(summary).toMatchObject({ brandId: brand.id, seen: SUBS, created: SUBS, updated: 0, removed: 0, pages: PAGES, feeRates: SUBS * FEE_TYPES });
    expect(await db.subaccount.count({ where: { brandId: brand.id } })).toBe(SUBS);
    expect(await db.subaccount.count({ where: { brandId: brand.id, removedAt: null } })).toBe(SUBS);
    expect(await db.subaccountFeeRate.count({ where: { brandId: brand.id } })).toBe(SUBS * FEE_TYPES);

    // One request per page on each endpoint, not one 50011: the client paced itself and never retried.
    const stats = await sim.stats();
    expect(stats.rateLimited).toBe(0);
    expect(await sim.statsOf("GET", ENDPOINTS.subaccountInfo.path)).toEqual({ requests: PAGES, rateLimited: 0 });
    expect(await sim.statsOf("GET", ENDPOINTS.subaccountTradeFee.path)).toEqual({ requests: PAGES, rateLimited: 0 });
    // 1 request/s allows no faster than (pages − 1) s per pass; the client's margin costs about 4 % on top.
    expect(summary.durationMs).toBeGreaterThanOrEqual(2 * (PAGES - 1) * 1000);
    const share = (2 * (PAGES - 1) * 1000) / summary.durationMs;
    console.log(`sync of ${SUBS} sub-accounts: ${(summary.durationMs / 1000).toFixed(1)} s, ${(share * 100).toFixed(1)} % of the 1 request/s ceiling`);
    expect(share).toBeGreaterThanOrEqual(0.9);
  });
});
