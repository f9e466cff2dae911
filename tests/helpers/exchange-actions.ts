/**
 * Customers with an exchange sub-account and a key stored the way Brokerdesk stores it (created through
 * its own services against the simulator), for the exchange-action tests and procedure cases.
 */
import type { TenantContext } from "@/server/actor";
import { createApiKey } from "@/server/api-keys/service";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import type { BrandClientOptions } from "@/server/exchange/brand-client";
import { subaccountClient } from "@/server/exchange/subaccount-client";
import { createSubaccountForCustomer } from "@/server/subaccounts/create";
import { createTestCustomer } from "../cases/customers";
import { TEST_PASSPHRASE, uniqueLabel } from "../cases/api-keys";
import { uniqueSuffix } from "./db";

export interface TradingCustomer {
  customerId: string;
  subaccountId: string;
  subAcct: string;
}

/** A new sub-account on the exchange for `customerId` (a new customer when absent), with a key holding `perms`. */
export async function tradingCustomer(
  ctx: TenantContext,
  options: { customerId?: string; perms?: ("trade" | "withdraw")[]; clientOptions?: BrandClientOptions } = {},
): Promise<TradingCustomer> {
  const customerId = options.customerId ?? (await createTestCustomer(ctx.tenantId)).id;
  const { sub, subAcct } = await newSubaccount(ctx, customerId, options.clientOptions);
  await createApiKey(
    ctx,
    { subaccountId: sub.id, label: uniqueLabel(), passphrase: TEST_PASSPHRASE, perms: options.perms ?? ["trade"], ips: [] },
    { clientOptions: options.clientOptions },
  );
  return { customerId, subaccountId: sub.id, subAcct };
}

/**
 * Creates a sub-account under a fresh name. A dropped connection leaves the outcome unknown (the service
 * will not resend a create): the next attempt simply takes another name, as a person would.
 */
async function newSubaccount(ctx: TenantContext, customerId: string, clientOptions?: BrandClientOptions) {
  for (let attempt = 1; ; attempt++) {
    const subAcct = `ea${uniqueSuffix()}`;
    try {
      return { subAcct, sub: await createSubaccountForCustomer(ctx, { customerId, subAcct }, { endpoints: clientOptions?.endpoints }) };
    } catch (e) {
      if (attempt >= 3 || !(e instanceof AppError) || e.code !== "EXCHANGE_ERROR") throw e;
    }
  }
}

/** The sub-account's own client (its stored trade key), to place orders and open positions as the customer would. */
export const customerClient = async (ctx: TenantContext, subaccountId: string, clientOptions?: BrandClientOptions) =>
  (await subaccountClient(db, ctx.tenantId, subaccountId, "trade", clientOptions)).client;

/** Audit rows of one of the four actions about `entityId`. */
export const actionAudits = (brandId: string, action: string, entityId?: string) =>
  db.auditLog.findMany({ where: { brandId, action, ...(entityId ? { entityId } : {}) }, orderBy: { seq: "asc" } });
