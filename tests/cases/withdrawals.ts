/** Permission-matrix and brand-isolation cases for the withdrawal procedures (see tests/procedure-cases.ts). */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { db, type Prisma } from "@/server/db/client";
import type { Fixture, ProcedureCase } from "../procedure-cases";
import { createTestCustomer } from "./customers";
import { createTestSubaccount } from "./deposits";

type Call = (path: string, input?: unknown) => Promise<unknown>;

/** A customer with a sub-account row (no key: nothing here reaches the exchange). */
export async function createWithdrawalParty(brandId: string, customer: Partial<Prisma.CustomerUncheckedCreateInput> = {}) {
  const c = await createTestCustomer(brandId, { kycLevel: 2, ...customer });
  const sub = await createTestSubaccount(brandId, { customerId: c.id });
  return { customerId: c.id, subaccountId: sub.id, subAcct: sub.subAcct };
}

/** A withdrawal row written straight to the database, waiting for approval unless told otherwise. */
export async function createTestWithdrawal(brandId: string, data: Partial<Prisma.WithdrawalUncheckedCreateInput> = {}) {
  const made = data.customerId && data.subaccountId ? null : await createWithdrawalParty(brandId);
  const party = made ? { customerId: made.customerId, subaccountId: made.subaccountId } : { customerId: data.customerId!, subaccountId: data.subaccountId! };
  return db.withdrawal.create({
    data: {
      brandId,
      ccy: "USDT",
      chain: "USDT-TRC20",
      amount: "1500",
      fee: "1",
      valueUsdt: "1500",
      address: "TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9",
      state: "pending_approval",
      clientId: randomUUID().replace(/-/g, ""),
      ...data,
      ...party,
    },
  });
}

export const createTestBookEntry = (brandId: string, customerId: string, data: Partial<Prisma.WithdrawalAddressUncheckedCreateInput> = {}) =>
  db.withdrawalAddress.create({ data: { brandId, customerId, ccy: "USDT", chain: "USDT-TRC20", address: `T${randomUUID().replace(/-/g, "").slice(0, 33)}`, usableFrom: new Date(), ...data } });

const state = async (id: string) => ({ w: await db.withdrawal.findUniqueOrThrow({ where: { id } }), audit: await db.auditLog.count({ where: { entityType: "withdrawal", entityId: id } }) });

/** Brand B's withdrawal: the call answers NOT_FOUND and changes nothing. */
const refusesBrandBWithdrawal = (path: string, extra: Record<string, unknown> = {}) => async (f: Fixture, call: Call) => {
  const theirs = await createTestWithdrawal(f.brandB.id);
  const before = await state(theirs.id);
  await expect(call(path, { id: theirs.id, ...extra })).rejects.toMatchObject({ code: "NOT_FOUND" });
  expect(await state(theirs.id)).toEqual(before);
};

const refusesBrandBCustomer = (path: string, input: (p: { customerId: string; subaccountId: string }) => unknown) => async (f: Fixture, call: Call) => {
  const theirs = await createWithdrawalParty(f.brandB.id);
  await expect(call(path, input(theirs))).rejects.toMatchObject({ code: "NOT_FOUND" });
  expect(await db.withdrawal.count({ where: { customerId: theirs.customerId } })).toBe(0);
  expect(await db.withdrawalAddress.count({ where: { customerId: theirs.customerId } })).toBe(0);
};

/** The other person who asked for it (an approver never decides their own). */
const otherRequester = (f: Fixture) => ({ requestedById: f.targetA.id });

export const WITHDRAWAL_CASES: Record<string, ProcedureCase> = {
  "withdrawal.list": {
    input: () => ({ page: 1, pageSize: 20 }),
    isolation: async (f, call) => {
      const own = await createTestWithdrawal(f.brandA.id);
      const other = await createTestWithdrawal(f.brandB.id);
      const ids = ((await call("withdrawal.list", { page: 1, pageSize: 100 })) as { rows: { id: string }[] }).rows.map((r) => r.id);
      expect(ids).toContain(own.id);
      expect(ids).not.toContain(other.id);
      expect(((await call("withdrawal.list", { page: 1, pageSize: 100, customerId: other.customerId })) as { rows: unknown[] }).rows).toEqual([]);
    },
  },
  "withdrawal.get": { input: async (f) => ({ id: (await createTestWithdrawal(f.brandA.id)).id }), isolation: refusesBrandBWithdrawal("withdrawal.get") },
  "withdrawal.history": { input: async (f) => ({ id: (await createTestWithdrawal(f.brandA.id)).id }), isolation: refusesBrandBWithdrawal("withdrawal.history") },
  "withdrawal.parties": {
    input: () => ({}),
    isolation: async (f, call) => {
      const theirs = await createWithdrawalParty(f.brandB.id);
      const c = await db.customer.findUniqueOrThrow({ where: { id: theirs.customerId } });
      expect(await call("withdrawal.parties", { q: String(c.uid) })).toEqual([]);
    },
  },
  "withdrawal.options": {
    // No stored key on the sub-account: refused before the exchange is asked.
    input: async (f) => createWithdrawalParty(f.brandA.id),
    refusedFor: { platform_admin: "CONFLICT", admin: "CONFLICT", operations: "CONFLICT" },
    isolation: refusesBrandBCustomer("withdrawal.options", (p) => p),
  },
  "withdrawal.request": {
    // A frozen customer: refused by the checks, nothing stored.
    input: async (f) => ({ ...(await createWithdrawalParty(f.brandA.id, { status: "frozen" })), ccy: "USDT", chain: "USDT-TRC20", amount: "10", address: "TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9" }),
    refusedFor: { platform_admin: "CONFLICT", admin: "CONFLICT", operations: "CONFLICT" },
    isolation: refusesBrandBCustomer("withdrawal.request", (p) => ({ ...p, ccy: "USDT", chain: "USDT-TRC20", amount: "10", address: "TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9" })),
  },
  "withdrawal.approve": {
    input: async (f) => ({ id: (await createTestWithdrawal(f.brandA.id, otherRequester(f))).id }),
    isolation: refusesBrandBWithdrawal("withdrawal.approve"),
  },
  "withdrawal.reject": {
    input: async (f) => ({ id: (await createTestWithdrawal(f.brandA.id, otherRequester(f))).id, reason: "Not this week" }),
    isolation: refusesBrandBWithdrawal("withdrawal.reject", { reason: "Not this week" }),
  },
  "withdrawal.cancel": {
    input: async (f) => ({ id: (await createTestWithdrawal(f.brandA.id)).id, reason: "Customer asked" }),
    isolation: refusesBrandBWithdrawal("withdrawal.cancel", { reason: "Customer asked" }),
  },
  "withdrawal.addresses": {
    input: async (f) => ({ customerId: (await createWithdrawalParty(f.brandA.id)).customerId }),
    isolation: refusesBrandBCustomer("withdrawal.addresses", (p) => ({ customerId: p.customerId })),
  },
  "withdrawal.addAddress": {
    input: async (f) => ({ customerId: (await createWithdrawalParty(f.brandA.id)).customerId, ccy: "USDT", chain: "USDT-TRC20", address: "TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9" }),
    isolation: refusesBrandBCustomer("withdrawal.addAddress", (p) => ({ customerId: p.customerId, ccy: "USDT", chain: "USDT-TRC20", address: "TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9" })),
  },
  "withdrawal.removeAddress": {
    input: async (f) => ({ id: (await createTestBookEntry(f.brandA.id, (await createWithdrawalParty(f.brandA.id)).customerId)).id }),
    isolation: async (f, call) => {
      const theirs = await createTestBookEntry(f.brandB.id, (await createWithdrawalParty(f.brandB.id)).customerId);
      await expect(call("withdrawal.removeAddress", { id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect((await db.withdrawalAddress.findUniqueOrThrow({ where: { id: theirs.id } })).removedAt).toBeNull();
    },
  },
  "withdrawal.settings": {
    input: () => undefined,
    isolation: async (f, call) => {
      await db.withdrawalSettings.upsert({ where: { brandId: f.brandB.id }, create: { brandId: f.brandB.id, coolingOffHours: 77 }, update: { coolingOffHours: 77 } });
      expect(((await call("withdrawal.settings")) as { coolingOffHours: number }).coolingOffHours).not.toBe(77);
    },
  },
  "withdrawal.setSettings": {
    input: () => ({ perWithdrawalLimit: "100000", dailyLimit: "200000", approvalThreshold: "1000", coolingOffHours: 24 }),
    isolation: async (f, call) => {
      const before = await db.withdrawalSettings.findUnique({ where: { brandId: f.brandB.id } });
      await call("withdrawal.setSettings", { perWithdrawalLimit: "5", coolingOffHours: 1 });
      expect(await db.withdrawalSettings.findUnique({ where: { brandId: f.brandB.id } })).toEqual(before);
    },
  },
};
