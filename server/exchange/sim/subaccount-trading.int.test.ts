/**
 * A sub-account's own account, trading and funding on the simulator, through the real client signed with
 * the sub-account's key (created with the broker's createApiKey): shapes, a resting order that fills when
 * the price path crosses it, positions and close-position, cancels with per-item answers, key rules (IP
 * binding 50110, permissions 50120, broker key → empty account), withdrawals (clientId, states, cancel),
 * OKX's per-user limits, and a restart.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OkxClient } from "../okx/client";
import { createOkxClient } from "../okx/client";
import { simAdmin, simClient, testRedis, uniquePrefix } from "../okx/testing/sim-harness";
import { type Simulator, createSimulator } from ".";
import { instrument, priceAt } from "./trading/market";

let dir: string;
let sim: Simulator;
let redis: Redis;
let broker: OkxClient;
let subAcct: string;
let otherSub: string;
let creds: { apiKey: string; secretKey: string; passphrase: string };
let okx: OkxClient;

const start = () => createSimulator({ port: 0, dataDir: dir, log: () => {}, withdrawalStepMs: 300, subaccounts: 6, deposits: 20 });
const clientFor = (c: typeof creds, extra: Partial<Parameters<typeof createOkxClient>[0]> = {}) =>
  createOkxClient({ baseUrl: sim.url, credentials: c, mode: "demo", redis, rateLimitPrefix: uniquePrefix(), backoff: { baseMs: 20, capMs: 200 }, maxRetries: 0, ...extra });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string; msg?: string }) => `${e.code} ${e.msg}`);

async function newKey(sub: string, perm: ("read_only" | "trade" | "withdraw")[], ip?: string[]) {
  const k = await broker.createApiKey({ subAcct: sub, label: `k${Math.floor(Math.random() * 1e9)}`, passphrase: "Sub-Pass-123", perm, ip });
  return { apiKey: k.apiKey, secretKey: k.secretKey, passphrase: k.passphrase };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "okx-sim-subtrading-"));
  sim = await start();
  redis = testRedis();
  broker = simClient(sim.url, redis, { maxRetries: 0 });
  const page = await broker.subaccountInfo({ limit: 10 });
  [subAcct, otherSub] = page.details.map((d) => d.subAcct);
  // Spot + futures: SWAP orders need account level 2 or more.
  await broker.setSubaccountLevel({ subAcct, acctLv: "2" });
  creds = await newKey(subAcct, ["read_only", "trade", "withdraw"]);
  okx = clientFor(creds);
  await simAdmin(sim.url, "POST", "funds", { subAcct, account: "trading", ccy: "USDT", amt: "100000" });
  await simAdmin(sim.url, "POST", "funds", { subAcct, account: "funding", ccy: "USDT", amt: "5000" });
  // Generated accounts may hold SWAP positions (and be in long/short mode): start flat, in net mode.
  for (const p of await okx.accountPositions()) await okx.closePosition({ instId: p.instId, mgnMode: p.mgnMode as "cross", posSide: p.posSide as "net", autoCxl: true });
  for (const o of await okx.ordersPending({ instType: "SWAP" })) await okx.cancelOrder({ instId: o.instId, ordId: o.ordId });
  await simAdmin(sim.url, "POST", "position-mode", { subAcct, posMode: "net_mode" });
});

afterAll(async () => {
  redis?.disconnect();
  await sim?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("shapes through the client", () => {
  it("every read parses, with decimal strings and Dates", async () => {
    const balance = await okx.accountBalance();
    expect(Number(balance.totalEq)).toBeGreaterThan(100_000 * 0.99);
    const usdt = balance.details.find((d) => d.ccy === "USDT")!;
    expect(usdt).toMatchObject({ eq: expect.any(String), cashBal: expect.any(String), availBal: expect.any(String), frozenBal: expect.any(String), ordFrozen: expect.any(String), eqUsd: expect.any(String) });
    expect(usdt.uTime).toBeInstanceOf(Date);
    expect(Array.isArray(await okx.accountPositions())).toBe(true);
    const bills = await okx.accountBills();
    expect(bills[0]).toMatchObject({ billId: expect.stringMatching(/^\d+$/), ccy: expect.any(String), bal: expect.any(String), balChg: expect.any(String) });
    expect(bills[0].ts).toBeInstanceOf(Date);
    // The admin hook's money arrived as a transfer bill.
    expect(bills.find((b) => b.type === "1" && b.balChg === "100000")).toMatchObject({ ccy: "USDT", subType: "11" });
    expect(Array.isArray(await okx.ordersPending())).toBe(true);
    expect(Array.isArray(await okx.ordersHistory({ instType: "SPOT" }))).toBe(true);
    expect(Array.isArray(await okx.fills())).toBe(true);
    expect((await okx.assetBalances()).find((b) => b.ccy === "USDT")).toMatchObject({ bal: expect.any(String), availBal: expect.any(String) });
    expect(Array.isArray(await okx.withdrawalHistoryOwn())).toBe(true);
    expect((await okx.currencies({ ccy: "USDT" })).length).toBeGreaterThan(0);
    const insts = await simClient(sim.url, redis, { credentials: null }).instruments({ instType: "SWAP" });
    expect(insts.find((i) => i.instId === "BTC-USDT-SWAP")).toMatchObject({ ctVal: "0.01", lotSz: "0.01", minSz: "0.01", tickSz: "0.1", state: "live" });
  });

  it("a generated demo sub-account has live-looking activity (same answer twice)", async () => {
    const other = clientFor(await newKey(otherSub, ["read_only"]));
    const a = await other.accountBalance();
    expect(a.details.length).toBeGreaterThan(0);
    expect((await other.accountBills()).length).toBeGreaterThan(0);
    const b = await other.accountBalance();
    expect(b.details.map((d) => d.cashBal)).toEqual(a.details.map((d) => d.cashBal));
  });
});

describe("orders and positions", () => {
  const inst = instrument("BTC-USDT-SWAP")!;
  const far = (side: "buy" | "sell") => (side === "buy" ? "40000.0" : "90000.0");

  it("a limit order rests, fills when the price crosses it, opens a position; close-position needs autoCxl with pending orders", async () => {
    // Pick a price the path reaches in the next few seconds, on the side where it will cross.
    const now = Date.now();
    const grid = [2, 3, 4, 5, 6, 7].map((k) => (Math.floor(now / 1000) + k) * 1000);
    const prices = grid.map((t) => Number(priceAt(inst, t).toFixed(1)));
    const current = priceAt(inst, now);
    const [low, high] = [Math.min(...prices), Math.max(...prices)];
    // The side with more room: the order rests now and the path comes to it within a few seconds.
    const side: "buy" | "sell" = current - low > high - current ? "buy" : "sell";
    const px = (side === "buy" ? low : high).toFixed(1);
    const [ack] = await okx.placeOrder({ instId: inst.instId, tdMode: "cross", side, ordType: "limit", px, sz: "1", clOrdId: "rest1" });
    expect(ack).toMatchObject({ sCode: "0", ordId: expect.stringMatching(/^\d{18}$/) });
    let pending = await okx.ordersPending({ instId: inst.instId });
    if (pending.length > 0) expect(pending[0]).toMatchObject({ ordId: ack.ordId, state: "live", px });
    for (let i = 0; i < 40 && pending.length > 0; i++) {
      await sleep(250);
      pending = await okx.ordersPending({ instId: inst.instId });
    }
    expect(pending).toEqual([]);
    const [done] = await okx.ordersHistory({ instType: "SWAP", instId: inst.instId });
    // Prices compare as numbers: the exchange writes 64999 where the order said 64999.0.
    expect(done).toMatchObject({ ordId: ack.ordId, state: "filled", accFillSz: "1" });
    expect(Number(done.avgPx)).toBe(Number(px));
    const [fill] = await okx.fills({ ordId: ack.ordId });
    expect(fill).toMatchObject({ execType: "M", fillSz: "1", feeCcy: "USDT" });
    expect(Number(fill.fillPx)).toBe(Number(px));
    expect(Number(fill.fee)).toBeLessThan(0);
    const [pos] = await okx.accountPositions({ instId: inst.instId });
    expect(pos).toMatchObject({ instId: inst.instId, posSide: "net", pos: side === "buy" ? "1" : "-1", mgnMode: "cross", lever: "10" });
    expect(Number(pos.avgPx)).toBe(Number(px));
    for (const k of ["markPx", "upl", "uplRatio", "imr", "notionalUsd", "mgnRatio"] as const) expect(pos[k]).toMatch(/^-?\d+(\.\d+)?$/);
    expect((await okx.accountBills({ type: "2" }))[0]).toMatchObject({ ordId: ack.ordId, ccy: "USDT" });

    // A pending order on the instrument blocks close-position (OKX 51115) unless autoCxl cancels it.
    const [blocker] = await okx.placeOrder({ instId: inst.instId, tdMode: "cross", side: "buy", ordType: "limit", px: far("buy"), sz: "1" });
    expect(await codeOf(okx.closePosition({ instId: inst.instId, mgnMode: "cross" }))).toBe("51115 Cancel all pending close-orders before liquidation.");
    expect(await okx.closePosition({ instId: inst.instId, mgnMode: "cross", autoCxl: true })).toMatchObject({ instId: inst.instId, posSide: "net" });
    expect(await okx.accountPositions({ instId: inst.instId })).toEqual([]);
    expect((await okx.ordersHistory({ instType: "SWAP", instId: inst.instId })).find((o) => o.ordId === blocker.ordId)).toMatchObject({ state: "canceled" });
    expect(await codeOf(okx.closePosition({ instId: inst.instId, mgnMode: "cross" }))).toBe("51023 Position doesn't exist.");
  });

  it("spot: a market order fills at once as taker; too little balance is 51008", async () => {
    const [ack] = await okx.placeOrder({ instId: "BTC-USDT", tdMode: "cash", side: "buy", ordType: "market", sz: "100" });
    const [fill] = await okx.fills({ ordId: ack.ordId });
    expect(fill).toMatchObject({ execType: "T", feeCcy: "BTC", side: "buy" });
    expect(await codeOf(okx.placeOrder({ instId: "BTC-USDT", tdMode: "cash", side: "sell", ordType: "limit", px: "90000.0", sz: "50" }))).toBe("51008 Order failed. Insufficient BTC balance in account");
  });

  it("cancel: one order, then the same again (51400); a batch with one bad item answers per item", async () => {
    const place = async () => (await okx.placeOrder({ instId: "ETH-USDT", tdMode: "cash", side: "buy", ordType: "limit", px: "2000.00", sz: "0.01" }))[0].ordId;
    const one = await place();
    expect(await okx.cancelOrder({ instId: "ETH-USDT", ordId: one })).toEqual([expect.objectContaining({ ordId: one, sCode: "0" })]);
    expect(await codeOf(okx.cancelOrder({ instId: "ETH-USDT", ordId: one }))).toBe("51400 Order cancellation failed as the order has been filled, canceled or does not exist.");
    const a = await place();
    const b = await place();
    const rows = await okx.cancelBatchOrders({ orders: [{ instId: "ETH-USDT", ordId: a }, { instId: "ETH-USDT", ordId: "123456789" }, { instId: "ETH-USDT", ordId: b }] });
    expect(rows.map((r) => r.sCode)).toEqual(["0", "51400", "0"]);
    expect(rows[1].sMsg).toBe("Order cancellation failed as the order has been filled, canceled or does not exist.");
    expect(await okx.ordersPending({ instId: "ETH-USDT" })).toEqual([]);
  });
});

describe("keys", () => {
  it("a key bound to other IPs gets 50110 with OKX's wording", async () => {
    const bound = clientFor(await newKey(subAcct, ["read_only"], ["10.1.2.3"]));
    expect(await codeOf(bound.accountBalance())).toMatch(/^50110 Your IP (127\.0\.0\.1|::1) is not included in your API key's IP whitelist\.$/);
  });

  it("a read-only key may read but not trade or withdraw (50120)", async () => {
    const reader = clientFor(await newKey(subAcct, ["read_only"]));
    expect(Array.isArray(await reader.ordersPending())).toBe(true);
    const refusal = "50120 This API key doesn't have permission to use this function";
    expect(await codeOf(reader.placeOrder({ instId: "BTC-USDT", tdMode: "cash", side: "buy", ordType: "market", sz: "10" }))).toBe(refusal);
    expect(await codeOf(reader.withdraw({ ccy: "USDT", amt: "10", dest: "4", toAddr: "TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf", chain: "USDT-TRC20", clientId: "ro1" }))).toBe(refusal);
  });

  it("a sub-account key stays refused on broker endpoints; a broker key reads its own empty account", async () => {
    expect(await codeOf(okx.subaccountInfo())).toBe("50114 Invalid authorization.");
    expect(await broker.accountBalance()).toMatchObject({ totalEq: "0", details: [] });
    expect(await broker.accountPositions()).toEqual([]);
    expect(await broker.ordersPending()).toEqual([]);
  });
});

describe("withdrawals", () => {
  const to = "TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf";

  it("the same clientId twice makes one withdrawal; it moves 0 → 1 → 2 and debits the funding account once", async () => {
    const before = (await okx.assetBalances({ ccy: "USDT" }))[0];
    const ack = await okx.withdraw({ ccy: "USDT", amt: "100", dest: "4", toAddr: to, chain: "USDT-TRC20", clientId: "wd1" });
    expect(ack).toMatchObject({ ccy: "USDT", chain: "USDT-TRC20", amt: "100", clientId: "wd1" });
    expect(await codeOf(okx.withdraw({ ccy: "USDT", amt: "100", dest: "4", toAddr: to, chain: "USDT-TRC20", clientId: "wd1" }))).toBe("50071 clientId already exists");
    expect(await okx.withdrawalHistoryOwn({ clientId: "wd1" })).toHaveLength(1);
    expect((await okx.assetBalances({ ccy: "USDT" }))[0]).toMatchObject({ frozenBal: "101" });
    const seen = new Set<string>();
    for (let i = 0; i < 30 && !seen.has("2"); i++) {
      seen.add((await okx.withdrawalHistoryOwn({ wdId: ack.wdId }))[0].state);
      await sleep(100);
    }
    expect([...seen]).toEqual(expect.arrayContaining(["0", "1", "2"]));
    const after = (await okx.assetBalances({ ccy: "USDT" }))[0];
    expect(Number(before.bal) - Number(after.bal)).toBe(101);
    expect(after.frozenBal).toBe("0");
    // The broker's ND history lists it too.
    expect((await broker.withdrawalHistory({ subAcct, wdId: ack.wdId }))[0]).toMatchObject({ state: "2", clientId: "wd1" });
  });

  it("refuses what OKX refuses: below the minimum, a bad address, a missing tag, too little balance", async () => {
    expect(await codeOf(okx.withdraw({ ccy: "USDT", amt: "1", dest: "4", toAddr: to, chain: "USDT-TRC20", clientId: "small" }))).toBe("58206 Withdrawal amount is less than the lower limit.");
    expect(await codeOf(okx.withdraw({ ccy: "USDT", amt: "10", dest: "4", toAddr: "0x1234", chain: "USDT-ERC20", clientId: "badaddr" }))).toBe("58222 Invalid withdrawal address");
    expect(await codeOf(okx.withdraw({ ccy: "XRP", amt: "10", dest: "4", toAddr: "rUzWJkXyEtT8ekSSxkBYPqCvHpngcy6Fks", clientId: "notag" }))).toMatch(/^58221 /);
    expect(await codeOf(okx.withdraw({ ccy: "USDT", amt: "999999", dest: "4", toAddr: to, chain: "USDT-TRC20", clientId: "big" }))).toBe("58350 Insufficient balance.");
    expect(await codeOf(okx.withdraw({ ccy: "USDT", amt: "10", dest: "3", toAddr: "not an account!", clientId: "internal1" }))).toMatch(/^58213 The internal transfer address is illegal/);
    expect(await codeOf(okx.withdraw({ ccy: "USDT", amt: "10.1234567", dest: "4", toAddr: to, chain: "USDT-TRC20", clientId: "decimals" }))).toBe("51000 Parameter amt error");
  });

  it("a stalled withdrawal can be cancelled (-3 → -2); a second cancel is 58220; a failing one ends -1", async () => {
    await simAdmin(sim.url, "POST", "next-withdrawal", { subAcct, outcome: "stall" });
    const { wdId } = await okx.withdraw({ ccy: "USDT", amt: "10", dest: "4", toAddr: to, chain: "USDT-TRC20", clientId: "wd2" });
    await sleep(700);
    expect((await okx.withdrawalHistoryOwn({ wdId }))[0].state).toBe("0");
    expect(await okx.cancelWithdrawal({ wdId })).toEqual({ wdId });
    expect((await okx.withdrawalHistoryOwn({ wdId }))[0].state).toBe("-3");
    expect(await codeOf(okx.cancelWithdrawal({ wdId }))).toBe("58220 Withdrawal request already canceled.");
    await sleep(400);
    expect((await okx.withdrawalHistoryOwn({ wdId }))[0].state).toBe("-2");
    expect(await codeOf(okx.cancelWithdrawal({ wdId: "1" }))).toBe("58215 Withdrawal ID does not exist.");

    await simAdmin(sim.url, "POST", "next-withdrawal", { subAcct, outcome: "fail" });
    const failing = await okx.withdraw({ ccy: "USDT", amt: "10", dest: "4", toAddr: to, chain: "USDT-TRC20", clientId: "wd3" });
    await sleep(400);
    expect((await okx.withdrawalHistoryOwn({ wdId: failing.wdId }))[0].state).toBe("-1");
    expect(await codeOf(okx.cancelWithdrawal({ wdId: failing.wdId }))).toBe("58216 Operation not allowed.");
    expect((await okx.assetBalances({ ccy: "USDT" }))[0].frozenBal).toBe("0");
  });
});

describe("limits and persistence", () => {
  it("account/balance allows 10 per 2 s per user: the 11th is 50011, another sub-account's key is unaffected", async () => {
    await simAdmin(sim.url, "POST", "rate-limits", { reset: true });
    const fast = clientFor(creds, { limits: { accountBalance: { count: 100, windowMs: 2000 } } });
    const results = await Promise.all(Array.from({ length: 11 }, () => codeOf(fast.accountBalance())));
    expect(results.filter((r) => r === "ok")).toHaveLength(10);
    expect(results.filter((r) => r.startsWith("50011"))).toHaveLength(1);
    const other = clientFor(await newKey(otherSub, ["read_only"]));
    expect(await codeOf(other.accountBalance())).toBe("ok");
  });

  it("trade/order is limited per user AND instrument (60 per 2 s each)", async () => {
    await simAdmin(sim.url, "POST", "rate-limits", { reset: true });
    const fast = clientFor(creds, { limits: { placeOrder: { count: 1000, windowMs: 2000 } } });
    const order = (instId: string, px: string) => codeOf(fast.placeOrder({ instId, tdMode: "cash", side: "buy", ordType: "limit", px, sz: instId === "ETH-USDT" ? "0.0001" : "1" }));
    const eth = await Promise.all(Array.from({ length: 61 }, () => order("ETH-USDT", "1000")));
    expect(eth.filter((r) => r === "ok")).toHaveLength(60);
    expect(eth.filter((r) => r.startsWith("50011"))).toHaveLength(1);
    expect(await order("XRP-USDT", "0.1")).toBe("ok");
    await okx.cancelBatchOrders({ orders: (await okx.ordersPending({ instId: "XRP-USDT" })).map((o) => ({ instId: o.instId, ordId: o.ordId })) });
  });

  it("cancel-batch-orders counts orders: 300 per 2 s per user and instrument", async () => {
    await simAdmin(sim.url, "POST", "rate-limits", { reset: true });
    const fast = clientFor(creds, { limits: { cancelBatchOrders: { count: 1000, windowMs: 2000 } } });
    const batch = (instId: string) => Array.from({ length: 20 }, (_, i) => ({ instId, ordId: String(1000 + i) }));
    const answers = await Promise.all(Array.from({ length: 16 }, () => codeOf(fast.cancelBatchOrders({ orders: batch("SOL-USDT") }))));
    // Unknown orders: each batch is refused item by item (51400), except the one over the limit (50011).
    expect(answers.filter((a) => a.startsWith("50011"))).toHaveLength(1);
    expect(answers.filter((a) => a === "ok")).toHaveLength(15);
    expect(await codeOf(fast.cancelBatchOrders({ orders: batch("LTC-USDT") }))).toBe("ok");
  });

  it("orders, positions, balances and withdrawals survive a restart", async () => {
    await sleep(2100);
    const [open] = await okx.placeOrder({ instId: "BTC-USDT-SWAP", tdMode: "isolated", side: "buy", ordType: "market", sz: "2" });
    const before = { balance: await okx.accountBalance(), positions: await okx.accountPositions(), history: await okx.withdrawalHistoryOwn(), funding: await okx.assetBalances() };
    await sim.close();
    sim = await start();
    okx = clientFor(creds);
    const positions = await okx.accountPositions();
    expect(positions.map((p) => [p.posId, p.pos, p.avgPx, p.mgnMode])).toEqual(before.positions.map((p) => [p.posId, p.pos, p.avgPx, p.mgnMode]));
    expect((await okx.accountBalance()).details.map((d) => d.cashBal)).toEqual(before.balance.details.map((d) => d.cashBal));
    expect((await okx.withdrawalHistoryOwn()).map((w) => [w.wdId, w.state])).toEqual(before.history.map((w) => [w.wdId, w.state]));
    expect(await okx.assetBalances()).toEqual(before.funding);
    expect((await okx.fills({ ordId: open.ordId })).length).toBe(1);
  });

  it("a snapshot written before sub-account trading existed still loads (no trading, no live withdrawals)", async () => {
    await sim.close();
    const file = path.join(dir, "state.json");
    const snapshot = JSON.parse(await readFile(file, "utf8")) as { trading?: unknown; withdrawals: { live?: unknown }[] };
    delete snapshot.trading;
    for (const w of snapshot.withdrawals) delete w.live;
    await writeFile(file, JSON.stringify(snapshot));
    sim = await start();
    okx = clientFor(creds);
    expect((await okx.accountBalance()).details.length).toBeGreaterThan(0);
    expect((await okx.withdrawalHistoryOwn()).length).toBeGreaterThan(0);
  });
});
