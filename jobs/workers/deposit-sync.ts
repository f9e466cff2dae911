/**
 * deposit-sync: reads new deposits and the changes of pending ones from the exchange
 * (server/deposits/sync.ts) for the payload's brand, or for every active brand. Idempotent — rows are
 * keyed by (brand, depId) and each page moves the cursor in its own transaction — so BullMQ's retries
 * simply run it again from where it stopped.
 */
import { producerConnection } from "@/server/queues/connection";
import { ZDepositSyncPayload } from "@/server/queues/registry";
import { syncAllBrandsDeposits, syncDeposits, type DepositSyncAllResult, type DepositSyncDeps, type DepositSyncSummary } from "@/server/deposits/sync";

export async function processDepositSync(data: unknown, deps: DepositSyncDeps): Promise<DepositSyncSummary | DepositSyncAllResult> {
  const payload = ZDepositSyncPayload.parse(data);
  return payload.brandId ? syncDeposits(payload.brandId, deps) : syncAllBrandsDeposits(deps);
}

/** The worker's dependencies: exchange rate limits shared through Redis with every other process. */
export const workerDepositSyncDeps = (db: DepositSyncDeps["db"]): DepositSyncDeps => ({ db, clientOptions: { redis: producerConnection() } });
