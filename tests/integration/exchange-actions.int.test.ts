/**
 * Staff cancelling orders and closing positions on a customer's exchange account, against a simulator
 * started here over HTTP: sub-accounts and trade keys created through Brokerdesk's own services (so the
 * secret is stored sealed), orders and positions opened with the sub-account's own key as the customer
 * would. Single and bulk, per-item results, a key without trade refused, 5xx and time-outs during bulk
 * actions reported per item (a close never resent), another brand's sub-account untouchable, audit rows.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TenantContext } from "@/server/actor";
import { db } from "@/server/db/client";
import { cancelAllOrders, cancelOrder } from "@/server/exchange-actions/cancel";
import { closeAllPositions, closePosition } from "@/server/exchange-actions/close";
import { previewExchangeAction } from "@/server/exchange-actions/preview";
import type { ExchangeActionDeps } from "@/server/exchange-actions/targets";
import { ENDPOINTS, type OkxClient } from "@/server/exchange/okx";
import { simAdmin, simClient, startSim, type SimHarness } from "@/server/exchange/okx/testing/sim-harness";
import { TEST_PASSPHRASE } from "../cases/api-keys";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";
import { actionAudits, customerClient, tradingCustomer } from "../helpers/exchange-actions";
import { appRefusal as refusal } from "../helpers/refusal";

const BATCH_PATH = ENDPOINTS.cancelBatchOrders.path;
const CLOSE_PATH = ENDPOINTS.closePosition.path;
const reason = "Margin call not met";

let sim: SimHarness;
let deps: ExchangeActionDeps;
let brandId: string;
let ctx: TenantContext;

async function contextFor(brand: string): Promise<TenantContext> {
  const user = (await createTestStaff({ brandId: brand, role: "operations" })).user;
  return { ...(await staffContext(user, { tenantId: brand })), tenantId: brand };
}

/**
 * A customer's new sub-account (spot and futures, net position mode) with 100,000 USDT in its trading
 * account and nothing open (the simulator generates some activity for every sub-account), and its own client.
 */
async function funded(c: TenantContext = ctx, customerId?: string) {
  const tc = await tradingCustomer(c, { customerId, clientOptions: deps.clientOptions });
  await simClient(sim.url, null, { forBrand: c.tenantId }).setSubaccountLevel({ subAcct: tc.subAcct, acctLv: "2" });
  const client = await customerClient(c, tc.subaccountId, deps.clientOptions);
  await simAdmin(sim.url, "POST", "funds", { subAcct: tc.subAcct, account: "trading", ccy: "USDT", amt: "100000" }, c.tenantId);
  for (const p of await client.accountPositions()) await client.closePosition({ instId: p.instId, mgnMode: p.mgnMode as "cross", posSide: p.posSide as "net", autoCxl: true });
  const open = await client.ordersPending();
  for (let i = 0; i < open.length; i += 20) await client.cancelBatchOrders({ orders: open.slice(i, i + 20).map((o) => ({ instId: o.instId, ordId: o.ordId })) });
  await simAdmin(sim.url, "POST", "position-mode", { subAcct: tc.subAcct, posMode: "net_mode" }, c.tenantId);
  return { ...tc, client };
}

/** A resting limit buy far below the market: stays open. */
async function restingOrder(client: OkxClient, instId = "BTC-USDT", px = "1000", sz = "0.001") {
  const [ack] = await client.placeOrder({ instId, tdMode: "cash", side: "buy", ordType: "limit", px, sz });
  expect(ack!.sCode).toBe("0");
  return ack!.ordId;
}

/** A net long swap position of `sz` contracts (market buy, cross). */
async function openPosition(client: OkxClient, instId = "BTC-USDT-SWAP", sz = "2") {
  const [ack] = await client.placeOrder({ instId, tdMode: "cross", side: "buy", ordType: "market", sz });
  expect(ack!.sCode).toBe("0");
}

const pendingIds = async (client: OkxClient) => (await client.ordersPending({})).map((o) => o.ordId);
const openPositions = async (client: OkxClient) => (await client.accountPositions({})).filter((p) => p.pos !== "0");

beforeAll(async () => {
  sim = await startSim({ subaccounts: 1, deposits: 0 });
  deps = { clientOptions: { endpoints: { simulatorUrl: sim.url }, redis: null, timeoutMs: 1500 } };
  brandId = (await createTestBrand()).id;
  ctx = await contextFor(brandId);
});

afterAll(async () => {
  await sim?.close();
});

beforeEach(async () => {
  await sim.setFaults({});
  await sim.resetStats();
});

describe("cancelling orders", () => {
  it("previews and cancels one order from the exchange's live state, audited with the reason and the result", async () => {
    const a = await funded();
    const ordId = await restingOrder(a.client, "BTC-USDT", "1000", "0.002");

    const preview = await previewExchangeAction(ctx, { action: "cancelOrder", subaccountId: a.subaccountId, instId: "BTC-USDT", ordId }, deps);
    expect(preview.orders).toEqual([expect.objectContaining({ ordId, instId: "BTC-USDT", sz: "0.002", remainingSz: "0.002", notional: "2" })]);
    expect(preview.totalNotional).toBe("2");

    const result = await cancelOrder(ctx, { subaccountId: a.subaccountId, instId: "BTC-USDT", ordId, reason }, deps);
    expect(result.items).toEqual([expect.objectContaining({ kind: "order", ordId, status: "done", code: "0", checkedAfterUnclearAnswer: false })]);
    expect(result.counts).toMatchObject({ done: 1, failed: 0 });
    expect(await pendingIds(a.client)).not.toContain(ordId);

    const [audit] = await actionAudits(brandId, "exchange.order_cancel", a.subaccountId);
    expect(audit).toMatchObject({ actorType: "staff", entityType: "subaccount" });
    expect(audit!.after).toMatchObject({ reason, asked: { ordId }, items: [{ ordId, status: "done", code: "0" }] });
    expect(JSON.stringify({ before: audit!.before, after: audit!.after })).not.toContain(TEST_PASSPHRASE);

    // Again: it is no longer open, so nothing is sent and the answer says so.
    await sim.resetStats();
    const again = await cancelOrder(ctx, { subaccountId: a.subaccountId, instId: "BTC-USDT", ordId, reason }, deps);
    expect(again.items).toEqual([expect.objectContaining({ status: "not_open", code: null })]);
    expect((await sim.statsOf("POST", BATCH_PATH)).requests).toBe(0);
  });

  it("cancels all of a customer's orders across sub-accounts, at most 20 per request per instrument", async () => {
    const a = await funded();
    const b = await funded(ctx, a.customerId);
    for (let i = 0; i < 23; i++) await restingOrder(a.client, "BTC-USDT", String(1000 + i));
    await restingOrder(b.client, "ETH-USDT", "100", "0.01");
    await restingOrder(b.client, "SOL-USDT", "10", "1");

    const preview = await previewExchangeAction(ctx, { action: "cancelAllOrders", customerId: a.customerId }, deps);
    expect(preview.orders).toHaveLength(25);
    expect(preview.skipped).toEqual([]);

    await sim.resetStats();
    const result = await cancelAllOrders(ctx, { customerId: a.customerId, reason }, deps);
    expect(result.items).toHaveLength(25);
    expect(result.counts).toMatchObject({ done: 25, failed: 0, unknown: 0 });
    // 23 BTC-USDT → 20 + 3; one each for ETH-USDT and SOL-USDT.
    expect((await sim.statsOf("POST", BATCH_PATH)).requests).toBe(4);
    expect(await pendingIds(a.client)).toEqual([]);
    expect(await pendingIds(b.client)).toEqual([]);
    const [audit] = await actionAudits(brandId, "exchange.orders_cancel_all", a.customerId);
    expect(audit!.after).toMatchObject({ reason, counts: { done: 25 } });
  });

  it("after 5xx answers to a bulk cancel (retried: cancelling is safe to repeat) reads the open orders back to say which went through", async () => {
    const a = await funded();
    const ids = [await restingOrder(a.client), await restingOrder(a.client, "BTC-USDT", "1001")];
    const c = await funded();
    const kept = await restingOrder(c.client);
    // Carried out, but every answer is a 503: the client retries, then the open orders are read again.
    await sim.setFaults({ status5xxRate: 1, paths: [BATCH_PATH], phase: "after" });
    const done = await cancelAllOrders(ctx, { customerId: a.customerId, reason }, deps);
    expect(done.items.map((i) => [i.ordId, i.status, i.checkedAfterUnclearAnswer])).toEqual(expect.arrayContaining(ids.map((id) => [id, "done", true])));
    expect(done.items[0]!.code).toMatch(/50001|HTTP_503/);

    // Refused before anything happens: still open, reported failed with the code.
    await sim.setFaults({ status5xxRate: 1, paths: [BATCH_PATH] });
    const failed = await cancelAllOrders(ctx, { customerId: c.customerId, reason }, deps);
    expect(failed.items).toEqual([expect.objectContaining({ ordId: kept, status: "failed", checkedAfterUnclearAnswer: true })]);
    await sim.setFaults({});
    expect(await pendingIds(c.client)).toEqual([kept]);
  });
});

describe("closing positions", () => {
  it("previews and closes one position at market", async () => {
    const a = await funded();
    await openPosition(a.client, "BTC-USDT-SWAP", "3");
    const [position] = await openPositions(a.client);
    expect(position).toMatchObject({ instId: "BTC-USDT-SWAP", mgnMode: "cross", posSide: "net", pos: "3" });

    const ref = { subaccountId: a.subaccountId, instId: "BTC-USDT-SWAP", mgnMode: "cross" as const, posSide: "net" as const };
    const preview = await previewExchangeAction(ctx, { action: "closePosition", ...ref }, deps);
    expect(preview.positions).toEqual([expect.objectContaining({ instId: "BTC-USDT-SWAP", pos: "3" })]);
    expect(Number(preview.positions[0]!.notionalUsd)).toBeGreaterThan(0);

    const result = await closePosition(ctx, { ...ref, reason }, deps);
    expect(result.items).toEqual([expect.objectContaining({ kind: "position", status: "done", code: "0", size: "3" })]);
    expect(await openPositions(a.client)).toEqual([]);
    const [audit] = await actionAudits(brandId, "exchange.position_close", a.subaccountId);
    expect(audit!.after).toMatchObject({ reason, asked: { instId: "BTC-USDT-SWAP", mgnMode: "cross", posSide: "net" }, items: [{ status: "done" }] });
  });

  it("closes all of a customer's positions, one result each", async () => {
    const a = await funded();
    await openPosition(a.client, "BTC-USDT-SWAP", "1");
    await openPosition(a.client, "ETH-USDT-SWAP", "5");
    const result = await closeAllPositions(ctx, { customerId: a.customerId, reason }, deps);
    expect(result.items.map((i) => [i.instId, i.status])).toEqual(
      expect.arrayContaining([
        ["BTC-USDT-SWAP", "done"],
        ["ETH-USDT-SWAP", "done"],
      ]),
    );
    expect(await openPositions(a.client)).toEqual([]);
    expect(await actionAudits(brandId, "exchange.positions_close_all", a.customerId)).toHaveLength(1);
  });

  it("after a 5xx during a bulk close never resends: each position is looked up and reported", async () => {
    const a = await funded();
    await openPosition(a.client, "BTC-USDT-SWAP", "1");
    await openPosition(a.client, "ETH-USDT-SWAP", "2");
    // The exchange closes them but answers 503: one request each, and both found closed.
    await sim.setFaults({ status5xxRate: 1, paths: [CLOSE_PATH], phase: "after" });
    await sim.resetStats();
    const closed = await closeAllPositions(ctx, { customerId: a.customerId, reason }, deps);
    expect((await sim.statsOf("POST", CLOSE_PATH)).requests).toBe(2);
    expect(closed.items).toEqual([
      expect.objectContaining({ status: "done", checkedAfterUnclearAnswer: true }),
      expect.objectContaining({ status: "done", checkedAfterUnclearAnswer: true }),
    ]);

    // Refused before anything happens: both still open, each reported failed with the code.
    await sim.setFaults({});
    const b = await funded();
    await openPosition(b.client, "BTC-USDT-SWAP", "1");
    await openPosition(b.client, "ETH-USDT-SWAP", "2");
    await sim.setFaults({ status5xxRate: 1, paths: [CLOSE_PATH] });
    await sim.resetStats();
    const failed = await closeAllPositions(ctx, { customerId: b.customerId, reason }, deps);
    expect((await sim.statsOf("POST", CLOSE_PATH)).requests).toBe(2);
    expect(failed.counts).toMatchObject({ done: 0, failed: 2 });
    expect(failed.items.every((i) => i.code !== null && /50001|HTTP_503/.test(i.code))).toBe(true);
    await sim.setFaults({});
    expect(await openPositions(b.client)).toHaveLength(2);
    const [audit] = await actionAudits(brandId, "exchange.positions_close_all", b.customerId);
    expect(audit!.after).toMatchObject({ counts: { failed: 2 } });
  });

  it("after a time-out on a close looks at the position instead of sending again", async () => {
    const a = await funded();
    await openPosition(a.client, "BTC-USDT-SWAP", "1");
    await sim.setFaults({ timeoutRate: 1, paths: [CLOSE_PATH], phase: "after" });
    await sim.resetStats();
    const result = await closePosition(ctx, { subaccountId: a.subaccountId, instId: "BTC-USDT-SWAP", mgnMode: "cross", posSide: "net", reason }, deps);
    expect((await sim.statsOf("POST", CLOSE_PATH)).requests).toBe(1);
    expect(result.items).toEqual([expect.objectContaining({ status: "done", code: "TIMEOUT", checkedAfterUnclearAnswer: true })]);
  });
});

describe("refusals", () => {
  it("refuses a sub-account whose keys may not trade, naming why, and sends nothing", async () => {
    const readOnly = await tradingCustomer(ctx, { perms: [], clientOptions: deps.clientOptions });
    const e = await refusal(cancelOrder(ctx, { subaccountId: readOnly.subaccountId, instId: "BTC-USDT", ordId: "1", reason }, deps));
    expect(e).toMatchObject({ code: "CONFLICT", reason: "exchangeAccounts.errors.noKey.missing_permission", message: "None of this sub-account's API keys has the trade permission" });
    await refusal(closeAllPositions(ctx, { customerId: readOnly.customerId, reason }, deps));
    await refusal(previewExchangeAction(ctx, { action: "closeAllPositions", customerId: readOnly.customerId }, deps));
    expect((await sim.statsOf("POST", CLOSE_PATH)).requests + (await sim.statsOf("POST", BATCH_PATH)).requests).toBe(0);
    expect(await actionAudits(brandId, "exchange.order_cancel", readOnly.subaccountId)).toEqual([]);

    // Beside a sub-account that may trade, it is reported as skipped with the reason.
    const trading = await funded(ctx, readOnly.customerId);
    await restingOrder(trading.client);
    const result = await cancelAllOrders(ctx, { customerId: readOnly.customerId, reason }, deps);
    expect(result.counts.done).toBe(1);
    expect(result.skipped).toEqual([{ subaccountId: readOnly.subaccountId, subAcct: readOnly.subAcct, reason: "exchangeAccounts.errors.noKey.missing_permission", params: { permission: "trade" } }]);
  });

  it("cannot reach another brand's customer or sub-account", async () => {
    const otherCtx = await contextFor((await createTestBrand()).id);
    const theirs = await funded(otherCtx);
    const ordId = await restingOrder(theirs.client);
    await openPosition(theirs.client);
    const attempts = [
      () => cancelOrder(ctx, { subaccountId: theirs.subaccountId, instId: "BTC-USDT", ordId, reason }, deps),
      () => closePosition(ctx, { subaccountId: theirs.subaccountId, instId: "BTC-USDT-SWAP", mgnMode: "cross", posSide: "net", reason }, deps),
      () => cancelAllOrders(ctx, { customerId: theirs.customerId, reason }, deps),
      () => closeAllPositions(ctx, { customerId: theirs.customerId, reason }, deps),
      () => previewExchangeAction(ctx, { action: "cancelAllOrders", customerId: theirs.customerId }, deps),
    ];
    for (const attempt of attempts) expect(await refusal(attempt())).toMatchObject({ code: "NOT_FOUND" });
    expect(await pendingIds(theirs.client)).toEqual([ordId]);
    expect(await openPositions(theirs.client)).toHaveLength(1);
    expect(await db.auditLog.count({ where: { brandId: otherCtx.tenantId, action: { startsWith: "exchange." } } })).toBe(0);
  });
});
