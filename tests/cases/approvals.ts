/**
 * Permission-matrix and brand-isolation cases for the approvals inbox (see tests/procedure-cases.ts).
 * Pending items are written straight to the database, requested by another member (targetA), never the caller.
 */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { db } from "@/server/db/client";
import type { Fixture, ProcedureCase } from "../procedure-cases";
import { createTestCustomer } from "./customers";

type Call = (path: string, input?: unknown) => Promise<unknown>;
const note = "Checked with the desk";

/** A pending single grant of 5 USDT in the brand, requested by `requestedById`. */
export async function pendingGrant(brandId: string, requestedById: string | null) {
  const customer = await createTestCustomer(brandId);
  const account = await db.tradingAccount.create({ data: { brandId, customerId: customer.id, type: "spot", currency: "USDT" } });
  return db.bonusGrant.create({
    data: {
      brandId,
      customerId: customer.id,
      tradingAccountId: account.id,
      amount: "5",
      currency: "USDT",
      withdrawable: false,
      remaining: "0",
      status: "pending_approval",
      idempotencyKey: randomUUID(),
      reason: "Loyal customer",
      requestedById,
    },
  });
}

const ids = (page: unknown) => (page as { rows: { id: string }[] }).rows.map((r) => r.id);
const grantState = async (id: string) => ({
  grant: await db.bonusGrant.findUniqueOrThrow({ where: { id } }),
  audit: await db.auditLog.count({ where: { entityId: id } }),
});

/** Aimed at brand B's pending grant: NOT_FOUND, and the grant and its audit trail unchanged. */
const refusesGrantB = (path: string, extra: Record<string, unknown>) => async (f: Fixture, call: Call) => {
  const target = await pendingGrant(f.brandB.id, f.targetB.id);
  const before = await grantState(target.id);
  await expect(call(path, { kind: "bonus.grant", id: target.id, ...extra })).rejects.toMatchObject({ code: "NOT_FOUND" });
  expect(await grantState(target.id)).toEqual(before);
};

export const APPROVAL_CASES: Record<string, ProcedureCase> = {
  "approvals.list": {
    input: () => ({ view: "all" }),
    isolation: async (f, call) => {
      const own = await pendingGrant(f.brandA.id, f.targetA.id);
      const other = await pendingGrant(f.brandB.id, f.targetB.id);
      const page = await call("approvals.list", { view: "all", pageSize: 100 });
      expect(ids(page)).toContain(own.id);
      expect(ids(page)).not.toContain(other.id);
      // Filtering by brand B's requester finds nothing of B either.
      expect(ids(await call("approvals.list", { view: "all", requester: f.targetB.id }))).toEqual([]);
    },
  },
  "approvals.mine": {
    input: () => ({}),
    isolation: async (f, call) => {
      // A brand-B row naming a brand-A member as its requester still stays out of brand A's inbox.
      const forged = await Promise.all(Object.values(f.callers).map((c) => pendingGrant(f.brandB.id, c.id)));
      const mine = ids(await call("approvals.mine", { pageSize: 100 }));
      for (const g of forged) expect(mine).not.toContain(g.id);
    },
  },
  "approvals.count": {
    input: () => undefined,
    isolation: async (f, call) => {
      const before = (await call("approvals.count")) as { count: number };
      await pendingGrant(f.brandB.id, f.targetB.id);
      expect(((await call("approvals.count")) as { count: number }).count).toBe(before.count);
    },
  },
  "approvals.approve": {
    input: async (f) => ({ kind: "bonus.grant", id: (await pendingGrant(f.brandA.id, f.targetA.id)).id, note }),
    isolation: refusesGrantB("approvals.approve", { note }),
  },
  "approvals.reject": {
    input: async (f) => ({ kind: "bonus.grant", id: (await pendingGrant(f.brandA.id, f.targetA.id)).id, note }),
    isolation: refusesGrantB("approvals.reject", { note }),
  },
};
