/**
 * The emergency stop against exchange actions, with a simulator over HTTP: a bulk close or cancel that the
 * stop interrupts between two items audits what it already sent (with the reason it stopped) and then
 * refuses; single actions, sub-account and API-key changes are refused while reads keep working; a reset
 * restores them. The stop is triggered while the first item's request is held at the simulator (latency
 * on that path), so it lands exactly between two items.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TenantContext } from "@/server/actor";
import { createApiKey } from "@/server/api-keys/service";
import { db } from "@/server/db/client";
import { EmergencyStopError } from "@/server/emergency/guard";
import { cancelAllOrders } from "@/server/exchange-actions/cancel";
import { closeAllPositions, closePosition } from "@/server/exchange-actions/close";
import { previewExchangeAction } from "@/server/exchange-actions/preview";
import type { ExchangeActionDeps } from "@/server/exchange-actions/targets";
import { ENDPOINTS, type OkxClient } from "@/server/exchange/okx";
import { simAdmin, simClient, startSim, type SimHarness } from "@/server/exchange/okx/testing/sim-harness";
import { createSubaccountForCustomer } from "@/server/subaccounts/create";
import { TEST_PASSPHRASE, uniqueLabel } from "../cases/api-keys";
import { createTestCustomer } from "../cases/customers";
import { createTestBrand, createTestStaff, staffContext, uniqueSuffix } from "../helpers/db";
import { emergencyStopper } from "../helpers/emergency";
import { actionAudits, customerClient, tradingCustomer } from "../helpers/exchange-actions";
import { appRefusal as refusal } from "../helpers/refusal";

const BATCH_PATH = ENDPOINTS.cancelBatchOrders.path;
const CLOSE_PATH = ENDPOINTS.closePosition.path;
const reason = "Margin call not met";

let sim: SimHarness;
let deps: ExchangeActionDeps;
let brandId: string;
let ctx: TenantContext;
let stop: Awaited<ReturnType<typeof emergencyStopper>>;

/** A customer's new sub-account with 100,000 USDT, nothing open, net position mode, and its own client. */
async function funded() {
  const tc = await tradingCustomer(ctx, { clientOptions: deps.clientOptions });
  await simClient(sim.url, null, { forBrand: brandId }).setSubaccountLevel({ subAcct: tc.subAcct, acctLv: "2" });
  const client = await customerClient(ctx, tc.subaccountId, deps.clientOptions);
  await simAdmin(sim.url, "POST", "funds", { subAcct: tc.subAcct, account: "trading", ccy: "USDT", amt: "100000" }, brandId);
  for (const p of await client.accountPositions()) await client.closePosition({ instId: p.instId, mgnMode: p.mgnMode as "cross", posSide: p.posSide as "net", autoCxl: true });
  const open = await client.ordersPending();
  for (let i = 0; i < open.length; i += 20) await client.cancelBatchOrders({ orders: open.slice(i, i + 20).map((o) => ({ instId: o.instId, ordId: o.ordId })) });
  await simAdmin(sim.url, "POST", "position-mode", { subAcct: tc.subAcct, posMode: "net_mode" }, brandId);
  return { ...tc, client };
}

async function openPosition(client: OkxClient, instId: string, sz = "2") {
  const [ack] = await client.placeOrder({ instId, tdMode: "cross", side: "buy", ordType: "market", sz });
  expect(ack!.sCode).toBe("0");
}

async function restingOrder(client: OkxClient, instId: string, px: string, sz: string) {
  const [ack] = await client.placeOrder({ instId, tdMode: "cash", side: "buy", ordType: "limit", px, sz });
  expect(ack!.sCode).toBe("0");
}

const openPositions = async (client: OkxClient) => (await client.accountPositions({})).filter((p) => p.pos !== "0");

/** Waits (polling the simulator's counters) until `n` requests reached `path`. */
async function requestsReached(path: string, n: number) {
  await expect.poll(async () => (await sim.statsOf("POST", path)).requests, { timeout: 5000, interval: 20 }).toBeGreaterThanOrEqual(n);
}

beforeAll(async () => {
  sim = await startSim({ subaccounts: 1, deposits: 0 });
  deps = { clientOptions: { endpoints: { simulatorUrl: sim.url }, redis: null, timeoutMs: 3000 } };
  brandId = (await createTestBrand()).id;
  const user = (await createTestStaff({ brandId, role: "operations" })).user;
  ctx = { ...(await staffContext(user, { tenantId: brandId })), tenantId: brandId };
  stop = await emergencyStopper(brandId);
});

afterAll(async () => {
  await db.emergencyStop.updateMany({ where: { OR: [{ brandId }, { brandId: null }], resetAt: null }, data: { resetAt: new Date() } });
  await sim?.close();
});

beforeEach(async () => {
  // A test that failed half-way must not leave its stop behind for the next.
  await db.emergencyStop.updateMany({ where: { resetAt: null }, data: { resetAt: new Date() } });
  await sim.setFaults({});
  await sim.resetStats();
});

describe("a bulk action the stop interrupts", () => {
  it("close all: the close already sent is audited with the reason it stopped, nothing after it is sent, and the stop is the answer", async () => {
    const a = await funded();
    await openPosition(a.client, "BTC-USDT-SWAP");
    await openPosition(a.client, "ETH-USDT-SWAP");
    await sim.resetStats();
    // The first close is held at the simulator for a second; the stop is triggered meanwhile.
    await sim.setFaults({ latencyMs: 1000, paths: [CLOSE_PATH] });
    const running = closeAllPositions(ctx, { customerId: a.customerId, reason }, deps);
    running.catch(() => undefined);
    await requestsReached(CLOSE_PATH, 1);
    await stop.trigger();

    const error = await refusal(running);
    expect(error).toBeInstanceOf(EmergencyStopError);
    expect(error.reason).toBe("emergency.errors.stoppedBrand");
    expect((await sim.statsOf("POST", CLOSE_PATH)).requests).toBe(1);

    const [audit] = await actionAudits(brandId, "exchange.positions_close_all", a.customerId);
    expect(audit, "the close that went out is audited").toBeDefined();
    expect(audit!.after).toMatchObject({ reason, interrupted: "emergency.errors.stoppedBrand", counts: { done: 1 } });
    expect((audit!.after as { items: unknown[] }).items).toHaveLength(1);
    expect(await openPositions(a.client)).toHaveLength(1);

    await stop.reset();
  });

  it("cancel all: the batch already sent is audited with the reason it stopped, then the stop is the answer", async () => {
    const a = await funded();
    await restingOrder(a.client, "BTC-USDT", "1000", "0.001");
    await restingOrder(a.client, "ETH-USDT", "100", "0.01");
    await sim.resetStats();
    await sim.setFaults({ latencyMs: 1000, paths: [BATCH_PATH] });
    const running = cancelAllOrders(ctx, { customerId: a.customerId, reason }, deps);
    running.catch(() => undefined);
    await requestsReached(BATCH_PATH, 1);
    await stop.trigger();

    const error = await refusal(running);
    expect(error.reason).toBe("emergency.errors.stoppedBrand");
    expect((await sim.statsOf("POST", BATCH_PATH)).requests).toBe(1);
    const [audit] = await actionAudits(brandId, "exchange.orders_cancel_all", a.customerId);
    expect(audit, "the cancel that went out is audited").toBeDefined();
    expect(audit!.after).toMatchObject({ reason, interrupted: "emergency.errors.stoppedBrand", counts: { done: 1 } });
    expect(await a.client.ordersPending({})).toHaveLength(1);

    await stop.reset();
  });
});

describe("while the brand is stopped", () => {
  it("refuses closes, sub-account and API-key changes with the stop's reason; reads keep working; a reset restores them", async () => {
    const a = await funded();
    await openPosition(a.client, "BTC-USDT-SWAP");
    await stop.trigger();
    await sim.resetStats();

    const close = { subaccountId: a.subaccountId, instId: "BTC-USDT-SWAP", mgnMode: "cross" as const, posSide: "net" as const, reason };
    expect((await refusal(closePosition(ctx, close, deps))).reason).toBe("emergency.errors.stoppedBrand");
    const customerId = (await createTestCustomer(brandId)).id;
    expect((await refusal(createSubaccountForCustomer(ctx, { customerId, subAcct: `es${uniqueSuffix()}` }, deps.clientOptions))).reason).toBe("emergency.errors.stoppedBrand");
    const key = { subaccountId: a.subaccountId, label: uniqueLabel(), passphrase: TEST_PASSPHRASE, perms: ["trade" as const], ips: [] };
    expect((await refusal(createApiKey(ctx, key, { clientOptions: deps.clientOptions }))).reason).toBe("emergency.errors.stoppedBrand");
    expect((await sim.statsOf("POST", CLOSE_PATH)).requests).toBe(0);

    // Reads go on: the preview reads the live position.
    const preview = await previewExchangeAction(ctx, { action: "closePosition", subaccountId: a.subaccountId, instId: "BTC-USDT-SWAP", mgnMode: "cross", posSide: "net" }, deps);
    expect(preview.positions).toHaveLength(1);

    await stop.reset();
    const done = await closePosition(ctx, close, deps);
    expect(done.items).toEqual([expect.objectContaining({ status: "done" })]);
  });

  it("the global stop refuses every brand; another brand's own stop does not touch this one", async () => {
    const a = await funded();
    await openPosition(a.client, "BTC-USDT-SWAP");
    const other = await emergencyStopper((await createTestBrand()).id);
    await other.trigger();
    const close = { subaccountId: a.subaccountId, instId: "BTC-USDT-SWAP", mgnMode: "cross" as const, posSide: "net" as const, reason };
    const global = await emergencyStopper(null);
    await global.trigger();
    try {
      expect((await refusal(closePosition(ctx, close, deps))).reason).toBe("emergency.errors.stoppedGlobal");
    } finally {
      await global.reset();
      await other.reset();
    }
    expect((await closePosition(ctx, close, deps)).items).toEqual([expect.objectContaining({ status: "done" })]);
  });
});
