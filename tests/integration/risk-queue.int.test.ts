/**
 * Breach → action through the real queue and worker: N customers (30) of a fresh brand each get a withdrawal
 * over the brand's single-withdrawal limit (freeze the customer); each customer's evaluation is requested at
 * RATE/s (30) through `requestEvaluation`, as the request path does after commit, and a risk-evaluate worker
 * (the worker process's own runtime) evaluates them in batches: every breach gets one event and its action,
 * applied once. The
 * latency from enqueue to the action applied is printed, not asserted: a time measured on a shared CI
 * machine says little, and the target (p99 ≤ 1 s at 1,000 events/s) belongs to a benchmark (bench/risk).
 * N and RATE can be raised (RISK_QUEUE_N, RISK_QUEUE_RATE) to look at it by hand.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startRuntime, type Runtime } from "@/jobs/runtime";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { closeProducerConnection, configureJobs } from "@/server/queues/connection";
import { producerQueue } from "@/server/queues/registry";
import type { ActionRecord } from "@/server/risk/actions/types";
import { requestEvaluation } from "@/server/risk/pending";
import { createTestBrand } from "../helpers/db";
import { createTestCustomer } from "../cases/customers";
import { createTestRiskLimit } from "../cases/risk";

const prefix = `bdtest-risk-latency-${randomUUID().slice(0, 8)}`;
// Requests wait up to one collection slot (100 ms) and are then evaluated a batch at a time.
const N = Number(process.env.RISK_QUEUE_N ?? 30);
const RATE_PER_S = Number(process.env.RISK_QUEUE_RATE ?? 30);
let runtime: Runtime;

beforeAll(async () => {
  await configureJobs({ prefix, redisUrl: env.REDIS_URL });
  runtime = await startRuntime(() => undefined, ["risk-evaluate"]);
});

afterAll(async () => {
  await runtime?.close();
  await producerQueue("risk-evaluate").obliterate({ force: true }).catch(() => undefined);
  await closeProducerConnection();
});

it(`acts once on each of ${N} breaches enqueued at ${RATE_PER_S}/s`, { timeout: 120_000 }, async () => {
  const brand = await createTestBrand();
  await createTestRiskLimit(brand.id, { threshold: "100", actions: ["freeze_customer"] });
  const customers: string[] = [];
  for (let i = 0; i < N; i++) {
    const c = await createTestCustomer(brand.id);
    const sub = await db.subaccount.create({
      data: { brandId: brand.id, subAcct: `lat${i}${randomUUID().slice(0, 6)}`, uid: String(i), accountLevel: 1, enabled: true, canTransferOut: true, exchangeCreatedAt: new Date(), lastSyncedAt: new Date(), customerId: c.id },
    });
    await db.withdrawal.create({
      data: { brandId: brand.id, customerId: c.id, subaccountId: sub.id, ccy: "USDT", chain: "USDT-TRC20", amount: "150", valueUsdt: "150", address: "TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9", state: "completed", clientId: randomUUID().replace(/-/g, "") },
    });
    customers.push(c.id);
  }

  const enqueuedAt = new Map<string, number>();
  const start = Date.now();
  for (const [i, customerId] of customers.entries()) {
    const due = start + (i * 1000) / RATE_PER_S;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    enqueuedAt.set(customerId, Date.now());
    await requestEvaluation(brand.id, customerId);
  }

  const deadline = Date.now() + 60_000;
  let events: { customerId: string; actions: unknown }[] = [];
  while (Date.now() < deadline) {
    events = await db.riskEvent.findMany({ where: { brandId: brand.id }, select: { customerId: true, actions: true } });
    if (events.length === N && events.every((e) => (e.actions as ActionRecord[])[0]!.status === "applied")) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(events).toHaveLength(N);
  const latencies = events.map((e) => Date.parse((e.actions as ActionRecord[])[0]!.appliedAt!) - enqueuedAt.get(e.customerId)!).sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]!;
  console.log(`[risk] breach → action through risk-evaluate (${N} at ${RATE_PER_S}/s, 1 worker, batched): p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${latencies.at(-1)} ms`);
  // Where the time goes: the batch jobs (one per brand and 100 ms slot) and their run time.
  const jobs = await producerQueue("risk-evaluate").getJobs(["completed"], 0, N + 10);
  const p50 = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`[risk] ${jobs.length} batch jobs, run time p50 ${p50(jobs.map((j) => j.finishedOn! - j.processedOn!))} ms`);
  expect(await db.customer.count({ where: { brandId: brand.id, status: "frozen" } })).toBe(N);
  // Once each: one apply audit per event, however many evaluations ran.
  expect(await db.auditLog.count({ where: { brandId: brand.id, action: "risk.action_apply" } })).toBe(N);
});
