/** Permission-matrix and brand-isolation cases for the risk procedures (see tests/procedure-cases.ts). */
import { afterEach, expect } from "vitest";
import { db } from "@/server/db/client";
import { forgetRiskAttention } from "@/server/risk/attention";
import type { ProcedureCase } from "../procedure-cases";
import { createTestCustomer } from "./customers";

type Call = (path: string, input?: unknown) => Promise<unknown>;

/** A brand-scope limit written straight to the database. */
export const createTestRiskLimit = (brandId: string, data: Partial<{ threshold: string; kind: string; actions: string[]; enabled: boolean }> = {}) =>
  db.riskLimit.create({ data: { brandId, scope: "brand", kind: "withdrawal_single", threshold: "1000", windowMinutes: 1440, severity: "medium", actions: ["alert"], ...data } });

/** An open event of a fresh customer on a fresh limit, written straight to the database. */
export async function createTestRiskEvent(brandId: string, actions: object[] = [{ action: "alert", status: "applied", items: [] }]) {
  const limit = await createTestRiskLimit(brandId);
  const customer = await createTestCustomer(brandId);
  return db.riskEvent.create({
    data: {
      brandId,
      limitId: limit.id,
      customerId: customer.id,
      kind: limit.kind,
      severity: limit.severity,
      windowKey: `test:${customer.id}`,
      numbers: { observed: "1500", threshold: "1000", windowMinutes: 1440, windowStart: new Date().toISOString(), windowEnd: new Date().toISOString(), unit: "USDT", items: [] },
      actions,
    },
  });
}

/** An active snooze of a fresh limit for a fresh customer, written straight to the database. */
export async function createTestRiskSnooze(brandId: string, data: Partial<{ until: Date; cancelledAt: Date }> = {}) {
  const limit = await createTestRiskLimit(brandId);
  const customer = await createTestCustomer(brandId);
  return db.riskSnooze.create({ data: { brandId, limitId: limit.id, customerId: customer.id, until: new Date(Date.now() + 86_400_000), reason: "Known large withdrawal", ...data } });
}

const note = "Checked with the customer";

// The global switch is shared by every brand: whatever a case left, enforcement is on again after each test.
afterEach(async () => {
  await db.riskControl.deleteMany({ where: { scope: "global" } });
});

/** A customer whose money movements a risk breaker blocks, written straight to the database. */
export async function createTrippedCustomer(brandId: string) {
  const customer = await createTestCustomer(brandId);
  const breaker = await db.customerBreaker.create({ data: { brandId, customerId: customer.id } });
  return { customer, breaker };
}

/** The opposite of the switch's state now, so every allowed caller's change succeeds. */
const flip = async (scope: string) => ({ enforce: !((await db.riskControl.findUnique({ where: { scope } }))?.enforce ?? true), reason: note });
const inADay = () => new Date(Date.now() + 86_400_000).toISOString();
const limitInput = { scope: "brand", kind: "withdrawal_daily", threshold: "5000", windowMinutes: 1440, severity: "high", actions: ["alert"] };

/** Brand B's limit: a change must answer NOT_FOUND and leave it as it was. */
const refusesBrandBLimit = (path: string, extra: Record<string, unknown>) => async (f: { brandB: { id: string } }, call: Call) => {
  const other = await createTestRiskLimit(f.brandB.id);
  await expect(call(path, { id: other.id, version: other.version, ...extra })).rejects.toMatchObject({ code: "NOT_FOUND" });
  expect(await db.riskLimit.findUniqueOrThrow({ where: { id: other.id } })).toEqual(other);
};

/** Brand B's event: a read or change must answer NOT_FOUND and leave it as it was. */
const refusesBrandBEvent = (path: string, extra: Record<string, unknown>) => async (f: { brandB: { id: string } }, call: Call) => {
  const other = await createTestRiskEvent(f.brandB.id);
  await expect(call(path, { id: other.id, version: other.version, ...extra })).rejects.toMatchObject({ code: "NOT_FOUND" });
  expect(await db.riskEvent.findUniqueOrThrow({ where: { id: other.id } })).toEqual(other);
};

export const RISK_CASES: Record<string, ProcedureCase> = {
  "risk.listLimits": {
    input: () => ({ page: 1, pageSize: 20 }),
    isolation: async (f, call) => {
      const own = await createTestRiskLimit(f.brandA.id);
      const other = await createTestRiskLimit(f.brandB.id);
      const ids = ((await call("risk.listLimits", { page: 1, pageSize: 100 })) as { rows: { id: string }[] }).rows.map((r) => r.id);
      expect(ids).toContain(own.id);
      expect(ids).not.toContain(other.id);
    },
  },
  "risk.createLimit": {
    input: () => limitInput,
    isolation: async (f, call) => {
      // A customer scope naming brand B's customer is refused, naming the field; nothing is written.
      const other = await createTestCustomer(f.brandB.id);
      await expect(call("risk.createLimit", { ...limitInput, scope: "customer", scopeId: other.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      expect(await db.riskLimit.count({ where: { scopeId: other.id } })).toBe(0);
    },
  },
  "risk.updateLimit": {
    input: async (f) => {
      const l = await createTestRiskLimit(f.brandA.id);
      return { ...limitInput, id: l.id, version: l.version, enabled: true };
    },
    isolation: refusesBrandBLimit("risk.updateLimit", { ...limitInput, enabled: true }),
  },
  "risk.disableLimit": {
    input: async (f) => {
      const l = await createTestRiskLimit(f.brandA.id);
      return { id: l.id, version: l.version };
    },
    isolation: refusesBrandBLimit("risk.disableLimit", {}),
  },
  "risk.listEvents": {
    input: () => ({ page: 1, pageSize: 20 }),
    isolation: async (f, call) => {
      const own = await createTestRiskEvent(f.brandA.id);
      const other = await createTestRiskEvent(f.brandB.id);
      const ids = async (input: Record<string, unknown>) => ((await call("risk.listEvents", { page: 1, pageSize: 100, ...input })) as { rows: { id: string }[] }).rows.map((r) => r.id);
      expect(await ids({})).toContain(own.id);
      expect(await ids({})).not.toContain(other.id);
      expect(await ids({ customerId: other.customerId })).toEqual([]);
    },
  },
  "risk.getEvent": {
    input: async (f) => ({ id: (await createTestRiskEvent(f.brandA.id)).id }),
    isolation: refusesBrandBEvent("risk.getEvent", {}),
  },
  "risk.acknowledgeEvent": {
    input: async (f) => {
      const e = await createTestRiskEvent(f.brandA.id);
      return { id: e.id, version: e.version, note };
    },
    isolation: refusesBrandBEvent("risk.acknowledgeEvent", { note }),
  },
  "risk.resolveEvent": {
    input: async (f) => {
      const e = await createTestRiskEvent(f.brandA.id);
      return { id: e.id, version: e.version, note };
    },
    isolation: refusesBrandBEvent("risk.resolveEvent", { note }),
  },
  "risk.undoAction": {
    // An applied freeze whose customer is no longer frozen: the undo runs and records "skipped".
    input: async (f) => {
      const e = await createTestRiskEvent(f.brandA.id, [{ action: "freeze_customer", status: "applied", items: [] }]);
      return { id: e.id, version: e.version, action: "freeze_customer", reason: note };
    },
    isolation: refusesBrandBEvent("risk.undoAction", { action: "freeze_customer", reason: note }),
  },
  "risk.customerBreaker": {
    input: async (f) => ({ customerId: (await createTrippedCustomer(f.brandA.id)).customer.id }),
    isolation: async (f, call) => {
      const { customer } = await createTrippedCustomer(f.brandB.id);
      await expect(call("risk.customerBreaker", { customerId: customer.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    },
  },
  "risk.resetCustomerBreaker": {
    input: async (f) => ({ customerId: (await createTrippedCustomer(f.brandA.id)).customer.id, reason: note }),
    isolation: async (f, call) => {
      const { customer, breaker } = await createTrippedCustomer(f.brandB.id);
      await expect(call("risk.resetCustomerBreaker", { customerId: customer.id, reason: note })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await db.customerBreaker.findUniqueOrThrow({ where: { id: breaker.id } })).toEqual(breaker);
    },
  },
  "risk.controls": {
    input: () => undefined,
    // Brand B's switch is B's alone: brand A still enforces.
    isolation: async (f, call) => {
      await db.riskControl.upsert({ where: { scope: f.brandB.id }, create: { scope: f.brandB.id, brandId: f.brandB.id, enforce: false, reason: note, changedById: f.targetB.id }, update: { enforce: false } });
      expect(await call("risk.controls")).toMatchObject({ brand: { enforce: true }, enforcing: true });
      await db.riskControl.delete({ where: { scope: f.brandB.id } });
    },
  },
  "risk.setBrandEnforcement": {
    input: (f) => flip(f.brandA.id),
    // Acts on the caller's brand only: brand B's switch is not written.
    isolation: async (f, call) => {
      await call("risk.setBrandEnforcement", await flip(f.brandA.id));
      expect(await db.riskControl.findUnique({ where: { scope: f.brandB.id } })).toBeNull();
      await db.riskControl.deleteMany({ where: { scope: f.brandA.id } });
    },
  },
  "risk.setGlobalEnforcement": {
    input: () => flip("global"),
    isolation: "platform",
  },
  "risk.listSnoozes": {
    input: async (f) => ({ customerId: (await createTestRiskSnooze(f.brandA.id)).customerId }),
    isolation: async (f, call) => {
      const other = await createTestRiskSnooze(f.brandB.id);
      expect(await call("risk.listSnoozes", { customerId: other.customerId })).toEqual([]);
      expect(await call("risk.listSnoozes", { customerId: other.customerId, limitId: other.limitId })).toEqual([]);
    },
  },
  "risk.snooze": {
    input: async (f) => {
      const limit = await createTestRiskLimit(f.brandA.id);
      const customer = await createTestCustomer(f.brandA.id);
      return { limitId: limit.id, customerId: customer.id, until: inADay(), reason: note };
    },
    isolation: async (f, call) => {
      // Brand B's limit or brand B's customer: NOT_FOUND, nothing written.
      const ownLimit = await createTestRiskLimit(f.brandA.id);
      const ownCustomer = await createTestCustomer(f.brandA.id);
      const otherLimit = await createTestRiskLimit(f.brandB.id);
      const otherCustomer = await createTestCustomer(f.brandB.id);
      await expect(call("risk.snooze", { limitId: otherLimit.id, customerId: ownCustomer.id, until: inADay(), reason: note })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(call("risk.snooze", { limitId: ownLimit.id, customerId: otherCustomer.id, until: inADay(), reason: note })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await db.riskSnooze.count({ where: { limitId: { in: [ownLimit.id, otherLimit.id] } } })).toBe(0);
    },
  },
  "risk.cancelSnooze": {
    input: async (f) => ({ id: (await createTestRiskSnooze(f.brandA.id)).id }),
    isolation: async (f, call) => {
      const other = await createTestRiskSnooze(f.brandB.id);
      await expect(call("risk.cancelSnooze", { id: other.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await db.riskSnooze.findUniqueOrThrow({ where: { id: other.id } })).toEqual(other);
    },
  },
  "risk.forCustomer": {
    input: async (f) => ({ customerId: (await createTestCustomer(f.brandA.id)).id }),
    isolation: async (f, call) => {
      const other = await createTestCustomer(f.brandB.id);
      await createTestRiskLimit(f.brandB.id);
      await expect(call("risk.forCustomer", { customerId: other.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    },
  },
  "risk.attention": {
    input: () => undefined,
    isolation: async (f, call) => {
      // Brand B's open high events never count in brand A's figure (read fresh, not from the cache).
      for (let i = 0; i < 2; i++) {
        const e = await createTestRiskEvent(f.brandB.id);
        await db.riskEvent.update({ where: { id: e.id }, data: { severity: "high" } });
      }
      forgetRiskAttention();
      const own = await db.riskEvent.count({ where: { brandId: f.brandA.id, status: "open", severity: "high" } });
      expect(((await call("risk.attention")) as { high: number }).high).toBe(own);
    },
  },
};
