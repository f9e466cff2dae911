/**
 * The risk-limit kinds on money flows — deposit_count, deposit_amount, deposit_then_withdraw, bonus_credit —
 * and the events that start their evaluation. Per kind: below the threshold no event; above it one event
 * with the observed number, its unit and the items counted; evaluated again, still one. The sweep finds a
 * breach no job was enqueued for. The deposit sync (against a simulator of the file's own) and bonus grants
 * (applied at once, and approved) ask for the evaluation of each customer they credited (the brand's
 * pending set), run here by the worker's own processor. A withdrawal that takes out what just came in is held at request time. Another brand's
 * deposits, prices and grants never count.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { processRiskEvaluate } from "@/jobs/workers/risk-evaluate";
import { pendingCustomers } from "@/server/risk/pending";
import type { TenantContext } from "@/server/actor";
import { approveGrant } from "@/server/bonuses/grant-approval";
import { grant } from "@/server/bonuses/grant-create";
import { db } from "@/server/db/client";
import { syncDeposits, type DepositSyncDeps } from "@/server/deposits/sync";
import { env } from "@/server/env";
import { simAdmin, startSim, type SimHarness } from "@/server/exchange/okx/testing/sim-harness";
import { closeProducerConnection, configureJobs } from "@/server/queues/connection";
import { producerQueue } from "@/server/queues/registry";
import type { EventNumbers } from "@/server/risk/evaluate";
import { evaluateCustomer, sweep } from "@/server/risk/evaluate";
import { syncSubaccounts } from "@/server/subaccounts/sync";
import type { WithdrawalRow } from "@/server/withdrawals/types";
import { activeCampaign, member, newBrand } from "../helpers/bonuses";
import { createTestBrand, createTestStaff, staffContext, uniqueSuffix } from "../helpers/db";
import { bookEntry, TRC20, withdrawingCustomer } from "../helpers/withdrawals";
import { createTestCustomer } from "../cases/customers";
import { createTestTradingAccount } from "../cases/fund-locks";
import { createTestRiskLimit } from "../cases/risk";
import { callAs } from "./fixture";

const prefix = `bdtest-risk-kinds-${randomUUID().slice(0, 8)}`;
const MIN = 60_000;
let brand: { id: string };
let other: { id: string };

beforeAll(async () => {
  await configureJobs({ prefix, redisUrl: env.REDIS_URL });
  brand = await createTestBrand();
  other = await createTestBrand();
});

afterAll(async () => {
  await producerQueue("risk-evaluate").obliterate({ force: true }).catch(() => undefined);
  await producerQueue("withdrawal-send").obliterate({ force: true }).catch(() => undefined);
  await closeProducerConnection();
});

// ── Fixtures written straight to the database ────────────────────────────────────────────────────────

/** A customer of `brandId` with one sub-account of their own. */
async function customerWithSub(brandId: string) {
  const c = await createTestCustomer(brandId);
  const sub = await db.subaccount.create({
    data: { brandId, subAcct: `rk${uniqueSuffix()}`, uid: uniqueSuffix(), accountLevel: 1, enabled: true, canTransferOut: true, exchangeCreatedAt: new Date(), lastSyncedAt: new Date(), customerId: c.id },
  });
  return { customerId: c.id, subaccountId: sub.id, subAcct: sub.subAcct };
}

type Sub = { subaccountId: string; subAcct: string };
const deposit = (brandId: string, sub: Sub, data: { amount: string; ccy?: string; state?: number; at?: Date }) =>
  db.deposit.create({
    data: { brandId, depId: uniqueSuffix(), subAcct: sub.subAcct, subaccountId: sub.subaccountId, ccy: data.ccy ?? "USDT", chain: "USDT-TRC20", amount: data.amount, state: data.state ?? 2, exchangeTs: data.at ?? new Date() },
  });

const withdrawal = (brandId: string, c: { customerId: string } & Sub, valueUsdt: string, at: Date, state: "completed" | "rejected" = "completed") =>
  db.withdrawal.create({
    data: { brandId, customerId: c.customerId, subaccountId: c.subaccountId, ccy: "USDT", chain: "USDT-TRC20", amount: valueUsdt, valueUsdt, address: TRC20, state, clientId: randomUUID().replace(/-/g, ""), createdAt: at },
  });

/** The brand's stored USDT price of `ccy`: a balance of 1 valued at `price`, as the account sync stores it. */
const price = (brandId: string, subaccountId: string, ccy: string, value: string) =>
  db.exchangeBalance.create({ data: { brandId, subaccountId, account: "funding", ccy, total: "1", valueUsdt: value, syncedAt: new Date() } });

const limitOf = (brandId: string, kind: string, threshold: string, data: { windowMinutes?: number; scopeId?: string; actions?: string[] } = {}) =>
  db.riskLimit.create({
    data: { brandId, scope: data.scopeId ? "customer" : "brand", scopeId: data.scopeId, kind, threshold, windowMinutes: data.windowMinutes ?? 1440, severity: "high", actions: data.actions ?? ["alert"] },
  });

const eventsOf = (brandId: string, customerId: string) => db.riskEvent.findMany({ where: { brandId, customerId }, orderBy: { createdAt: "asc" } });
const numbers = (e: { numbers: unknown }) => e.numbers as EventNumbers;
const ids = (e: { numbers: unknown }, type: string) => numbers(e).items.filter((i) => i.type === type).map((i) => i.id).sort();

/** Seconds ago, so a test run at midnight UTC still puts everything in one daily window. */
const justNow = (seconds: number) => new Date(Date.now() - seconds * 1000);

// ── The kinds ────────────────────────────────────────────────────────────────────────────────────────

describe("deposit_count", () => {
  it("counts the customer's credited deposits in the window, one event however often evaluated; another brand's never count", async () => {
    const c = await customerWithSub(brand.id);
    await limitOf(brand.id, "deposit_count", "2", { scopeId: c.customerId });
    const a = await deposit(brand.id, c, { amount: "10", at: justNow(30) });
    const b = await deposit(brand.id, c, { amount: "10", state: 1, at: justNow(20) });
    await deposit(brand.id, c, { amount: "10", state: 0, at: justNow(15) }); // waiting: not credited
    await deposit(brand.id, c, { amount: "10", state: 11, at: justNow(15) }); // refused
    // Another brand's deposits: one wrongly pointing at this customer's sub-account, and its own customer's.
    await deposit(other.id, c, { amount: "10", at: justNow(10) });
    const theirs = await customerWithSub(other.id);
    for (let i = 0; i < 3; i++) await deposit(other.id, theirs, { amount: "10", at: justNow(10) });
    expect(await evaluateCustomer(db, brand.id, c.customerId)).toEqual({ opened: 0, applied: 0 });

    const third = await deposit(brand.id, c, { amount: "10", at: justNow(5) });
    expect(await evaluateCustomer(db, brand.id, c.customerId)).toEqual({ opened: 1, applied: 1 });
    expect(await evaluateCustomer(db, brand.id, c.customerId)).toEqual({ opened: 0, applied: 0 });
    const events = await eventsOf(brand.id, c.customerId);
    expect(events).toHaveLength(1);
    expect(events[0]!.kind).toBe("deposit_count");
    expect(events[0]!.windowKey).toMatch(/^\d{4}-\d\d-\d\dT00:00:00\.000Z\/1440m$/);
    expect(numbers(events[0]!)).toMatchObject({ observed: "3", threshold: "2", unit: "count" });
    expect(ids(events[0]!, "deposit")).toEqual([a.id, b.id, third.id].sort());
    expect(numbers(events[0]!).items).toHaveLength(3);
    // The other brand has no limit: nothing there either.
    expect(await evaluateCustomer(db, other.id, theirs.customerId)).toEqual({ opened: 0, applied: 0 });
  });

  it("refuses a count threshold that is not a whole number, naming the field", async () => {
    const admin = await member(brand.id, "admin");
    const input = { scope: "brand", kind: "deposit_count", threshold: "4.5", windowMinutes: 60, severity: "low", actions: ["alert"] };
    await expect(callAs(admin.actor as never, brand.id, "risk.createLimit", input)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("whole number") });
    expect(await db.riskLimit.count({ where: { brandId: brand.id, threshold: "4.5" } })).toBe(0);
  });
});

describe("deposit_amount", () => {
  it("sums the deposits' USDT value (stablecoins 1:1, others at the stored price, unpriced left out) above the threshold", async () => {
    const c = await customerWithSub(brand.id);
    await limitOf(brand.id, "deposit_amount", "1000", { scopeId: c.customerId });
    const usdt = await deposit(brand.id, c, { amount: "600", at: justNow(30) });
    const btc = await deposit(brand.id, c, { amount: "0.01", ccy: "BTC", at: justNow(20) });
    await deposit(brand.id, c, { amount: "1000000", ccy: "XYZ", at: justNow(20) }); // no price of this brand's
    // Another brand's price of XYZ is not this brand's.
    const theirs = await customerWithSub(other.id);
    await price(other.id, theirs.subaccountId, "XYZ", "5");
    expect(await evaluateCustomer(db, brand.id, c.customerId)).toEqual({ opened: 0, applied: 0 });

    await price(brand.id, c.subaccountId, "BTC", "50000");
    expect(await evaluateCustomer(db, brand.id, c.customerId)).toEqual({ opened: 1, applied: 1 });
    expect(await evaluateCustomer(db, brand.id, c.customerId)).toEqual({ opened: 0, applied: 0 });
    const events = await eventsOf(brand.id, c.customerId);
    expect(events).toHaveLength(1);
    expect(numbers(events[0]!)).toMatchObject({ observed: "1100", threshold: "1000", unit: "USDT" });
    expect(numbers(events[0]!).items).toEqual([
      expect.objectContaining({ type: "deposit", id: usdt.id, value: "600", state: "2" }),
      expect.objectContaining({ type: "deposit", id: btc.id, value: "500" }),
    ]);
  });
});

describe("deposit_then_withdraw", () => {
  it("withdrawals since the window's first deposit, as a percentage of those deposits, above the threshold: one event per window", async () => {
    const c = await customerWithSub(brand.id);
    await limitOf(brand.id, "deposit_then_withdraw", "80", { scopeId: c.customerId, windowMinutes: 60 });
    const now = Date.now();
    await withdrawal(brand.id, c, "300", new Date(now - 40 * MIN)); // before the deposit: not counted
    const d = await deposit(brand.id, c, { amount: "1000", at: new Date(now - 30 * MIN) });
    await deposit(other.id, c, { amount: "5000", at: new Date(now - 30 * MIN) }); // another brand's row: never counted
    const first = await withdrawal(brand.id, c, "500", new Date(now - 20 * MIN));
    await withdrawal(brand.id, c, "900", new Date(now - 15 * MIN), "rejected"); // ended unpaid: not counted
    expect(await evaluateCustomer(db, brand.id, c.customerId)).toEqual({ opened: 0, applied: 0 });

    const second = await withdrawal(brand.id, c, "400", new Date(now - 10 * MIN));
    expect(await evaluateCustomer(db, brand.id, c.customerId)).toEqual({ opened: 1, applied: 1 });
    expect(await evaluateCustomer(db, brand.id, c.customerId)).toEqual({ opened: 0, applied: 0 });
    const events = await eventsOf(brand.id, c.customerId);
    expect(events).toHaveLength(1);
    expect(numbers(events[0]!)).toMatchObject({ observed: "90", threshold: "80", unit: "percent", windowMinutes: 60, windowEnd: second.createdAt.toISOString() });
    expect(ids(events[0]!, "deposit")).toEqual([d.id]);
    expect(ids(events[0]!, "withdrawal")).toEqual([first.id, second.id].sort());
    expect(events[0]!.windowKey).toMatch(/\/60m$/);
  });

  it("a deposit older than the window before the withdrawal does not count", async () => {
    const c = await customerWithSub(brand.id);
    await limitOf(brand.id, "deposit_then_withdraw", "80", { scopeId: c.customerId, windowMinutes: 60 });
    const now = Date.now();
    await deposit(brand.id, c, { amount: "1000", at: new Date(now - 90 * MIN) });
    await withdrawal(brand.id, c, "950", new Date(now - 5 * MIN));
    expect(await evaluateCustomer(db, brand.id, c.customerId)).toEqual({ opened: 0, applied: 0 });
  });
});

describe("bonus_credit", () => {
  it("sums the bonus credit applied in the window in USDT, real accounts only, above the threshold", async () => {
    const c = await customerWithSub(brand.id);
    await limitOf(brand.id, "bonus_credit", "100", { scopeId: c.customerId });
    const usdt = await createTestTradingAccount(brand.id, { customerId: c.customerId, currency: "USDT" });
    const btc = await createTestTradingAccount(brand.id, { customerId: c.customerId, currency: "BTC", type: "swap" });
    const demo = await createTestTradingAccount(brand.id, { customerId: c.customerId, currency: "USDT", demo: true });
    await price(brand.id, c.subaccountId, "BTC", "50000");
    const give = (accountId: string, amount: string, currency: string, status: "applied" | "rejected" = "applied") =>
      db.bonusGrant.create({
        data: { brandId: brand.id, customerId: c.customerId, tradingAccountId: accountId, amount, currency, withdrawable: false, remaining: status === "applied" ? amount : "0", status, idempotencyKey: randomUUID(), appliedAt: status === "applied" ? new Date() : null },
      });
    const g1 = await give(usdt.id, "30", "USDT");
    const g2 = await give(btc.id, "0.001", "BTC");
    await give(demo.id, "500", "USDT"); // demo credit is not money
    await give(usdt.id, "500", "USDT", "rejected"); // never credited
    expect(await evaluateCustomer(db, brand.id, c.customerId)).toEqual({ opened: 0, applied: 0 });

    const g3 = await give(usdt.id, "40", "USDT");
    expect(await evaluateCustomer(db, brand.id, c.customerId)).toEqual({ opened: 1, applied: 1 });
    expect(await evaluateCustomer(db, brand.id, c.customerId)).toEqual({ opened: 0, applied: 0 });
    const events = await eventsOf(brand.id, c.customerId);
    expect(events).toHaveLength(1);
    expect(numbers(events[0]!)).toMatchObject({ observed: "120", threshold: "100", unit: "USDT" });
    expect(ids(events[0]!, "bonus_grant")).toEqual([g1.id, g2.id, g3.id].sort());
    expect(numbers(events[0]!).items.find((i) => i.id === g2.id)).toMatchObject({ value: "50", state: "applied" });
  });
});

describe("the sweep", () => {
  it("finds a deposit breach no job was enqueued for, once", { timeout: 60_000 }, async () => {
    const c = await customerWithSub(brand.id);
    await limitOf(brand.id, "deposit_count", "1", { scopeId: c.customerId, windowMinutes: 60 });
    await deposit(brand.id, c, { amount: "1", at: justNow(2) });
    await deposit(brand.id, c, { amount: "1", at: justNow(1) });
    expect(await eventsOf(brand.id, c.customerId)).toEqual([]);
    expect((await sweep(db)).opened).toBeGreaterThanOrEqual(1);
    expect(await eventsOf(brand.id, c.customerId)).toHaveLength(1);
    await sweep(db);
    expect(await eventsOf(brand.id, c.customerId)).toHaveLength(1);
  });
});

// ── What starts an evaluation ────────────────────────────────────────────────────────────────────────

/**
 * What a trigger asked for: the brand's customers waiting in its pending set; then the brand's pending
 * evaluation run by the worker's own processor (as its slot job would), and the slot's jobs removed.
 */
async function runPendingOf(brandId: string) {
  const waiting = (await pendingCustomers(brandId)).sort();
  const jobs = (await producerQueue("risk-evaluate").getJobs(["waiting", "prioritized", "delayed"], 0, 10_000)).filter((j) => j.data.brandId === brandId);
  // Every job a trigger adds now is the brand's batch, never one per customer.
  expect(jobs.map((j) => j.data)).toEqual(jobs.map(() => ({ brandId, trigger: "pending" })));
  if (waiting.length) await processRiskEvaluate({ brandId, trigger: "pending" }, db);
  for (const j of jobs) await j.remove();
  return waiting;
}

describe("the deposit sync", () => {
  let sim: SimHarness;
  beforeAll(async () => {
    sim = await startSim({ subaccounts: 0, deposits: 0 });
    await simAdmin(sim.url, "POST", "rate-limits", { enabled: false, reset: true });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it("asks once for each customer it credited, in bulk after commit, which opens the event", { timeout: 60_000 }, async () => {
    const b = await createTestBrand();
    const post = (body: unknown) => simAdmin(sim.url, "POST", "deposit", body, b.id) as Promise<Record<string, string>>;
    await simAdmin(sim.url, "POST", "seed", { subaccounts: 3, deposits: 0, seed: 11 }, b.id);
    const deps: DepositSyncDeps = { db, clientOptions: { endpoints: { simulatorUrl: sim.url }, redis: null, maxRetries: 2, timeoutMs: 5_000 } };
    await syncSubaccounts(b.id, { db, feeRates: false, clientOptions: deps.clientOptions });
    const [s1, s2, s3] = await db.subaccount.findMany({ where: { brandId: b.id }, orderBy: { subAcct: "asc" } });
    const one = await createTestCustomer(b.id);
    const two = await createTestCustomer(b.id);
    await db.subaccount.update({ where: { id: s1!.id }, data: { customerId: one.id } });
    await db.subaccount.update({ where: { id: s2!.id }, data: { customerId: two.id } });
    await createTestRiskLimit(b.id, { kind: "deposit_count", threshold: "2", actions: ["alert"] });

    for (let i = 0; i < 3; i++) await post({ subAcct: s1!.subAcct, ccy: "USDT", amt: "5", state: "2" });
    await post({ subAcct: s2!.subAcct, ccy: "USDT", amt: "5", state: "1" });
    await post({ subAcct: s2!.subAcct, ccy: "USDT", amt: "5", state: "0" }); // waiting: credits nothing yet
    await post({ subAcct: s3!.subAcct, ccy: "USDT", amt: "5", state: "2" }); // no customer
    await syncDeposits(b.id, deps);

    // Each customer credited asked for once (three deposits of one customer: once), none for a sub-account without one.
    expect(await runPendingOf(b.id)).toEqual([one.id, two.id].sort());
    const [event] = await eventsOf(b.id, one.id);
    expect(event).toBeDefined();
    expect(numbers(event!)).toMatchObject({ observed: "3", unit: "count" });
    expect(await eventsOf(b.id, two.id)).toEqual([]);

    // A run that credits nothing new asks for nothing.
    await syncDeposits(b.id, deps);
    expect(await runPendingOf(b.id)).toEqual([]);
  });
});

describe("bonus grants", () => {
  it("a grant applied at once, and one approved later, each enqueue the customer's evaluation, which opens the event", { timeout: 60_000 }, async () => {
    const b = await newBrand("50");
    const campaign = await activeCampaign(b.admin, { budget: "10000" });
    const acc = await createTestTradingAccount(b.brandId, { currency: "USDT" });
    await createTestRiskLimit(b.brandId, { kind: "bonus_credit", threshold: "70", actions: ["alert"] });
    const give = (amount: string) => grant(b.maker, { campaignId: campaign.id, customerId: acc.customerId, tradingAccountId: acc.id, amount, idempotencyKey: randomUUID(), reason: "Promotion" });

    const small = await give("40");
    expect(small.status).toBe("applied");
    expect(await runPendingOf(b.brandId)).toEqual([acc.customerId]);
    expect(await eventsOf(b.brandId, acc.customerId)).toEqual([]);

    const big = await give("60");
    expect(big.status).toBe("pending_approval");
    expect(await runPendingOf(b.brandId)).toEqual([]); // nothing credited yet
    await approveGrant(b.admin2, { id: big.id });
    expect(await runPendingOf(b.brandId)).toEqual([acc.customerId]);
    const events = await eventsOf(b.brandId, acc.customerId);
    expect(events).toHaveLength(1);
    expect(numbers(events[0]!)).toMatchObject({ observed: "100", threshold: "70", unit: "USDT" });
    expect(ids(events[0]!, "bonus_grant")).toEqual([small.id, big.id].sort());
  });
});

describe("deposit_then_withdraw at request time", () => {
  const simUrl = inject("integrationSimulatorUrl");
  let ops: TenantContext;
  let admin: TenantContext;
  const as = <T>(who: TenantContext, path: string, input?: unknown) => callAs(who.actor as never, brand.id, path, input) as Promise<T>;

  beforeAll(async () => {
    ops = (await staffContext((await createTestStaff({ brandId: brand.id, role: "operations" })).user, { tenantId: brand.id })) as TenantContext;
    admin = await member(brand.id, "admin");
    await as(admin, "withdrawal.setSettings", { perWithdrawalLimit: "100000", dailyLimit: "200000", approvalThreshold: "100000", coolingOffHours: 0 });
  });

  it("holds the withdrawal that takes out more than the threshold of what just came in, with the event", { timeout: 60_000 }, async () => {
    const c = await withdrawingCustomer(ops, { simUrl, funding: { USDT: "5000" } });
    await bookEntry(brand.id, c.customerId);
    const limit = await as<{ id: string }>(admin, "risk.createLimit", {
      scope: "customer",
      scopeId: c.customerId,
      kind: "deposit_then_withdraw",
      threshold: "80",
      windowMinutes: 60,
      severity: "high",
      actions: ["hold_withdrawals"],
    });
    const d = await deposit(brand.id, c, { amount: "1000", at: new Date(Date.now() - 10 * MIN) });
    const ask = (amount: string) => ({ customerId: c.customerId, subaccountId: c.subaccountId, ccy: "USDT", chain: "USDT-TRC20", amount, address: TRC20 });

    const first = await as<WithdrawalRow>(ops, "withdrawal.request", ask("500"));
    expect(first.state).toBe("queued");
    const second = await as<WithdrawalRow>(ops, "withdrawal.request", ask("400"));
    expect(second.state).toBe("pending_approval");
    const row = await db.withdrawal.findUniqueOrThrow({ where: { id: second.id } });
    const [event] = await eventsOf(brand.id, c.customerId);
    expect(event).toMatchObject({ id: row.riskEventId, limitId: limit.id, kind: "deposit_then_withdraw" });
    expect(numbers(event!)).toMatchObject({ observed: "90", threshold: "80", unit: "percent" });
    expect(ids(event!, "deposit")).toEqual([d.id]);
    expect(ids(event!, "withdrawal")).toEqual([first.id, second.id].sort());
    // The hold action also holds the earlier one, still unsent.
    expect((await db.withdrawal.findUniqueOrThrow({ where: { id: first.id } })).state).toBe("pending_approval");
  });
});

describe("Redis away", () => {
  afterAll(async () => {
    await configureJobs({ prefix, redisUrl: env.REDIS_URL });
  });

  it("a grant still applies promptly, enqueueing nothing; the sweep opens the event", { timeout: 60_000 }, async () => {
    const b = await newBrand("1000");
    const campaign = await activeCampaign(b.admin, { budget: "10000" });
    const acc = await createTestTradingAccount(b.brandId, { currency: "USDT" });
    await createTestRiskLimit(b.brandId, { kind: "bonus_credit", threshold: "10", actions: ["alert"] });
    await configureJobs({ prefix, redisUrl: "redis://127.0.0.1:1" });
    const started = Date.now();
    const g = await grant(b.maker, { campaignId: campaign.id, customerId: acc.customerId, tradingAccountId: acc.id, amount: "20", idempotencyKey: randomUUID(), reason: "Promotion" });
    expect(g.status).toBe("applied");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await eventsOf(b.brandId, acc.customerId)).toEqual([]);
    await sweep(db);
    expect(await eventsOf(b.brandId, acc.customerId)).toHaveLength(1);
  });
});
