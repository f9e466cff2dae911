/**
 * rebate-files (every minute): yesterday's files requested, due files moved along — requested, generated,
 * downloaded, imported — and rows attributed whose sub-account or order link came late (server/rebates/runner.ts). Each step is
 * idempotent and each file is claimed, so a retry or a second worker repeats nothing.
 */
import type { Db } from "@/server/db/client";
import { producerConnection } from "@/server/queues/connection";
import { ZRebateFilesPayload } from "@/server/queues/registry";
import { runRebateFiles, type RebateRunSummary } from "@/server/rebates/runner";

export async function processRebateFiles(data: unknown, db: Db): Promise<RebateRunSummary> {
  const payload = ZRebateFilesPayload.parse(data);
  // Exchange limits shared through Redis with every other process.
  return runRebateFiles({ db, clientOptions: { redis: producerConnection() } }, { brandId: payload.brandId });
}
