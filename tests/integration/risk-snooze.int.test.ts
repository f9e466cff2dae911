/**
 * Snoozes and a customer's effective limits against the real database: a limit snoozed for one customer
 * opens no event and takes no action for them (in the evaluator and at request time) while other customers
 * are still evaluated; after the end or a cancel it opens again; bad input names its field and writes
 * nothing; the evaluator reads snoozes once per customer or batch; the customer's card shows, kind by kind, the
 * limits of the narrowest scope, their snoozes and the open events.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { RISK_KINDS } from "@/lib/risk/schemas";
import type { TenantContext } from "@/server/actor";
import { db } from "@/server/db/client";
import { holdAtRequest } from "@/server/risk/at-request";
import { evaluateCustomer, evaluateMany } from "@/server/risk/evaluate";
import type { CustomerRisk, RiskSnoozeRow } from "@/server/risk/types";
import { WITHDRAWAL_INCLUDE } from "@/server/withdrawals/common";
import { member } from "../helpers/bonuses";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";
import { trpcRefusal as refusal } from "../helpers/refusal";
import { createTestCustomer } from "../cases/customers";
import { createTestRiskLimit } from "../cases/risk";
import { createTestWithdrawal } from "../cases/withdrawals";
import { callAs } from "./fixture";

const HOUR = 3_600_000;
let brand: { id: string };
let ops: TenantContext;

const as = <T>(who: TenantContext, path: string, input?: unknown) => callAs(who.actor as never, brand.id, path, input) as Promise<T>;
const reason = "Known large withdrawal, agreed by phone";

/** A customer with one 1,500 USDT withdrawal waiting, created now. */
const withdrawing = async () => (await createTestWithdrawal(brand.id, { valueUsdt: "1500", amount: "1500" })).customerId;
const withLimits = (risk: CustomerRisk) => risk.kinds.filter((k) => k.limits.length > 0);
const eventsOf = (customerId: string) => db.riskEvent.count({ where: { brandId: brand.id, customerId } });

// A brand per test: one test's brand-wide limits never apply in another.
beforeEach(async () => {
  brand = await createTestBrand();
  ops = (await staffContext((await createTestStaff({ brandId: brand.id, role: "operations" })).user, { tenantId: brand.id })) as TenantContext;
});

describe("snoozing a limit for one customer", () => {
  it("opens no event and takes no action for that customer while it lasts; others are still evaluated", async () => {
    const limit = await createTestRiskLimit(brand.id, { threshold: "1000", kind: "withdrawal_single", actions: ["alert"] });
    const [snoozed, other] = [await withdrawing(), await withdrawing()];
    const s = await as<RiskSnoozeRow>(ops, "risk.snooze", { limitId: limit.id, customerId: snoozed, until: new Date(Date.now() + HOUR), reason });
    expect(s).toMatchObject({ limitId: limit.id, customerId: snoozed, kind: "withdrawal_single", scope: "brand", reason });

    expect(await evaluateCustomer(db, brand.id, snoozed)).toEqual({ opened: 0, applied: 0 });
    expect(await eventsOf(snoozed)).toBe(0);
    expect(await evaluateCustomer(db, brand.id, other)).toEqual({ opened: 1, applied: 1 });

    // Listed for its limit and customer (the event page) and for the customer (the customer page); audited with the reason.
    expect((await as<RiskSnoozeRow[]>(ops, "risk.listSnoozes", { customerId: snoozed, limitId: limit.id })).map((r) => r.id)).toEqual([s.id]);
    expect((await as<RiskSnoozeRow[]>(ops, "risk.listSnoozes", { customerId: other, limitId: limit.id }))).toEqual([]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { brandId: brand.id, entityId: s.id } });
    expect(audit).toMatchObject({ action: "risk.snooze", entityType: "risk_snooze", actorType: "staff" });
    expect(audit.after).toMatchObject({ limitId: limit.id, customerId: snoozed, reason });

    // After its end the limit opens for the customer again.
    expect(await evaluateCustomer(db, brand.id, snoozed, new Date(Date.now() + 2 * HOUR))).toEqual({ opened: 1, applied: 1 });
    expect(await eventsOf(snoozed)).toBe(1);
  });

  it("after a cancel the limit opens again at once; a second cancel is refused", async () => {
    const limit = await createTestRiskLimit(brand.id, { threshold: "1000", kind: "withdrawal_daily", actions: ["alert"] });
    const customerId = await withdrawing();
    const s = await as<RiskSnoozeRow>(ops, "risk.snooze", { limitId: limit.id, customerId, until: new Date(Date.now() + 5 * 24 * HOUR), reason });
    expect((await evaluateCustomer(db, brand.id, customerId)).opened).toBe(0);

    await as(ops, "risk.cancelSnooze", { id: s.id });
    expect(await as<RiskSnoozeRow[]>(ops, "risk.listSnoozes", { customerId })).toEqual([]);
    expect((await evaluateCustomer(db, brand.id, customerId)).opened).toBe(1);
    expect(await refusal(as(ops, "risk.cancelSnooze", { id: s.id }))).toMatchObject({ code: "CONFLICT", reason: "risk.errors.snoozeNotActive" });
    const actions = (await db.auditLog.findMany({ where: { entityId: s.id }, orderBy: { seq: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["risk.snooze", "risk.snooze_cancel"]);
  });

  it("skips a snoozed hold limit at request time too: the withdrawal is not held", async () => {
    const limit = await createTestRiskLimit(brand.id, { threshold: "1000", kind: "withdrawal_single", actions: ["hold_withdrawals"] });
    const w = await createTestWithdrawal(brand.id, { valueUsdt: "1500", amount: "1500", state: "queued" });
    await as(ops, "risk.snooze", { limitId: limit.id, customerId: w.customerId, until: new Date(Date.now() + HOUR), reason });
    const result = await db.$transaction(async (tx) => holdAtRequest(tx, brand.id, await tx.withdrawal.findUniqueOrThrow({ where: { id: w.id }, include: WITHDRAWAL_INCLUDE })));
    expect(result.opened).toEqual([]);
    expect(result.record.state).toBe("queued");
    expect(await eventsOf(w.customerId)).toBe(0);
  });

  it("reads the snoozes in one query for all the limits of a customer, and of a batch of customers", async () => {
    for (const kind of ["withdrawal_single", "withdrawal_daily"]) await createTestRiskLimit(brand.id, { threshold: "100000", kind });
    const customers = [await withdrawing(), await withdrawing(), await withdrawing()];
    const spy = vi.spyOn(db, "$queryRaw");
    const snoozeReads = () => spy.mock.calls.filter(([sql]) => Array.isArray(sql) && sql.join("?").includes("FROM risk_snooze")).length;
    try {
      await evaluateCustomer(db, brand.id, customers[0]!);
      expect(snoozeReads()).toBe(1);
      spy.mockClear();
      await evaluateMany(db, brand.id, customers);
      expect(snoozeReads()).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });

  it("refuses an end in the past or beyond 30 days, a second active snooze, and writes nothing", async () => {
    const limit = await createTestRiskLimit(brand.id);
    const customer = await createTestCustomer(brand.id);
    const ask = (until: Date, why = reason) => as(ops, "risk.snooze", { limitId: limit.id, customerId: customer.id, until, reason: why });
    expect(await refusal(ask(new Date(Date.now() - 60_000)))).toMatchObject({ code: "BAD_REQUEST", field: "until" });
    expect(await refusal(ask(new Date(Date.now() + 31 * 24 * HOUR)))).toMatchObject({ code: "BAD_REQUEST", field: "until" });
    expect(await refusal(ask(new Date(Date.now() + HOUR), " "))).toMatchObject({ code: "BAD_REQUEST", field: "reason" });
    expect(await db.riskSnooze.count({ where: { limitId: limit.id } })).toBe(0);
    await ask(new Date(Date.now() + HOUR));
    expect(await refusal(ask(new Date(Date.now() + 2 * HOUR)))).toMatchObject({ code: "CONFLICT", reason: "risk.errors.alreadySnoozed" });
    expect(await db.riskSnooze.count({ where: { limitId: limit.id } })).toBe(1);
  });
});

describe("a customer's effective limits", () => {
  it("shows, kind by kind, the limits of the narrowest scope, their snoozes and the open events", async () => {
    const b = (await createTestBrand()).id;
    const staff = await member(b, "admin");
    const call = <T>(path: string, input?: unknown) => callAs(staff.actor as never, b, path, input) as Promise<T>;
    const group = await db.customerGroup.create({ data: { brandId: b, name: "VIP" } });
    const inGroup = await createTestCustomer(b, { groupId: group.id });
    const plain = await createTestCustomer(b);
    const limit = (scope: "brand" | "group" | "customer", scopeId: string | undefined, kind: string, threshold: string) =>
      call<{ id: string }>("risk.createLimit", { scope, scopeId, kind, threshold, windowMinutes: 1440, severity: "high", actions: ["alert"] });
    const brandSingle = await limit("brand", undefined, "withdrawal_single", "1000");
    const groupSingle = await limit("group", group.id, "withdrawal_single", "800");
    const brandDaily = await limit("brand", undefined, "withdrawal_daily", "10000");
    const ownDaily = await limit("customer", inGroup.id, "withdrawal_daily", "5000");
    await limit("customer", plain.id, "withdrawal_single", "50"); // another customer's: never shown for inGroup
    await call("risk.snooze", { limitId: groupSingle.id, customerId: inGroup.id, until: new Date(Date.now() + HOUR), reason });
    await db.riskEvent.createMany({
      data: ["open", "open", "acknowledged", "resolved"].map((status, i) => ({
        brandId: b,
        limitId: ownDaily.id,
        customerId: inGroup.id,
        kind: "withdrawal_daily",
        severity: "high" as const,
        windowKey: `test:${i}`,
        numbers: {},
        actions: [],
        status: status as "open",
      })),
    });

    const risk = await call<CustomerRisk>("risk.forCustomer", { customerId: inGroup.id });
    // Every kind is listed; those without a limit for this customer come with no scope and no limit.
    expect(risk.kinds.map((k) => k.kind)).toEqual([...RISK_KINDS]);
    expect(risk.kinds.filter((k) => !k.limits.length).every((k) => k.scope === null)).toBe(true);
    expect(withLimits(risk).map((k) => [k.kind, k.scope, k.limits.map((l) => l.id)])).toEqual([
      ["withdrawal_single", "group", [groupSingle.id]],
      ["withdrawal_daily", "customer", [ownDaily.id]],
    ]);
    expect(risk.kinds[0]!.limits[0]).toMatchObject({ scopeLabel: "VIP", threshold: "800" });
    expect(risk.snoozes.map((s) => s.limitId)).toEqual([groupSingle.id]);
    expect(risk.openEvents).toBe(2);

    const other = await call<CustomerRisk>("risk.forCustomer", { customerId: plain.id });
    expect(withLimits(other).map((k) => [k.kind, k.scope, k.limits.map((l) => l.id)])).toEqual([
      ["withdrawal_single", "customer", [expect.any(String)]],
      ["withdrawal_daily", "brand", [brandDaily.id]],
    ]);
    expect(other.kinds[0]!.limits[0]!.id).not.toBe(brandSingle.id);
    expect(other).toMatchObject({ snoozes: [], openEvents: 0 });

    // A disabled limit no longer applies: the brand's single limit takes over for the group's customers.
    const g = await db.riskLimit.findUniqueOrThrow({ where: { id: groupSingle.id } });
    await call("risk.disableLimit", { id: g.id, version: g.version });
    expect((await call<CustomerRisk>("risk.forCustomer", { customerId: inGroup.id })).kinds[0]).toMatchObject({ scope: "brand", limits: [{ id: brandSingle.id }] });
  });
});
