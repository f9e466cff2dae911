/**
 * Customers who can withdraw on a simulator: a sub-account created through Brokerdesk's own services with
 * a stored key holding `withdraw` (bound to the loopback address the tests call from), money in its
 * funding account (the simulator's admin hook), and addresses in the book already past their cooling-off.
 */
import { Decimal } from "decimal.js";
import type { TenantContext } from "@/server/actor";
import { createApiKey } from "@/server/api-keys/service";
import { db } from "@/server/db/client";
import type { BrandClientOptions } from "@/server/exchange/brand-client";
import { simAdmin } from "@/server/exchange/okx/testing/sim-harness";
import { subaccountClient } from "@/server/exchange/subaccount-client";
import { createSubaccountForCustomer } from "@/server/subaccounts/create";
import type { Prisma } from "@/server/db/client";
import { createTestCustomer } from "../cases/customers";
import { TEST_PASSPHRASE, uniqueLabel } from "../cases/api-keys";
import { uniqueSuffix } from "./db";

export const TRC20 = "TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9";
export const TRC20_OTHER = "TJRabPrwbZy45sbavfcjinPJC18kjpRTv8";

export interface WithdrawingCustomer {
  customerId: string;
  subaccountId: string;
  subAcct: string;
}

export async function withdrawingCustomer(
  ctx: TenantContext,
  options: { simUrl: string; clientOptions?: BrandClientOptions; customer?: Partial<Prisma.CustomerUncheckedCreateInput>; funding?: Record<string, string> } ,
): Promise<WithdrawingCustomer> {
  const customer = await createTestCustomer(ctx.tenantId, { kycLevel: 2, ...options.customer });
  const sub = await createSubaccountForCustomer(ctx, { customerId: customer.id, subAcct: `wd${uniqueSuffix()}` }, { endpoints: options.clientOptions?.endpoints });
  await createApiKey(
    ctx,
    { subaccountId: sub.id, label: uniqueLabel(), passphrase: TEST_PASSPHRASE, perms: ["withdraw"], ips: ["127.0.0.1"] },
    { clientOptions: options.clientOptions },
  );
  // A new sub-account on the simulator starts with some money of its own: set each balance to exactly this.
  const { client } = await subaccountClient(db, ctx.tenantId, sub.id, "read_only", options.clientOptions);
  const now = await client.assetBalances({});
  for (const [ccy, amt] of Object.entries(options.funding ?? { USDT: "5000" })) {
    const has = now.find((b) => b.ccy === ccy)?.bal ?? "0";
    await fund(options.simUrl, ctx.tenantId, sub.subAcct, ccy, new Decimal(amt).minus(has).toFixed());
  }
  return { customerId: customer.id, subaccountId: sub.id, subAcct: sub.subAcct };
}

/** Adds (or with a negative amount takes) money in the sub-account's funding account on the simulator. */
export const fund = (simUrl: string, brandId: string, subAcct: string, ccy: string, amt: string) =>
  simAdmin(simUrl, "POST", "funds", { subAcct, account: "funding", ccy, amt }, brandId);

/** The sub-account's next withdrawal fails on the exchange, or stops at a state. */
/** The sub-account's next withdrawal fails, or stalls (after one step waiting) at `stallState` (default 0). */
export const nextWithdrawal = (simUrl: string, brandId: string, subAcct: string, outcome: "fail" | "stall" | null, stallState?: string) =>
  simAdmin(simUrl, "POST", "next-withdrawal", { subAcct, outcome, stallState }, brandId);

/** A book entry usable now (its cooling-off already over). */
export const bookEntry = (brandId: string, customerId: string, data: Partial<Prisma.WithdrawalAddressUncheckedCreateInput> = {}) =>
  db.withdrawalAddress.create({ data: { brandId, customerId, ccy: "USDT", chain: "USDT-TRC20", address: TRC20, usableFrom: new Date(Date.now() - 60_000), ...data } });

/** What the exchange holds for the sub-account: its own withdrawal history, and the funding balance. */
export async function onExchange(brandId: string, subaccountId: string, clientOptions?: BrandClientOptions) {
  const { client } = await subaccountClient(db, brandId, subaccountId, "read_only", clientOptions);
  const [history, balances] = await Promise.all([client.withdrawalHistoryOwn({}), client.assetBalances({})]);
  return { history, balance: (ccy: string) => balances.find((b) => b.ccy === ccy) ?? null };
}
