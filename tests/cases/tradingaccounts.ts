/** Permission-matrix and brand-isolation cases for the tradingaccounts procedures (see tests/procedure-cases.ts). */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { db } from "@/server/db/client";
import { postJournal } from "@/server/ledger/post";
import type { Fixture, ProcedureCase } from "../procedure-cases";
import { createTestCustomer } from "./customers";

type Call = (path: string, input?: unknown) => Promise<unknown>;

/** A trading account written straight to the database, optionally holding cash (posted through the ledger). */
export async function createTestTradingAccount(brandId: string, customerId: string, type: "spot" | "margin" = "spot", cash?: string) {
  const account = await db.tradingAccount.create({ data: { brandId, customerId, type, currency: "USDT" } });
  if (cash) {
    await db.$transaction((tx) =>
      postJournal(tx, {
        brandId,
        kind: "test_funding",
        reference: { type: "test", id: account.id },
        lines: [
          { account: { system: "external", currency: "USDT", demo: false }, amount: `-${cash}` },
          { account: { tradingAccountId: account.id, bucket: "cash" }, amount: cash },
        ],
      }),
    );
  }
  return account;
}

/** A customer with a funded spot account and an empty margin account. */
async function customerWithAccounts(brandId: string) {
  const customer = await createTestCustomer(brandId);
  const spot = await createTestTradingAccount(brandId, customer.id, "spot", "10");
  const margin = await createTestTradingAccount(brandId, customer.id, "margin");
  return { customer, spot, margin };
}

/** A brand-B account and its ledger, to prove a cross-brand call left them alone. */
const accountState = async (id: string) => ({
  account: await db.tradingAccount.findUniqueOrThrow({ where: { id } }),
  lines: await db.ledgerLine.count({ where: { ledgerAccount: { tradingAccountId: id } } }),
  audit: await db.auditLog.count({ where: { entityType: "trading_account", entityId: id } }),
});

const refusesBrandBAccount = (path: string, input: (b: { accountId: string; ownId: string }) => unknown) => async (f: Fixture, call: Call) => {
  const other = await customerWithAccounts(f.brandB.id);
  const own = await customerWithAccounts(f.brandA.id);
  const before = [await accountState(other.spot.id), await accountState(own.spot.id)];
  await expect(call(path, input({ accountId: other.spot.id, ownId: own.spot.id }))).rejects.toMatchObject({ code: "NOT_FOUND" });
  expect([await accountState(other.spot.id), await accountState(own.spot.id)]).toEqual(before);
};

const key = () => randomUUID();

export const TRADING_ACCOUNT_CASES: Record<string, ProcedureCase> = {
  "tradingAccount.listForCustomer": {
    input: async (f) => ({ customerId: (await customerWithAccounts(f.brandA.id)).customer.id }),
    isolation: async (f, call) => {
      const other = await customerWithAccounts(f.brandB.id);
      await expect(call("tradingAccount.listForCustomer", { customerId: other.customer.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    },
  },
  "tradingAccount.ledger": {
    input: async (f) => ({ tradingAccountId: (await customerWithAccounts(f.brandA.id)).spot.id }),
    isolation: refusesBrandBAccount("tradingAccount.ledger", ({ accountId }) => ({ tradingAccountId: accountId })),
  },
  "tradingAccount.open": {
    input: async (f) => ({ customerId: (await createTestCustomer(f.brandA.id)).id, type: "spot", currency: "USDT", demo: false }),
    isolation: async (f, call) => {
      const other = await createTestCustomer(f.brandB.id);
      await expect(call("tradingAccount.open", { customerId: other.id, type: "spot", currency: "USDT", demo: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await db.tradingAccount.count({ where: { customerId: other.id } })).toBe(0);
    },
  },
  "tradingAccount.transfer": {
    input: async (f) => {
      const { spot, margin } = await customerWithAccounts(f.brandA.id);
      return { fromTradingAccountId: spot.id, toTradingAccountId: margin.id, amount: "1", idempotencyKey: key() };
    },
    isolation: async (f, call) => {
      // Out of brand B's account into one's own, and out of one's own into brand B's: both unknown.
      await refusesBrandBAccount("tradingAccount.transfer", ({ accountId, ownId }) => ({
        fromTradingAccountId: accountId,
        toTradingAccountId: ownId,
        amount: "1",
        idempotencyKey: key(),
      }))(f, call);
      await refusesBrandBAccount("tradingAccount.transfer", ({ accountId, ownId }) => ({
        fromTradingAccountId: ownId,
        toTradingAccountId: accountId,
        amount: "1",
        idempotencyKey: key(),
      }))(f, call);
    },
  },
  "tradingAccount.adjustCash": {
    input: async (f) => ({
      tradingAccountId: (await customerWithAccounts(f.brandA.id)).spot.id,
      direction: "credit",
      amount: "5",
      reason: "Demo funding",
      idempotencyKey: key(),
    }),
    isolation: refusesBrandBAccount("tradingAccount.adjustCash", ({ accountId }) => ({
      tradingAccountId: accountId,
      direction: "debit",
      amount: "1",
      reason: "Correction",
      idempotencyKey: key(),
    })),
  },
  "tradingAccount.verify": {
    input: () => undefined,
    isolation: async (f, call) => {
      // A cache broken in brand B is not brand A's business, and A's counts are A's own.
      const other = await customerWithAccounts(f.brandB.id);
      await db.$executeRaw`UPDATE trading_account SET bonus_withdrawable = 1 WHERE id = ${other.margin.id}::uuid`;
      try {
        const report = (await call("tradingAccount.verify")) as { tradingAccounts: number; discrepancies: { id: string }[] };
        expect(report.discrepancies.map((d) => d.id)).not.toContain(other.margin.id);
        expect(report.tradingAccounts).toBe(await db.tradingAccount.count({ where: { brandId: f.brandA.id } }));
      } finally {
        await db.$executeRaw`UPDATE trading_account SET bonus_withdrawable = 0 WHERE id = ${other.margin.id}::uuid`;
      }
    },
  },
};
