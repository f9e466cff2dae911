/**
 * Asking for a sub-account's exchange-account sync: after a staff action (cancel, close, withdraw), on
 * "Refresh", and by the schedule's fan-out. One job per sub-account at a time: BullMQ de-duplication by
 * sub-account id, keeping one more when a sync is already running (`keepLastIfActive`) — a sync that
 * started before the action may have read the account before it changed, so the next one still runs.
 */
import "server-only";
import { producerReady } from "@/server/queues/connection";
import { enqueue, type EXCHANGE_SYNC_REASONS } from "@/server/queues/registry";
import { AppError } from "../errors";
import { requestEvaluationsBestEffort } from "../risk/pending";

export type SubaccountSyncReason = (typeof EXCHANGE_SYNC_REASONS)[number];

export const EXCHANGE_SYNC_QUEUE = "exchange-account-sync" as const;

/** The de-duplication key of a sub-account's sync jobs. */
export const subaccountSyncKey = (subaccountId: string) => `exchange-account.${subaccountId}`;

export interface SubaccountSyncRequest {
  /** The job that will run the sync: the new one, or the one already waiting. */
  jobId: string;
  outcome: "queued" | "already_queued";
}

const REDIS_BUDGET_MS = 2_000;

/**
 * Enqueues a sync of one sub-account of `brandId`. The job itself checks that the sub-account is the
 * brand's (subaccountClient), so a wrong pair syncs nothing. Throws AppError CONFLICT
 * `exchangeAccounts.errors.queueUnavailable` when Redis cannot be reached in time; callers acting on the
 * exchange may catch it (the schedule will sync the account within 5 minutes anyway).
 */
export async function requestSubaccountSync(brandId: string, subaccountId: string, reason: SubaccountSyncReason): Promise<SubaccountSyncRequest> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("Redis did not answer in time")), REDIS_BUDGET_MS * 2);
  });
  try {
    const jobId = `${EXCHANGE_SYNC_QUEUE}.${subaccountId}.${reason}.${Date.now()}`;
    const add = producerReady(REDIS_BUDGET_MS).then(() =>
      enqueue(EXCHANGE_SYNC_QUEUE, { brandId, subaccountId, reason }, { jobId, deduplication: { id: subaccountSyncKey(subaccountId), keepLastIfActive: true } }),
    );
    const job = await Promise.race([add, deadline]);
    // A de-duplicated add answers the job already waiting (or running, with this one kept to follow it).
    return job.id === jobId ? { jobId, outcome: "queued" } : { jobId: String(job.id), outcome: "already_queued" };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("CONFLICT", "exchangeAccounts.errors.queueUnavailable", { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * After a sync stored positions or balances: the customer's evaluation requested through the brand's
 * pending set (server/risk/pending.ts), batched with every other trigger's. Never throws and gives up
 * within the budget while Redis is away (the sweep evaluates recently synced customers).
 */
export async function requestRiskEvaluation(brandId: string, customerId: string): Promise<void> {
  await requestEvaluationsBestEffort(brandId, [customerId], REDIS_BUDGET_MS);
}
