/**
 * Every registered queue's depth by state and the age of its oldest waiting job, for the health page and
 * the metrics scrape. Counts only: no job's data is read, so nothing of any brand leaks through them.
 */
import "server-only";
import { producerReady } from "../queues/connection";
import { producerQueue, QUEUE_NAMES, type QueueName } from "../queues/registry";
import { within } from "./probes";

export interface QueueDepth {
  name: QueueName;
  /** Waiting includes prioritised jobs and jobs waiting for children, as on the jobs page. */
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  /** When the oldest job still in the waiting list was added; null when none waits. */
  oldestWaitingAt: Date | null;
}

async function depthOf(name: QueueName): Promise<QueueDepth> {
  const queue = producerQueue(name);
  const [counts, oldest] = await Promise.all([
    queue.getJobCounts("waiting", "prioritized", "waiting-children", "active", "delayed", "failed"),
    // Ascending: the head of the list is the job added first.
    queue.getJobs(["waiting"], 0, 0, true),
  ]);
  const n = (k: string) => counts[k] ?? 0;
  const first = oldest.find((job) => job?.timestamp);
  return {
    name,
    waiting: n("waiting") + n("prioritized") + n("waiting-children"),
    active: n("active"),
    delayed: n("delayed"),
    failed: n("failed"),
    oldestWaitingAt: first ? new Date(first.timestamp) : null,
  };
}

/** Every queue's depth, or null when Redis does not answer within `budgetMs`. */
export async function queueDepths(budgetMs = 2_000): Promise<QueueDepth[] | null> {
  try {
    return await within(budgetMs, async () => {
      await producerReady(budgetMs);
      return Promise.all(QUEUE_NAMES.map(depthOf));
    });
  } catch {
    return null;
  }
}
