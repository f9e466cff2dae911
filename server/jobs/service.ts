/**
 * The jobs page: queue overview, job lists and the retry / remove / pause / resume / run-now actions.
 * Redis may be down while the web app is up: the overview then answers `available: false` within about
 * two seconds, and actions fail with a clear message instead of hanging.
 *
 * Queues are shared by every brand. A job whose payload names a brandId belongs to that brand: listed,
 * retried and removed only by that brand's staff (and platform admins); brand-less system jobs are visible
 * to all, but only a platform admin acts on them. "Run now" by brand staff runs the queue for their brand
 * only. Pausing or resuming a queue stops or starts it for every brand: platform admins only, recorded on
 * the platform audit chain. Each action is audited in a transaction that commits only if the Redis action
 * succeeded.
 */
import "server-only";
import type { Job, JobType, Queue } from "bullmq";
import type { z } from "zod";
import { jobsConfig, producerReady } from "@/server/queues/connection";
import { isQueueName, producerQueue, QUEUES, type QueueDefinition, type QueueName } from "@/server/queues/registry";
import type { StaffContext, TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { toAuditJson } from "../audit/redact";
import { Prisma } from "../db/client";
import { AppError, notFound, type ErrorReason } from "../errors";
import { createTranslator } from "@/lib/i18n/translate";
import type { ZJobListInput, ZJobQueueInput, ZJobRefInput } from "@/lib/jobs/schemas";
import type {
  JobActionResult,
  JobPage,
  JobRow,
  JobState,
  JobsOverview,
  LastRun,
  QueueOverview,
  QueueStateResult,
  RetryingJob,
  RunNowResult,
} from "./types";

type In<T extends z.ZodType> = z.infer<T>;

/** How long the page waits for Redis before saying it is unavailable. */
const REDIS_BUDGET_MS = 2_000;
/** Newest jobs read per state for a listing; retention keeps about this many anyway. */
const LIST_WINDOW = 1_000;
const STACK_LINES = 6;

/** Redis away: actions refuse with this reason; the overview, which answers rather than throws, gives its English. */
const UNAVAILABLE = "jobs.errors.queueUnavailable" satisfies ErrorReason;
const UNAVAILABLE_MESSAGE = createTranslator("en")(UNAVAILABLE);

/** Why a job that has not failed cannot be retried, per the state it is in. */
const NOT_RETRYABLE = {
  waiting: "jobs.errors.notRetryable.waiting",
  active: "jobs.errors.notRetryable.active",
  delayed: "jobs.errors.notRetryable.delayed",
  prioritized: "jobs.errors.notRetryable.prioritized",
  "waiting-children": "jobs.errors.notRetryable.waitingChildren",
  completed: "jobs.errors.notRetryable.completed",
  unknown: "jobs.errors.notRetryable.unknown",
} as const satisfies Record<Exclude<Awaited<ReturnType<Job["getState"]>>, "failed">, ErrorReason>;

class RedisTimeout extends Error {}

/** Runs `work` against Redis within the budget; a slow or absent Redis rejects with RedisTimeout. */
async function withinBudget<T>(work: () => Promise<T>, budgetMs = REDIS_BUDGET_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisTimeout("Redis did not answer in time")), budgetMs);
  });
  try {
    return await Promise.race([producerReady(budgetMs).then(work), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** For actions: Redis trouble becomes a message the page can show. */
async function redisAction<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await withinBudget(work, REDIS_BUDGET_MS * 2);
  } catch (error) {
    // The service's own refusals and database failures pass through; anything else is Redis trouble.
    if (error instanceof AppError || error instanceof Prisma.PrismaClientKnownRequestError || error instanceof Prisma.PrismaClientUnknownRequestError) throw error;
    throw new AppError("CONFLICT", UNAVAILABLE, { cause: error });
  }
}

function queueOf(name: string): { def: QueueDefinition; queue: Queue } {
  if (!isQueueName(name)) throw notFound("queue");
  return { def: QUEUES[name] as unknown as QueueDefinition, queue: producerQueue(name) };
}

const brandOf = (job: Job): string | null => {
  const brandId = (job.data as { brandId?: unknown } | null)?.brandId;
  return typeof brandId === "string" ? brandId : null;
};

/** A job another brand owns is treated as absent. */
const visibleTo = (ctx: TenantContext, job: Job) => {
  const owner = brandOf(job);
  return owner === null || owner === ctx.tenantId;
};

const date = (ms: number | undefined | null) => (ms ? new Date(ms) : null);
const duration = (job: Job) => (job.processedOn && job.finishedOn ? job.finishedOn - job.processedOn : null);

// ── Overview ───────────────────────────────────────────────────────────────────────────────────────

/** How many of the newest finished jobs are searched for the caller's latest run. */
const LAST_RUN_WINDOW = 50;

/** The newest finished run the caller may see: another brand's job (and its error) is never shown. */
async function lastRunOf(ctx: TenantContext, queue: Queue): Promise<LastRun | null> {
  const [completed, failed] = await Promise.all([
    queue.getJobs(["completed"], 0, LAST_RUN_WINDOW - 1),
    queue.getJobs(["failed"], 0, LAST_RUN_WINDOW - 1),
  ]);
  const newestVisible = (jobs: Job[]) => jobs.find((j) => j?.finishedOn && visibleTo(ctx, j));
  const [done, broken] = [newestVisible(completed), newestVisible(failed)];
  const latest = [done, broken].filter((j): j is Job => Boolean(j)).sort((a, b) => (b.finishedOn ?? 0) - (a.finishedOn ?? 0))[0];
  if (!latest) return null;
  const state = latest === broken ? "failed" : "completed";
  return {
    jobId: String(latest.id),
    state,
    finishedAt: new Date(latest.finishedOn!),
    durationMs: duration(latest),
    ...(state === "failed" ? { error: latest.failedReason } : {}),
  };
}

/** How many delayed jobs are searched for failed attempts awaiting their retry. */
const RETRY_WINDOW = 50;

/**
 * Failed attempts waiting out their backoff (delayed jobs that have been tried): without this the page showed
 * a queue failing attempt after attempt as merely "delayed" beside its last good run.
 */
async function retryingOf(ctx: TenantContext, queue: Queue): Promise<RetryingJob | null> {
  const delayed = (await queue.getJobs(["delayed"], 0, RETRY_WINDOW - 1)).filter((j): j is Job => Boolean(j));
  const retries = delayed.filter((j) => j.attemptsMade > 0 && visibleTo(ctx, j)).sort((a, b) => (b.processedOn ?? 0) - (a.processedOn ?? 0));
  const newest = retries[0];
  if (!newest) return null;
  // BullMQ keeps delayed jobs in a sorted set scored by (due time × 4096 + a counter).
  const redis = await producerReady(REDIS_BUDGET_MS);
  const score = await redis.zscore(`${jobsConfig().prefix}:${queue.name}:delayed`, String(newest.id));
  return {
    jobId: String(newest.id),
    attemptsMade: newest.attemptsMade,
    maxAttempts: newest.opts.attempts ?? 1,
    error: newest.failedReason || "",
    nextAttemptAt: score === null ? null : new Date(Math.floor(Number(score) / 0x1000)),
    count: retries.length,
  };
}

async function overviewOf(ctx: TenantContext, def: QueueDefinition): Promise<QueueOverview> {
  const queue = producerQueue(def.name as QueueName);
  const [counts, paused, scheduler, lastRun, retrying] = await Promise.all([
    queue.getJobCounts("waiting", "prioritized", "waiting-children", "active", "delayed", "failed", "completed"),
    queue.isPaused(),
    def.schedule ? queue.getJobScheduler(def.name) : Promise.resolve(undefined),
    lastRunOf(ctx, queue),
    retryingOf(ctx, queue),
  ]);
  const n = (k: string) => counts[k] ?? 0;
  const next = date(scheduler?.next);
  return {
    name: def.name,
    description: def.description,
    schedule: def.schedule ? ("pattern" in def.schedule ? { pattern: def.schedule.pattern, tz: def.schedule.tz, next } : { everyMs: def.schedule.everyMs, next }) : null,
    paused,
    brandScoped: brandRunPayload(def, PROBE_BRAND_ID) !== null,
    counts: {
      waiting: n("waiting") + n("prioritized") + n("waiting-children"),
      active: n("active"),
      delayed: n("delayed"),
      failed: n("failed"),
      completed: n("completed"),
    },
    lastRun,
    retrying,
  };
}

/**
 * Every registered queue's schedule, counts and last run — or `available: false` when Redis is away.
 * Never throws. Queues are shared: counts include every brand's jobs, the last run is the caller's own
 * or a system job's.
 */
export async function jobsOverview(ctx: TenantContext): Promise<JobsOverview> {
  try {
    const queues = await withinBudget(() => Promise.all(Object.values(QUEUES).map((d) => overviewOf(ctx, d as unknown as QueueDefinition))));
    return { available: true, queues };
  } catch {
    return { available: false, message: UNAVAILABLE_MESSAGE };
  }
}

// ── Listing ────────────────────────────────────────────────────────────────────────────────────────

/** BullMQ's lists behind each state the page shows ("waiting" includes prioritised jobs). */
const LISTS: Record<JobState, JobType[]> = {
  failed: ["failed"],
  completed: ["completed"],
  active: ["active"],
  waiting: ["waiting", "prioritized"],
  delayed: ["delayed"],
};

function toRow(job: Job, queue: string, state: JobState): JobRow {
  const lastTrace = job.stacktrace?.length ? job.stacktrace[job.stacktrace.length - 1] : "";
  return {
    id: String(job.id),
    queue,
    name: job.name,
    state,
    data: toAuditJson(job.data),
    brandId: brandOf(job),
    attemptsMade: job.attemptsMade,
    maxAttempts: job.opts.attempts ?? 1,
    failedReason: job.failedReason || null,
    stacktrace: lastTrace ? lastTrace.split("\n").slice(0, STACK_LINES) : [],
    createdAt: new Date(job.timestamp),
    processedAt: date(job.processedOn),
    finishedAt: date(job.finishedOn),
    durationMs: duration(job),
  };
}

/**
 * One page of a queue's jobs in one state, newest first: the caller's brand's jobs and system jobs.
 * Reads the newest LIST_WINDOW jobs of the state and filters by brand before paging, so pages are exact.
 */
export async function listJobs(ctx: TenantContext, input: In<typeof ZJobListInput>): Promise<JobPage> {
  const { queue } = queueOf(input.queue);
  return redisAction(async () => {
    const jobs = (await queue.getJobs(LISTS[input.state], 0, LIST_WINDOW - 1)).filter((j): j is Job => Boolean(j));
    const visible = jobs.filter((j) => visibleTo(ctx, j));
    const start = (input.page - 1) * input.pageSize;
    return {
      rows: visible.slice(start, start + input.pageSize).map((j) => toRow(j, input.queue, input.state)),
      total: visible.length,
      page: input.page,
      pageSize: input.pageSize,
      totalIsExact: jobs.length < LIST_WINDOW,
    };
  });
}

// ── Actions ────────────────────────────────────────────────────────────────────────────────────────

const isPlatformAdmin = (ctx: StaffContext) => ctx.actor.role === "platform_admin";

/**
 * A job the caller may act on: their brand's, or any for a platform admin. Another brand's job is not
 * acknowledged (NOT_FOUND); a system job is the platform's (FORBIDDEN for brand staff).
 */
async function loadJob(ctx: TenantContext, queue: Queue, id: string): Promise<Job> {
  const job = (await queue.getJob(id)) as Job | undefined;
  if (!job || !visibleTo(ctx, job)) throw notFound("job");
  if (brandOf(job) === null && !isPlatformAdmin(ctx)) throw new AppError("FORBIDDEN", "jobs.errors.systemJob");
  return job;
}

/**
 * Audits the action in a transaction around it: a failed Redis call rolls the audit row back. Brand work
 * goes on the brand's chain; platform work (`brandId: null`) on the platform chain.
 */
function audited<T>(
  ctx: StaffContext,
  brandId: string | null,
  entry: { action: string; entityType: "job" | "job_queue"; entityId: string; before?: unknown; after?: unknown },
  act: () => Promise<T>,
) {
  return ctx.db.$transaction(async (tx) => {
    await recordAudit(tx, ctx, { brandId, ...entry });
    return act();
  });
}

/** Puts a failed job back to waiting, keeping its id; refused for a job that has not failed. */
export async function retryJob(ctx: TenantContext, input: In<typeof ZJobRefInput>): Promise<JobActionResult> {
  const { queue } = queueOf(input.queue);
  return redisAction(async () => {
    const job = await loadJob(ctx, queue, input.id);
    const state = await job.getState();
    if (state !== "failed") throw new AppError("CONFLICT", NOT_RETRYABLE[state]);
    await audited(ctx, brandOf(job), { action: "job.retry", entityType: "job", entityId: `${input.queue}/${input.id}`, before: { failedReason: job.failedReason, attemptsMade: job.attemptsMade } }, () =>
      job.retry("failed"),
    );
    return { queue: input.queue, jobId: input.id };
  });
}

/** Deletes a job that is not running (BullMQ refuses to remove an active, locked job). */
export async function removeJob(ctx: TenantContext, input: In<typeof ZJobRefInput>): Promise<JobActionResult> {
  const { queue } = queueOf(input.queue);
  return redisAction(async () => {
    const job = await loadJob(ctx, queue, input.id);
    const state = await job.getState();
    if (state === "active") throw new AppError("CONFLICT", "jobs.errors.removeRunning");
    await audited(ctx, brandOf(job), { action: "job.remove", entityType: "job", entityId: `${input.queue}/${input.id}`, before: { state, name: job.name } }, () => job.remove());
    return { queue: input.queue, jobId: input.id };
  });
}

async function setPaused(ctx: StaffContext, input: In<typeof ZJobQueueInput>, paused: boolean): Promise<QueueStateResult> {
  const { queue } = queueOf(input.queue);
  return redisAction(async () => {
    await audited(ctx, null, { action: paused ? "job_queue.pause" : "job_queue.resume", entityType: "job_queue", entityId: input.queue, after: { paused } }, () =>
      paused ? queue.pause() : queue.resume(),
    );
    return { queue: input.queue, paused: await queue.isPaused() };
  });
}

/** Stops workers taking new jobs from the queue, for every brand (running ones finish); jobs keep queueing. */
export const pauseQueue = (ctx: StaffContext, input: In<typeof ZJobQueueInput>) => setPaused(ctx, input, true);
export const resumeQueue = (ctx: StaffContext, input: In<typeof ZJobQueueInput>) => setPaused(ctx, input, false);

/**
 * `<queue>.manual.<yyyymmddhhmm>` (UTC), plus the brand for a brand's run: every run-now within one minute
 * is the same job.
 */
export const runNowJobId = (queue: string, at: Date, brandId?: string) =>
  `${queue}.manual.${at.toISOString().slice(0, 16).replace(/[-T:]/g, "")}${brandId ? `.${brandId}` : ""}`;

/** Any well-formed brand id: asks whether a queue's payload takes a brand at all. */
const PROBE_BRAND_ID = "00000000-0000-4000-8000-000000000000";

/** The queue's payload for one brand's run, or null when the queue has no brand scope (its work is the platform's). */
export function brandRunPayload(def: QueueDefinition, brandId: string): unknown {
  const parsed = def.payload.safeParse({ ...(def.defaultPayload as object), brandId });
  return parsed.success && (parsed.data as { brandId?: unknown }).brandId === brandId ? parsed.data : null;
}

/**
 * Enqueues the queue's job now: for a platform admin, the default run (every brand); for brand staff, their
 * brand's run, on queues that have one. A double-click (same minute) adds one job, not two.
 */
export async function runNow(ctx: TenantContext, input: In<typeof ZJobQueueInput>): Promise<RunNowResult> {
  const { def, queue } = queueOf(input.queue);
  const brandId = isPlatformAdmin(ctx) ? undefined : ctx.tenantId;
  const data = brandId ? brandRunPayload(def, brandId) : def.payload.parse(def.defaultPayload);
  if (data === null) throw new AppError("FORBIDDEN", "jobs.errors.platformQueue");
  const jobId = runNowJobId(def.name, new Date(), brandId);
  return redisAction(async () => {
    const duplicate = Boolean(await queue.getJob(jobId));
    if (!duplicate) {
      await audited(ctx, brandId ?? null, { action: "job_queue.run_now", entityType: "job_queue", entityId: def.name, after: { jobId } }, () =>
        queue.add(def.name, data, { jobId }),
      );
    }
    return { queue: def.name, jobId, duplicate };
  });
}
