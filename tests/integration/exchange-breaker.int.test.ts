/**
 * The exchange circuit breakers (server/exchange/okx/breaker.ts) through the brand's real client against
 * the simulator: five 5xx in a row open the brand's breaker for that endpoint family, and then nothing is
 * sent — in this process or another; other families and other brands carry on; after the cool-down one
 * probe closes it again (or opens it again if it fails); refusals of the request itself never open it; a
 * breaker whose Redis does not answer lets calls through; a reset by hand closes it and is in its history.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/server/env";
import { db } from "@/server/db/client";
import { exchangeClientForBrand } from "@/server/exchange/brand-client";
import { ENDPOINTS, isOkxError } from "@/server/exchange/okx";
import { readBreakers, redisBreaker, resetBreaker, type Breaker } from "@/server/exchange/okx/breaker";
import { silentLogger } from "@/server/exchange/okx/logger";
import { simAdmin, startSim, type SimHarness } from "@/server/exchange/okx/testing/sim-harness";
import { deleteRedisKeys } from "../helpers/redis";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";
import type { BrandContext } from "@/server/actor";
import { breakerOverview, resetBrandBreaker } from "@/server/breakers/service";

const INFO = ENDPOINTS.subaccountInfo.path;
const prefix = `test:cb:${randomUUID().slice(0, 8)}`;
const COOLDOWN_MS = 1_000;
let sim: SimHarness;
let redis: Redis;
let breaker: Breaker;

beforeAll(async () => {
  sim = await startSim({ subaccounts: 3, deposits: 2 });
  // The clients' own limits are generous (FAST) and the simulator's are off: no call here waits its turn.
  await simAdmin(sim.url, "POST", "rate-limits", { enabled: false, reset: true });
  redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1 });
  breaker = redisBreaker(redis, { prefix, config: { cooldownMs: COOLDOWN_MS } });
});
afterEach(async () => {
  await sim.setFaults({});
});
afterAll(async () => {
  await deleteRedisKeys([`${prefix}*`]);
  redis.disconnect();
  await sim.close();
});

const FAST = { subaccountInfo: { count: 100, windowMs: 1000 }, getApiKeys: { count: 100, windowMs: 1000 }, depositHistory: { count: 100, windowMs: 1000 } };
const clientOf = (brandId: string, b: Breaker | null = breaker) =>
  exchangeClientForBrand(db, brandId, { endpoints: { simulatorUrl: sim.url }, redis: null, maxRetries: 0, timeoutMs: 2_000, logger: silentLogger, breaker: b, limits: FAST });
const codeOf = (p: Promise<unknown>) => p.then(() => "0", (e: unknown) => (isOkxError(e) ? e.code : String(e)));
const requests = async () => (await sim.statsOf("GET", INFO)).requests;
const stateOf = async (brandId: string, family: string) => (await readBreakers(redis, brandId, prefix)).breakers.find((b) => b.family === family)?.state;
const fail5xx = () => sim.setFaults({ status5xxRate: 1, paths: [INFO] });

describe("exchange circuit breakers", () => {
  // First in the file: the breakers' own connection is new here, and refuses commands until it is ready.
  it("the page reads the breakers on the process's first look, not 'unavailable'", async () => {
    const brand = await createTestBrand();
    const admin = (await staffContext((await createTestStaff({ brandId: brand.id, role: "admin" })).user, { tenantId: brand.id })) as BrandContext;
    expect(await breakerOverview(admin)).toMatchObject({ available: true, breakers: [] });
  });

  it("open after five 5xx in a row; then nothing is sent, here or from another process, until a probe succeeds", { timeout: 30_000 }, async () => {
    const brand = await createTestBrand();
    const other = await createTestBrand();
    const client = await clientOf(brand.id);
    expect(await codeOf(client.subaccountInfo({ limit: 1 }))).toBe("0");
    await fail5xx();
    for (let i = 0; i < 5; i++) expect(await codeOf(client.subaccountInfo({ limit: 1 }))).toMatch(/^(5\d\d|50001|50013|50026)$/);
    await expect.poll(() => stateOf(brand.id, "subaccount")).toBe("open");

    const sent = await requests();
    expect(await codeOf(client.subaccountInfo({ limit: 1 }))).toBe("CIRCUIT_OPEN");
    // Another process on the same Redis is refused too, and sends nothing.
    const child = await promisify(execFile)("npx", ["tsx", "--conditions=react-server", "tests/helpers/breaker-child.ts", sim.url, env.REDIS_URL, prefix, brand.id], { timeout: 20_000 });
    expect(child.stdout.trim()).toBe("CIRCUIT_OPEN");
    expect(await requests()).toBe(sent);
    // Another family of the brand, and the same family of another brand, carry on.
    expect(await codeOf(client.depositHistory({}))).toBe("0");
    await sim.setFaults({});
    expect(await codeOf((await clientOf(other.id)).subaccountInfo({ limit: 1 }))).toBe("0");

    // After the cool-down the next call is the one probe; it succeeds and closes the breaker.
    await new Promise((r) => setTimeout(r, COOLDOWN_MS + 100));
    expect(await codeOf(client.subaccountInfo({ limit: 1 }))).toBe("0");
    await expect.poll(() => stateOf(brand.id, "subaccount")).toBe("closed");
    const { history } = await readBreakers(redis, brand.id, prefix);
    expect(history.map((t) => `${t.family}:${t.from}→${t.to}`).reverse()).toEqual(["subaccount:closed→open", "subaccount:open→half_open", "subaccount:half_open→closed"]);
  });

  it("a failed probe opens it again; a reset by hand closes it, and says so in its history", { timeout: 30_000 }, async () => {
    const brand = await createTestBrand();
    const client = await clientOf(brand.id);
    await fail5xx();
    for (let i = 0; i < 5; i++) await codeOf(client.subaccountInfo({ limit: 1 }));
    await expect.poll(() => stateOf(brand.id, "subaccount")).toBe("open");
    await new Promise((r) => setTimeout(r, COOLDOWN_MS + 100));
    expect(await codeOf(client.subaccountInfo({ limit: 1 }))).not.toBe("CIRCUIT_OPEN"); // the probe is sent, and fails
    await expect.poll(() => stateOf(brand.id, "subaccount")).toBe("open");
    expect(await codeOf(client.subaccountInfo({ limit: 1 }))).toBe("CIRCUIT_OPEN");

    await resetBreaker(redis, { brandId: brand.id, family: "subaccount" }, { prefix });
    expect(await stateOf(brand.id, "subaccount")).toBe("closed");
    expect((await readBreakers(redis, brand.id, prefix)).history[0]).toMatchObject({ from: "open", to: "closed", why: "reset" });
  });

  it("opens on an error rate of half the calls in its window, without five failures in a row", async () => {
    const key = { brandId: randomUUID(), family: "deposit" };
    // Twenty calls, every other one failing: never two failures in a row, 50 % in all.
    for (let i = 0; i < 19; i++) {
      await breaker.record(key, i % 2 === 0);
      expect(await breaker.admit(key)).toEqual({ ok: true });
    }
    await breaker.record(key, false);
    expect(await breaker.admit(key)).toMatchObject({ ok: false, retryInMs: expect.any(Number) });
    expect((await readBreakers(redis, key.brandId, prefix)).history[0]).toMatchObject({ to: "open", why: "rate:10/20" });
  });

  it("a retry the breaker stops ends with the last attempt's answer, not CIRCUIT_OPEN, which means nothing was sent", async () => {
    const brand = await createTestBrand();
    const key = { brandId: brand.id, family: "subaccount" };
    for (let i = 0; i < 4; i++) await breaker.record(key, false);
    const retrying = await exchangeClientForBrand(db, brand.id, { endpoints: { simulatorUrl: sim.url }, redis: null, maxRetries: 2, timeoutMs: 2_000, logger: silentLogger, breaker, limits: FAST });
    await fail5xx();
    const sent = await requests();
    // The first attempt's 5xx is the fifth failure in a row: the breaker opens and stops the retry.
    expect(await codeOf(retrying.subaccountInfo({ limit: 1 }))).not.toBe("CIRCUIT_OPEN");
    expect(await requests()).toBe(sent + 1);
    // The next call is refused before anything is sent.
    expect(await codeOf(retrying.subaccountInfo({ limit: 1 }))).toBe("CIRCUIT_OPEN");
    expect(await requests()).toBe(sent + 1);
  });

  it("a rate limit neither opens it nor resets its run of failures", async () => {
    const brand = await createTestBrand();
    const key = { brandId: brand.id, family: "subaccount" };
    for (let i = 0; i < 4; i++) await breaker.record(key, false);
    // The simulator's limits on for a moment: a second call within its 1 s window is refused with 50011.
    await simAdmin(sim.url, "POST", "rate-limits", { enabled: true, reset: true });
    // The window is used up by a client without the breaker, so the breaker hears only the 50011.
    expect(await codeOf((await clientOf(brand.id, null)).subaccountInfo({ limit: 1 }))).toBe("0");
    expect(await codeOf((await clientOf(brand.id)).subaccountInfo({ limit: 1 }))).toBe("50011");
    await simAdmin(sim.url, "POST", "rate-limits", { enabled: false, reset: true });
    await new Promise((r) => setTimeout(r, 200)); // the record goes in the background
    expect((await readBreakers(redis, brand.id, prefix)).breakers).toEqual([expect.objectContaining({ state: "closed", consecutiveFailures: 4 })]);
  });

  it("refusals of the request itself never open it", async () => {
    const brand = await createTestBrand();
    const client = await clientOf(brand.id);
    // Refusals of the request: a sub-account that does not exist, asked for more times than open it.
    for (let i = 0; i < 7; i++) expect(await codeOf(client.getApiKeys({ subAcct: "nosuchsubaccount1" }))).not.toBe("CIRCUIT_OPEN");
    expect(await stateOf(brand.id, "apikey")).toBe("closed");
  });

  it("staff see their brand's breakers and close one by hand with a reason, audited", async () => {
    const brand = await createTestBrand();
    const admin = (await staffContext((await createTestStaff({ brandId: brand.id, role: "admin" })).user, { tenantId: brand.id })) as BrandContext;
    for (let i = 0; i < 5; i++) await breaker.record({ brandId: brand.id, family: "deposit" }, false);
    const seen = await breakerOverview(admin, { redis, prefix });
    expect(seen).toMatchObject({ available: true, breakers: [{ family: "deposit", state: "open", consecutiveFailures: 5 }] });

    await expect(resetBrandBreaker(admin, { family: "nosuchfamily", reason: "Recovered" }, { redis, prefix })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const after = await resetBrandBreaker(admin, { family: "deposit", reason: "Exchange recovered" }, { redis, prefix });
    expect(after.breakers).toEqual([expect.objectContaining({ family: "deposit", state: "closed" })]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { brandId: brand.id, action: "exchange.breaker_reset" } });
    expect(audit).toMatchObject({ entityType: "exchange_breaker", entityId: "deposit", before: { state: "open" }, after: { state: "closed", reason: "Exchange recovered" } });
  });

  it("lets calls through when its Redis does not answer", async () => {
    const brand = await createTestBrand();
    const away = new Redis("redis://127.0.0.1:1", { maxRetriesPerRequest: 0, enableOfflineQueue: false, lazyConnect: true });
    away.on("error", () => undefined);
    const outages: unknown[] = [];
    const client = await clientOf(brand.id, redisBreaker(away, { prefix, onOutage: (e) => outages.push(e) }));
    expect(await codeOf(client.subaccountInfo({ limit: 1 }))).toBe("0");
    expect(outages.length).toBeGreaterThan(0);
    away.disconnect();
  });
});
