/**
 * exchange-account-sync: a run with a sub-account reads that customer's exchange account through its own
 * key (server/exchange-accounts/sync.ts); a run without one (the schedule, a brand's "run now") fans out
 * one de-duplicated job per sub-account with a key, so each sub-account syncs on its own and the queue's
 * concurrency, not one long job, decides how many read at once. Idempotent: a sync replaces the
 * sub-account's snapshots and moves its cursors in transactions, so a retry simply runs it again.
 */
import type { Db } from "@/server/db/client";
import { fanOutExchangeSync, type FanOutResult } from "@/server/exchange-accounts/fan-out";
import { syncExchangeAccount, type ExchangeSyncDeps, type ExchangeSyncSummary } from "@/server/exchange-accounts/sync";
import { producerConnection } from "@/server/queues/connection";
import { ZExchangeAccountSyncPayload } from "@/server/queues/registry";

export async function processExchangeAccountSync(data: unknown, deps: ExchangeSyncDeps): Promise<FanOutResult | ExchangeSyncSummary> {
  const payload = ZExchangeAccountSyncPayload.parse(data);
  if (payload.subaccountId && payload.brandId) return syncExchangeAccount(payload.brandId, payload.subaccountId, deps, payload.reason);
  return fanOutExchangeSync(deps.db, payload.brandId);
}

/** The worker's dependencies: each key's rate limits shared through Redis with every other process. */
export const workerExchangeSyncDeps = (db: Db): ExchangeSyncDeps => ({ db, clientOptions: { redis: producerConnection() } });
