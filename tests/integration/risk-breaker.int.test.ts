/**
 * The per-customer money-movement breaker and the risk-control switches, against the run's simulator:
 * a breach of a limit with customer_breaker trips the customer's breaker; then a grant, a withdrawal
 * request, an approval and a bonus release of that customer are refused (another customer carries on);
 * an admin resets it with a reason and money moves again. A trip racing a posting in flight waits for it:
 * nothing half-applied. With enforcement off (the brand's switch or the global one) breaches still open
 * events, monitor only: the alert alone, no hold at request time, nothing applied once it is on again.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TenantContext } from "@/server/actor";
import { grant } from "@/server/bonuses/grant-create";
import { release } from "@/server/bonuses/grant-release";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { postJournal } from "@/server/ledger/post";
import { closeProducerConnection, configureJobs } from "@/server/queues/connection";
import { producerQueue } from "@/server/queues/registry";
import type { ActionRecord } from "@/server/risk/actions/types";
import { tripCustomerBreaker } from "@/server/risk/breaker";
import { breachesOf, evaluateCustomer, openEvent, runClaimed, sweep, systemContext } from "@/server/risk/evaluate";
import type { RiskControlStatus } from "@/server/risk/controls";
import { sendWithdrawal } from "@/server/withdrawals/send";
import type { WithdrawalRow } from "@/server/withdrawals/types";
import { member } from "../helpers/bonuses";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";
import { appRefusal, trpcRefusal as refusal } from "../helpers/refusal";
import { bookEntry, TRC20, withdrawingCustomer, type WithdrawingCustomer } from "../helpers/withdrawals";
import { createTestTradingAccount } from "../cases/fund-locks";
import { callAs } from "./fixture";

const simUrl = inject("integrationSimulatorUrl");
const prefix = `bdtest-risk-breaker-${randomUUID().slice(0, 8)}`;

let brand: { id: string };
let ops: TenantContext;
let admin: TenantContext;
let marketing: TenantContext;

const as = <T>(who: TenantContext, path: string, input?: unknown) => callAs(who.actor as never, brand.id, path, input) as Promise<T>;
const ask = (c: WithdrawingCustomer, amount: string) => ({ customerId: c.customerId, subaccountId: c.subaccountId, ccy: "USDT", chain: "USDT-TRC20", amount, address: TRC20 });
/** The refusal's reason key, from a service call or a tRPC one. */
const reasonOf = async (p: Promise<unknown>) => (await appRefusal(p)).reason;

async function customer() {
  const c = await withdrawingCustomer(ops, { simUrl, funding: { USDT: "5000" } });
  await bookEntry(brand.id, c.customerId);
  const account = await createTestTradingAccount(brand.id, { customerId: c.customerId });
  return { ...c, accountId: account.id };
}
type Customer = Awaited<ReturnType<typeof customer>>;

const grantTo = (c: Customer, amount = "10") =>
  grant(marketing, { customerId: c.customerId, tradingAccountId: c.accountId, amount, withdrawable: false, validityDays: 30, idempotencyKey: randomUUID(), reason: "Welcome bonus" });

const limitFor = (c: Customer, actions: string[], threshold = "100") =>
  as(admin, "risk.createLimit", { scope: "customer", scopeId: c.customerId, kind: "withdrawal_single", threshold, windowMinutes: 1440, severity: "high", actions });

/** A completed withdrawal over the limit, as if sent earlier (the evaluation finds it). */
const pastWithdrawal = (c: Customer, amount: string) =>
  db.withdrawal.create({
    data: { brandId: brand.id, customerId: c.customerId, subaccountId: c.subaccountId, ccy: "USDT", chain: "USDT-TRC20", amount, valueUsdt: amount, address: TRC20, state: "completed", clientId: randomUUID().replace(/-/g, "") },
  });

const cashOf = async (accountId: string) => (await db.tradingAccount.findUniqueOrThrow({ where: { id: accountId } })).cash.toFixed();
const ledgerCashOf = async (accountId: string) => (await db.ledgerAccount.findFirst({ where: { tradingAccountId: accountId, bucket: "cash" } }))?.balance.toFixed() ?? "0";

beforeAll(async () => {
  await configureJobs({ prefix, redisUrl: env.REDIS_URL });
  brand = await createTestBrand({ bonusApprovalThreshold: "100000" });
  ops = (await staffContext((await createTestStaff({ brandId: brand.id, role: "operations" })).user, { tenantId: brand.id })) as TenantContext;
  admin = await member(brand.id, "admin");
  marketing = await member(brand.id, "marketing");
  // A second person approves above 1,000 USDT.
  await as(admin, "withdrawal.setSettings", { perWithdrawalLimit: "100000", dailyLimit: "200000", approvalThreshold: "1000", coolingOffHours: 0 });
});

afterAll(async () => {
  await db.riskControl.deleteMany({ where: { scope: { in: ["global", brand.id] } } });
  await producerQueue("withdrawal-send").obliterate({ force: true }).catch(() => undefined);
  await producerQueue("risk-evaluate").obliterate({ force: true }).catch(() => undefined);
  await closeProducerConnection();
});

describe("customer_breaker", () => {
  it("a breach blocks that customer's grants, withdrawal requests, approvals and releases until an admin resets it", { timeout: 90_000 }, async () => {
    const a = await customer();
    const b = await customer();
    await limitFor(a, ["customer_breaker"]);
    // Before the trip: a bonus to release later, and a withdrawal waiting for a second person.
    await grantTo(a, "50");
    const pending = await as<WithdrawalRow>(ops, "withdrawal.request", ask(a, "1200"));
    expect(pending.state).toBe("pending_approval");
    const queued = await as<WithdrawalRow>(ops, "withdrawal.request", ask(a, "300"));
    expect(queued.state).toBe("queued");

    // Two breaches (one event per withdrawal): the first trips the breaker, the second finds it tripped.
    expect(await evaluateCustomer(db, brand.id, a.customerId)).toEqual({ opened: 2, applied: 2 });
    const events = await db.riskEvent.findMany({ where: { brandId: brand.id, customerId: a.customerId } });
    const items = events.flatMap((e) => (e.actions as unknown as ActionRecord[]).flatMap((r) => r.items.map((i) => `${r.action}:${r.status}:${i.result}`)));
    expect(items.sort()).toEqual(["customer_breaker:applied:applied", "customer_breaker:applied:skipped"]);
    const badge = await as<{ trippedAt: Date; trippedByEventId: string } | null>(ops, "risk.customerBreaker", { customerId: a.customerId });
    expect(events.map((e) => e.id)).toContain(badge!.trippedByEventId);
    expect(await db.customerBreaker.count({ where: { customerId: a.customerId } })).toBe(1);
    const trips = await db.auditLog.findMany({ where: { brandId: brand.id, entityId: a.customerId, action: "risk.breaker_trip" } });
    expect(trips.map((x) => x.actorType)).toEqual(["system"]);

    const journalsBefore = await db.ledgerJournal.count({ where: { brandId: brand.id } });
    const withdrawalsBefore = await db.withdrawal.count({ where: { customerId: a.customerId } });
    const refused = await appRefusal(grantTo(a));
    expect(refused).toMatchObject({ code: "CONFLICT", reason: "risk.errors.customerBreaker" });
    expect(refused.message).toMatch(/^Money movements for this customer are blocked by a risk breaker since \d{4}-/);
    expect(await reasonOf(as(ops, "withdrawal.request", ask(a, "200")))).toBe("risk.errors.customerBreaker");
    expect(await reasonOf(release(marketing, { tradingAccountId: a.accountId, amount: "all", reason: "Turnover reached" }))).toBe("risk.errors.customerBreaker");
    expect(await reasonOf(as(admin, "withdrawal.approve", { id: pending.id }))).toBe("risk.errors.customerBreaker");
    // The send job holds a queued one back (still queued, nothing sent): it goes after the reset.
    expect(await sendWithdrawal({ db }, brand.id, queued.id)).toBe("held");
    expect(await db.withdrawal.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ state: "queued", wdId: null });
    // Nothing of the refused movements was written.
    expect(await db.ledgerJournal.count({ where: { brandId: brand.id } })).toBe(journalsBefore);
    expect(await db.withdrawal.count({ where: { customerId: a.customerId } })).toBe(withdrawalsBefore);
    expect((await db.withdrawal.findUniqueOrThrow({ where: { id: pending.id } })).state).toBe("pending_approval");

    // Another customer of the brand carries on.
    expect((await grantTo(b)).status).toBe("applied");
    expect((await as<WithdrawalRow>(ops, "withdrawal.request", ask(b, "200"))).state).toBe("queued");

    // Operations see the badge but may not reset; an admin resets with a reason, audited.
    expect((await refusal(as(ops, "risk.resetCustomerBreaker", { customerId: a.customerId, reason: "Customer verified" }))).code).toBe("FORBIDDEN");
    expect((await refusal(as(admin, "risk.resetCustomerBreaker", { customerId: a.customerId, reason: "" }))).code).toBe("BAD_REQUEST");
    await as(admin, "risk.resetCustomerBreaker", { customerId: a.customerId, reason: "Customer verified by phone" });
    expect(await as(ops, "risk.customerBreaker", { customerId: a.customerId })).toBeNull();
    const reset = await db.auditLog.findFirstOrThrow({ where: { brandId: brand.id, entityId: a.customerId, action: "risk.breaker_reset" } });
    expect(reset).toMatchObject({ actorId: admin.actor.id, after: expect.objectContaining({ resetReason: "Customer verified by phone" }) });
    expect(await reasonOf(as(admin, "risk.resetCustomerBreaker", { customerId: a.customerId, reason: "Again" }))).toBe("risk.errors.breakerNotTripped");

    // Allowed again.
    expect((await grantTo(a)).status).toBe("applied");
    expect(await release(marketing, { tradingAccountId: a.accountId, amount: "all", reason: "Turnover reached" })).toBeTruthy();
    expect((await as<WithdrawalRow>(admin, "withdrawal.approve", { id: pending.id })).state).toBe("queued");
    expect((await as<WithdrawalRow>(ops, "withdrawal.request", ask(a, "200"))).state).toBe("queued");
    expect(await sendWithdrawal({ db }, brand.id, queued.id)).toBe("sent");
  });

  it("undoing the action resets the breaker it tripped", { timeout: 60_000 }, async () => {
    const a = await customer();
    await limitFor(a, ["customer_breaker"]);
    await pastWithdrawal(a, "150");
    await evaluateCustomer(db, brand.id, a.customerId);
    const [event] = await db.riskEvent.findMany({ where: { brandId: brand.id, customerId: a.customerId } });
    expect(await reasonOf(grantTo(a))).toBe("risk.errors.customerBreaker");
    await as(admin, "risk.undoAction", { id: event!.id, version: event!.version, action: "customer_breaker", reason: "False alarm, known customer" });
    expect((await grantTo(a)).status).toBe("applied");
  });

  it("a trip racing a posting in flight waits for it; a posting after it is refused; nothing half-applied", { timeout: 60_000 }, async () => {
    const a = await customer();
    const event = randomUUID();
    let letGo!: () => void;
    const gate = new Promise<void>((r) => (letGo = r));
    let posted!: () => void;
    const inside = new Promise<void>((r) => (posted = r));
    const credit = (key: string) => ({
      brandId: brand.id,
      kind: "cash_adjustment",
      reference: { type: "manual_adjustment", id: key },
      idempotencyKey: key,
      lines: [
        { account: { tradingAccountId: a.accountId, bucket: "cash" as const }, amount: "25" },
        { account: { system: "external", currency: "USDT", demo: false }, amount: "-25" },
      ],
    });
    // In flight: past the breaker check, lines written, not committed yet.
    const first = db.$transaction(async (tx) => {
      await postJournal(tx, credit(`race-1-${event}`));
      posted();
      await gate;
    }, { timeout: 30_000 });
    await inside;
    let tripped = false;
    const trip = tripCustomerBreaker(systemContext(db, brand.id), a.customerId, event).then((r) => ((tripped = true), r));
    await new Promise((r) => setTimeout(r, 300));
    // A posting that starts now queues behind the trip, which queues behind the first.
    const second = db.$transaction((tx) => postJournal(tx, credit(`race-2-${event}`)), { timeout: 30_000 });
    await new Promise((r) => setTimeout(r, 300));
    expect(tripped).toBe(false);
    letGo();
    await first;
    expect((await trip).tripped).toBe(true);
    expect(await reasonOf(second)).toBe("risk.errors.customerBreaker");
    // The first posting whole, the second not at all, the cache equal to the ledger.
    expect(await db.ledgerJournal.count({ where: { brandId: brand.id, idempotencyKey: { in: [`race-1-${event}`, `race-2-${event}`] } } })).toBe(1);
    expect(await cashOf(a.accountId)).toBe("25");
    expect(await ledgerCashOf(a.accountId)).toBe("25");
  });
});

describe("customer breaker locks", () => {
  it("a posting touching many customers takes at most 64 breaker locks, not one per customer", { timeout: 60_000 }, async () => {
    const accounts: string[] = [];
    for (let i = 0; i < 150; i++) accounts.push((await createTestTradingAccount(brand.id)).id);
    const held = await db.$transaction(async (tx) => {
      await postJournal(tx, {
        brandId: brand.id,
        kind: "cash_adjustment",
        reference: { type: "manual_adjustment", id: randomUUID() },
        lines: [
          { account: { system: "external", currency: "USDT", demo: false }, amount: "-150" },
          ...accounts.map((id) => ({ account: { tradingAccountId: id, bucket: "cash" as const }, amount: "1" })),
        ],
      });
      const [row] = await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND classid = ${0x72736b62}::oid`;
      return Number(row!.n);
    }, { timeout: 30_000 });
    expect(held).toBeGreaterThan(10);
    expect(held).toBeLessThanOrEqual(64);
  });
});

describe("risk-control switches", () => {
  it("the brand's switch off: events open monitor only (alert alone, no hold at request); on again applies nothing to them", { timeout: 90_000 }, async () => {
    const c = await customer();
    await limitFor(c, ["hold_withdrawals", "lock_transfer_out", "alert"]);
    expect((await refusal(as(ops, "risk.setBrandEnforcement", { enforce: false, reason: "Tuning the limits" }))).code).toBe("FORBIDDEN");
    expect((await refusal(as(admin, "risk.setBrandEnforcement", { enforce: false, reason: "" }))).code).toBe("BAD_REQUEST");
    let status = await as<RiskControlStatus>(admin, "risk.setBrandEnforcement", { enforce: false, reason: "Tuning the limits this week" });
    expect(status).toMatchObject({ enforcing: false, brand: { enforce: false, reason: "Tuning the limits this week" }, global: { enforce: true } });
    expect(await reasonOf(as(admin, "risk.setBrandEnforcement", { enforce: false, reason: "Again" }))).toBe("risk.errors.alreadyMonitoring");

    const w = await as<WithdrawalRow>(ops, "withdrawal.request", ask(c, "150"));
    expect(w.state).toBe("queued");
    await evaluateCustomer(db, brand.id, c.customerId);
    const [event] = await db.riskEvent.findMany({ where: { brandId: brand.id, customerId: c.customerId } });
    expect(event!.monitorOnly).toBe(true);
    const byAction = (e: { actions: unknown }) => Object.fromEntries((e.actions as ActionRecord[]).map((r) => [r.action, r.status]));
    expect(byAction(event!)).toEqual({ hold_withdrawals: "skipped", lock_transfer_out: "skipped", alert: "applied" });
    expect(await db.fundLock.count({ where: { tradingAccountId: c.accountId, endedAt: null } })).toBe(0);

    status = await as<RiskControlStatus>(admin, "risk.setBrandEnforcement", { enforce: true, reason: "Limits tuned" });
    expect(status.enforcing).toBe(true);
    await sweep(db);
    const after = await db.riskEvent.findUniqueOrThrow({ where: { id: event!.id } });
    expect(byAction(after)).toEqual(byAction(event!));
    expect(await db.fundLock.count({ where: { tradingAccountId: c.accountId, endedAt: null } })).toBe(0);
    expect((await db.withdrawal.findUniqueOrThrow({ where: { id: w.id } })).state).toBe("queued");
    const audits = await db.auditLog.findMany({ where: { brandId: brand.id, entityType: "risk_control" }, orderBy: { seq: "asc" } });
    expect(audits.map((a) => [a.action, (a.after as { reason: string }).reason])).toEqual([
      ["risk.enforcement_off", "Tuning the limits this week"],
      ["risk.enforcement_on", "Limits tuned"],
    ]);

    // On: the next breach is held at request time and acted on.
    const d = await customer();
    await limitFor(d, ["hold_withdrawals", "lock_transfer_out"]);
    expect((await as<WithdrawalRow>(ops, "withdrawal.request", ask(d, "150"))).state).toBe("pending_approval");
  });

  it("enforcement back on holds a withdrawal whose window's event was opened monitor only", { timeout: 60_000 }, async () => {
    const c = await customer();
    await as(admin, "risk.createLimit", { scope: "customer", scopeId: c.customerId, kind: "withdrawal_daily", threshold: "100", windowMinutes: 1440, severity: "high", actions: ["hold_withdrawals"] });
    await as(admin, "risk.setBrandEnforcement", { enforce: false, reason: "Tuning the limits this week" });
    try {
      expect((await as<WithdrawalRow>(ops, "withdrawal.request", ask(c, "150"))).state).toBe("queued");
    } finally {
      await as(admin, "risk.setBrandEnforcement", { enforce: true, reason: "Limits tuned" });
    }
    const [event] = await db.riskEvent.findMany({ where: { brandId: brand.id, customerId: c.customerId } });
    expect(event!.monitorOnly).toBe(true);
    // The same day's window, its event monitor only: enforcing again, the next withdrawal over it is held.
    const next = await as<WithdrawalRow>(ops, "withdrawal.request", ask(c, "20"));
    expect(next.state).toBe("pending_approval");
    expect((await db.withdrawal.findUniqueOrThrow({ where: { id: next.id } })).riskEventId).toBe(event!.id);
  });

  it("switching enforcement off stops actions already claimed but not yet applied (only the alert goes on)", { timeout: 60_000 }, async () => {
    const c = await customer();
    const limit = await db.riskLimit.findUniqueOrThrow({ where: { id: ((await limitFor(c, ["lock_transfer_out", "alert"])) as { id: string }).id } });
    await pastWithdrawal(c, "150");
    // Opened and claimed while enforcing (as a batch does), applied only after the switch went off.
    const [o] = await breachesOf(db, limit, c.customerId, new Date());
    const { event } = await db.$transaction((tx) => openEvent(tx, limit, c.customerId, o!, true));
    await as(admin, "risk.setBrandEnforcement", { enforce: false, reason: "A limit is misfiring" });
    try {
      await runClaimed(db, brand.id, event!);
    } finally {
      await as(admin, "risk.setBrandEnforcement", { enforce: true, reason: "Fixed" });
    }
    const after = await db.riskEvent.findUniqueOrThrow({ where: { id: event!.id } });
    expect(Object.fromEntries((after.actions as unknown as ActionRecord[]).map((r) => [r.action, r.status]))).toEqual({ lock_transfer_out: "skipped", alert: "applied" });
    expect(await db.fundLock.count({ where: { tradingAccountId: c.accountId, endedAt: null } })).toBe(0);
  });

  it("the global switch: platform admins only; off, every brand's evaluation is monitor only", { timeout: 60_000 }, async () => {
    const platform = (await createTestStaff({ brandId: null, role: "platform_admin" })).user;
    const c = await customer();
    await limitFor(c, ["customer_breaker"]);
    await pastWithdrawal(c, "150");
    expect((await refusal(as(admin, "risk.setGlobalEnforcement", { enforce: false, reason: "Exchange incident" }))).code).toBe("FORBIDDEN");
    await callAs(platform as never, brand.id, "risk.setGlobalEnforcement", { enforce: false, reason: "Exchange incident, data unreliable" });
    expect(await as<RiskControlStatus>(ops, "risk.controls")).toMatchObject({ enforcing: false, global: { enforce: false }, brand: { enforce: true } });
    expect(await db.auditLog.count({ where: { brandId: null, action: "risk.enforcement_off" } })).toBeGreaterThanOrEqual(1);

    expect(await evaluateCustomer(db, brand.id, c.customerId)).toEqual({ opened: 1, applied: 0 });
    expect(await db.customerBreaker.count({ where: { customerId: c.customerId } })).toBe(0);
    expect((await grantTo(c)).status).toBe("applied");

    await callAs(platform as never, brand.id, "risk.setGlobalEnforcement", { enforce: true, reason: "Incident over" });
    expect((await as<RiskControlStatus>(ops, "risk.controls")).enforcing).toBe(true);
    await sweep(db);
    expect(await db.customerBreaker.count({ where: { customerId: c.customerId } })).toBe(0);
  });
});
