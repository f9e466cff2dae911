/**
 * Test helpers for the ledger (integration tests only): a brand with an operations member acting in it,
 * customers, open accounts, and fund locks written straight to the database.
 */
import "server-only";
import type { TenantContext } from "../actor";
import { db } from "../db/client";
import { openTradingAccount } from "./service";
import type { TradingAccountType } from "@/lib/ledger/schemas";
import { createTestBrand, createTestStaff, staffContext } from "@/tests/helpers/db";
import { createTestCustomer } from "@/tests/cases/customers";

export async function ledgerWorld() {
  const brand = await createTestBrand();
  const { user } = await createTestStaff({ brandId: brand.id, role: "operations" });
  const ctx = (await staffContext(user, { tenantId: brand.id })) as TenantContext;
  const customer = await createTestCustomer(brand.id);
  const open = (type: TradingAccountType = "spot", currency = "USDT", demo = false, customerId = customer.id) =>
    openTradingAccount(ctx, { customerId, type, currency, demo });
  return { brand, brandId: brand.id, user, ctx, customer, open };
}

export const lockAccount = (brandId: string, tradingAccountId: string, direction: "transfer_in" | "transfer_out" | "both", reason = "Under review") =>
  db.fundLock.create({ data: { brandId, tradingAccountId, direction, reason } });
