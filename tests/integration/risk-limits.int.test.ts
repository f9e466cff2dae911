/**
 * Risk limits against the run's simulator over HTTP: a withdrawal over a hold limit is stored
 * pending_approval with its event and numbers (never sent); a daily limit opens one event per window however
 * often it is evaluated; the narrowest scope wins; lock transfer-out and freeze are applied by the system
 * and undone by staff with audit rows; the sweep finds a breach whose event was never enqueued and applies
 * actions a dead worker left claimed; another brand's limits and events are invisible.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TenantContext } from "@/server/actor";
import { listApprovals } from "@/server/approvals/service";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { closeProducerConnection, configureJobs } from "@/server/queues/connection";
import { producerQueue } from "@/server/queues/registry";
import { evaluateCustomer, sweep } from "@/server/risk/evaluate";
import type { RiskEventDetail, RiskLimitRow } from "@/server/risk/types";
import { sendWithdrawal } from "@/server/withdrawals/send";
import type { WithdrawalRow } from "@/server/withdrawals/types";
import { ZApprovalListInput } from "@/lib/approvals/schemas";
import { member } from "../helpers/bonuses";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";
import { bookEntry, TRC20, withdrawingCustomer, type WithdrawingCustomer } from "../helpers/withdrawals";
import { createTestTradingAccount } from "../cases/fund-locks";
import { createTestRiskEvent, createTestRiskLimit } from "../cases/risk";
import { callAs } from "./fixture";
import { trpcRefusal as refusal } from "../helpers/refusal";

const simUrl = inject("integrationSimulatorUrl");
const prefix = `bdtest-risk-${randomUUID().slice(0, 8)}`;

let brand: { id: string };
let ops: TenantContext;
let admin: TenantContext;

const as = <T>(who: TenantContext, path: string, input?: unknown) => callAs(who.actor as never, brand.id, path, input) as Promise<T>;
const ask = (c: WithdrawingCustomer, amount: string) => ({ customerId: c.customerId, subaccountId: c.subaccountId, ccy: "USDT", chain: "USDT-TRC20", amount, address: TRC20 });

async function customer() {
  const c = await withdrawingCustomer(ops, { simUrl, funding: { USDT: "5000" } });
  await bookEntry(brand.id, c.customerId);
  return c;
}

const limitFor = (c: WithdrawingCustomer | null, patch: Record<string, unknown>) =>
  as<RiskLimitRow>(admin, "risk.createLimit", {
    scope: c ? "customer" : "brand",
    scopeId: c?.customerId,
    kind: "withdrawal_single",
    threshold: "500",
    windowMinutes: 1440,
    severity: "high",
    actions: ["alert"],
    ...patch,
  });

const eventsOf = (customerId: string) => db.riskEvent.findMany({ where: { brandId: brand.id, customerId }, orderBy: { createdAt: "asc" } });
const auditActions = async (entityId: string) => (await db.auditLog.findMany({ where: { brandId: brand.id, entityId }, orderBy: { seq: "asc" }, select: { action: true } })).map((a) => a.action);

beforeAll(async () => {
  await configureJobs({ prefix, redisUrl: env.REDIS_URL });
  brand = await createTestBrand();
  ops = (await staffContext((await createTestStaff({ brandId: brand.id, role: "operations" })).user, { tenantId: brand.id })) as TenantContext;
  admin = await member(brand.id, "admin");
  // Approval only above 100,000 USDT: whatever waits for approval here, a risk limit held.
  await as(admin, "withdrawal.setSettings", { perWithdrawalLimit: "100000", dailyLimit: "200000", approvalThreshold: "100000", coolingOffHours: 0 });
});

afterAll(async () => {
  await producerQueue("withdrawal-send").obliterate({ force: true }).catch(() => undefined);
  await producerQueue("risk-evaluate").obliterate({ force: true }).catch(() => undefined);
  await closeProducerConnection();
});

describe("withdrawal_single with hold", () => {
  it("stores a withdrawal over the limit as pending_approval, held by risk, with an event and its numbers; it is never sent", { timeout: 60_000 }, async () => {
    const c = await customer();
    const limit = await limitFor(c, { threshold: "500", actions: ["hold_withdrawals", "alert"] });
    const below = await as<WithdrawalRow>(ops, "withdrawal.request", ask(c, "400"));
    expect(below.state).toBe("queued");

    const started = performance.now();
    const w = await as<WithdrawalRow>(ops, "withdrawal.request", ask(c, "600"));
    const elapsed = performance.now() - started;
    expect(w.state).toBe("pending_approval");
    const row = await db.withdrawal.findUniqueOrThrow({ where: { id: w.id } });
    expect(row.riskEventId).toBeTruthy();

    const [event] = await eventsOf(c.customerId);
    expect(event).toMatchObject({ id: row.riskEventId, limitId: limit.id, kind: "withdrawal_single", windowKey: `withdrawal:${w.id}`, status: "open" });
    const detail = await as<RiskEventDetail>(ops, "risk.getEvent", { id: event!.id });
    expect(detail.numbers).toMatchObject({ observed: "600", threshold: "500", windowMinutes: 1440, unit: "USDT" });
    expect(detail.numbers.items).toEqual([expect.objectContaining({ type: "withdrawal", id: w.id, value: "600" })]);
    // Applied as soon as the request committed (not left to the queue): the new one held at request, the earlier queued one held now.
    const hold = detail.actions.find((a) => a.action === "hold_withdrawals")!;
    expect(hold.status).toBe("applied");
    expect(hold.items).toEqual(
      expect.arrayContaining([
        { type: "withdrawal", id: w.id, result: "applied", detail: "risk.items.heldAtRequest" },
        { type: "withdrawal", id: below.id, result: "applied" },
      ]),
    );
    expect(detail.actions.find((a) => a.action === "alert")!.status).toBe("applied");
    expect(detail.heldWithdrawals.map((h) => h.id).sort()).toEqual([w.id, below.id].sort());
    expect((await db.withdrawal.findUniqueOrThrow({ where: { id: below.id } })).state).toBe("pending_approval");

    // The send job cannot send either; the approvals inbox shows them, marked as held by risk.
    expect(await sendWithdrawal({ db }, brand.id, w.id)).toBe("skipped");
    expect(await sendWithdrawal({ db }, brand.id, below.id)).toBe("skipped");
    const inbox = await listApprovals(admin, ZApprovalListInput.parse({}));
    expect(inbox.rows.find((r) => r.id === w.id)?.title.key).toBe("withdrawals.approvals.titleRiskHeld");

    // Audited as the system, with the numbers.
    expect(await auditActions(w.id)).toEqual(["withdrawal.request", "withdrawal.risk_hold"]);
    expect(await auditActions(below.id)).toEqual(["withdrawal.request", "withdrawal.risk_hold"]);
    expect(await auditActions(event!.id)).toEqual(["risk.event_open", "risk.action_apply", "risk.action_apply"]);
    const opened = await db.auditLog.findFirstOrThrow({ where: { entityId: event!.id, action: "risk.event_open" } });
    expect(opened.actorType).toBe("system");
    expect(opened.after).toMatchObject({ observed: "600", threshold: "500" });
    console.log(`[risk] request over a hold limit → held, event open, actions applied: ${elapsed.toFixed(0)} ms (simulator reads included)`);
  });
});

describe("withdrawal_daily", () => {
  it("the third withdrawal breaches: one event however often it is evaluated, and the customer's unsent withdrawals are held", { timeout: 60_000 }, async () => {
    const c = await customer();
    await limitFor(c, { kind: "withdrawal_daily", threshold: "1000", actions: ["hold_withdrawals"] });
    const a = await as<WithdrawalRow>(ops, "withdrawal.request", ask(c, "400"));
    const b = await as<WithdrawalRow>(ops, "withdrawal.request", ask(c, "400"));
    expect([a.state, b.state]).toEqual(["queued", "queued"]);
    expect(await eventsOf(c.customerId)).toEqual([]);

    const third = await as<WithdrawalRow>(ops, "withdrawal.request", ask(c, "400"));
    expect(third.state).toBe("pending_approval");
    expect(await evaluateCustomer(db, brand.id, c.customerId)).toEqual({ opened: 0, applied: 0 });
    expect(await evaluateCustomer(db, brand.id, c.customerId)).toEqual({ opened: 0, applied: 0 });
    const events = await eventsOf(c.customerId);
    expect(events).toHaveLength(1);
    expect(events[0]!.numbers).toMatchObject({ observed: "1200", threshold: "1000" });
    expect((events[0]!.numbers as { items: unknown[] }).items).toHaveLength(3);
    expect(events[0]!.windowKey).toMatch(/^\d{4}-\d\d-\d\dT00:00:00\.000Z\/1440m$/);
    for (const id of [a.id, b.id, third.id]) expect(await db.withdrawal.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "pending_approval", riskEventId: events[0]!.id });

    // A fourth in the same window is held too, on the same event.
    const fourth = await as<WithdrawalRow>(ops, "withdrawal.request", ask(c, "50"));
    expect(fourth.state).toBe("pending_approval");
    expect(await eventsOf(c.customerId)).toHaveLength(1);
  });
});

describe("lock_transfer_out and freeze_customer", () => {
  it("are applied by the system with audit rows and undone by staff with a reason", { timeout: 60_000 }, async () => {
    const c = await customer();
    const spot = await createTestTradingAccount(brand.id, { customerId: c.customerId, type: "spot" });
    const swap = await createTestTradingAccount(brand.id, { customerId: c.customerId, type: "swap" });
    const demo = await createTestTradingAccount(brand.id, { customerId: c.customerId, type: "spot", demo: true });
    await limitFor(c, { threshold: "100", actions: ["lock_transfer_out", "freeze_customer"] });
    const w = await as<WithdrawalRow>(ops, "withdrawal.request", ask(c, "150"));
    // No hold action: the request is not held; the evaluation (the job's work, run here) acts.
    expect(w.state).toBe("queued");
    expect(await evaluateCustomer(db, brand.id, c.customerId)).toEqual({ opened: 1, applied: 2 });

    const [event] = await eventsOf(c.customerId);
    let detail = await as<RiskEventDetail>(admin, "risk.getEvent", { id: event!.id });
    const lock = detail.actions.find((a) => a.action === "lock_transfer_out")!;
    expect(lock).toMatchObject({ status: "applied", undoable: true });
    expect(lock.items.map((i) => i.result)).toEqual(["applied", "applied"]);
    const locks = await db.fundLock.findMany({ where: { tradingAccountId: { in: [spot.id, swap.id, demo.id] }, endedAt: null } });
    expect(locks.map((l) => l.tradingAccountId).sort()).toEqual([spot.id, swap.id].sort());
    expect(locks.every((l) => l.source === "risk_rule" && l.direction === "transfer_out" && l.riskRuleId === event!.limitId && l.reason.includes("150"))).toBe(true);
    expect((await db.customer.findUniqueOrThrow({ where: { id: c.customerId } })).status).toBe("frozen");
    const lockAudit = await db.auditLog.findFirstOrThrow({ where: { entityId: locks[0]!.id, action: "fundlock.lock" } });
    expect(lockAudit.actorType).toBe("system");
    expect(await auditActions(c.customerId)).toContain("customer.freeze");
    const applied = await db.auditLog.findMany({ where: { entityId: event!.id, action: "risk.action_apply" } });
    expect(applied.map((a) => a.after)).toEqual(expect.arrayContaining([expect.objectContaining({ action: "freeze_customer", observed: "150", threshold: "100" })]));

    // Operations may acknowledge but not undo; an admin undoes with a reason.
    expect((await refusal(as(ops, "risk.undoAction", { id: event!.id, version: detail.version, action: "lock_transfer_out", reason: "Customer verified" }))).code).toBe("FORBIDDEN");
    detail = await as<RiskEventDetail>(admin, "risk.undoAction", { id: event!.id, version: detail.version, action: "lock_transfer_out", reason: "Customer verified by phone" });
    expect(detail.actions.find((a) => a.action === "lock_transfer_out")!.undo).toMatchObject({ reason: "Customer verified by phone", byId: admin.actor.id });
    expect(await db.fundLock.count({ where: { tradingAccountId: { in: [spot.id, swap.id] }, endedAt: null } })).toBe(0);
    expect(await db.auditLog.count({ where: { entityId: { in: locks.map((l) => l.id) }, action: "fundlock.unlock" } })).toBe(2);

    detail = await as<RiskEventDetail>(admin, "risk.undoAction", { id: event!.id, version: detail.version, action: "freeze_customer", reason: "Customer verified by phone" });
    expect((await db.customer.findUniqueOrThrow({ where: { id: c.customerId } })).status).toBe("active");
    expect(await auditActions(c.customerId)).toContain("customer.unfreeze");
    expect(await auditActions(event!.id)).toEqual(["risk.event_open", "risk.action_apply", "risk.action_apply", "risk.action_undo", "risk.action_undo"]);

    // Undone once only; a hold has nothing to undo; acknowledge then resolve with a note.
    expect((await refusal(as(admin, "risk.undoAction", { id: event!.id, version: detail.version, action: "freeze_customer", reason: "Again" }))).reason).toBe("risk.errors.alreadyUndone");
    detail = await as<RiskEventDetail>(ops, "risk.acknowledgeEvent", { id: event!.id, version: detail.version, note: "Looking into it" });
    detail = await as<RiskEventDetail>(ops, "risk.resolveEvent", { id: event!.id, version: detail.version, note: "Known customer, large but expected" });
    expect(detail).toMatchObject({ status: "resolved", resolved: { note: "Known customer, large but expected" }, acknowledged: { note: "Looking into it" } });
  });
});

describe("the sweep", () => {
  it("finds a breach whose event was never enqueued", { timeout: 30_000 }, async () => {
    const c = await customer();
    await limitFor(c, { threshold: "200", actions: ["alert"] });
    // Written as if Redis had been down: no job was enqueued for it.
    const w = await db.withdrawal.create({
      data: { brandId: brand.id, customerId: c.customerId, subaccountId: c.subaccountId, ccy: "USDT", chain: "USDT-TRC20", amount: "250", valueUsdt: "250", address: TRC20, state: "completed", clientId: randomUUID().replace(/-/g, "") },
    });
    expect(await eventsOf(c.customerId)).toEqual([]);
    const result = await sweep(db);
    expect(result.opened).toBeGreaterThanOrEqual(1);
    const events = await eventsOf(c.customerId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ windowKey: `withdrawal:${w.id}` });
    await sweep(db);
    expect(await eventsOf(c.customerId)).toHaveLength(1);
  });
});

describe("a worker killed mid-action", () => {
  it("leaves its claim, which goes stale and the sweep applies once", { timeout: 30_000 }, async () => {
    const claimedAt = new Date(Date.now() - 10 * 60_000).toISOString();
    const event = await createTestRiskEvent(brand.id, [{ action: "freeze_customer", status: "applying", claimedAt, items: [] }]);
    await sweep(db);
    const after = await db.riskEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(after.actions).toEqual([expect.objectContaining({ action: "freeze_customer", status: "applied", items: [{ type: "customer", id: event.customerId, result: "applied" }] })]);
    expect((await db.customer.findUniqueOrThrow({ where: { id: event.customerId } })).status).toBe("frozen");
    // A fresh claim (another worker at work right now) is left alone.
    const busy = await createTestRiskEvent(brand.id, [{ action: "freeze_customer", status: "applying", claimedAt: new Date().toISOString(), items: [] }]);
    await sweep(db);
    expect((await db.riskEvent.findUniqueOrThrow({ where: { id: busy.id } })).actions).toEqual([expect.objectContaining({ status: "applying" })]);
    expect(await db.auditLog.count({ where: { entityId: event.id, action: "risk.action_apply" } })).toBe(1);
  });
});

describe("brands", () => {
  it("another brand's limits never apply and its events are invisible", { timeout: 60_000 }, async () => {
    const other = await createTestBrand();
    await createTestRiskLimit(other.id, { threshold: "1", actions: ["hold_withdrawals"] });
    const otherEvent = await createTestRiskEvent(other.id);
    const c = await customer();
    const w = await as<WithdrawalRow>(ops, "withdrawal.request", ask(c, "20"));
    expect(w.state).toBe("queued");
    const list = await as<{ rows: { id: string }[] }>(admin, "risk.listEvents", { page: 1, pageSize: 100 });
    expect(list.rows.map((r) => r.id)).not.toContain(otherEvent.id);
    expect((await refusal(as(admin, "risk.getEvent", { id: otherEvent.id }))).code).toBe("NOT_FOUND");
  });

  it("the narrowest scope wins: a customer's own limit beats the brand's", { timeout: 60_000 }, async () => {
    const brandLimit = await limitFor(null, { threshold: "700", actions: ["hold_withdrawals"] });
    try {
      const own = await customer();
      await limitFor(own, { threshold: "5000", actions: ["alert"] });
      const plain = await customer();
      expect((await as<WithdrawalRow>(ops, "withdrawal.request", ask(own, "800"))).state).toBe("queued");
      expect((await as<WithdrawalRow>(ops, "withdrawal.request", ask(plain, "800"))).state).toBe("pending_approval");
      expect(await eventsOf(own.customerId)).toEqual([]);
      expect((await eventsOf(plain.customerId))[0]).toMatchObject({ limitId: brandLimit.id });
    } finally {
      await as(admin, "risk.disableLimit", { id: brandLimit.id, version: brandLimit.version });
    }
  });
});
