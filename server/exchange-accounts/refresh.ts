/** "Refresh": staff ask for a customer's exchange accounts to be synced now. */
import "server-only";
import type { z } from "zod";
import type { BrandContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { notFound } from "../errors";
import type { ZRefreshInput } from "@/lib/exchange-accounts/schemas";
import type { RefreshResult } from "@/lib/exchange-accounts/types";
import { customerSubaccounts } from "./summary";
import { requestSubaccountSync } from "./sync-queue";

/**
 * Queues a sync of each of the customer's sub-accounts with a key (or of the one named), de-duplicated per
 * sub-account. Audited as exchange_account.refresh; CONFLICT with a clear message while Redis is down.
 */
export async function refreshCustomerExchange(ctx: BrandContext, input: z.infer<typeof ZRefreshInput>): Promise<RefreshResult> {
  const subs = await customerSubaccounts(ctx, input.customerId);
  const chosen = input.subaccountId ? subs.filter((s) => s.id === input.subaccountId) : subs;
  if (input.subaccountId && chosen.length === 0) throw notFound("subAccount");
  const withKey = chosen.filter((s) => s._count.apiKeys > 0);
  const result: RefreshResult = { requested: 0, alreadyQueued: 0, withoutKey: chosen.length - withKey.length };
  const jobs: string[] = [];
  for (const s of withKey) {
    const r = await requestSubaccountSync(ctx.tenantId, s.id, "manual");
    jobs.push(r.jobId);
    if (r.outcome === "queued") result.requested++;
    else result.alreadyQueued++;
  }
  await ctx.db.$transaction((tx) =>
    recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "exchange_account.refresh", entityType: "customer", entityId: input.customerId, after: { ...result, jobs } }),
  );
  return result;
}
