/**
 * The queue registry: every background job the platform knows, with its payload schema, retry policy,
 * retention and optional repeatable schedule. The web app enqueues through `enqueue`, the worker process
 * (jobs/worker.ts) runs one Worker per entry, and the jobs page (server/jobs/service.ts) reads it.
 *
 * Import-safe for the web app: no processor code here (processors live in jobs/workers/; this sits under server/ so services can enqueue without importing the worker).
 */
import "server-only";
import { Queue, type JobsOptions, type KeepJobs } from "bullmq";
import { z } from "zod";
import { jobsConfig, onProducerReset, producerConnection, producerReady } from "./connection";

const DAY_S = 24 * 60 * 60;

export type QueueSchedule = { pattern: string; tz?: string } | { everyMs: number };

export interface QueueDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  /** One line for the jobs page. */
  description: string;
  /** Validated when enqueued and again by the processor (a job may outlive a deploy). */
  payload: S;
  attempts: number;
  /** First retry delay; doubles on each further attempt (BullMQ exponential backoff). */
  backoffMs: number;
  removeOnComplete: KeepJobs;
  removeOnFail: KeepJobs;
  concurrency?: number;
  schedule?: QueueSchedule;
  /**
   * The worker process adds one run (default payload) when it starts, so a fresh installation has its
   * data without waiting for the schedule; the slot job id makes a restart within the slot add nothing.
   */
  runOnStart?: boolean;
  /** Payload of the scheduled runs and of "run now". */
  defaultPayload: z.input<S>;
  /**
   * Deterministic id of a triggered job: a second trigger with the same id while the first is still kept
   * is dropped by BullMQ. Must not contain ":" nor be an integer.
   */
  jobId: (payload: z.infer<S>, at: Date) => string;
}

const defineQueue = <S extends z.ZodType>(d: QueueDefinition<S>) => d;

/** Keep the last 1000 completed jobs for 7 days and failed ones for 30, so the jobs page has history. */
const RETENTION = {
  removeOnComplete: { count: 1000, age: 7 * DAY_S },
  removeOnFail: { count: 1000, age: 30 * DAY_S },
} satisfies Pick<QueueDefinition, "removeOnComplete" | "removeOnFail">;

const day = (at: Date) => at.toISOString().slice(0, 10);

export const ZAuditVerifyPayload = z.object({
  /** Verify only this brand's chain; without it, every chain (brands and the platform chain). */
  brandId: z.uuid().optional(),
});

export const ZSubaccountSyncPayload = z.object({
  /** Sync only this brand (the job is then that brand's); without it, every active brand. */
  brandId: z.uuid().optional(),
});

const SYNC_SLOT_MS = 15 * 60 * 1000;
/** The 15-minute slot `at` falls in, e.g. "2026-11-21T2215" (no ":" — BullMQ ids must not hold one). */
const quarterHour = (at: Date) =>
  new Date(Math.floor(at.getTime() / SYNC_SLOT_MS) * SYNC_SLOT_MS).toISOString().slice(0, 16).replace(":", "");

export const ZDepositSyncPayload = z.object({
  /** Sync only this brand's deposits (the job is then that brand's); without it, every active brand. */
  brandId: z.uuid().optional(),
});

const DEPOSIT_SLOT_MS = 5 * 60 * 1000;
/** The 5-minute slot `at` falls in, e.g. "2026-11-21T2205" (no ":"). */
const fiveMinutes = (at: Date) =>
  new Date(Math.floor(at.getTime() / DEPOSIT_SLOT_MS) * DEPOSIT_SLOT_MS).toISOString().slice(0, 16).replace(":", "");

export const ZFundLockExpiryPayload = z.object({});

export const ZBonusExpiryPayload = z.object({});

export const ZBonusAutoGrantsPayload = z.object({
  /** Only this brand's campaigns; without it, every active brand's. */
  brandId: z.uuid().optional(),
});

/** The minute `at` falls in, e.g. "2026-11-21T2217" (no ":"). */
const minute = (at: Date) => at.toISOString().slice(0, 16).replace(":", "");

export const ZMessageDispatchPayload = z.object({});

export const ZRebateFilesPayload = z.object({
  /** Only this brand's files (the job is then that brand's); without it, every brand's, and yesterday's are requested. */
  brandId: z.uuid().optional(),
});

export const ZRebateReconciliationPayload = z.object({
  /** Only this brand's waiting reconciliations; without it, every brand's. */
  brandId: z.uuid().optional(),
});

export const ZMessageFanoutPayload = z.object({
  brandId: z.uuid(),
  messageId: z.uuid(),
});

/** The 5-second slot `at` falls in, e.g. "2026-11-21T221705" (no ":"). */
const fiveSeconds = (at: Date) => {
  const slot = new Date(Math.floor(at.getTime() / 5000) * 5000).toISOString();
  return `${slot.slice(0, 16).replace(":", "")}${slot.slice(17, 19)}`;
};

export const EXCHANGE_SYNC_REASONS = ["schedule", "manual", "action"] as const;

export const ZExchangeAccountSyncPayload = z
  .object({
    /** Only this brand; without it, every active brand. */
    brandId: z.uuid().optional(),
    /** One sub-account of `brandId`; without it, the run fans out one job per sub-account with a key. */
    subaccountId: z.uuid().optional(),
    /** What asked for it: the schedule, staff's "Refresh", or an action on the account (cancel, close, withdraw). */
    reason: z.enum(EXCHANGE_SYNC_REASONS).default("schedule"),
  })
  .refine((p) => !p.subaccountId || p.brandId, { error: "a sub-account's sync needs its brand", path: ["brandId"] });

export const ZWithdrawalSendPayload = z.object({
  brandId: z.uuid(),
  withdrawalId: z.uuid(),
});

export const ZWithdrawalFollowPayload = z.object({
  /** Only this brand's withdrawals; without it, every brand's. */
  brandId: z.uuid().optional(),
});

export const ZEmergencyCancelOrdersPayload = z.object({
  stopId: z.uuid(),
  /** The stopped brand; without it, the global stop (every brand). */
  brandId: z.uuid().optional(),
});

/** "pending": the brand's customers waiting in Redis for evaluation (server/risk/pending.ts), in batches. */
export const RISK_TRIGGERS = ["withdrawal_requested", "positions_synced", "deposit_credited", "bonus_credited", "sweep", "manual", "pending"] as const;

/**
 * One customer's evaluation (brandId and customerId), the brand's pending customers (brandId, trigger
 * "pending"), or, with neither, the sweep of every brand.
 */
export const ZRiskEvaluatePayload = z
  .object({
    brandId: z.uuid().optional(),
    customerId: z.uuid().optional(),
    trigger: z.enum(RISK_TRIGGERS).default("sweep"),
  })
  .refine((p) => !p.customerId || p.brandId, { error: "a customer's evaluation needs its brand", path: ["brandId"] })
  .refine((p) => p.trigger !== "pending" || p.brandId, { error: "pending evaluations need their brand", path: ["brandId"] });

/**
 * Pending evaluations are collected for this long, then one job per brand takes them all: the slot's job
 * is delayed to the slot's end, so everything added during the slot is in Redis before it starts.
 */
export const RISK_PENDING_SLOT_MS = 100;
export const riskPendingSlotEnd = (at: Date) => (Math.floor(at.getTime() / RISK_PENDING_SLOT_MS) + 1) * RISK_PENDING_SLOT_MS;

/** The 2-minute slot `at` falls in, e.g. "2026-11-21T2216" (no ":"). */
const twoMinutes = (at: Date) => new Date(Math.floor(at.getTime() / 120_000) * 120_000).toISOString().slice(0, 16).replace(":", "");

export const QUEUES = {
  "audit-verify": defineQueue({
    name: "audit-verify",
    description: "Recomputes every audit-log hash chain and fails when one is broken",
    payload: ZAuditVerifyPayload,
    attempts: 3,
    backoffMs: 30_000,
    ...RETENTION,
    schedule: { pattern: "15 3 * * *", tz: "UTC" },
    defaultPayload: {},
    jobId: (p, at) => `audit-verify.${p.brandId ?? "all"}.${day(at)}`,
  }),
  "subaccount-sync": defineQueue({
    name: "subaccount-sync",
    description: "Mirrors each brand's exchange sub-accounts and fee rates, marking those that disappeared",
    payload: ZSubaccountSyncPayload,
    attempts: 5,
    backoffMs: 30_000,
    ...RETENTION,
    // Aligned with the job-id slots, so a scheduled run and a "run now" in the same quarter hour are one job.
    schedule: { pattern: "*/15 * * * *", tz: "UTC" },
    runOnStart: true,
    defaultPayload: {},
    jobId: (p, at) => `subaccount-sync.${p.brandId ?? "all"}.${quarterHour(at)}`,
  }),
  "deposit-sync": defineQueue({
    name: "deposit-sync",
    description: "Reads each brand's new deposits and the state changes of pending ones from the exchange",
    payload: ZDepositSyncPayload,
    attempts: 5,
    backoffMs: 30_000,
    ...RETENTION,
    // Aligned with the job-id slots: the scheduled run and a trigger in the same 5 minutes are one job.
    schedule: { pattern: "*/5 * * * *", tz: "UTC" },
    runOnStart: true,
    defaultPayload: {},
    jobId: (p, at) => `deposit-sync.${p.brandId ?? "all"}.${fiveMinutes(at)}`,
  }),
  "fund-lock-expiry": defineQueue({
    name: "fund-lock-expiry",
    description: "Ends the fund locks whose expiry has passed, auditing each",
    payload: ZFundLockExpiryPayload,
    attempts: 3,
    backoffMs: 10_000,
    ...RETENTION,
    // Every minute, aligned with the job-id slots: a scheduled run and a "run now" in the same minute are one job.
    schedule: { pattern: "* * * * *", tz: "UTC" },
    runOnStart: true,
    defaultPayload: {},
    jobId: (_p, at) => `fund-lock-expiry.${minute(at)}`,
  }),
  "bonus-expiry": defineQueue({
    name: "bonus-expiry",
    description: "Claws back the unused bonus credit whose validity has ended, recording any shortfall",
    payload: ZBonusExpiryPayload,
    attempts: 3,
    backoffMs: 30_000,
    ...RETENTION,
    // Aligned with the job-id slots: a scheduled run and a "run now" in the same 5 minutes are one job.
    schedule: { pattern: "*/5 * * * *", tz: "UTC" },
    defaultPayload: {},
    jobId: (_p, at) => `bonus-expiry.${fiveMinutes(at)}`,
  }),
  "bonus-auto-grants": defineQueue({
    name: "bonus-auto-grants",
    description: "Grants registration and first-deposit bonuses to the customers active campaigns have not answered yet",
    payload: ZBonusAutoGrantsPayload,
    attempts: 3,
    backoffMs: 10_000,
    ...RETENTION,
    // Every minute, aligned with the job-id slots: a scheduled run and a "run now" in the same minute are one job.
    schedule: { pattern: "* * * * *", tz: "UTC" },
    runOnStart: true,
    defaultPayload: {},
    jobId: (p, at) => `bonus-auto-grants.${p.brandId ?? "all"}.${minute(at)}`,
  }),
  "message-dispatch": defineQueue({
    name: "message-dispatch",
    description: "Sends queued automatic messages, starts scheduled messages whose time has come and resumes stalled fan-outs",
    payload: ZMessageDispatchPayload,
    attempts: 2,
    backoffMs: 5_000,
    // Runs every 5 s: history of the last hour is plenty, and keeps the jobs page readable.
    removeOnComplete: { count: 200, age: 60 * 60 },
    removeOnFail: RETENTION.removeOnFail,
    schedule: { everyMs: 5_000 },
    runOnStart: true,
    defaultPayload: {},
    jobId: (_p, at) => `message-dispatch.${fiveSeconds(at)}`,
  }),
  "rebate-files": defineQueue({
    name: "rebate-files",
    description: "Requests yesterday's trading-details and rebate files, follows them until ready, downloads and imports them",
    payload: ZRebateFilesPayload,
    attempts: 3,
    backoffMs: 30_000,
    // Every minute; most runs only look at the exchange's file list and find nothing to do.
    removeOnComplete: { count: 300, age: DAY_S },
    removeOnFail: RETENTION.removeOnFail,
    schedule: { pattern: "* * * * *", tz: "UTC" },
    runOnStart: true,
    defaultPayload: {},
    jobId: (p, at) => `rebate-files.${p.brandId ?? "all"}.${minute(at)}`,
  }),
  "rebate-reconciliation": defineQueue({
    name: "rebate-reconciliation",
    description: "Reconciles the days each import brought, and ranges staff ask for, against the files and the exchange's daily rebate statement",
    payload: ZRebateReconciliationPayload,
    attempts: 3,
    backoffMs: 30_000,
    // Every minute; most runs find nothing waiting.
    removeOnComplete: { count: 300, age: DAY_S },
    removeOnFail: RETENTION.removeOnFail,
    schedule: { pattern: "* * * * *", tz: "UTC" },
    defaultPayload: {},
    jobId: (p, at) => `rebate-reconciliation.${p.brandId ?? "all"}.${minute(at)}`,
  }),
  "exchange-account-sync": defineQueue({
    name: "exchange-account-sync",
    description: "Reads each customer sub-account's balances, positions, open orders, fills and bills through its own API key",
    payload: ZExchangeAccountSyncPayload,
    attempts: 3,
    backoffMs: 15_000,
    // A job per sub-account every 5 minutes: a day of history is plenty for the jobs page.
    removeOnComplete: { count: 1000, age: DAY_S },
    removeOnFail: RETENTION.removeOnFail,
    // Sub-accounts sync side by side: each has its own key and so its own per-user rate limits.
    concurrency: 4,
    schedule: { pattern: "*/5 * * * *", tz: "UTC" },
    runOnStart: true,
    defaultPayload: {},
    // A sub-account's job is de-duplicated by sub-account (server/exchange-accounts/sync-queue.ts), so its id only has to be unique.
    jobId: (p, at) =>
      p.subaccountId ? `exchange-account-sync.${p.subaccountId}.${p.reason}.${at.getTime()}` : `exchange-account-sync.${p.brandId ?? "all"}.${fiveMinutes(at)}`,
  }),
  "message-fanout": defineQueue({
    name: "message-fanout",
    description: "Takes a message's audience snapshot and delivers it in chunks, resumable without duplicates",
    payload: ZMessageFanoutPayload,
    attempts: 5,
    backoffMs: 10_000,
    ...RETENTION,
    // One fan-out at a time per worker: a million-row fan-out must leave the database to the portal too.
    concurrency: 1,
    defaultPayload: { brandId: "00000000-0000-4000-8000-000000000000", messageId: "00000000-0000-4000-8000-000000000000" },
    jobId: (p) => `message-fanout.${p.messageId}.run`,
  }),
  "withdrawal-send": defineQueue({
    name: "withdrawal-send",
    description: "Sends an approved withdrawal through the sub-account's key, once: a retry first looks it up by its clientId",
    payload: ZWithdrawalSendPayload,
    attempts: 6,
    backoffMs: 20_000,
    ...RETENTION,
    defaultPayload: { brandId: "00000000-0000-4000-8000-000000000000", withdrawalId: "00000000-0000-4000-8000-000000000000" },
    // The row's state makes a second send job a no-op; the id only has to be unique.
    jobId: (p, at) => `withdrawal-send.${p.withdrawalId}.${at.getTime()}`,
  }),
  "withdrawal-follow": defineQueue({
    name: "withdrawal-follow",
    description: "Follows sent withdrawals on the exchange until they complete, fail or are cancelled, and sends queued ones left behind",
    payload: ZWithdrawalFollowPayload,
    attempts: 3,
    backoffMs: 15_000,
    removeOnComplete: { count: 1000, age: DAY_S },
    removeOnFail: RETENTION.removeOnFail,
    schedule: { everyMs: 60_000 },
    runOnStart: true,
    defaultPayload: {},
    jobId: (p, at) => `withdrawal-follow.${p.brandId ?? "all"}.${minute(at)}`,
  }),
  "risk-evaluate": defineQueue({
    name: "risk-evaluate",
    description: "Evaluates a customer's risk limits after a withdrawal request, credited deposits, bonus credit or an exchange-account sync and applies the actions of each breach; every 2 minutes sweeps every brand's recently active customers",
    payload: ZRiskEvaluatePayload,
    attempts: 5,
    backoffMs: 2_000,
    removeOnComplete: { count: 1000, age: DAY_S },
    removeOnFail: RETENTION.removeOnFail,
    // Evaluations are short database reads; several side by side keep breach → action well under a second.
    concurrency: 8,
    schedule: { pattern: "*/2 * * * *", tz: "UTC" },
    runOnStart: true,
    defaultPayload: { trigger: "sweep" },
    // One customer's job is unique per trigger and moment (events are idempotent anyway); a brand's pending
    // evaluations per collection slot; the sweep per 2-minute slot.
    jobId: (p, at) =>
      p.customerId
        ? `risk-evaluate.${p.customerId}.${p.trigger}.${at.getTime()}`
        : p.trigger === "pending"
          ? `risk-evaluate.pending.${p.brandId}.${riskPendingSlotEnd(at)}`
          : `risk-evaluate.sweep.${twoMinutes(at)}`,
  }),
  "emergency-cancel-orders": defineQueue({
    name: "emergency-cancel-orders",
    description: "Cancels every open order of the stopped brand's sub-accounts (every brand's for the global stop) when the emergency stop asked for it",
    payload: ZEmergencyCancelOrdersPayload,
    attempts: 3,
    backoffMs: 10_000,
    ...RETENTION,
    defaultPayload: { stopId: "00000000-0000-4000-8000-000000000000" },
    // One cancelling per stop: a second enqueue while the first is kept is dropped.
    jobId: (p) => `emergency-cancel-orders.${p.stopId}`,
  }),
} as const;

export type QueueName = keyof typeof QUEUES;
export type JobPayload<N extends QueueName> = z.infer<(typeof QUEUES)[N]["payload"]>;
export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];

export const isQueueName = (name: string): name is QueueName => Object.hasOwn(QUEUES, name);

/** Attempts, backoff and retention of a queue's jobs; the scheduler's template and `enqueue` both use it. */
export function jobOptions(def: QueueDefinition): JobsOptions {
  return {
    attempts: def.attempts,
    backoff: { type: "exponential", delay: def.backoffMs },
    removeOnComplete: def.removeOnComplete,
    removeOnFail: def.removeOnFail,
  };
}

// ── Producer-side queues ───────────────────────────────────────────────────────────────────────────

const queues = new Map<string, Queue>();
onProducerReset(async () => {
  const open = [...queues.values()];
  queues.clear();
  await Promise.allSettled(open.map((q) => q.close()));
});

/** The producer Queue of a registered queue, on the shared fail-fast connection. */
export function producerQueue(name: QueueName): Queue {
  const { prefix } = jobsConfig();
  const key = `${prefix}\u0000${name}`;
  let queue = queues.get(key);
  if (!queue) {
    const created = new Queue(name, { connection: producerConnection(), prefix, defaultJobOptions: jobOptions(QUEUES[name]) });
    // Connection errors are the connection's to report (server/queues/connection.ts); don't crash on them here.
    created.on("error", () => undefined);
    // A Queue whose start-up check failed (Redis went away just as it was first used: the fail-fast connection
    // rejects BullMQ's INFO) fails every later call too. Forget it, so the next call makes a new one.
    created.waitUntilReady().catch(() => {
      if (queues.get(key) === created) queues.delete(key);
      created.close().catch(() => undefined);
    });
    queues.set(key, created);
    queue = created;
  }
  return queue;
}

/** How long an enqueue waits for Redis to come back before it fails (its caller decides what then). */
const ENQUEUE_READY_MS = 1_500;

/**
 * Adds a job after validating its payload. The job id is the queue's deterministic one unless `opts.jobId`
 * names another, so a repeated trigger is dropped rather than run twice. Fails within ENQUEUE_READY_MS
 * while Redis is down: BullMQ's own add would wait for the connection for as long as it is away.
 */
export async function enqueue<N extends QueueName>(
  name: N,
  payload: z.input<(typeof QUEUES)[N]["payload"]>,
  opts: Omit<JobsOptions, "repeat"> = {},
) {
  const def = QUEUES[name] as unknown as QueueDefinition;
  const data = def.payload.parse(payload);
  await producerReady(ENQUEUE_READY_MS);
  return producerQueue(name).add(name, data, { ...jobOptions(def), jobId: def.jobId(data, new Date()), ...opts });
}
