/**
 * Evaluation requests, batched. A request adds the customer to the brand's pending set in Redis (a set: a
 * customer asked for twice before the next batch is evaluated once) and adds the brand's job of the current
 * collection slot (RISK_PENDING_SLOT_MS), delayed to the slot's end and de-duplicated by its id, so a burst
 * of requests makes one job per brand and slot. The job takes the set in batches (SPOP) and evaluates each
 * with `evaluateMany`: a fixed number of statements per batch instead of per customer. At most two jobs of a
 * brand drain at once (a claim in Redis), so batches stay large under load.
 *
 * Every trigger asks through here: a withdrawal request (./at-request.ts), the deposit sync and bonus grants
 * (./triggers.ts), an account sync that stored positions or balances (exchange-accounts/sync-queue.ts).
 * Per-customer risk-evaluate jobs enqueued before batching are still processed as they are.
 *
 * Why not one BullMQ job per customer: each job costs several Redis round trips in the producer and the
 * worker and one evaluation of a few statements; at thousands a second both the queue and the database
 * spend their time on overhead. Why not BullMQ's own batches: they are a BullMQ Pro feature.
 *
 * What can be lost: customers taken from the set by a worker that dies before evaluating them (an error
 * puts them back, a crash cannot), customers waiting behind a dead drainer's claim until it expires with
 * no later request, and requests made while Redis is down. The sweep (every 2 minutes)
 * evaluates every recently active customer, so those breaches are caught there.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Db } from "../db/client";
import { succeedsWithin } from "../queues/best-effort";
import { jobsConfig, producerReady } from "../queues/connection";
import { enqueue, QUEUES, riskPendingSlotEnd } from "../queues/registry";
import { evaluateMany } from "./evaluate";

/** Customers per evaluated batch: bigger batches amortise more, smaller ones keep each transaction short. */
export const PENDING_BATCH = 500;

const pendingKey = (brandId: string) => `${jobsConfig().prefix}:risk-pending:${brandId}`;

/**
 * The slot job this process has already added, per brand (prefix and brand → slot end). A later request in
 * the same slot only joins the set: the job, delayed to the slot's end, has not started yet and will take it.
 */
const added = new Map<string, number>();

/** SADD arguments per command: a bonus batch's thousands of customers in a few round trips. */
const SADD_CHUNK = 5_000;

/** Asks for the customers' evaluation soon (within a slot and a batch). Throws when Redis is unavailable. */
export async function requestEvaluations(brandId: string, customerIds: Iterable<string | null | undefined>, now = new Date()): Promise<void> {
  const ids = [...new Set([...customerIds].filter((id): id is string => !!id))];
  if (!ids.length) return;
  // The shared connection fails fast: wait (briefly) for it to be up, as on a process's first request.
  const redis = await producerReady();
  const key = pendingKey(brandId);
  for (let i = 0; i < ids.length; i += SADD_CHUNK) await redis.sadd(key, ...ids.slice(i, i + SADD_CHUNK));
  const slotEnd = riskPendingSlotEnd(now);
  if (added.get(key) === slotEnd) return;
  const payload = { brandId, trigger: "pending" as const };
  await enqueue("risk-evaluate", payload, { jobId: QUEUES["risk-evaluate"].jobId(payload, now), delay: Math.max(0, slotEnd - now.getTime()) });
  // Only once the add succeeded: until then, every request of the slot adds (de-duplicated by the job id).
  added.set(key, slotEnd);
}

/** Asks for the customer's evaluation soon (within a slot and a batch). Throws when Redis is unavailable. */
export const requestEvaluation = (brandId: string, customerId: string, now = new Date()): Promise<void> => requestEvaluations(brandId, [customerId], now);

/** The wait for Redis, plus a little per thousand customers. */
const BUDGET_MS = 1_500;
const PER_THOUSAND_MS = 500;

/**
 * For triggers after their commit (a withdrawal request, a deposit sync, a bonus grant, an account sync):
 * never throws and never waits past its budget — Redis away or stalling mid-command, nothing is asked for
 * and the two-minute sweep finds the breach. True when the request went through in time.
 */
export async function requestEvaluationsBestEffort(brandId: string, customerIds: Iterable<string | null | undefined>, budgetMs?: number): Promise<boolean> {
  const ids = [...customerIds];
  return succeedsWithin(requestEvaluations(brandId, ids), budgetMs ?? BUDGET_MS + Math.ceil(ids.length / 1000) * PER_THOUSAND_MS);
}

/** How many customers of the brand wait for evaluation. */
export const pendingCount = async (brandId: string, redis?: Redis) => (redis ?? (await producerReady())).scard(pendingKey(brandId));

/** Which customers of the brand wait for evaluation. */
export const pendingCustomers = async (brandId: string, redis?: Redis) => (redis ?? (await producerReady())).smembers(pendingKey(brandId));

/** Drainers of one brand at a time: more would split the set into small batches that queue on the brand's audit chain lock. */
const DRAINERS = 2;
/** A drainer's claim outlives one batch by far; one that dies lets go by itself after this. */
const DRAIN_CLAIM_MS = 60_000;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/**
 * The worker's half: evaluates the brand's pending customers in batches until none is left, as one of at
 * most DRAINERS per brand; a job that finds them all taken leaves (its customers are in the set for them).
 * Each drainer looks at the set again after letting go, so a customer added between its last take and its
 * release is not left behind.
 */
export async function evaluatePending(db: Db, brandId: string, given?: Redis) {
  const redis = given ?? (await producerReady());
  const key = pendingKey(brandId);
  const total = { batches: 0, customers: 0, opened: 0, applied: 0 };
  const token = randomUUID();
  for (;;) {
    let claim: string | null = null;
    for (let i = 0; i < DRAINERS && !claim; i++) if (await redis.set(`${key}:drainer:${i}`, token, "PX", DRAIN_CLAIM_MS, "NX")) claim = `${key}:drainer:${i}`;
    if (!claim) return total;
    try {
      for (;;) {
        const ids = await redis.spop(key, PENDING_BATCH);
        if (!ids.length) break;
        await redis.pexpire(claim, DRAIN_CLAIM_MS);
        try {
          const r = await evaluateMany(db, brandId, ids);
          total.opened += r.opened;
          total.applied += r.applied;
        } catch (error) {
          // Back into the set for the retry (or another job); events already opened are found, not opened again.
          await redis.sadd(key, ...ids).catch(() => undefined);
          throw error;
        }
        total.batches++;
        total.customers += ids.length;
      }
    } finally {
      await redis.eval(RELEASE, 1, claim, token).catch(() => undefined);
    }
    if ((await redis.scard(key)) === 0) return total;
  }
}
