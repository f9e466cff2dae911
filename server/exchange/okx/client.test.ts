import { afterEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import { createOkxClient, type OkxClientOptions } from "./client";
import { ENDPOINTS } from "./endpoints";
import { OkxError } from "./errors";
import { buildRequest } from "./http";
import { jsonLogger, type OkxCallLog } from "./logger";
import { memoryRateLimiter } from "./rate-limiter";
import { verifyOkxSignature } from "./sign";
import { fakeFetch, ok, okxError, type Scripted } from "./testing/fake-fetch";
import { SEED_EXAMPLES } from "./testing/seed-examples";

const CREDS = { apiKey: "key-3f9a0c1e", secretKey: "SECRET0KEY0ABCDEF0123456789", passphrase: "Pass-phrase-9!" };
const T0 = new Date("2025-06-01T12:00:00.000Z");

function client(script: Scripted[], extra: Partial<OkxClientOptions> = {}) {
  const fetch = fakeFetch(script);
  const sleeps: number[] = [];
  let tick = 0;
  const c = createOkxClient({
    baseUrl: "https://okx.test/",
    credentials: CREDS,
    mode: "demo",
    fetch: fetch.impl,
    rateLimiter: memoryRateLimiter(() => 0),
    limits: Object.fromEntries(Object.keys(ENDPOINTS).map((id) => [id, { count: 1000, windowMs: 1000 }])),
    // Each signing sees a later clock, so retries can be told apart.
    now: () => new Date(T0.getTime() + 1000 * tick++),
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    ...extra,
  });
  return { c, requests: fetch.requests, sleeps };
}

describe("requests", () => {
  it("signs private calls over the exact path and body, with the four OK-ACCESS headers", async () => {
    const { c, requests } = client([ok(SEED_EXAMPLES.subaccountInfo)]);
    await c.subaccountInfo({ subAcct: "brokerTest1", page: 2, limit: 50 });
    const [r] = requests;
    expect(r.url).toBe("https://okx.test/api/v5/broker/dma/subaccount-info?subAcct=brokerTest1&page=2&limit=50");
    expect(r.method).toBe("GET");
    expect(r.body).toBeUndefined();
    expect(r.headers["OK-ACCESS-KEY"]).toBe(CREDS.apiKey);
    expect(r.headers["OK-ACCESS-PASSPHRASE"]).toBe(CREDS.passphrase);
    expect(r.headers["OK-ACCESS-TIMESTAMP"]).toBe("2025-06-01T12:00:00.000Z");
    const path = "/api/v5/broker/dma/subaccount-info?subAcct=brokerTest1&page=2&limit=50";
    expect(verifyOkxSignature(CREDS.secretKey, r.headers["OK-ACCESS-SIGN"], r.headers["OK-ACCESS-TIMESTAMP"], "GET", path, "")).toBe(true);
  });

  it("adds x-simulated-trading: 1 in demo mode only", async () => {
    const demo = client([ok(SEED_EXAMPLES.setSubaccountLevel)]);
    await demo.c.setSubaccountLevel({ subAcct: "brokerTest3", acctLv: "3" });
    expect(demo.requests[0].headers["x-simulated-trading"]).toBe("1");
    const live = client([ok(SEED_EXAMPLES.setSubaccountLevel)], { mode: "live" });
    await live.c.setSubaccountLevel({ subAcct: "brokerTest3", acctLv: "3" });
    expect(live.requests[0].headers).not.toHaveProperty("x-simulated-trading");
  });

  it("sends POST params as the signed JSON body, lists comma-joined", async () => {
    const { c, requests } = client([ok(SEED_EXAMPLES.createApiKey)]);
    await c.createApiKey({ subAcct: "panpanBroker2", label: "broker3", passphrase: "Qwr4321!", perm: ["read_only", "trade"], ip: ["10.0.108.9", "10.0.108.10"] });
    const [r] = requests;
    expect(r.method).toBe("POST");
    expect(JSON.parse(r.body ?? "")).toEqual({ subAcct: "panpanBroker2", label: "broker3", passphrase: "Qwr4321!", perm: "read_only,trade", ip: "10.0.108.9,10.0.108.10" });
    const path = "/api/v5/broker/dma/subaccount/apikey";
    expect(verifyOkxSignature(CREDS.secretKey, r.headers["OK-ACCESS-SIGN"], r.headers["OK-ACCESS-TIMESTAMP"], "POST", path, r.body ?? "")).toBe(true);
  });

  it("builds queries from typed values: Dates as ms, booleans as text, nothing for undefined", async () => {
    const { c, requests } = client([ok([]), ok([])]);
    await c.depositHistory({ subAcct: "brokerTest1", state: "2", after: new Date(1597026383085), limit: 10, ccy: undefined });
    expect(requests[0].url).toBe("https://okx.test/api/v5/asset/broker/dma/subaccount-deposit-history?subAcct=brokerTest1&state=2&after=1597026383085&limit=10");
    await c.getRebateFile({ type: false, begin: "20221207", end: "20230207" });
    expect(requests[1].url).toBe("https://okx.test/api/v5/broker/fd/rebate-per-orders?type=false&begin=20221207&end=20230207");
  });

  it("sends public market calls without credentials or signature", async () => {
    const { c, requests } = client([ok([])], { credentials: null });
    await c.tickers({ instType: "SPOT" });
    expect(requests[0].url).toBe("https://okx.test/api/v5/market/tickers?instType=SPOT");
    expect(Object.keys(requests[0].headers).filter((h) => h.startsWith("OK-ACCESS"))).toEqual([]);
    await expect(c.subaccountInfo()).rejects.toMatchObject({ code: "NO_CREDENTIALS", kind: "auth" });
    expect(requests).toHaveLength(1);
  });
});

describe("broker code (tag)", () => {
  it("is added to the query or body when the endpoint takes one, without overriding an explicit tag", () => {
    const ctx = { credentials: CREDS, mode: "live" as const, tag: "6099c63a8d75SCDE", now: T0 };
    expect(buildRequest(ENDPOINTS.ticker, { instId: "BTC-USDT" }, ctx).requestPath).toBe("/api/v5/market/ticker?instId=BTC-USDT&tag=6099c63a8d75SCDE");
    expect(JSON.parse(buildRequest(ENDPOINTS.createSubaccount, { subAcct: "abc123" }, ctx).body)).toEqual({ subAcct: "abc123", tag: "6099c63a8d75SCDE" });
    expect(JSON.parse(buildRequest(ENDPOINTS.createSubaccount, { subAcct: "abc123", tag: "own" }, ctx).body).tag).toBe("own");
    expect(buildRequest(ENDPOINTS.ticker, { instId: "BTC-USDT" }, { ...ctx, tag: null }).requestPath).toBe("/api/v5/market/ticker?instId=BTC-USDT");
  });

  it("is not sent to the table's endpoints: seed 001 documents no tag on them", async () => {
    const { c, requests } = client([ok([{ subAcct: "abc123", label: "x", ts: "1597026383085" }])], { brokerCode: "6099c63a8d75SCDE" });
    await c.createSubaccount({ subAcct: "abc123", label: "x" });
    expect(JSON.parse(requests[0].body ?? "")).toEqual({ subAcct: "abc123", label: "x" });
  });
});

describe("parameter rules (seed 001) before sending", () => {
  it.each([
    ["sub-account name too short", () => ({ subAcct: "ab1", label: "l", passphrase: "Qwr4321!" })],
    ["sub-account name with a symbol", () => ({ subAcct: "panpan_Broker", label: "l", passphrase: "Qwr4321!" })],
    ["passphrase without a special character", () => ({ subAcct: "panpanBroker2", label: "l", passphrase: "Qwr43210" })],
    ["passphrase too long", () => ({ subAcct: "panpanBroker2", label: "l", passphrase: `Qw!1${"a".repeat(29)}` })],
    ["label with a space", () => ({ subAcct: "panpanBroker2", label: "my key", passphrase: "Qwr4321!" })],
    ["21 IPs", () => ({ subAcct: "panpanBroker2", label: "l", passphrase: "Qwr4321!", ip: Array.from({ length: 21 }, (_, i) => `10.0.0.${i}`) })],
  ])("refuses %s without sending it", async (_name, params) => {
    const { c, requests } = client([ok(SEED_EXAMPLES.createApiKey)]);
    const error = await c.createApiKey(params()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OkxError);
    expect(error).toMatchObject({ kind: "parameter", code: "PARAMS", httpStatus: null, endpoint: "createApiKey" });
    expect(String((error as OkxError).message)).not.toContain("Qwr4321");
    expect(requests).toHaveLength(0);
  });

  it("checks dates, account levels and page sizes", async () => {
    const { c } = client([ok([])]);
    await expect(c.createRebateFile({ begin: "20230230", end: "20230301" })).rejects.toMatchObject({ kind: "parameter", fields: ["begin"] });
    await expect(c.createRebateFile({ begin: "20230302", end: "20230301" })).rejects.toMatchObject({ fields: ["end"] });
    await expect(c.getRebateFile({ type: false })).rejects.toMatchObject({ fields: ["begin"] });
    // The typed method refuses "5" at compile time; the untyped path shows the run-time check too.
    expectTypeOf<"5">().not.toExtend<Parameters<typeof c.setSubaccountLevel>[0]["acctLv"]>();
    await expect(c.request("setSubaccountLevel", { subAcct: "brokerTest3", acctLv: "5" })).rejects.toMatchObject({ fields: ["acctLv"] });
    await expect(c.subaccountInfo({ limit: 101 })).rejects.toMatchObject({ fields: ["limit"] });
    await expect(c.createDepositAddress({ subAcct: "brokerTest5", ccy: "ETH", addrType: "2" })).rejects.toMatchObject({ fields: ["addrType"] });
  });

  it("DMA trading files: end exclusive (after begin), at most 180 days; type=false needs begin and end", async () => {
    const { c, requests } = client([ok([{ result: "false", ts: "1646892328000" }])]);
    await expect(c.createDmaTradesFile({ begin: "20240301", end: "20240301" })).rejects.toMatchObject({ kind: "parameter", fields: ["end"] });
    await expect(c.createDmaTradesFile({ begin: "20240101", end: "20240630" })).rejects.toMatchObject({ fields: ["end"] }); // 181 days
    await expect(c.getDmaTradesFile({ type: false, end: "20240301" })).rejects.toMatchObject({ fields: ["begin"] });
    expect(requests).toHaveLength(0);
    expect(await c.createDmaTradesFile({ begin: "20240101", end: "20240629" })).toEqual({ result: false, ts: new Date(1646892328000) });
    expect(requests[0]).toMatchObject({ method: "POST", url: "https://okx.test/api/v5/broker/dma/trades", body: '{"begin":"20240101","end":"20240629"}' });
  });
});

describe("errors, retries and time-outs", () => {
  it("returns OKX's code, message, status and kind", async () => {
    const { c, requests } = client([okxError("50113", "Invalid Sign.", 401)]);
    await expect(c.getApiKeys({ subAcct: "panpanBroker2" })).rejects.toMatchObject({ code: "50113", msg: "Invalid Sign.", httpStatus: 401, kind: "auth", endpoint: "getApiKeys" });
    expect(requests).toHaveLength(1);
  });

  it("retries 5xx with backoff, re-signing with a fresh timestamp each time", async () => {
    const { c, requests, sleeps } = client([okxError("50001", "Service temporarily unavailable", 503), { status: 502, text: "<html>bad gateway</html>" }, ok(SEED_EXAMPLES.getApiKeys)]);
    const keys = await c.getApiKeys({ subAcct: "panpanBroker2" });
    expect(keys).toHaveLength(2);
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((r) => r.headers["OK-ACCESS-TIMESTAMP"])).size).toBe(3);
    expect(new Set(requests.map((r) => r.headers["OK-ACCESS-SIGN"])).size).toBe(3);
    // random() = 0.5 → half of 250 ms, then half of 500 ms.
    expect(sleeps).toEqual([125, 250]);
  });

  it("gives up after maxRetries with the last transient error", async () => {
    const { c, requests } = client([okxError("50026", "System error", 500)], { maxRetries: 2 });
    await expect(c.ifRebate({ apiKey: "63d54aa0" })).rejects.toMatchObject({ code: "50026", kind: "transient", outcomeUnknown: false });
    expect(requests).toHaveLength(3);
  });

  it("does not retry a creating POST after a 5xx or a dropped connection, and says the outcome is unknown", async () => {
    for (const failure of [okxError("50026", "System error", 500), "drop" as const]) {
      const { c, requests } = client([failure, ok(SEED_EXAMPLES.createDepositAddress)]);
      const error = await c.createDepositAddress({ subAcct: "brokerTest5", ccy: "BTC" }).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: "transient", outcomeUnknown: true });
      expect((error as OkxError).msg).toMatch(/not retried/);
      expect(requests).toHaveLength(1);
    }
  });

  it("retries a creating POST after 50011 (refused before processing)", async () => {
    const { c, requests } = client([okxError("50011", "Too Many Requests", 429), ok(SEED_EXAMPLES.createDepositAddress)]);
    const address = await c.createDepositAddress({ subAcct: "brokerTest5", ccy: "EOS" });
    expect(address.memo).toBe("10810086");
    expect(requests).toHaveLength(2);
  });

  it("times out a stalled request after timeoutMs as a transient error", async () => {
    const { c, requests } = client(["hang"], { timeoutMs: 50, maxRetries: 1 });
    const started = Date.now();
    await expect(c.ticker({ instId: "BTC-USDT" })).rejects.toMatchObject({ code: "TIMEOUT", kind: "transient", httpStatus: null });
    expect(requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
  });

  it("reports a success with an unexpected shape as a permanent BAD_RESPONSE naming the field", async () => {
    const { c } = client([ok([{ acctLv: 3 }])]);
    await expect(c.setSubaccountLevel({ subAcct: "brokerTest3", acctLv: "3" })).rejects.toMatchObject({ code: "BAD_RESPONSE", kind: "permanent", httpStatus: 200, fields: ["0.acctLv"] });
  });
});

describe("logging", () => {
  afterEach(() => vi.restoreAllMocks());

  it("logs each attempt once with its fields and never a key, secret, passphrase or signature", async () => {
    const lines: OkxCallLog[] = [];
    const warnings: string[] = [];
    const logger = { call: (l: OkxCallLog) => lines.push(l), warn: (m: string) => warnings.push(m) };
    const { c, requests } = client(
      [okxError("50013", "Systems are busy", 503), ok(SEED_EXAMPLES.createApiKey), okxError("50105", "passphrase incorrect", 401), ok(SEED_EXAMPLES.ifRebate)],
      { logger, brandId: "brand-7" },
    );
    await c.createApiKey({ subAcct: "panpanBroker2", label: "broker3", passphrase: "Qwr4321!" }).catch(() => undefined);
    await c.createApiKey({ subAcct: "panpanBroker2", label: "broker3", passphrase: "Qwr4321!" });
    await c.getApiKeys({ subAcct: "panpanBroker2" }).catch(() => undefined);
    await c.ifRebate({ apiKey: "63d54aa0-0020-4ad9-a9f0-ac92654bc831" });

    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ event: "okx.call", method: "POST", path: "/api/v5/broker/dma/subaccount/apikey", endpoint: "createApiKey", code: "50013", httpStatus: 503, attempt: 1, brandId: "brand-7", outcome: "transient" });
    expect(lines[1]).toMatchObject({ code: "0", httpStatus: 200, outcome: "ok" });
    expect(lines[2]).toMatchObject({ code: "50105", httpStatus: 401, outcome: "auth" });
    expect(lines[3].path).toBe("/api/v5/broker/fd/if-rebate");
    expect(typeof lines[0].latencyMs).toBe("number");

    const written: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    for (const l of lines) jsonLogger.call(l);
    const text = JSON.stringify(lines) + JSON.stringify(warnings) + written.join("");
    const forbidden = [CREDS.apiKey, CREDS.secretKey, CREDS.passphrase, "Qwr4321!", "63d54aa0", ...requests.map((r) => r.headers["OK-ACCESS-SIGN"])];
    for (const secret of forbidden) expect(text).not.toContain(secret);
    expect(written).toHaveLength(4);
    expect(JSON.parse(written[0])).toMatchObject({ level: "info", event: "okx.call", endpoint: "createApiKey" });
  });
});
