/** What the jobs page receives (server/jobs/service.ts). Dates arrive as Dates (superjson). */
import type { JobState } from "@/lib/jobs/schemas";

export type { JobState };

export type QueueScheduleView = ({ pattern: string; /** IANA zone the pattern is read in. */ tz?: string } | { everyMs: number }) & {
  /** When the next scheduled run is due; null until a worker has installed the schedule. */
  next: Date | null;
};

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

export interface LastRun {
  jobId: string;
  state: "completed" | "failed";
  finishedAt: Date;
  durationMs: number | null;
  error?: string;
}

/** A job whose last attempt failed and that waits out its backoff before the next: the queue is not healthy. */
export interface RetryingJob {
  jobId: string;
  attemptsMade: number;
  maxAttempts: number;
  /** The last attempt's error. */
  error: string;
  /** When the next attempt is due. */
  nextAttemptAt: Date | null;
  /** How many of the queue's delayed jobs are retries (the caller's and system ones). */
  count: number;
}

export interface QueueOverview {
  name: string;
  description: string;
  /** Runs per brand: brand staff may "run now" for their brand. Otherwise the queue's work is the platform's. */
  brandScoped: boolean;
  schedule: QueueScheduleView | null;
  paused: boolean;
  counts: QueueCounts;
  lastRun: LastRun | null;
  /** The newest failed attempt waiting to be retried, when there is one the caller may see. */
  retrying: RetryingJob | null;
}

export type JobsOverview = { available: true; queues: QueueOverview[] } | { available: false; message: string };

export interface JobRow {
  id: string;
  queue: string;
  name: string;
  state: JobState;
  /** The payload with secret-looking fields redacted. */
  data: unknown;
  /** The brand the job belongs to (from its payload); null for system jobs. */
  brandId: string | null;
  attemptsMade: number;
  maxAttempts: number;
  failedReason: string | null;
  /** First lines of the last attempt's stack trace. */
  stacktrace: string[];
  createdAt: Date;
  processedAt: Date | null;
  finishedAt: Date | null;
  durationMs: number | null;
}

export interface JobPage {
  rows: JobRow[];
  total: number;
  page: number;
  pageSize: number;
  /** False when the state holds more jobs than one listing reads (the newest are shown). */
  totalIsExact: boolean;
}

export interface JobActionResult {
  queue: string;
  jobId: string;
}

export interface RunNowResult extends JobActionResult {
  /** True when a run-now of this minute already existed, so no second job was added. */
  duplicate: boolean;
}

export interface QueueStateResult {
  queue: string;
  paused: boolean;
}
