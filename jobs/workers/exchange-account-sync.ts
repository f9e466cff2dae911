/**
 * exchange-account-sync: a run with a sub-account reads that customer's exchange account through its own
 * key (server/exchange-accounts/sync.ts); a run without one (the schedule, a brand's "run now") fans out
 * one de-duplicated job per sub-account with a key, so each sub-account syncs on its own and the queue's
 * concurrency, not one long job, decides how many read at once. Idempotent: a sync replaces the
 * sub-account's snapshots and moves its cursors in transactions, so a retry simply runs it again.
 */
import type { Db } from "@/server/db/client";
import { fanOutExchangeSync, type FanOutResult } from "@/server/exchange-accounts/fan-out";
import { ZExchangeAccountSyncPayload } from "@/server/queues/registry";

export async function processExchangeAccountSync(data: unknown, db: Db): Promise<FanOutResult> {
  const payload = ZExchangeAccountSyncPayload.parse(data);
  if (payload.subaccountId) throw new Error("a single sub-account's exchange sync is not available in this build yet");
  return fanOutExchangeSync(db, payload.brandId);
}
