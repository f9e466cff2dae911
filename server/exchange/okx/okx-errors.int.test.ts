/**
 * Each error class end to end against the simulator, and the retry rules under injected faults:
 * attempts are counted at the simulator, and a creating POST that times out is never sent twice.
 */
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ENDPOINTS } from "./endpoints";
import { OkxError } from "./errors";
import { sleep } from "./retry";
import { SIM_CREDENTIALS, simClient, startSim, testRedis, type SimHarness } from "./testing/sim-harness";

let h: SimHarness;
let redis: Redis;
let subAcct = "";

beforeAll(async () => {
  h = await startSim();
  redis = testRedis();
  subAcct = (await simClient(h.url, redis).subaccountInfo({ limit: 1 })).details[0].subAcct;
});

afterEach(async () => {
  await h.setFaults({});
  await h.resetStats();
  // Tests that overrun a limit on purpose must not leave the next one a full window.
  await h.resetLimits();
});

afterAll(async () => {
  redis.disconnect();
  await h.close();
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(OkxError);
      return e as OkxError;
    },
  );

describe("error classes", () => {
  it("auth: a wrong secret is 50113, a wrong passphrase 50105 — neither retried", async () => {
    const wrongSecret = simClient(h.url, redis, { credentials: { ...SIM_CREDENTIALS, secretKey: "not-the-secret" } });
    expect(await failure(wrongSecret.getApiKeys({ subAcct }))).toMatchObject({ code: "50113", kind: "auth", httpStatus: 401, endpoint: "getApiKeys" });
    const wrongPassphrase = simClient(h.url, redis, { credentials: { ...SIM_CREDENTIALS, passphrase: "Wrong-pass-1" } });
    const e = await failure(wrongPassphrase.subaccountInfo());
    expect(e).toMatchObject({ code: "50105", kind: "auth", httpStatus: 401 });
    expect(e.message).not.toContain("Wrong-pass-1");
    expect(e.message).not.toContain(SIM_CREDENTIALS.apiKey);
    expect((await h.statsOf("GET", ENDPOINTS.getApiKeys.path)).requests).toBe(1);
  });

  it("auth: a live-mode client on a demo key is 50101", async () => {
    expect(await failure(simClient(h.url, redis, { mode: "live" }).subaccountInfo())).toMatchObject({ code: "50101", kind: "auth" });
  });

  it("parameter: a bad sub-account name is refused by the client, and by the exchange (51000) when sent anyway", async () => {
    const okx = simClient(h.url, redis);
    const local = await failure(okx.createSubaccount({ subAcct: "bad name!" }));
    expect(local).toMatchObject({ code: "PARAMS", kind: "parameter", httpStatus: null, fields: ["subAcct"] });
    expect((await h.statsOf("POST", ENDPOINTS.createSubaccount.path)).requests).toBe(0);

    const remote = await failure(okx.request("createSubaccount", { subAcct: "bad name!" }, { skipValidation: true }));
    expect(remote).toMatchObject({ code: "51000", kind: "parameter", httpStatus: 400, msg: "Parameter subAcct error" });
    expect((await h.statsOf("POST", ENDPOINTS.createSubaccount.path)).requests).toBe(1);
  });

  it("parameter: a missing required parameter is 50014 at the exchange", async () => {
    const e = await failure(simClient(h.url, redis).request("getApiKeys", {}, { skipValidation: true }));
    expect(e).toMatchObject({ code: "50014", kind: "parameter" });
  });

  it("rate_limited: past the limit the exchange answers 50011; with retries the client backs off and gets through", async () => {
    // Buckets far above the documented 1/s, so the simulator is the one that says no.
    const limits = { getApiKeys: { count: 100, windowMs: 1000 } };
    const noRetry = simClient(h.url, redis, { limits, maxRetries: 0 });
    const results = await Promise.allSettled([noRetry.getApiKeys({ subAcct }), noRetry.getApiKeys({ subAcct })]);
    const rejected = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason as OkxError);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ code: "50011", kind: "rate_limited", httpStatus: 429 });

    await h.resetLimits();
    const retrying = simClient(h.url, redis, { limits, maxRetries: 8, backoff: { baseMs: 300, capMs: 1200 } });
    const both = await Promise.all([retrying.getApiKeys({ subAcct }), retrying.getApiKeys({ subAcct })]);
    expect(both).toHaveLength(2);
  });

  it("rate_limited: the client's own bucket refuses a call that would wait longer than allowed, without sending it", async () => {
    const okx = simClient(h.url, redis);
    await okx.getApiKeys({ subAcct });
    const e = await failure(okx.getApiKeys({ subAcct }, { maxRateWaitMs: 100 }));
    expect(e).toMatchObject({ code: "RATE_LIMIT_WAIT", kind: "rate_limited", httpStatus: null });
    expect((await h.statsOf("GET", ENDPOINTS.getApiKeys.path)).requests).toBe(1);
  });
});

describe("fault injection: retries, time-outs and creating POSTs", () => {
  it("transient: a 5xx is retried with backoff and then succeeds", async () => {
    await h.setFaults({ status5xxRate: 1, paths: [ENDPOINTS.ticker.path] });
    const sleeps: number[] = [];
    const okx = simClient(h.url, redis, {
      // The fault clears during the first backoff: attempt 1 fails, attempt 2 succeeds.
      sleep: async (ms) => {
        sleeps.push(ms);
        if (sleeps.length === 1) await h.setFaults({});
        await sleep(ms);
      },
    });
    expect((await okx.ticker({ instId: "BTC-USDT" })).instId).toBe("BTC-USDT");
    expect((await h.statsOf("GET", ENDPOINTS.ticker.path)).requests).toBe(2);
    expect(sleeps).toHaveLength(1);
  });

  it("transient: a lasting 5xx is tried 1 + maxRetries times with growing, jittered backoff, then fails", async () => {
    await h.setFaults({ errorRate: 1, paths: [ENDPOINTS.candles.path] });
    const backoffs: number[] = [];
    const okx = simClient(h.url, redis, { maxRetries: 3, backoff: { baseMs: 40, capMs: 1000 }, sleep: async (ms) => void backoffs.push(ms) });
    expect(await failure(okx.candles({ instId: "BTC-USDT" }))).toMatchObject({ code: "50026", kind: "transient", httpStatus: 500, outcomeUnknown: false });
    expect((await h.statsOf("GET", ENDPOINTS.candles.path)).requests).toBe(4);
    expect(backoffs).toHaveLength(3);
    backoffs.forEach((ms, i) => expect(ms).toBeLessThan(40 * 2 ** i));
  });

  it("time-out: an unanswered request fails as transient after timeoutMs (each attempt)", async () => {
    await h.setFaults({ timeoutRate: 1, paths: [ENDPOINTS.tickers.path] });
    const okx = simClient(h.url, redis, { timeoutMs: 300, maxRetries: 1 });
    const started = Date.now();
    expect(await failure(okx.tickers({ instType: "SPOT" }))).toMatchObject({ code: "TIMEOUT", kind: "transient", httpStatus: null });
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect((await h.statsOf("GET", ENDPOINTS.tickers.path)).requests).toBe(2);
  });

  it("a dropped connection is transient and retried", async () => {
    await h.setFaults({ dropRate: 1, paths: [ENDPOINTS.depositHistory.path] });
    const okx = simClient(h.url, redis, { maxRetries: 2 });
    expect(await failure(okx.depositHistory({ limit: 1 }))).toMatchObject({ code: "NETWORK", kind: "transient" });
    expect((await h.statsOf("GET", ENDPOINTS.depositHistory.path)).requests).toBe(3);
  });

  it("a creating POST that times out after the exchange did the work is sent once, and the key exists once", async () => {
    // phase "after": the simulator creates the key, then never answers.
    await h.setFaults({ timeoutRate: 1, phase: "after", paths: [ENDPOINTS.createApiKey.path] });
    const okx = simClient(h.url, redis, { timeoutMs: 300, maxRetries: 3 });
    const label = `once${Date.now().toString(36)}`;
    const e = await failure(okx.createApiKey({ subAcct, label, passphrase: "Once-pass-1" }));
    expect(e).toMatchObject({ code: "TIMEOUT", kind: "transient", outcomeUnknown: true });
    expect(e.msg).toMatch(/not retried/);
    expect((await h.statsOf("POST", ENDPOINTS.createApiKey.path)).requests).toBe(1);
    await h.setFaults({});
    const keys = await okx.getApiKeys({ subAcct });
    expect(keys.filter((k) => k.label === label)).toHaveLength(1);
  });

  it("a creating POST is not retried after a 5xx or a dropped connection either", async () => {
    const okx = simClient(h.url, redis, { maxRetries: 3 });
    for (const fault of [{ status5xxRate: 1 }, { dropRate: 1 }]) {
      await h.resetStats();
      await h.setFaults({ ...fault, paths: [ENDPOINTS.createDepositAddress.path] });
      expect(await failure(okx.createDepositAddress({ subAcct, ccy: "USDT" }))).toMatchObject({ kind: "transient", outcomeUnknown: true });
      expect((await h.statsOf("POST", ENDPOINTS.createDepositAddress.path)).requests).toBe(1);
    }
  });

  it("a non-creating POST is retried after a time-out", async () => {
    await h.setFaults({ timeoutRate: 1, paths: [ENDPOINTS.setSubaccountLevel.path] });
    const okx = simClient(h.url, redis, { timeoutMs: 200, maxRetries: 2 });
    expect(await failure(okx.setSubaccountLevel({ subAcct, acctLv: "1" }))).toMatchObject({ code: "TIMEOUT", outcomeUnknown: false });
    expect((await h.statsOf("POST", ENDPOINTS.setSubaccountLevel.path)).requests).toBe(3);
  });
});
