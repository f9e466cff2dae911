/**
 * Batched evaluation (server/risk/evaluate.ts `evaluateMany`, server/risk/pending.ts) against the reference
 * per-customer path — each applicable limit's kind asked by `breaches` for one customer at a time: a batch
 * of mixed customers, scopes and brands opens exactly the events that path finds, with the same numbers and
 * items, and no event for a customer of another brand; a customer repeated in a batch, or in two batches at
 * once, opens one event with its actions applied once; a kind without `breachesMany` still works in a batch;
 * the audit chain holds; snoozed pairs are skipped and the brand's switch makes events monitor only. The
 * pending set drains through the real queue and worker.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntime, type Runtime } from "@/jobs/runtime";
import { verifyAuditChains } from "@/server/audit/audit";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { closeProducerConnection, configureJobs } from "@/server/queues/connection";
import { producerQueue } from "@/server/queues/registry";
import type { ActionRecord } from "@/server/risk/actions/types";
import { limitsFor } from "@/server/risk/applicable";
import { breachesOf, evaluateMany, type EventNumbers } from "@/server/risk/evaluate";
import { RISK_KIND_REGISTRY } from "@/server/risk/kinds";
import { pendingCount, requestEvaluation } from "@/server/risk/pending";
import { createTestBrand } from "../helpers/db";
import { createTestCustomer, createTestGroup } from "../cases/customers";
import { createTestRiskLimit } from "../cases/risk";

const prefix = `bdtest-risk-batch-${randomUUID().slice(0, 8)}`;
const HOUR = 3_600_000;

beforeAll(async () => {
  await configureJobs({ prefix, redisUrl: env.REDIS_URL });
});

afterAll(async () => {
  await producerQueue("risk-evaluate").obliterate({ force: true }).catch(() => undefined);
  await closeProducerConnection();
});

/** A customer with a sub-account and withdrawals of these USDT values, `ago` ms before now (state completed unless given). */
async function customerWith(brandId: string, withdrawals: { value: string; ago?: number; state?: "completed" | "rejected" | "queued" }[], groupId?: string) {
  const c = await createTestCustomer(brandId, groupId ? { groupId } : {});
  const sub = await db.subaccount.create({
    data: { brandId, subAcct: `batch${randomUUID().slice(0, 10)}`, uid: randomUUID().slice(0, 8), accountLevel: 1, enabled: true, canTransferOut: true, exchangeCreatedAt: new Date(), lastSyncedAt: new Date(), customerId: c.id },
  });
  for (const w of withdrawals) {
    await db.withdrawal.create({
      data: {
        brandId, customerId: c.id, subaccountId: sub.id, ccy: "USDT", chain: "USDT-TRC20", amount: w.value, valueUsdt: w.value,
        address: "TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9", state: w.state ?? "completed", clientId: randomUUID().replace(/-/g, ""),
        createdAt: new Date(Date.now() - (w.ago ?? 60_000)),
      },
    });
  }
  return c.id;
}

/** What the reference path finds: per customer, each applicable limit's `breaches`, one customer at a time. */
async function reference(brandId: string, customerIds: string[], at: Date) {
  const out: string[] = [];
  for (const id of customerIds) {
    const c = await db.customer.findUniqueOrThrow({ where: { id }, select: { id: true, groupId: true } });
    for (const limit of await limitsFor(db, brandId, c)) {
      for (const o of await breachesOf(db, limit, id, at)) out.push(key({ limitId: limit.id, customerId: id, windowKey: o.windowKey, observed: o.observed.toFixed(), items: o.items.map((i) => `${i.id}=${i.value}@${i.at}:${i.state}`) }));
    }
  }
  return out.sort();
}

const key = (e: { limitId: string; customerId: string; windowKey: string; observed: string; items: string[] }) => JSON.stringify(e);

async function eventsOf(brandId: string) {
  const rows = await db.riskEvent.findMany({ where: { brandId } });
  return rows
    .map((e) => {
      const n = e.numbers as unknown as EventNumbers;
      return key({ limitId: e.limitId, customerId: e.customerId, windowKey: e.windowKey, observed: n.observed, items: n.items.map((i) => `${i.id}=${i.value}@${i.at}:${i.state}`) });
    })
    .sort();
}

/** A brand with a brand-wide single and daily limit, a group's stricter daily limit and one customer's own single limit. */
async function brandWithLimits() {
  const brand = await createTestBrand();
  const group = await createTestGroup(brand.id);
  await createTestRiskLimit(brand.id, { kind: "withdrawal_single", threshold: "1000", actions: ["alert"] });
  await createTestRiskLimit(brand.id, { kind: "withdrawal_daily", threshold: "2500", actions: ["alert", "freeze_customer"] });
  await db.riskLimit.create({ data: { brandId: brand.id, scope: "group", scopeId: group.id, kind: "withdrawal_daily", threshold: "500", windowMinutes: 60, severity: "high", actions: ["alert"] } });
  const customers = [
    await customerWith(brand.id, [{ value: "100" }]), // within every limit
    await customerWith(brand.id, [{ value: "1100" }, { value: "1200", ago: 2 * HOUR }]), // two single breaches
    await customerWith(brand.id, [{ value: "900" }, { value: "900" }, { value: "900" }]), // daily breach of the brand
    await customerWith(brand.id, [{ value: "900" }, { value: "900" }, { value: "900", state: "rejected" }]), // the rejected one does not count
    await customerWith(brand.id, [{ value: "300" }, { value: "300" }], group.id), // the group's hourly limit
    await customerWith(brand.id, [{ value: "300" }, { value: "300", ago: 2 * HOUR }], group.id), // outside the group's hour
    await customerWith(brand.id, [{ value: "5000", ago: 30 * HOUR }]), // outside every window
  ];
  const own = await customerWith(brand.id, [{ value: "700" }]);
  await db.riskLimit.create({ data: { brandId: brand.id, scope: "customer", scopeId: own, kind: "withdrawal_single", threshold: "600", windowMinutes: 1440, severity: "low", actions: ["alert"] } });
  return { brandId: brand.id, customers: [...customers, own] };
}

describe("evaluateMany", () => {
  it("opens exactly the events the per-customer path finds, for a batch of mixed customers and scopes; another brand's customers are not evaluated", { timeout: 60_000 }, async () => {
    const a = await brandWithLimits();
    const b = await brandWithLimits();
    const at = new Date();
    const expected = await reference(a.brandId, a.customers, at);
    // Five near any hour (the group's hourly window may split its two withdrawals just after a turn: four).
    expect(expected.length).toBeGreaterThanOrEqual(4);
    // Brand B's customers in brand A's batch: not found in brand A, so nothing opens for them anywhere.
    const r = await evaluateMany(db, a.brandId, [...b.customers, ...a.customers].reverse(), at);
    expect(r.opened).toBe(expected.length);
    expect(await eventsOf(a.brandId)).toEqual(expected);
    expect(await db.riskEvent.count({ where: { brandId: b.brandId } })).toBe(0);
    // Every action applied once, audited once; the freeze took.
    const events = await db.riskEvent.findMany({ where: { brandId: a.brandId } });
    const actions = events.flatMap((e) => e.actions as unknown as ActionRecord[]);
    expect(actions.every((x) => x.status === "applied")).toBe(true);
    expect(r.applied).toBe(actions.length);
    expect(await db.auditLog.count({ where: { brandId: a.brandId, action: "risk.event_open" } })).toBe(expected.length);
    expect(await db.auditLog.count({ where: { brandId: a.brandId, action: "risk.action_apply" } })).toBe(actions.length);
    expect(await db.customer.findUniqueOrThrow({ where: { id: a.customers[2]! } })).toMatchObject({ status: "frozen" });
    // Evaluated again (and brand B in its own batch): nothing new in A, B's own events match its reference.
    expect(await evaluateMany(db, a.brandId, a.customers, at)).toEqual({ opened: 0, applied: 0 });
    await evaluateMany(db, b.brandId, b.customers, at);
    expect(await eventsOf(b.brandId)).toEqual(await reference(b.brandId, b.customers, at));
    for (const brandId of [a.brandId, b.brandId]) expect((await verifyAuditChains(db, { chain: brandId })).breaks).toEqual([]);
  });

  it("a customer repeated in a batch, or in two batches at once, opens one event and applies its actions once", { timeout: 60_000 }, async () => {
    const brand = await createTestBrand();
    await createTestRiskLimit(brand.id, { threshold: "100", actions: ["alert", "freeze_customer"] });
    const c = await customerWith(brand.id, [{ value: "150" }]);
    const results = await Promise.allSettled([evaluateMany(db, brand.id, [c, c, c]), evaluateMany(db, brand.id, [c, c])]);
    expect(results.map((x) => x.status)).toEqual(["fulfilled", "fulfilled"]);
    const opened = results.reduce((n, x) => n + (x.status === "fulfilled" ? x.value.opened : 0), 0);
    expect(opened).toBe(1);
    expect(await db.riskEvent.count({ where: { brandId: brand.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { brandId: brand.id, action: "risk.event_open" } })).toBe(1);
    expect(await db.auditLog.count({ where: { brandId: brand.id, action: "risk.action_apply" } })).toBe(2);
    expect((await verifyAuditChains(db, { chain: brand.id })).breaks).toEqual([]);
  });

  it("a kind without breachesMany is asked pair by pair and gives the same events", { timeout: 60_000 }, async () => {
    const a = await brandWithLimits();
    const at = new Date();
    const expected = await reference(a.brandId, a.customers, at);
    const kinds = Object.values(RISK_KIND_REGISTRY);
    const saved = kinds.map((k) => ({ many: k.breachesMany, one: k.breaches }));
    let asked = 0;
    try {
      // As a kind added with `breaches` only: the batch must fall back to asking pair by pair.
      for (const k of kinds) {
        const one = k.breaches;
        delete k.breachesMany;
        k.breaches = (dbx, args) => (asked++, one(dbx, args));
      }
      expect((await evaluateMany(db, a.brandId, a.customers, at)).opened).toBe(expected.length);
    } finally {
      kinds.forEach((k, i) => Object.assign(k, { breachesMany: saved[i]!.many, breaches: saved[i]!.one }));
    }
    expect(asked).toBeGreaterThan(0);
    expect(await eventsOf(a.brandId)).toEqual(expected);
  });
});

describe("evaluateMany with main's controls", () => {
  it("skips the snoozed (limit, customer) pairs of a batch, opens monitor-only events while the brand's switch is off, and applies actions in RISK_ACTIONS order once it is on", { timeout: 60_000 }, async () => {
    const brand = await createTestBrand();
    // Listed out of RISK_ACTIONS order on purpose: the alert must still run first.
    const limit = await createTestRiskLimit(brand.id, { threshold: "100", actions: ["freeze_customer", "alert"] });
    const [snoozed, cancelled, expired, plain] = await Promise.all([1, 2, 3, 4].map(() => customerWith(brand.id, [{ value: "150" }])));
    const hourAgo = new Date(Date.now() - HOUR);
    await db.riskSnooze.createMany({
      data: [
        { brandId: brand.id, limitId: limit.id, customerId: snoozed!, until: new Date(Date.now() + HOUR), reason: "Known large withdrawal" },
        { brandId: brand.id, limitId: limit.id, customerId: cancelled!, until: new Date(Date.now() + HOUR), reason: "Cancelled", cancelledAt: hourAgo },
        { brandId: brand.id, limitId: limit.id, customerId: expired!, until: hourAgo, reason: "Over" },
      ],
    });
    await db.riskControl.create({ data: { scope: brand.id, brandId: brand.id, enforce: false, reason: "Tuning", changedById: randomUUID() } });

    expect(await evaluateMany(db, brand.id, [snoozed!, cancelled!, expired!])).toEqual({ opened: 2, applied: 2 });
    const off = await db.riskEvent.findMany({ where: { brandId: brand.id } });
    expect(off.map((e) => e.customerId).sort()).toEqual([cancelled!, expired!].sort());
    for (const e of off) {
      expect(e.monitorOnly).toBe(true);
      expect((e.actions as unknown as ActionRecord[]).map((r) => [r.action, r.status])).toEqual([
        ["freeze_customer", "skipped"],
        ["alert", "applied"],
      ]);
    }
    expect(await db.customer.count({ where: { id: { in: [cancelled!, expired!] }, status: "frozen" } })).toBe(0);
    const opens = await db.auditLog.findMany({ where: { brandId: brand.id, action: "risk.event_open" } });
    expect(opens.map((a) => (a.after as { monitorOnly: boolean }).monitorOnly)).toEqual([true, true]);
    // Again, and switched back on: the monitor-only events stay as they are, nothing applied late.
    await db.riskControl.delete({ where: { scope: brand.id } });
    expect(await evaluateMany(db, brand.id, [snoozed!, cancelled!, expired!])).toEqual({ opened: 0, applied: 0 });

    expect(await evaluateMany(db, brand.id, [plain!])).toEqual({ opened: 1, applied: 2 });
    const [on] = await db.riskEvent.findMany({ where: { brandId: brand.id, customerId: plain! } });
    expect(on!.monitorOnly).toBe(false);
    expect((on!.actions as unknown as ActionRecord[]).map((r) => [r.action, r.status])).toEqual([
      ["freeze_customer", "applied"],
      ["alert", "applied"],
    ]);
    const applies = await db.auditLog.findMany({ where: { brandId: brand.id, action: "risk.action_apply", entityId: on!.id }, orderBy: { seq: "asc" } });
    expect(applies.map((a) => (a.after as { action: string }).action)).toEqual(["alert", "freeze_customer"]);
    expect(await db.riskEvent.count({ where: { brandId: brand.id, customerId: snoozed! } })).toBe(0);
    expect((await verifyAuditChains(db, { chain: brand.id })).breaks).toEqual([]);
  });
});

describe("pending evaluations through the queue", () => {
  let runtime: Runtime;
  afterAll(async () => runtime?.close());

  it("requests of many customers (some twice) drain in a few batch jobs, one event per breach", { timeout: 60_000 }, async () => {
    runtime = await startRuntime(() => undefined, ["risk-evaluate"]);
    const brand = await createTestBrand();
    await createTestRiskLimit(brand.id, { threshold: "100", actions: ["alert"] });
    const customers: string[] = [];
    for (let i = 0; i < 40; i++) customers.push(await customerWith(brand.id, [{ value: i % 2 ? "150" : "50" }]));
    for (const c of [...customers, ...customers.slice(0, 10)]) await requestEvaluation(brand.id, c);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await db.riskEvent.count({ where: { brandId: brand.id } })) < 20) await new Promise((r) => setTimeout(r, 100));
    while (Date.now() < deadline && (await pendingCount(brand.id)) > 0) await new Promise((r) => setTimeout(r, 100));
    expect(await db.riskEvent.count({ where: { brandId: brand.id } })).toBe(20);
    const jobs = (await producerQueue("risk-evaluate").getJobs(["completed", "active", "delayed", "waiting"])).filter((j) => j.data.brandId === brand.id);
    // 50 requests, a handful of jobs (one per 100 ms slot): batched, not one job per request.
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.length).toBeLessThan(25);
  });
});
