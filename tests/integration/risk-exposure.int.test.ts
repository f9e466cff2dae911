/**
 * The exposure kinds (exposure, margin_ratio, concentration) on snapshots stored by the sync's own write
 * (writeSync) with chosen numbers: below and above the threshold, one event per window however often it
 * is evaluated (and the next window its own), stale snapshots not counted, the sweep finding a customer
 * whose positions were synced. Then end to end against the run's simulator over HTTP: a real sync of a
 * customer's sub-accounts asks once for the customer's evaluation (the brand's pending set and its slot
 * job), and the worker opens the event.
 */
import { randomUUID } from "node:crypto";
import { Decimal } from "decimal.js";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startRuntime } from "@/jobs/runtime";
import type { TenantContext } from "@/server/actor";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { syncExchangeAccount } from "@/server/exchange-accounts/sync";
import { writeSync } from "@/server/exchange-accounts/sync-write";
import type { Position } from "@/server/exchange/okx/schemas";
import { simAdmin, simClient } from "@/server/exchange/okx/testing/sim-harness";
import { closeProducerConnection, configureJobs } from "@/server/queues/connection";
import { producerQueue } from "@/server/queues/registry";
import { evaluateCustomer, sweep, type EventNumbers } from "@/server/risk/evaluate";
import { pendingCustomers } from "@/server/risk/pending";
import { createTestCustomer } from "../cases/customers";
import { createTestRiskLimit } from "../cases/risk";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";
import { customerClient, tradingCustomer } from "../helpers/exchange-actions";

const simUrl = inject("integrationSimulatorUrl");
const prefix = `bdtest-risk-exposure-${randomUUID().slice(0, 8)}`;
const HOUR = 3_600_000;

let brandId: string;

beforeAll(async () => {
  brandId = (await createTestBrand()).id;
  await configureJobs({ prefix, redisUrl: env.REDIS_URL });
});

afterAll(async () => {
  await producerQueue("risk-evaluate").obliterate({ force: true }).catch(() => undefined);
  await closeProducerConnection();
});

/** A sub-account row of the customer (no exchange needed: the kinds read only what the sync stored). */
async function subaccountOf(customerId: string, brand = brandId) {
  return db.subaccount.create({
    data: { brandId: brand, subAcct: `rx${randomUUID().slice(0, 10).replace(/-/g, "")}`, uid: "1", accountLevel: 2, enabled: true, canTransferOut: true, exchangeCreatedAt: new Date(), lastSyncedAt: new Date(), customerId },
  });
}

interface Held {
  instId: string;
  notional: string;
  mgnRatio?: string;
  posSide?: string;
}

const position = (h: Held, i: number): Position =>
  ({
    instType: "SWAP",
    instId: h.instId,
    posId: `${i + 1}${randomUUID().replace(/\D/g, "").slice(0, 8)}`,
    posSide: h.posSide ?? "net",
    pos: "1",
    mgnMode: "cross",
    avgPx: "1",
    markPx: "1",
    upl: null,
    uplRatio: null,
    lever: "",
    liqPx: null,
    mgnRatio: h.mgnRatio ?? null,
    imr: null,
    notionalUsd: h.notional,
    ccy: "USDT",
    cTime: new Date(0),
    uTime: new Date(0),
  }) as Position;

/** Stores a snapshot of the sub-account at `at` through the sync's own write: USDT equity and positions. */
async function snapshot(subaccountId: string, at: Date, s: { equity: string; positions: Held[] }, brand = brandId) {
  const trading = { totalEq: s.equity, mgnRatio: null, uTime: at, details: [{ ccy: "USDT", eq: s.equity, cashBal: s.equity, availBal: s.equity, frozenBal: null, ordFrozen: null, upl: null, eqUsd: null, uTime: at }] };
  await writeSync(
    db,
    { brandId: brand, subaccountId },
    at,
    { balances: { trading, funding: [], prices: new Map([["USDT", new Decimal(1)]]) }, positions: { rows: s.positions.map(position), contractValues: new Map() } },
    [
      { kind: "balances", failure: null },
      { kind: "positions", failure: null },
    ],
  );
}

async function customerWith(at: Date, s: { equity: string; positions: Held[] }) {
  const customer = await createTestCustomer(brandId);
  const sub = await subaccountOf(customer.id);
  await snapshot(sub.id, at, s);
  return { customerId: customer.id, subaccountId: sub.id };
}

/** A customer-scope limit (so each test's customer has its own, whatever the others do). */
const limitOf = (customerId: string, kind: string, threshold: string, windowMinutes = 60) =>
  db.riskLimit.create({ data: { brandId, scope: "customer", scopeId: customerId, kind, threshold, windowMinutes, severity: "high", actions: ["alert"] } });

const eventsOf = (customerId: string) => db.riskEvent.findMany({ where: { brandId, customerId }, orderBy: { createdAt: "asc" } });
const numbers = (e: { numbers: unknown }) => e.numbers as EventNumbers;

describe("exposure", () => {
  it("opens one event per window when total notional over equity is above the threshold, with the positions and the equity counted", async () => {
    const at = new Date();
    const c = await customerWith(at, { equity: "10000", positions: [{ instId: "BTC-USDT-SWAP", notional: "20000" }, { instId: "ETH-USDT-SWAP", notional: "-5000" }] });
    const above = await limitOf(c.customerId, "exposure", "300");
    expect(await evaluateCustomer(db, brandId, c.customerId, at)).toEqual({ opened: 0, applied: 0 });
    expect(await eventsOf(c.customerId)).toHaveLength(0);

    // 25,000 / 10,000 = 250 % over 200 %.
    await db.riskLimit.update({ where: { id: above.id }, data: { threshold: "200" } });
    expect((await evaluateCustomer(db, brandId, c.customerId, at)).opened).toBe(1);
    const [event] = await eventsOf(c.customerId);
    expect(numbers(event!)).toMatchObject({ observed: "250", threshold: "200", unit: "percent", windowMinutes: 60 });
    const items = numbers(event!).items;
    expect(items.filter((i) => i.type === "position").map((i) => [i.label, i.value])).toEqual([
      ["BTC-USDT-SWAP", "20000"],
      ["ETH-USDT-SWAP", "5000"],
    ]);
    expect(items.find((i) => i.type === "equity")).toMatchObject({ value: "10000" });

    // Evaluated again in the same window (the sweep, another sync): the same event, nothing new.
    expect((await evaluateCustomer(db, brandId, c.customerId, new Date(at.getTime() + 1000))).opened).toBe(0);
    expect(await eventsOf(c.customerId)).toHaveLength(1);

    // The breach lasts into the next window (a fresh sync): its own event.
    const next = new Date(at.getTime() + HOUR);
    await snapshot(c.subaccountId, next, { equity: "10000", positions: [{ instId: "BTC-USDT-SWAP", notional: "30000" }] });
    expect((await evaluateCustomer(db, brandId, c.customerId, next)).opened).toBe(1);
    const both = await eventsOf(c.customerId);
    expect(both.map((e) => numbers(e).observed)).toEqual(["250", "300"]);
    expect(new Set(both.map((e) => e.windowKey)).size).toBe(2);
  });

  it("counts every sub-account of the customer, and a breach at exactly the threshold is not one", async () => {
    const at = new Date();
    const c = await customerWith(at, { equity: "5000", positions: [{ instId: "BTC-USDT-SWAP", notional: "10000" }] });
    const other = await subaccountOf(c.customerId);
    await snapshot(other.id, at, { equity: "5000", positions: [{ instId: "SOL-USDT-SWAP", notional: "5000" }] });
    // 15,000 / 10,000 = 150 %.
    await limitOf(c.customerId, "exposure", "150");
    expect((await evaluateCustomer(db, brandId, c.customerId, at)).opened).toBe(0);
    await db.riskLimit.updateMany({ where: { scopeId: c.customerId }, data: { threshold: "149.99" } });
    expect((await evaluateCustomer(db, brandId, c.customerId, at)).opened).toBe(1);
    expect(numbers((await eventsOf(c.customerId))[0]!).observed).toBe("150");
  });

  it("no equity with a position open is a breach whatever the threshold, shown as Infinity", async () => {
    const at = new Date();
    const c = await customerWith(at, { equity: "0", positions: [{ instId: "BTC-USDT-SWAP", notional: "10" }] });
    await limitOf(c.customerId, "exposure", "100000");
    expect((await evaluateCustomer(db, brandId, c.customerId, at)).opened).toBe(1);
    expect(numbers((await eventsOf(c.customerId))[0]!)).toMatchObject({ observed: "Infinity", unit: "percent" });
  });

  it("no positions is no exposure, and a snapshot older than the window says nothing", async () => {
    const at = new Date();
    const flat = await customerWith(at, { equity: "0", positions: [] });
    await limitOf(flat.customerId, "exposure", "1");
    expect((await evaluateCustomer(db, brandId, flat.customerId, at)).opened).toBe(0);

    const stale = await customerWith(new Date(at.getTime() - 2 * HOUR), { equity: "100", positions: [{ instId: "BTC-USDT-SWAP", notional: "100000" }] });
    await limitOf(stale.customerId, "exposure", "100");
    expect((await evaluateCustomer(db, brandId, stale.customerId, at)).opened).toBe(0);
    // With a window long enough to reach it, the same snapshot counts.
    await db.riskLimit.updateMany({ where: { scopeId: stale.customerId }, data: { windowMinutes: 180 } });
    expect((await evaluateCustomer(db, brandId, stale.customerId, at)).opened).toBe(1);
  });
});

describe("margin_ratio", () => {
  it("is the lowest margin ratio of the positions, in percent, and breaches BELOW the threshold", async () => {
    const at = new Date();
    const c = await customerWith(at, {
      equity: "1000",
      positions: [
        { instId: "BTC-USDT-SWAP", notional: "5000", mgnRatio: "3.5" },
        { instId: "ETH-USDT-SWAP", notional: "1000", mgnRatio: "1.2" },
        { instId: "SOL-USDT-SWAP", notional: "1000" },
      ],
    });
    const limit = await limitOf(c.customerId, "margin_ratio", "100");
    // 120 % is above 100 %: within the limit.
    expect((await evaluateCustomer(db, brandId, c.customerId, at)).opened).toBe(0);
    await db.riskLimit.update({ where: { id: limit.id }, data: { threshold: "150" } });
    expect((await evaluateCustomer(db, brandId, c.customerId, at)).opened).toBe(1);
    expect((await evaluateCustomer(db, brandId, c.customerId, at)).opened).toBe(0);
    const [event] = await eventsOf(c.customerId);
    expect(numbers(event!)).toMatchObject({ observed: "120", threshold: "150", unit: "percent" });
    // Lowest first; the position without a ratio is not counted.
    expect(numbers(event!).items.map((i) => i.label)).toEqual(["ETH-USDT-SWAP · 120 %", "BTC-USDT-SWAP · 350 %"]);
  });

  it("positions the exchange gives no ratio for are no observation", async () => {
    const at = new Date();
    const c = await customerWith(at, { equity: "1000", positions: [{ instId: "BTC-USDT-SWAP", notional: "5000" }] });
    await limitOf(c.customerId, "margin_ratio", "1000000");
    expect((await evaluateCustomer(db, brandId, c.customerId, at)).opened).toBe(0);
  });
});

describe("concentration", () => {
  it("is the largest instrument's share of the total notional across sub-accounts and sides, above the threshold", async () => {
    const at = new Date();
    const c = await customerWith(at, {
      equity: "100000",
      positions: [
        { instId: "BTC-USDT-SWAP", notional: "15000", posSide: "long" },
        { instId: "BTC-USDT-SWAP", notional: "-5000", posSide: "short" },
        { instId: "ETH-USDT-SWAP", notional: "10000" },
      ],
    });
    const other = await subaccountOf(c.customerId);
    await snapshot(other.id, at, { equity: "0", positions: [{ instId: "BTC-USDT-SWAP", notional: "10000" }] });
    // BTC 30,000 of 40,000 = 75 %.
    const limit = await limitOf(c.customerId, "concentration", "80");
    expect((await evaluateCustomer(db, brandId, c.customerId, at)).opened).toBe(0);
    await db.riskLimit.update({ where: { id: limit.id }, data: { threshold: "70" } });
    expect((await evaluateCustomer(db, brandId, c.customerId, at)).opened).toBe(1);
    expect((await evaluateCustomer(db, brandId, c.customerId, at)).opened).toBe(0);
    const [event] = await eventsOf(c.customerId);
    expect(numbers(event!)).toMatchObject({ observed: "75", unit: "percent" });
    expect(numbers(event!).items).toHaveLength(4);
  });
});

describe("the sweep", () => {
  it("finds a customer whose positions were synced in the window and opens the event once; a customer synced long ago is not looked at", async () => {
    const brand = await createTestBrand();
    const at = new Date();
    const fresh = await createTestCustomer(brand.id);
    const freshSub = await subaccountOf(fresh.id, brand.id);
    await snapshot(freshSub.id, at, { equity: "1000", positions: [{ instId: "BTC-USDT-SWAP", notional: "5000" }] }, brand.id);
    const old = await createTestCustomer(brand.id);
    const oldSub = await subaccountOf(old.id, brand.id);
    await snapshot(oldSub.id, new Date(at.getTime() - 3 * HOUR), { equity: "1000", positions: [{ instId: "BTC-USDT-SWAP", notional: "5000" }] }, brand.id);
    await createTestRiskLimit(brand.id, { kind: "exposure", threshold: "300" });
    await db.riskLimit.updateMany({ where: { brandId: brand.id }, data: { windowMinutes: 60 } });

    const first = await sweep(db, at);
    expect(first).toMatchObject({ opened: 1 });
    const events = await db.riskEvent.findMany({ where: { brandId: brand.id } });
    expect(events.map((e) => e.customerId)).toEqual([fresh.id]);
    expect(numbers(events[0]!).observed).toBe("500");
    expect((await sweep(db, new Date(at.getTime() + 1000))).opened).toBe(0);
  });
});

describe("after a real sync from the simulator", () => {
  let ctx: TenantContext;

  beforeAll(async () => {
    const user = (await createTestStaff({ brandId, role: "operations" })).user;
    ctx = { ...(await staffContext(user, { tenantId: brandId })), tenantId: brandId };
  });

  /** A sub-account on the simulator with 100,000 USDT, nothing open but one BTC swap position. */
  async function withPosition(customerId?: string) {
    const tc = await tradingCustomer(ctx, { customerId });
    await simClient(simUrl, null, { forBrand: brandId }).setSubaccountLevel({ subAcct: tc.subAcct, acctLv: "2" });
    const client = await customerClient(ctx, tc.subaccountId);
    await simAdmin(simUrl, "POST", "funds", { subAcct: tc.subAcct, account: "trading", ccy: "USDT", amt: "100000" }, brandId);
    for (const p of await client.accountPositions()) await client.closePosition({ instId: p.instId, mgnMode: p.mgnMode as "cross", posSide: p.posSide as "net", autoCxl: true });
    await simAdmin(simUrl, "POST", "position-mode", { subAcct: tc.subAcct, posMode: "net_mode" }, brandId);
    const [ack] = await client.placeOrder({ instId: "BTC-USDT-SWAP", tdMode: "cross", side: "buy", ordType: "market", sz: "2" });
    expect(ack!.sCode).toBe("0");
    return tc;
  }

  it("asks once per customer however many sub-accounts synced, and the worker opens the event", { timeout: 60_000 }, async () => {
    const a = await withPosition();
    const b = await withPosition(a.customerId);
    await limitOf(a.customerId, "exposure", "0.0001");
    const queue = producerQueue("risk-evaluate");
    await queue.obliterate({ force: true });

    const deps = { db, clientOptions: { redis: null }, kinds: ["balances", "positions"] as const };
    for (const sub of [a, b]) expect((await syncExchangeAccount(brandId, sub.subaccountId, deps, "manual")).outcome).toBe("synced");
    // The customer waits once in the brand's pending set; the brand's slot job (no job per customer) takes it.
    expect((await pendingCustomers(brandId)).filter((id) => id === a.customerId || id === b.customerId)).toEqual([a.customerId]);
    const waiting = await queue.getJobs(["waiting", "delayed", "prioritized"]);
    expect(waiting.length).toBeGreaterThanOrEqual(1);
    expect(waiting.map((j) => j.data)).toEqual(waiting.map(() => ({ brandId, trigger: "pending" })));

    const runtime = await startRuntime(() => undefined, ["risk-evaluate"]);
    try {
      await expect.poll(() => db.riskEvent.count({ where: { brandId, customerId: a.customerId } }), { timeout: 30_000, interval: 200 }).toBe(1);
    } finally {
      await runtime.close();
    }
    // The observed number is the stored notional over the stored equity, both sub-accounts together.
    const [event] = await eventsOf(a.customerId);
    const positions = await db.exchangePosition.findMany({ where: { subaccountId: { in: [a.subaccountId, b.subaccountId] } } });
    const balances = await db.exchangeBalance.findMany({ where: { subaccountId: { in: [a.subaccountId, b.subaccountId] }, account: "trading" } });
    expect(positions.length).toBeGreaterThanOrEqual(2);
    const notional = positions.reduce((s, p) => s.plus(p.exposureUsd.toFixed()), new Decimal(0));
    const equity = balances.reduce((s, x) => s.plus(x.valueUsdt?.toFixed() ?? 0), new Decimal(0));
    expect(numbers(event!).observed).toBe(notional.div(equity).mul(100).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed());
  });

  it("a brand without a limit of a kind that reads synced accounts gets no evaluation from a sync", async () => {
    const other = await createTestBrand();
    const user = (await createTestStaff({ brandId: other.id, role: "operations" })).user;
    const otherCtx = { ...(await staffContext(user, { tenantId: other.id })), tenantId: other.id };
    const tc = await tradingCustomer(otherCtx);
    await createTestRiskLimit(other.id, { kind: "withdrawal_single" });
    const queue = producerQueue("risk-evaluate");
    await queue.obliterate({ force: true });
    expect((await syncExchangeAccount(other.id, tc.subaccountId, { db, clientOptions: { redis: null }, kinds: ["balances", "positions"] }, "manual")).outcome).toBe("synced");
    expect(await queue.getJobs(["waiting", "delayed", "prioritized"])).toEqual([]);
    expect(await pendingCustomers(other.id)).toEqual([]);
    // The same sync once the brand has one: asked.
    await createTestRiskLimit(other.id, { kind: "concentration", threshold: "90" });
    expect((await syncExchangeAccount(other.id, tc.subaccountId, { db, clientOptions: { redis: null }, kinds: ["balances", "positions"] }, "manual")).outcome).toBe("synced");
    expect(await pendingCustomers(other.id)).toEqual([tc.customerId]);
    expect((await queue.getJobs(["waiting", "delayed", "prioritized"])).map((j) => j.data)).toEqual([{ brandId: other.id, trigger: "pending" }]);
  });

  it("a sync without Redis still stores and answers (the sweep catches up)", async () => {
    const a = await withPosition();
    await configureJobs({ redisUrl: "redis://127.0.0.1:1" });
    try {
      const started = Date.now();
      expect((await syncExchangeAccount(brandId, a.subaccountId, { db, clientOptions: { redis: null }, kinds: ["balances", "positions"] }, "manual")).outcome).toBe("synced");
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await configureJobs({ redisUrl: env.REDIS_URL });
    }
    expect(await db.exchangePosition.count({ where: { subaccountId: a.subaccountId } })).toBeGreaterThan(0);
  });
});
