/**
 * Which sub-accounts an action reaches: a customer's (or one of them), each through a client signed with
 * its own key holding the permission; those without one are reported, not silently left out.
 */
import "server-only";
import type { BrandContext } from "../actor";
import { notFound } from "../errors";
import type { BrandClientOptions } from "../exchange/brand-client";
import type { OkxClient } from "../exchange/okx";
import { NoUsableKeyError, subaccountClient, type SubaccountPermission } from "../exchange/subaccount-client";
import type { SkippedSubaccount } from "@/lib/exchange-actions/types";

export interface ExchangeActionDeps {
  /** Where the exchange is and how the client behaves (tests: the simulator, short time-outs). */
  clientOptions?: BrandClientOptions;
}

export interface Target {
  subaccountId: string;
  subAcct: string;
  client: OkxClient;
  /** The exchange's base URL (keys shared public reads). */
  destination: string;
}

export const skippedForKey = (subaccountId: string, subAcct: string, e: NoUsableKeyError): SkippedSubaccount => ({
  subaccountId,
  subAcct,
  reason: e.reason,
  params: { permission: e.permission },
});

/** The customer's current sub-accounts (brand-scoped), or the one named; NOT_FOUND for anything else. */
export async function customerSubaccounts(ctx: BrandContext, scope: { customerId: string; subaccountId?: string }) {
  const customer = await ctx.db.customer.findFirst({ where: { id: scope.customerId, brandId: ctx.tenantId }, select: { id: true } });
  if (!customer) throw notFound("customer");
  const subs = await ctx.db.subaccount.findMany({
    where: { brandId: ctx.tenantId, customerId: customer.id, removedAt: null, ...(scope.subaccountId ? { id: scope.subaccountId } : {}) },
    select: { id: true, subAcct: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (scope.subaccountId && subs.length === 0) throw notFound("subAccount");
  return subs;
}

/**
 * A client for each sub-account that has a usable key; the others come back as skipped with the reason.
 * When none can be used, the first refusal is thrown: there is nothing the action could do.
 */
export async function reachableTargets(
  ctx: BrandContext,
  subs: { id: string; subAcct: string }[],
  permission: SubaccountPermission,
  deps: ExchangeActionDeps,
): Promise<{ targets: Target[]; skipped: SkippedSubaccount[] }> {
  const targets: Target[] = [];
  const skipped: SkippedSubaccount[] = [];
  let firstRefusal: NoUsableKeyError | null = null;
  for (const sub of subs) {
    try {
      const { client, baseUrl } = await subaccountClient(ctx.db, ctx.tenantId, sub.id, permission, deps.clientOptions);
      targets.push({ subaccountId: sub.id, subAcct: sub.subAcct, client, destination: baseUrl });
    } catch (e) {
      if (!(e instanceof NoUsableKeyError)) throw e;
      firstRefusal ??= e;
      skipped.push(skippedForKey(sub.id, sub.subAcct, e));
    }
  }
  if (targets.length === 0 && firstRefusal) throw firstRefusal;
  return { targets, skipped };
}

/** One sub-account by id, through its key with `permission` (NOT_FOUND for another brand's; NoUsableKeyError). */
export async function singleTarget(ctx: BrandContext, subaccountId: string, permission: SubaccountPermission, deps: ExchangeActionDeps): Promise<Target> {
  const sub = await subaccountClient(ctx.db, ctx.tenantId, subaccountId, permission, deps.clientOptions);
  return { subaccountId, subAcct: sub.subAcct, client: sub.client, destination: sub.baseUrl };
}
