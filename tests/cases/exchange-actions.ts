/**
 * Permission-matrix and brand-isolation cases for the exchangeAction procedures (see tests/procedure-cases.ts).
 * They reach the run's simulator (OKX_SIM_URL) through a sub-account and a trade key created by Brokerdesk's
 * own services; a valid call on an account with nothing open answers an empty or "no longer open" result.
 * Calls aimed at brand B's customer or sub-account (rows only) are refused NOT_FOUND before any exchange
 * call, and nothing is audited in B.
 */
import { expect } from "vitest";
import { db } from "@/server/db/client";
import type { TenantContext } from "@/server/actor";
import { tradingCustomer, type TradingCustomer } from "../helpers/exchange-actions";
import { createTestKeyRow, createTestSubaccount } from "./api-keys";
import { createTestCustomer } from "./customers";
import { staffContext } from "../helpers/db";
import type { Fixture, ProcedureCase } from "../procedure-cases";

type Call = (path: string, input?: unknown) => Promise<unknown>;

const reason = "Customer asked to flatten the account";

/** One trading customer per brand, made once by that brand's admin. */
const made = new Map<string, Promise<TradingCustomer>>();
async function customerOf(f: Fixture, brandId: string): Promise<TradingCustomer> {
  let found = made.get(brandId);
  if (!found) {
    found = (async () => {
      const admin = await db.staffUser.findFirstOrThrow({ where: { brandId, role: "admin" } });
      const ctx = { ...(await staffContext(admin, { tenantId: brandId })), tenantId: brandId } as TenantContext;
      return tradingCustomer(ctx);
    })();
    made.set(brandId, found);
    // A failed set-up is not kept: the next case makes its own.
    found.catch(() => made.delete(brandId));
  }
  return found;
}

const order = (c: TradingCustomer) => ({ subaccountId: c.subaccountId, instId: "BTC-USDT", ordId: "1" });
const position = (c: TradingCustomer) => ({ subaccountId: c.subaccountId, instId: "BTC-USDT-SWAP", mgnMode: "cross", posSide: "net" });

/**
 * Brand B's customer with a sub-account and a stored trade key, as rows only: a cross-brand call is refused
 * before any exchange call, so B needs nothing on the exchange (its credentials may point elsewhere).
 */
async function brandBCustomer(brandId: string): Promise<TradingCustomer> {
  const customer = await createTestCustomer(brandId);
  const sub = await createTestSubaccount(brandId, { customerId: customer.id });
  await createTestKeyRow(brandId, { subaccountId: sub.id, perms: ["read_only", "trade"] });
  return { customerId: customer.id, subaccountId: sub.id, subAcct: sub.subAcct };
}

/** Aims the call at brand B's customer and sub-account: NOT_FOUND, and no audit row in B. */
const refusesBrandB = (path: string, input: (c: TradingCustomer) => Record<string, unknown>) => async (f: Fixture, call: Call) => {
  const theirs = await brandBCustomer(f.brandB.id);
  const audits = () => db.auditLog.count({ where: { brandId: f.brandB.id, action: { startsWith: "exchange." } } });
  const before = await audits();
  await expect(call(path, input(theirs))).rejects.toMatchObject({ code: "NOT_FOUND" });
  expect(await audits()).toBe(before);
};

export const EXCHANGE_ACTION_CASES: Record<string, ProcedureCase> = {
  "exchangeAction.preview": {
    input: async (f) => ({ action: "closeAllPositions", customerId: (await customerOf(f, f.brandA.id)).customerId }),
    isolation: refusesBrandB("exchangeAction.preview", (c) => ({ action: "cancelAllOrders", customerId: c.customerId })),
  },
  "exchangeAction.cancelOrder": {
    input: async (f) => ({ ...order(await customerOf(f, f.brandA.id)), reason }),
    isolation: refusesBrandB("exchangeAction.cancelOrder", (c) => ({ ...order(c), reason })),
  },
  "exchangeAction.cancelAllOrders": {
    input: async (f) => ({ customerId: (await customerOf(f, f.brandA.id)).customerId, reason }),
    isolation: refusesBrandB("exchangeAction.cancelAllOrders", (c) => ({ customerId: c.customerId, reason })),
  },
  "exchangeAction.closePosition": {
    input: async (f) => ({ ...position(await customerOf(f, f.brandA.id)), reason }),
    isolation: refusesBrandB("exchangeAction.closePosition", (c) => ({ ...position(c), reason })),
  },
  "exchangeAction.closeAllPositions": {
    input: async (f) => ({ customerId: (await customerOf(f, f.brandA.id)).customerId, reason }),
    isolation: refusesBrandB("exchangeAction.closeAllPositions", (c) => ({ customerId: c.customerId, reason })),
  },
};
