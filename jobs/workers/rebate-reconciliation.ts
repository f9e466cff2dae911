/**
 * rebate-reconciliation (every minute): the waiting reconciliations — asked for by each import and by staff —
 * done one by one against the files, the imported sums and the exchange's daily rebate statement
 * (server/rebates/reconciliation-runs.ts). Runs are claimed, so a retry or a second worker repeats nothing.
 */
import type { Db } from "@/server/db/client";
import { producerConnection } from "@/server/queues/connection";
import { ZRebateReconciliationPayload } from "@/server/queues/registry";
import { runReconciliations, type ReconciliationJobSummary } from "@/server/rebates/reconciliation-runs";

export async function processRebateReconciliation(data: unknown, db: Db): Promise<ReconciliationJobSummary> {
  const payload = ZRebateReconciliationPayload.parse(data);
  // Exchange limits shared through Redis with every other process.
  return runReconciliations({ db, clientOptions: { redis: producerConnection() } }, { brandId: payload.brandId });
}
