/**
 * Every endpoint of the table against the simulator over HTTP, through the real client (signing, Redis
 * buckets, parsing): success, with the parsed types services rely on — Dates, decimal strings, numbers
 * for pages, arrays for comma lists.
 */
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OkxClient } from "./client";
import { ENDPOINTS, type EndpointId } from "./endpoints";
import { simAdmin, simClient, startSim, testRedis, type SimHarness } from "./testing/sim-harness";

const DECIMAL = /^-?\d+(\.\d+)?$/;
const isDate = (v: unknown) => v instanceof Date && !Number.isNaN(v.getTime());

let h: SimHarness;
let redis: Redis;
let okx: OkxClient;
const called = new Set<EndpointId>();

beforeAll(async () => {
  h = await startSim();
  redis = testRedis();
  okx = simClient(h.url, redis);
  // Warm the connection and code paths on a public bucket: a cold first request can reach the simulator
  // later than the 40 ms margin after its slot (a busy CI core), and the next call on that 1/s bucket would
  // then arrive inside the simulator's window — a 50011 that says nothing about the client's pacing.
  await simClient(h.url, redis, { credentials: null }).tickers({ instType: "SPOT" });
});

afterAll(async () => {
  redis.disconnect();
  await h.close();
});

// A fresh sub-account per run, used by the calls that need one.
const subAcct = `it${Date.now().toString(36)}`.slice(0, 20);
let apiKey = "";

describe("the client against the simulator", () => {
  it("subaccountInfo: a broker page with numbers, Dates and booleans", async () => {
    const page = await okx.subaccountInfo({ page: 1, limit: 5 });
    called.add("subaccountInfo");
    expect(page.page).toBe(1);
    expect(page.totalPage).toBeGreaterThan(1);
    expect(page.details).toHaveLength(5);
    const s = page.details[0];
    expect(isDate(s.ts)).toBe(true);
    expect(typeof s.enable).toBe("boolean");
    expect(typeof s.canTransOut).toBe("boolean");
    expect(["1", "2", "3", "4"]).toContain(s.acctLv);
  });

  it("createSubaccount / setSubaccountLevel", async () => {
    const created = await okx.createSubaccount({ subAcct, label: "integration" });
    expect(created).toMatchObject({ subAcct, label: "integration" });
    expect(isDate(created.ts)).toBe(true);
    expect(await okx.setSubaccountLevel({ subAcct, acctLv: "2" })).toEqual({ acctLv: "2" });
    called.add("createSubaccount").add("setSubaccountLevel");
  });

  it("subaccountTradeFee: maker/taker rates as decimal strings", async () => {
    const page = await okx.subaccountTradeFee({ subAcct });
    called.add("subaccountTradeFee");
    expect(page.details).toHaveLength(1);
    const rates = page.details[0].feeRates;
    expect(rates.map((r) => r.type)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    for (const r of rates) {
      expect(r.maker).toMatch(DECIMAL);
      expect(r.taker).toMatch(DECIMAL);
    }
  });

  it("createApiKey / getApiKeys / modifyApiKey / deleteApiKey", async () => {
    const key = await okx.createApiKey({ subAcct, label: "itkey", passphrase: "It-pass-123", perm: ["trade"], ip: ["10.0.0.1", "10.0.0.2"] });
    apiKey = key.apiKey;
    expect(key.secretKey.length).toBeGreaterThan(10);
    expect(key.perm).toEqual(["read_only", "trade"]);
    expect(key.ip).toEqual(["10.0.0.1", "10.0.0.2"]);
    expect(isDate(key.ts)).toBe(true);

    const keys = await okx.getApiKeys({ subAcct });
    expect(keys.map((k) => k.apiKey)).toEqual([apiKey]);
    expect(keys[0]).not.toHaveProperty("secretKey");

    const modified = await okx.modifyApiKey({ subAcct, apiKey, label: "renamed", ip: ["10.0.0.3"] });
    expect(modified).toMatchObject({ apiKey, label: "renamed", ip: ["10.0.0.3"], perm: ["read_only", "trade"] });
    called.add("createApiKey").add("getApiKeys").add("modifyApiKey");
  });

  it("ifRebate: the key's rebate status", async () => {
    const r = await okx.ifRebate({ apiKey });
    called.add("ifRebate");
    expect(r.type).toBe("0");
    expect(typeof r.affiliated).toBe("boolean");
    expect(r.clientRebateRatio).toMatch(DECIMAL);
    expect(r.brokerCode.length).toBeGreaterThan(0);
  });

  it("deleteApiKey", async () => {
    expect(await okx.deleteApiKey({ subAcct, apiKey })).toMatchObject({ subAcct });
    called.add("deleteApiKey");
  });

  it("createDepositAddress / getDepositAddresses / modifyDepositAddress", async () => {
    const created = await okx.createDepositAddress({ subAcct, ccy: "EOS" });
    expect(created).toMatchObject({ ccy: "EOS", chain: "EOS-EOS" });
    expect(created.memo).toBeTruthy();
    expect(isDate(created.ts)).toBe(true);

    const list = await okx.getDepositAddresses({ subAcct, ccy: "EOS" });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ addr: created.addr, to: "6", selected: true });

    const modified = await okx.modifyDepositAddress({ subAcct, ccy: "EOS", addr: created.addr, to: "18" });
    expect(modified).toMatchObject({ ccy: "EOS", to: "18", addr: created.addr });
    called.add("createDepositAddress").add("getDepositAddresses").add("modifyDepositAddress");
  });

  it("depositHistory and withdrawalHistory: amounts as decimal strings, cursors as Dates", async () => {
    const deposits = await okx.depositHistory({ limit: 3 });
    expect(deposits).toHaveLength(3);
    for (const d of deposits) {
      expect(d.amt).toMatch(DECIMAL);
      expect(isDate(d.ts)).toBe(true);
    }
    const older = await okx.depositHistory({ after: deposits[2].ts, limit: 2 });
    expect(older.every((d) => d.ts < deposits[2].ts)).toBe(true);

    const withdrawals = await okx.withdrawalHistory({ limit: 2 });
    expect(withdrawals.length).toBeGreaterThan(0);
    expect(withdrawals[0].amt).toMatch(DECIMAL);
    expect(withdrawals[0].fee).toMatch(DECIMAL);
    called.add("depositHistory").add("withdrawalHistory");
  });

  it("createRebateFile / getRebateFile (FD)", async () => {
    const first = await okx.createRebateFile({ begin: "20240101", end: "20240107" });
    expect(first.result).toBe(false);
    expect(isDate(first.ts)).toBe(true);
    const files = await okx.getRebateFile({ type: true });
    expect(files).toHaveLength(1);
    expect(files[0].state).toBe("finished");
    expect(files[0].fileHref).toMatch(/^http/);
    expect(files[0].beginTime).toEqual(new Date(Date.UTC(2024, 0, 1)));
    called.add("createRebateFile").add("getRebateFile");
  });

  it("createDmaTradesFile / getDmaTradesFile (DMA trading details): a 9-hour gzip link", async () => {
    const first = await okx.createDmaTradesFile({ begin: "20240101", end: "20240108" });
    expect(first.result).toBe(false);
    expect(isDate(first.ts)).toBe(true);
    const files = await okx.getDmaTradesFile({ type: false, begin: "20240101", end: "20240107" });
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ state: "finished", beginTime: new Date(Date.UTC(2024, 0, 1)), endTime: new Date(Date.UTC(2024, 0, 8)) });
    expect(files[0].fileHref).toMatch(/^http:\/\/.+\/sim\/files\/[0-9a-f]+\.csv\.gz\?Expires=\d+&Signature=/);
    called.add("createDmaTradesFile").add("getDmaTradesFile");
  });

  it("partnerIfRebate: the affiliate check, result and type", async () => {
    const r = await okx.partnerIfRebate({ apiKey: "63d54aa0-0020-4ad9-a9f0-ac92654bc831" });
    called.add("partnerIfRebate");
    expect(typeof r.result).toBe("boolean");
    expect(["0", "1", "2", "4"]).toContain(r.type);
  });

  it("rebateDaily: a page with the total commission", async () => {
    const page = await okx.rebateDaily({ limit: 3 });
    called.add("rebateDaily");
    expect(page.page).toBe(1);
    expect(page.totalCommission).toMatch(DECIMAL);
    expect(page.details[0].vol).toMatch(DECIMAL);
    expect(isDate(page.details[0].ts)).toBe(true);
  });

  it("currencies: one row per currency and chain, flags as booleans, minimums as decimal strings; ccy filters", async () => {
    const all = await okx.currencies();
    called.add("currencies");
    const usdt = all.filter((r) => r.ccy === "USDT");
    expect(usdt.map((r) => [r.chain, r.mainNet])).toEqual([
      ["USDT-ERC20", true],
      ["USDT-TRC20", false],
    ]);
    expect(usdt[0]).toMatchObject({ canDep: true, canWd: true, canInternal: true, needTag: false });
    expect(usdt[0].minDep).toMatch(DECIMAL);
    expect(usdt[0].minWd).toMatch(DECIMAL);
    expect(all.find((r) => r.ccy === "EOS")?.needTag).toBe(true);
    expect((await okx.currencies({ ccy: ["BTC", "EOS"] })).map((r) => r.chain)).toEqual(["BTC-Bitcoin", "EOS-EOS"]);
  });

  it("tickers / ticker / candles (public, unsigned)", async () => {
    const publicOnly = simClient(h.url, redis, { credentials: null });
    const all = await publicOnly.tickers({ instType: "SPOT" });
    expect(all.find((t) => t.instId === "BTC-USDT")?.last).toMatch(DECIMAL);
    const one = await publicOnly.ticker({ instId: "ETH-USDT" });
    expect(one.instId).toBe("ETH-USDT");
    expect(one.askPx).toMatch(DECIMAL);
    expect(isDate(one.ts)).toBe(true);
    const bars = await publicOnly.candles({ instId: "BTC-USDT", bar: "1H", limit: 3 });
    expect(bars).toHaveLength(3);
    expect(bars[0].ts.getTime()).toBeGreaterThan(bars[1].ts.getTime());
    expect(bars[1].confirmed).toBe(true);
    expect(bars[0].close).toMatch(DECIMAL);
    called.add("tickers").add("ticker").add("candles");
  });

  it("a sub-account's own account, trading and funding, signed with its own key", async () => {
    const key = await okx.createApiKey({ subAcct, label: "own", passphrase: "Own-Pass-123", perm: ["read_only", "trade", "withdraw"] });
    const own = simClient(h.url, redis, { credentials: { apiKey: key.apiKey, secretKey: key.secretKey, passphrase: key.passphrase } });
    await simAdmin(h.url, "POST", "funds", { subAcct, account: "trading", ccy: "USDT", amt: "5000" });
    await simAdmin(h.url, "POST", "funds", { subAcct, account: "funding", ccy: "USDT", amt: "500" });
    const instruments = await simClient(h.url, redis, { credentials: null }).instruments({ instType: "SPOT", instId: "ETH-USDT" });
    expect(instruments).toEqual([expect.objectContaining({ instId: "ETH-USDT", tickSz: "0.01", lotSz: "0.000001", minSz: "0.0001", ctVal: null })]);
    const [placed] = await own.placeOrder({ instId: "ETH-USDT", tdMode: "cash", side: "buy", ordType: "limit", px: "1000", sz: "0.01" });
    expect(placed).toMatchObject({ sCode: "0", ordId: expect.stringMatching(/^\d+$/) });
    expect((await own.ordersPending())[0]).toMatchObject({ ordId: placed.ordId, state: "live", px: "1000", accFillSz: "0", avgPx: null });
    expect((await own.cancelOrder({ instId: "ETH-USDT", ordId: placed.ordId }))[0]).toMatchObject({ sCode: "0" });
    const [a, b] = [await own.placeOrder({ instId: "ETH-USDT", tdMode: "cash", side: "buy", ordType: "limit", px: "1000", sz: "0.01" }), await own.placeOrder({ instId: "ETH-USDT", tdMode: "cash", side: "buy", ordType: "limit", px: "1001", sz: "0.01" })];
    expect((await own.cancelBatchOrders({ orders: [{ instId: "ETH-USDT", ordId: a[0].ordId }, { instId: "ETH-USDT", ordId: b[0].ordId }] })).map((r) => r.sCode)).toEqual(["0", "0"]);
    const [market] = await own.placeOrder({ instId: "ETH-USDT", tdMode: "cash", side: "buy", ordType: "market", sz: "50" });
    expect((await own.ordersHistory({ instType: "SPOT" }))[0]).toMatchObject({ ordId: market.ordId, state: "filled" });
    expect((await own.fills())[0]).toMatchObject({ ordId: market.ordId, execType: "T" });
    expect(isDate((await own.accountBills())[0].ts)).toBe(true);
    const balance = await own.accountBalance();
    expect(balance.totalEq).toMatch(DECIMAL);
    expect(balance.details.map((d) => d.ccy)).toEqual(expect.arrayContaining(["ETH", "USDT"]));
    expect(Array.isArray(await own.accountPositions())).toBe(true);
    await expect(own.closePosition({ instId: "BTC-USDT-SWAP", mgnMode: "cross" })).rejects.toMatchObject({ code: "51023" });
    expect((await own.assetBalances()).find((r) => r.ccy === "USDT")).toMatchObject({ bal: expect.stringMatching(DECIMAL) });
    const wd = await own.withdraw({ ccy: "USDT", amt: "10", dest: "4", toAddr: "TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf", chain: "USDT-TRC20", clientId: "endpoints1" });
    expect((await own.withdrawalHistoryOwn({ clientId: "endpoints1" }))[0]).toMatchObject({ wdId: wd.wdId, state: "0", fee: "1" });
    expect(await own.cancelWithdrawal({ wdId: wd.wdId })).toEqual({ wdId: wd.wdId });
    called.add("instruments").add("placeOrder").add("ordersPending").add("cancelOrder").add("cancelBatchOrders").add("ordersHistory").add("fills").add("accountBills");
    called.add("accountBalance").add("accountPositions").add("closePosition").add("assetBalances").add("withdraw").add("withdrawalHistoryOwn").add("cancelWithdrawal");
  });

  it("deleteSubaccount", async () => {
    expect(await okx.deleteSubaccount({ subAcct })).toEqual({ subAcct });
    called.add("deleteSubaccount");
    expect((await okx.subaccountInfo({ subAcct })).details).toEqual([]);
  });

  it("covered every endpoint of the table, with no 50011 on the way", async () => {
    expect([...called].sort()).toEqual(Object.keys(ENDPOINTS).sort());
    expect((await h.stats()).rateLimited).toBe(0);
  });
});
