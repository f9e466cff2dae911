/**
 * subaccount-sync: mirrors sub-accounts and fee rates from the exchange (server/subaccounts/sync.ts) for
 * the payload's brand, or for every active brand. Idempotent — rows are keyed by (brand, subAcct) and
 * only a complete run marks anything removed — so BullMQ's retries simply run it again.
 */
import { producerConnection } from "@/server/queues/connection";
import { ZSubaccountSyncPayload } from "@/server/queues/registry";
import { syncAllBrands, syncSubaccounts, type SyncAllResult, type SyncDeps, type SyncSummary } from "@/server/subaccounts/sync";

export async function processSubaccountSync(data: unknown, deps: SyncDeps): Promise<SyncSummary | SyncAllResult> {
  const payload = ZSubaccountSyncPayload.parse(data);
  return payload.brandId ? syncSubaccounts(payload.brandId, deps) : syncAllBrands(deps);
}

/**
 * The worker's dependencies: the exchange rate limits shared through Redis with every other process
 * (the client falls back to this process's buckets while Redis is away).
 */
export const workerSyncDeps = (db: SyncDeps["db"]): SyncDeps => ({ db, clientOptions: { redis: producerConnection() } });
