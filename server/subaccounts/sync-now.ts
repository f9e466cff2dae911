/** "Sync now": queues a sync of the caller's brand unless one is already waiting or running. */
import "server-only";
import type { Job } from "bullmq";
import { producerReady } from "@/server/queues/connection";
import { enqueue, producerQueue } from "@/server/queues/registry";
import type { TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { Prisma } from "../db/client";
import { AppError } from "../errors";
import type { SyncNowResult } from "@/lib/subaccounts/schemas";

const SYNC_QUEUE = "subaccount-sync";
const REDIS_BUDGET_MS = 2_000;

/** Redis work within a budget; Redis trouble becomes a message the page can show. */
async function withRedis<T>(work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("Redis did not answer in time")), REDIS_BUDGET_MS * 2);
  });
  try {
    return await Promise.race([producerReady(REDIS_BUDGET_MS).then(work), deadline]);
  } catch (error) {
    // The service's own refusals and database failures pass through; anything else is Redis trouble.
    if (error instanceof AppError || error instanceof Prisma.PrismaClientKnownRequestError || error instanceof Prisma.PrismaClientUnknownRequestError) throw error;
    throw new AppError("CONFLICT", "subaccounts.errors.queueUnavailable", { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/** Pending jobs looked at for one of this brand's (the queue keeps few: one per brand per quarter hour). */
const PENDING_WINDOW = 200;

/**
 * Queues a sync of the caller's brand now, unless one for it is already waiting or running (then that
 * one is reported). The job id is per second, so a double click adds one job. Audited as
 * subaccount.sync_requested, in a transaction that commits only if the job was added.
 */
export async function syncSubaccountsNow(ctx: TenantContext): Promise<SyncNowResult> {
  const brandId = ctx.tenantId;
  return withRedis<SyncNowResult>(async () => {
    const queue = producerQueue(SYNC_QUEUE);
    // Only what is running or due now: a delayed job is the schedule's next run (up to 15 minutes away) or a
    // retry waiting out its backoff, and neither is the sync the caller asked for.
    const pending = (await queue.getJobs(["active", "waiting", "prioritized"], 0, PENDING_WINDOW - 1)).filter((j): j is Job => Boolean(j));
    const owner = (job: Job) => (job.data as { brandId?: unknown } | null)?.brandId;
    for (const job of pending) {
      const state = await job.getState();
      const jobBrand = owner(job);
      // A waiting all-brands run will cover this brand too; a running one may have passed it already.
      if (jobBrand === brandId || (jobBrand === undefined && state !== "active")) {
        return { jobId: String(job.id), outcome: state === "active" ? "running" : "already_queued" };
      }
    }
    const jobId = `${SYNC_QUEUE}.${brandId}.manual.${new Date().toISOString().slice(0, 19).replace(/[-T:]/g, "")}`;
    await ctx.db.$transaction(async (tx) => {
      await recordAudit(tx, ctx, { brandId, action: "subaccount.sync_requested", entityType: "subaccount_sync", after: { jobId } });
      await enqueue(SYNC_QUEUE, { brandId }, { jobId });
    });
    return { jobId, outcome: "queued" };
  });
}
