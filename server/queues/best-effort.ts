/**
 * Enqueueing for jobs a sweep catches up on (a withdrawal's send, a risk evaluation), after the caller's
 * commit: `enqueue` already fails when Redis is not ready within its wait; this also bounds the add itself
 * (a connection that drops mid-command) and never throws — Redis not answering within the budget, the job
 * is skipped (false).
 */
import "server-only";
import type { z } from "zod";
import { enqueue, type QUEUES, type QueueName } from "./registry";

const BUDGET_MS = 1_500;

/** Whether `work` succeeded within `budgetMs`; never throws (a failure or a late answer is false). */
export async function succeedsWithin(work: Promise<unknown>, budgetMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), budgetMs);
  });
  try {
    return await Promise.race([work.then(() => true, () => false), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export const enqueueBestEffort = <N extends QueueName>(name: N, payload: z.input<(typeof QUEUES)[N]["payload"]>, budgetMs = BUDGET_MS): Promise<boolean> =>
  succeedsWithin(enqueue(name, payload), budgetMs);
