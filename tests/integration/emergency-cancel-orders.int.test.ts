/**
 * The emergency stop's "also cancel every open order", through the real queue and worker against the run's
 * simulator: the trigger queues one job; the worker cancels the open orders of every sub-account of the
 * stopped brand through each one's own trading key — while staff cancels stay refused — and leaves another
 * brand's alone; the stop shows the counts and the brand's audit chain what was sent. Without the option
 * nothing is queued; with the queue down the stop still holds and says the orders were not cancelled.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntime, type Runtime } from "@/jobs/runtime";
import type { TenantContext } from "@/server/actor";
import { db } from "@/server/db/client";
import { EmergencyStopError } from "@/server/emergency/guard";
import { env } from "@/server/env";
import { cancelAllOrders } from "@/server/exchange-actions/cancel";
import type { OkxClient } from "@/server/exchange/okx";
import { simAdmin } from "@/server/exchange/okx/testing/sim-harness";
import { closeProducerConnection, configureJobs } from "@/server/queues/connection";
import { producerQueue } from "@/server/queues/registry";
import type { EmergencyCancelProgress } from "@/lib/emergency/schemas";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";
import { emergencyStopper } from "../helpers/emergency";
import { actionAudits, customerClient, tradingCustomer } from "../helpers/exchange-actions";
import { appRefusal as refusal } from "../helpers/refusal";

const prefix = `bdtest-emergency-cancel-${randomUUID().slice(0, 8)}`;
const simUrl = () => process.env.OKX_SIM_URL!;
let runtime: Runtime;

async function brandWithStaff() {
  const brandId = (await createTestBrand()).id;
  const user = (await createTestStaff({ brandId, role: "operations" })).user;
  const ctx: TenantContext = { ...(await staffContext(user, { tenantId: brandId })), tenantId: brandId };
  return { brandId, ctx };
}

/** A customer's sub-account with USDT and `n` resting limit buys far below the market (they stay open). */
async function withRestingOrders(ctx: TenantContext, n: number) {
  const tc = await tradingCustomer(ctx);
  await simAdmin(simUrl(), "POST", "funds", { subAcct: tc.subAcct, account: "trading", ccy: "USDT", amt: "100000" }, ctx.tenantId);
  const client = await customerClient(ctx, tc.subaccountId);
  for (let i = 0; i < n; i++) {
    const [ack] = await client.placeOrder({ instId: "BTC-USDT", tdMode: "cash", side: "buy", ordType: "limit", px: String(1000 + i), sz: "0.01" });
    expect(ack!.sCode).toBe("0");
  }
  return { ...tc, client };
}

const openOrders = async (client: OkxClient) => (await client.ordersPending()).length;
const progressOf = async (stopId: string) => (await db.emergencyStop.findUniqueOrThrow({ where: { id: stopId } })).cancelProgress as EmergencyCancelProgress | null;

beforeAll(async () => {
  await configureJobs({ prefix, redisUrl: env.REDIS_URL });
  runtime = await startRuntime(() => undefined, ["emergency-cancel-orders"]);
});

afterAll(async () => {
  await runtime?.close();
  await producerQueue("emergency-cancel-orders").obliterate({ force: true }).catch(() => undefined);
  await closeProducerConnection();
});

describe("the emergency stop cancelling open orders", () => {
  it("cancels every open order of the stopped brand through the sub-accounts' keys, and nothing of another brand", { timeout: 90_000 }, async () => {
    const { brandId, ctx } = await brandWithStaff();
    const first = await withRestingOrders(ctx, 3);
    const second = await withRestingOrders(ctx, 25); // more than one batch of 20
    const other = await brandWithStaff();
    const elsewhere = await withRestingOrders(other.ctx, 2);
    const before = { first: await openOrders(first.client), second: await openOrders(second.client), elsewhere: await openOrders(elsewhere.client) };
    expect(before.first).toBeGreaterThanOrEqual(3);
    expect(before.second).toBeGreaterThanOrEqual(25);

    const stopper = await emergencyStopper(brandId);
    const stop = await stopper.trigger("Exchange incident", { cancelOrders: true });
    expect(stop.cancelOrders).toBe(true);

    await expect.poll(async () => (await progressOf(stop.id))?.outcome, { timeout: 60_000, interval: 250 }).toBe("finished");
    const progress = (await progressOf(stop.id))!;
    expect(progress).toMatchObject({ subaccounts: 2, done: 2, cancelled: before.first + before.second, failed: 0, unknown: 0, skipped: 0 });
    expect(await openOrders(first.client)).toBe(0);
    expect(await openOrders(second.client)).toBe(0);
    expect(await openOrders(elsewhere.client)).toBe(before.elsewhere);

    const [audit] = await actionAudits(brandId, "emergency.cancel_orders", stop.id);
    expect(audit?.actorType).toBe("system");
    expect(audit?.after).toMatchObject({ scope: "brand", reason: "Exchange incident", counts: { cancelled: before.first + before.second, failed: 0 } });
    expect(JSON.stringify(audit?.after)).not.toMatch(/secret|passphrase/i);
    expect(await actionAudits(other.brandId, "emergency.cancel_orders")).toHaveLength(0);

    // The customer may still trade on the exchange; staff may not cancel for them while the stop holds.
    const [ack] = await first.client.placeOrder({ instId: "BTC-USDT", tdMode: "cash", side: "buy", ordType: "limit", px: "999", sz: "0.01" });
    expect(ack!.sCode).toBe("0");
    expect(await refusal(cancelAllOrders(ctx, { customerId: first.customerId, reason: "tidy up" }))).toBeInstanceOf(EmergencyStopError);
    expect(await openOrders(first.client)).toBe(1);
    await stopper.reset();
  });

  it("queues nothing without the option", async () => {
    const { brandId } = await brandWithStaff();
    const stopper = await emergencyStopper(brandId);
    const stop = await stopper.trigger("Suspicious withdrawals");
    expect(stop.cancelOrders).toBe(false);
    expect(stop.cancelProgress).toBeNull();
    expect(await producerQueue("emergency-cancel-orders").getJob(`emergency-cancel-orders.${stop.id}`)).toBeUndefined();
    await stopper.reset();
  });

  it("holds the stop when the queue is down, and says the orders were not cancelled", { timeout: 30_000 }, async () => {
    const { brandId } = await brandWithStaff();
    const stopper = await emergencyStopper(brandId);
    await configureJobs({ prefix, redisUrl: "redis://127.0.0.1:6390" }); // nothing listens there
    try {
      const stop = await stopper.trigger("Exchange incident", { cancelOrders: true });
      expect(stop.cancelProgress?.outcome).toBe("notQueued");
      expect(await db.emergencyStop.findFirst({ where: { brandId, resetAt: null } })).not.toBeNull();
    } finally {
      await configureJobs({ prefix, redisUrl: env.REDIS_URL });
    }
    await stopper.reset();
  });
});
