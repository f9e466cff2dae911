/** Permission-matrix and brand-isolation cases for the fundLock procedures (see tests/procedure-cases.ts). */
import { expect } from "vitest";
import { db, type Prisma } from "@/server/db/client";
import type { Fixture, ProcedureCase } from "../procedure-cases";
import { createTestCustomer } from "./customers";

type Call = (path: string, input?: unknown) => Promise<unknown>;

/** A trading account written straight to the database (the ledger's service is not the way to make it). */
export async function createTestTradingAccount(brandId: string, data: Partial<Prisma.TradingAccountUncheckedCreateInput> = {}) {
  const customerId = data.customerId ?? (await createTestCustomer(brandId)).id;
  return db.tradingAccount.create({ data: { brandId, type: "spot", currency: "USDT", ...data, customerId } });
}

/** An active lock written straight to the database. */
export const createTestFundLock = (brandId: string, tradingAccountId: string, data: Partial<Prisma.FundLockUncheckedCreateInput> = {}) =>
  db.fundLock.create({ data: { brandId, tradingAccountId, direction: "transfer_out", reason: "Test lock", ...data } });

const reason = "Under review by operations";

/** A lock and its audit trail, to prove a cross-brand call left it alone. */
const lockState = async (id: string) => ({
  lock: await db.fundLock.findUniqueOrThrow({ where: { id } }),
  audit: await db.auditLog.count({ where: { entityType: "fund_lock", entityId: id } }),
});

/** Brand B's customer, account and lock: a read must answer NOT_FOUND. */
const refusesBrandBCustomer = (path: string) => async (f: Fixture, call: Call) => {
  const account = await createTestTradingAccount(f.brandB.id);
  await createTestFundLock(f.brandB.id, account.id);
  await expect(call(path, { customerId: account.customerId })).rejects.toMatchObject({ code: "NOT_FOUND" });
};

export const FUND_LOCK_CASES: Record<string, ProcedureCase> = {
  "fundLock.list": {
    input: () => ({ page: 1, pageSize: 20 }),
    isolation: async (f, call) => {
      const own = await createTestFundLock(f.brandA.id, (await createTestTradingAccount(f.brandA.id)).id);
      const otherAccount = await createTestTradingAccount(f.brandB.id);
      const other = await createTestFundLock(f.brandB.id, otherAccount.id);
      const ids = async (input: Record<string, unknown>) =>
        ((await call("fundLock.list", { page: 1, pageSize: 100, ...input })) as { rows: { id: string }[] }).rows.map((r) => r.id);
      const all = await ids({});
      expect(all).toContain(own.id);
      expect(all).not.toContain(other.id);
      expect(await ids({ customerId: otherAccount.customerId })).toEqual([]);
      const customer = await db.customer.findUniqueOrThrow({ where: { id: otherAccount.customerId } });
      expect(await ids({ q: customer.uid.toString() })).toEqual([]);
    },
  },
  "fundLock.listForCustomer": {
    input: async (f) => ({ customerId: (await createTestTradingAccount(f.brandA.id)).customerId }),
    isolation: refusesBrandBCustomer("fundLock.listForCustomer"),
  },
  "fundLock.accountsForCustomer": {
    input: async (f) => ({ customerId: (await createTestTradingAccount(f.brandA.id)).customerId }),
    isolation: refusesBrandBCustomer("fundLock.accountsForCustomer"),
  },
  "fundLock.lock": {
    input: async (f) => ({ tradingAccountId: (await createTestTradingAccount(f.brandA.id)).id, direction: "transfer_out", reason }),
    isolation: async (f, call) => {
      const account = await createTestTradingAccount(f.brandB.id);
      await expect(call("fundLock.lock", { tradingAccountId: account.id, direction: "both", reason })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await db.fundLock.count({ where: { tradingAccountId: account.id } })).toBe(0);
    },
  },
  "fundLock.unlock": {
    input: async (f) => {
      const lock = await createTestFundLock(f.brandA.id, (await createTestTradingAccount(f.brandA.id)).id);
      return { id: lock.id, reason, version: lock.version };
    },
    isolation: async (f, call) => {
      const lock = await createTestFundLock(f.brandB.id, (await createTestTradingAccount(f.brandB.id)).id);
      const before = await lockState(lock.id);
      await expect(call("fundLock.unlock", { id: lock.id, reason, version: lock.version })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await lockState(lock.id)).toEqual(before);
    },
  },
};
