/**
 * A withdrawal whose answer is lost is resolved by its clientId, never sent twice — against a simulator of
 * this file's own, with faults on POST asset/withdrawal: the answer lost after the exchange acted, the
 * request lost before it did, and a worker that died between sending and recording.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TenantContext } from "@/server/actor";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import type { BrandClientOptions } from "@/server/exchange/brand-client";
import { ENDPOINTS } from "@/server/exchange/okx";
import { startSim, type SimHarness } from "@/server/exchange/okx/testing/sim-harness";
import { redisBreaker, resetBreaker } from "@/server/exchange/okx/breaker";
import { Redis } from "ioredis";
import { deleteRedisKeys } from "../helpers/redis";
import { subaccountClient } from "@/server/exchange/subaccount-client";
import { closeProducerConnection, configureJobs } from "@/server/queues/connection";
import { producerQueue } from "@/server/queues/registry";
import { followWithdrawals } from "@/server/withdrawals/follow";
import { requestWithdrawal } from "@/server/withdrawals/request";
import { sendWithdrawal } from "@/server/withdrawals/send";
import { member } from "../helpers/bonuses";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";
import { bookEntry, onExchange, TRC20, withdrawingCustomer, type WithdrawingCustomer } from "../helpers/withdrawals";

const WITHDRAW = ENDPOINTS.withdraw.path;
let sim: SimHarness;
let clientOptions: BrandClientOptions;
let brand: { id: string };
let ops: TenantContext;
const prefix = `bdtest-wd-lost-${randomUUID().slice(0, 8)}`;
const deps = () => ({ db, clientOptions });

async function queued(c: WithdrawingCustomer, amount = "25") {
  const w = await requestWithdrawal(ops, { customerId: c.customerId, subaccountId: c.subaccountId, ccy: "USDT", chain: "USDT-TRC20", amount, address: TRC20 }, { clientOptions });
  expect(w.state).toBe("queued");
  return w;
}
const onExchangeByClientId = async (c: WithdrawingCustomer, clientId: string) => (await onExchange(brand.id, c.subaccountId, clientOptions)).history.filter((h) => h.clientId === clientId);

beforeAll(async () => {
  await configureJobs({ prefix, redisUrl: env.REDIS_URL });
  sim = await startSim({ withdrawalStepMs: 200 });
  // Short time-outs and no client retries: a lost answer shows at once.
  clientOptions = { endpoints: { simulatorUrl: sim.url, okxBaseUrl: sim.url }, timeoutMs: 1_000, maxRetries: 0 };
  brand = await createTestBrand();
  ops = (await staffContext((await createTestStaff({ brandId: brand.id, role: "operations" })).user, { tenantId: brand.id })) as TenantContext;
  await member(brand.id, "admin");
});

beforeEach(async () => {
  await sim.setFaults({});
  await sim.resetStats();
});

afterAll(async () => {
  await sim?.close();
  await producerQueue("withdrawal-send").obliterate({ force: true }).catch(() => undefined);
  await closeProducerConnection();
});

describe("a lost answer", () => {
  it("after the exchange acted: found by clientId, recorded as sent, not sent again", { timeout: 30_000 }, async () => {
    const c = await withdrawingCustomer(ops, { simUrl: sim.url, clientOptions });
    await bookEntry(brand.id, c.customerId);
    const w = await queued(c);
    await sim.setFaults({ timeoutRate: 1, phase: "after", paths: [WITHDRAW] });
    expect(await sendWithdrawal(deps(), brand.id, w.id)).toBe("sent");
    await sim.setFaults({});
    expect((await sim.statsOf("POST", WITHDRAW)).requests).toBe(1);
    const seen = await onExchangeByClientId(c, w.clientId);
    expect(seen).toHaveLength(1);
    expect(await db.withdrawal.findUniqueOrThrow({ where: { id: w.id } })).toMatchObject({ state: "sent", wdId: seen[0]!.wdId, sendAttempts: 1 });
    // A retry of the job, and the follow job, change nothing on the exchange.
    expect(await sendWithdrawal(deps(), brand.id, w.id)).toBe("skipped");
    const end = Date.now() + 10_000;
    while ((await db.withdrawal.findUniqueOrThrow({ where: { id: w.id } })).state !== "completed" && Date.now() < end) {
      await followWithdrawals(deps(), brand.id);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await db.withdrawal.findUniqueOrThrow({ where: { id: w.id } })).state).toBe("completed");
    expect(await onExchangeByClientId(c, w.clientId)).toHaveLength(1);
    expect((await sim.statsOf("POST", WITHDRAW)).requests).toBe(1);
  });

  it("before the exchange acted: not found, so the retry sends it — once", { timeout: 30_000 }, async () => {
    const c = await withdrawingCustomer(ops, { simUrl: sim.url, clientOptions });
    await bookEntry(brand.id, c.customerId);
    const w = await queued(c);
    await sim.setFaults({ dropRate: 1, phase: "before", paths: [WITHDRAW] });
    await expect(sendWithdrawal(deps(), brand.id, w.id)).rejects.toMatchObject({ name: "OkxError" });
    expect(await db.withdrawal.findUniqueOrThrow({ where: { id: w.id } })).toMatchObject({ state: "sending", lastCheckedAt: null });
    expect(await onExchangeByClientId(c, w.clientId)).toHaveLength(0);
    await sim.setFaults({});
    // The retry (BullMQ's, or the follow job's) looks the clientId up, finds nothing and sends.
    expect(await sendWithdrawal(deps(), brand.id, w.id)).toBe("sent");
    expect(await onExchangeByClientId(c, w.clientId)).toHaveLength(1);
    expect((await db.withdrawal.findUniqueOrThrow({ where: { id: w.id } })).sendAttempts).toBe(2);
  });

  it("an open breaker sent nothing: the claim is freed at once and the send after it goes out once", { timeout: 30_000 }, async () => {
    const c = await withdrawingCustomer(ops, { simUrl: sim.url, clientOptions });
    await bookEntry(brand.id, c.customerId);
    const w = await queued(c);
    const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1 });
    const breakerPrefix = `test:cb-wd:${randomUUID().slice(0, 8)}`;
    try {
      const breaker = redisBreaker(redis, { prefix: breakerPrefix });
      for (let i = 0; i < 5; i++) await breaker.record({ brandId: brand.id, family: "funding" }, false);
      const withBreaker = { db, clientOptions: { ...clientOptions, breaker } };
      await expect(sendWithdrawal(withBreaker, brand.id, w.id)).rejects.toMatchObject({ code: "CIRCUIT_OPEN" });
      expect(await db.withdrawal.findUniqueOrThrow({ where: { id: w.id } })).toMatchObject({ state: "sending", lastCheckedAt: null });
      expect((await sim.statsOf("POST", WITHDRAW)).requests).toBe(0);
      await resetBreaker(redis, { brandId: brand.id, family: "funding" }, { prefix: breakerPrefix });
      expect(await sendWithdrawal(withBreaker, brand.id, w.id)).toBe("sent");
      expect(await onExchangeByClientId(c, w.clientId)).toHaveLength(1);
    } finally {
      await deleteRedisKeys([`${breakerPrefix}*`]);
      redis.disconnect();
    }
  });

  it("a worker that died between sending and recording: the follow job finds it by clientId", { timeout: 30_000 }, async () => {
    const c = await withdrawingCustomer(ops, { simUrl: sim.url, clientOptions });
    await bookEntry(brand.id, c.customerId);
    const w = await queued(c);
    // What the dead worker did: claimed the row and sent it, and never recorded the answer.
    await db.withdrawal.update({ where: { id: w.id }, data: { state: "sending", sendAttempts: 1, lastCheckedAt: new Date(Date.now() - 5 * 60_000) } });
    const { client } = await subaccountClient(db, brand.id, c.subaccountId, "withdraw", clientOptions);
    const ack = await client.withdraw({ ccy: "USDT", amt: "25", dest: "4", toAddr: TRC20, chain: "USDT-TRC20", clientId: w.clientId });
    await sim.resetStats();

    const summary = await followWithdrawals(deps(), brand.id);
    expect(summary.resent).toBe(1);
    expect(await db.withdrawal.findUniqueOrThrow({ where: { id: w.id } })).toMatchObject({ state: "sent", wdId: ack.wdId });
    expect((await sim.statsOf("POST", WITHDRAW)).requests).toBe(0);
    expect(await onExchangeByClientId(c, w.clientId)).toHaveLength(1);
  });

  it("a withdrawal that left before the customer was frozen is recorded as sent, never refused", { timeout: 30_000 }, async () => {
    const c = await withdrawingCustomer(ops, { simUrl: sim.url, clientOptions });
    await bookEntry(brand.id, c.customerId);
    const w = await queued(c);
    // The dead worker's send went out; then compliance froze the customer.
    await db.withdrawal.update({ where: { id: w.id }, data: { state: "sending", sendAttempts: 1, lastCheckedAt: new Date(Date.now() - 5 * 60_000) } });
    const { client } = await subaccountClient(db, brand.id, c.subaccountId, "withdraw", clientOptions);
    const ack = await client.withdraw({ ccy: "USDT", amt: "25", dest: "4", toAddr: TRC20, chain: "USDT-TRC20", clientId: w.clientId });
    await db.customer.update({ where: { id: c.customerId }, data: { status: "frozen" } });

    expect(await sendWithdrawal(deps(), brand.id, w.id)).toBe("sent");
    expect(await db.withdrawal.findUniqueOrThrow({ where: { id: w.id } })).toMatchObject({ state: "sent", wdId: ack.wdId });
  });

  it("OKX's duplicate-clientId refusal means sent already: looked up and recorded as sent, not failed", { timeout: 30_000 }, async () => {
    const c = await withdrawingCustomer(ops, { simUrl: sim.url, clientOptions });
    await bookEntry(brand.id, c.customerId);
    const w = await queued(c);
    // An attempt nobody recorded sent it already; this one's POST is refused as a duplicate.
    const { client } = await subaccountClient(db, brand.id, c.subaccountId, "withdraw", clientOptions);
    const ack = await client.withdraw({ ccy: "USDT", amt: "25", dest: "4", toAddr: TRC20, chain: "USDT-TRC20", clientId: w.clientId });

    expect(await sendWithdrawal(deps(), brand.id, w.id)).toBe("sent");
    expect(await db.withdrawal.findUniqueOrThrow({ where: { id: w.id } })).toMatchObject({ state: "sent", wdId: ack.wdId });
    expect(await onExchangeByClientId(c, w.clientId)).toHaveLength(1);
  });

  it("a claim still in flight is not taken over", async () => {
    const c = await withdrawingCustomer(ops, { simUrl: sim.url, clientOptions });
    await bookEntry(brand.id, c.customerId);
    const w = await queued(c);
    await db.withdrawal.update({ where: { id: w.id }, data: { state: "sending", sendAttempts: 1, lastCheckedAt: new Date() } });
    expect(await sendWithdrawal(deps(), brand.id, w.id)).toBe("busy");
    expect((await sim.statsOf("POST", WITHDRAW)).requests).toBe(0);
  });
});
