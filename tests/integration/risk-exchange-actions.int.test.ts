/**
 * The risk actions that act on the exchange — cancel_orders, close_positions, keys_read_only — against the
 * run's simulator over HTTP, as the system applies them: the simulator's own state afterwards (orders
 * gone, positions closed, keys read-only so the customer's key can no longer trade), a second run
 * skipping, keys_read_only undone by staff restoring each key's permissions on the simulator, a refusal
 * recorded per item with the exchange's words, the emergency stop failing the action with nothing sent,
 * and an event whose limit lists keys_read_only first still closing positions before the keys lose trade.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import type { TenantContext } from "@/server/actor";
import { createApiKey } from "@/server/api-keys/service";
import { db } from "@/server/db/client";
import { ENDPOINTS, isOkxError, type OkxClient } from "@/server/exchange/okx";
import { simAdmin, simClient } from "@/server/exchange/okx/testing/sim-harness";
import { RISK_ACTION_REGISTRY } from "@/server/risk/actions";
import type { ActionEvent, ActionRecord, ItemResult } from "@/server/risk/actions/types";
import { evaluateCustomer, systemContext } from "@/server/risk/evaluate";
import { undoAction } from "@/server/risk/events";
import { writeSync } from "@/server/exchange-accounts/sync-write";
import { Decimal } from "decimal.js";
import { TEST_PASSPHRASE, uniqueLabel } from "../cases/api-keys";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";
import { emergencyStopper } from "../helpers/emergency";
import { actionAudits, customerClient, tradingCustomer } from "../helpers/exchange-actions";
import { appRefusal as refusal } from "../helpers/refusal";

const simUrl = inject("integrationSimulatorUrl");
const BATCH_PATH = ENDPOINTS.cancelBatchOrders.path;
const CLOSE_PATH = ENDPOINTS.closePosition.path;

let brandId: string;
let ops: TenantContext;
let stop: Awaited<ReturnType<typeof emergencyStopper>>;

const faults = (f: object) => simAdmin(simUrl, "POST", "faults", f);
const stats = async (path: string) => ((await simAdmin(simUrl, "GET", "stats")) as { endpoints: Record<string, { requests: number }> }).endpoints[`POST ${path}`]?.requests ?? 0;
const broker = () => simClient(simUrl, null, { forBrand: brandId });

beforeAll(async () => {
  brandId = (await createTestBrand()).id;
  const user = (await createTestStaff({ brandId, role: "admin" })).user;
  ops = { ...(await staffContext(user, { tenantId: brandId })), tenantId: brandId };
  stop = await emergencyStopper(brandId);
});

beforeEach(async () => {
  await db.emergencyStop.updateMany({ where: { resetAt: null }, data: { resetAt: new Date() } });
  await faults({});
});

afterEach(async () => {
  await faults({});
});

/** A customer's sub-account on the simulator (net mode, 100,000 USDT, nothing open) with a trade key, and its client. */
async function funded(customerId?: string) {
  const tc = await tradingCustomer(ops, { customerId });
  await broker().setSubaccountLevel({ subAcct: tc.subAcct, acctLv: "2" });
  const client = await customerClient(ops, tc.subaccountId);
  await simAdmin(simUrl, "POST", "funds", { subAcct: tc.subAcct, account: "trading", ccy: "USDT", amt: "100000" }, brandId);
  for (const p of await client.accountPositions()) await client.closePosition({ instId: p.instId, mgnMode: p.mgnMode as "cross", posSide: p.posSide as "net", autoCxl: true });
  const open = await client.ordersPending();
  for (let i = 0; i < open.length; i += 20) await client.cancelBatchOrders({ orders: open.slice(i, i + 20).map((o) => ({ instId: o.instId, ordId: o.ordId })) });
  await simAdmin(simUrl, "POST", "position-mode", { subAcct: tc.subAcct, posMode: "net_mode" }, brandId);
  return { ...tc, client };
}

async function restingOrder(client: OkxClient, instId: string, px: string, sz: string) {
  const [ack] = await client.placeOrder({ instId, tdMode: "cash", side: "buy", ordType: "limit", px, sz });
  expect(ack!.sCode).toBe("0");
  return ack!.ordId;
}

async function openPosition(client: OkxClient, instId: string, sz = "2") {
  const [ack] = await client.placeOrder({ instId, tdMode: "cross", side: "buy", ordType: "market", sz });
  expect(ack!.sCode).toBe("0");
}

const openPositions = async (client: OkxClient) => (await client.accountPositions({})).filter((p) => p.pos !== "0");

/** The event an action answers (what evaluate.ts hands it): only its ids and numbers matter to these actions. */
const eventFor = (customerId: string): ActionEvent => ({
  id: "00000000-0000-4000-8000-000000000001",
  limitId: "00000000-0000-4000-8000-000000000002",
  customerId,
  kind: "exposure",
  numbers: { observed: "450", threshold: "300", windowMinutes: 60, unit: "percent" },
});

const apply = (key: "cancel_orders" | "close_positions" | "keys_read_only", customerId: string) => RISK_ACTION_REGISTRY[key].apply(systemContext(db, brandId), eventFor(customerId));
const results = (items: ItemResult[]) => items.map((i) => i.result).sort();

/** The keys of the sub-account on the simulator: apiKey → permissions as a sorted list. */
async function simPerms(subAcct: string): Promise<Record<string, string[]>> {
  const keys = await broker().getApiKeys({ subAcct });
  return Object.fromEntries(keys.map((k) => [k.apiKey, [...k.perm].sort()]));
}

describe("cancel_orders", () => {
  it("cancels every open order of every sub-account of the customer on the exchange, audited as the system; a second run skips", async () => {
    const a = await funded();
    const b = await funded(a.customerId);
    await restingOrder(a.client, "BTC-USDT", "1000", "0.001");
    await restingOrder(a.client, "ETH-USDT", "100", "0.01");
    await restingOrder(b.client, "SOL-USDT", "10", "1");

    const items = await apply("cancel_orders", a.customerId);
    expect(items.filter((i) => i.type === "order").map((i) => i.result)).toEqual(["applied", "applied", "applied"]);
    expect(await a.client.ordersPending({})).toEqual([]);
    expect(await b.client.ordersPending({})).toEqual([]);
    const [audit] = await actionAudits(brandId, "exchange.orders_cancel_all", a.customerId);
    expect(audit).toMatchObject({ actorType: "system", entityType: "customer" });
    expect(audit!.after).toMatchObject({ reason: expect.stringContaining("450 % over 300 %"), counts: { done: 3 } });

    const before = await stats(BATCH_PATH);
    const again = await apply("cancel_orders", a.customerId);
    expect(again).toEqual([
      { type: "subaccount", id: a.subAcct, result: "skipped", detail: "risk.items.noOpenOrders" },
      { type: "subaccount", id: b.subAcct, result: "skipped", detail: "risk.items.noOpenOrders" },
    ]);
    expect(await stats(BATCH_PATH)).toBe(before);
  });

  it("records the exchange's refusal per order when the cancel keeps failing", async () => {
    const a = await funded();
    await restingOrder(a.client, "BTC-USDT", "1000", "0.001");
    await faults({ errorRate: 1, paths: [BATCH_PATH] });
    const items = await apply("cancel_orders", a.customerId);
    expect(items).toEqual([expect.objectContaining({ type: "order", result: "failed", detail: expect.stringContaining("50026") })]);
    await faults({});
    expect(await a.client.ordersPending({})).toHaveLength(1);
  });
});

describe("close_positions", () => {
  it("closes every position at market on the exchange; a second run skips; it cannot be undone", async () => {
    const a = await funded();
    await openPosition(a.client, "BTC-USDT-SWAP");
    await openPosition(a.client, "ETH-USDT-SWAP");
    expect(await openPositions(a.client)).toHaveLength(2);

    const items = await apply("close_positions", a.customerId);
    expect(items.map((i) => [i.type, i.result])).toEqual([
      ["position", "applied"],
      ["position", "applied"],
    ]);
    expect(await openPositions(a.client)).toEqual([]);
    const [audit] = await actionAudits(brandId, "exchange.positions_close_all", a.customerId);
    expect(audit).toMatchObject({ actorType: "system", entityType: "customer" });

    expect(await apply("close_positions", a.customerId)).toEqual([{ type: "subaccount", id: a.subAcct, result: "skipped", detail: "risk.items.noOpenPositions" }]);
    expect(RISK_ACTION_REGISTRY.close_positions.undoable).toBe(false);
    expect(RISK_ACTION_REGISTRY.cancel_orders.undoable).toBe(false);
  });

  it("records the exchange's refusal per position when the close keeps failing (a close is never resent blindly)", async () => {
    const a = await funded();
    await openPosition(a.client, "BTC-USDT-SWAP");
    await faults({ errorRate: 1, paths: [CLOSE_PATH] });
    const items = await apply("close_positions", a.customerId);
    expect(items).toEqual([expect.objectContaining({ type: "position", result: "failed", detail: expect.stringContaining("50026") })]);
    await faults({});
    expect(await openPositions(a.client)).toHaveLength(1);
  });
});

describe("keys_read_only", () => {
  it("takes trade and withdraw from every key on the exchange, skips read-only ones, and a second run skips them all", { timeout: 60_000 }, async () => {
    const a = await funded();
    await createApiKey(ops, { subaccountId: a.subaccountId, label: uniqueLabel(), passphrase: TEST_PASSPHRASE, perms: ["trade", "withdraw"], ips: ["10.0.0.7"] });
    await createApiKey(ops, { subaccountId: a.subaccountId, label: uniqueLabel(), passphrase: TEST_PASSPHRASE, perms: [], ips: [] });
    const before = await simPerms(a.subAcct);
    expect(Object.values(before).sort()).toEqual([["read_only"], ["read_only", "trade"], ["read_only", "trade", "withdraw"]]);

    const items = await apply("keys_read_only", a.customerId);
    expect(results(items)).toEqual(["applied", "applied", "skipped"]);
    for (const i of items.filter((x) => x.result === "applied")) expect(i.previous?.perms?.length).toBeGreaterThan(1);
    expect(Object.values(await simPerms(a.subAcct))).toEqual([["read_only"], ["read_only"], ["read_only"]]);
    // The customer's own key can no longer trade.
    const refused = await a.client.placeOrder({ instId: "BTC-USDT", tdMode: "cash", side: "buy", ordType: "limit", px: "1000", sz: "0.001" }).catch((e: unknown) => e);
    expect(isOkxError(refused) ? refused.code : refused).toBe("50120");
    const audits = await db.auditLog.findMany({ where: { brandId, action: "apikey.modify", entityId: { in: items.map((i) => i.id) } } });
    expect(audits).toHaveLength(2);
    expect(audits.every((x) => x.actorType === "system")).toBe(true);

    expect(results(await apply("keys_read_only", a.customerId))).toEqual(["skipped", "skipped", "skipped"]);
  });

  it("records the exchange's refusal of one key and still makes the others read-only", { timeout: 60_000 }, async () => {
    const a = await funded();
    const gone = await createApiKey(ops, { subaccountId: a.subaccountId, label: uniqueLabel(), passphrase: TEST_PASSPHRASE, perms: ["trade"], ips: [] });
    // Deleted on the exchange behind Brokerdesk's back: the modify is refused.
    await broker().deleteApiKey({ subAcct: a.subAcct, apiKey: gone.apiKey });
    const items = await apply("keys_read_only", a.customerId);
    expect(items.find((i) => i.id === gone.key.id)).toMatchObject({ result: "failed", detail: expect.stringMatching(/^51000/) });
    expect(items.filter((i) => i.id !== gone.key.id).map((i) => i.result)).toEqual(["applied"]);
    expect(Object.values(await simPerms(a.subAcct))).toEqual([["read_only"]]);
  });
});

/** Stores a snapshot of the sub-account far over any exposure limit (10,000 notional on 1,000 equity). */
async function overExposed(subaccountId: string) {
  const at = new Date();
  const position = { instType: "SWAP", instId: "BTC-USDT-SWAP", posId: String(Date.now()), posSide: "net", pos: "1", mgnMode: "cross", avgPx: "1", markPx: "1", upl: null, uplRatio: null, lever: "", liqPx: null, mgnRatio: null, imr: null, notionalUsd: "10000", ccy: "USDT", cTime: at, uTime: at };
  const trading = { totalEq: "1000", mgnRatio: null, uTime: at, details: [{ ccy: "USDT", eq: "1000", cashBal: "1000", availBal: null, frozenBal: null, ordFrozen: null, upl: null, eqUsd: null, uTime: at }] };
  await writeSync(db, { brandId, subaccountId }, at, { balances: { trading, funding: [], prices: new Map([["USDT", new Decimal(1)]]) }, positions: { rows: [position], contractValues: new Map() } }, [
    { kind: "balances", failure: null },
    { kind: "positions", failure: null },
  ]);
}

const limitOf = (customerId: string, actions: string[]) =>
  db.riskLimit.create({ data: { brandId, scope: "customer", scopeId: customerId, kind: "exposure", threshold: "300", windowMinutes: 60, severity: "high", actions } });

describe("through an event", () => {
  it("applies the limit's actions in order — positions closed and orders cancelled before the keys lose trade — and staff undo restores each key's permissions", { timeout: 60_000 }, async () => {
    const a = await funded();
    await createApiKey(ops, { subaccountId: a.subaccountId, label: uniqueLabel(), passphrase: TEST_PASSPHRASE, perms: ["trade", "withdraw"], ips: ["127.0.0.1"] });
    await openPosition(a.client, "BTC-USDT-SWAP");
    await restingOrder(a.client, "BTC-USDT", "1000", "0.001");
    const before = await simPerms(a.subAcct);
    await limitOf(a.customerId, ["keys_read_only", "close_positions", "cancel_orders"]);
    await overExposed(a.subaccountId);

    expect(await evaluateCustomer(db, brandId, a.customerId)).toEqual({ opened: 1, applied: 3 });
    const event = await db.riskEvent.findFirstOrThrow({ where: { brandId, customerId: a.customerId } });
    const records = event.actions as unknown as ActionRecord[];
    expect(records.map((r) => [r.action, r.status])).toEqual([
      ["keys_read_only", "applied"],
      ["close_positions", "applied"],
      ["cancel_orders", "applied"],
    ]);
    expect(records[1]!.items).toEqual([expect.objectContaining({ type: "position", result: "applied" })]);
    expect(records[2]!.items).toEqual([expect.objectContaining({ type: "order", result: "applied" })]);
    expect(await openPositions(a.client)).toEqual([]);
    expect(Object.values(await simPerms(a.subAcct))).toEqual([["read_only"], ["read_only"]]);

    const undone = await undoAction(ops, { id: event.id, version: event.version, action: "keys_read_only", reason: "Customer topped up the account" });
    const undo = undone.actions.find((r) => r.action === "keys_read_only")!.undo!;
    expect(undo.items.map((i) => i.result)).toEqual(["applied", "applied"]);
    expect(await simPerms(a.subAcct)).toEqual(before);
    const restored = await db.subaccountApiKey.findMany({ where: { subaccountId: a.subaccountId } });
    expect(Object.fromEntries(restored.map((k) => [k.apiKey, [...k.perms].sort()]))).toEqual(before);
    const staffAudits = await db.auditLog.count({ where: { brandId, action: "apikey.modify", actorId: ops.actor.id, entityId: { in: restored.map((k) => k.id) } } });
    expect(staffAudits).toBe(2);

    // Closing positions cannot be undone.
    const current = await db.riskEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect((await refusal(undoAction(ops, { id: event.id, version: current.version, action: "close_positions", reason: "Reopen them" }))).reason).toBe("risk.errors.notUndoable");
  });

  it("undo leaves a key someone changed since as it is", { timeout: 60_000 }, async () => {
    const a = await funded();
    await limitOf(a.customerId, ["keys_read_only"]);
    await overExposed(a.subaccountId);
    await evaluateCustomer(db, brandId, a.customerId);
    const event = await db.riskEvent.findFirstOrThrow({ where: { brandId, customerId: a.customerId } });
    const [key] = await db.subaccountApiKey.findMany({ where: { subaccountId: a.subaccountId } });
    expect(key!.perms).toEqual(["read_only"]);
    // Staff gave it withdraw meanwhile (not trade, which it had).
    const { modifyApiKey } = await import("@/server/api-keys/service");
    await modifyApiKey(ops, { id: key!.id, version: key!.version, perms: ["withdraw"], ips: ["10.0.0.9"] });

    const undone = await undoAction(ops, { id: event.id, version: event.version, action: "keys_read_only", reason: "Customer topped up the account" });
    expect(undone.actions.find((r) => r.action === "keys_read_only")!.undo!.items).toEqual([{ type: "api_key", id: key!.id, result: "skipped", detail: "risk.items.keyChangedSince" }]);
    expect(Object.values(await simPerms(a.subAcct))).toEqual([["read_only", "withdraw"]]);
  });

  it("under the emergency stop each exchange action fails with the stop's words and sends nothing", { timeout: 60_000 }, async () => {
    const a = await funded();
    await openPosition(a.client, "BTC-USDT-SWAP");
    await restingOrder(a.client, "BTC-USDT", "1000", "0.001");
    await limitOf(a.customerId, ["alert", "cancel_orders", "close_positions", "keys_read_only"]);
    await overExposed(a.subaccountId);
    await stop.trigger();
    const sent = { batch: await stats(BATCH_PATH), close: await stats(CLOSE_PATH) };
    try {
      await evaluateCustomer(db, brandId, a.customerId);
    } finally {
      await stop.reset();
    }
    const event = await db.riskEvent.findFirstOrThrow({ where: { brandId, customerId: a.customerId } });
    const records = event.actions as unknown as ActionRecord[];
    expect(records.map((r) => [r.action, r.status])).toEqual([
      ["alert", "applied"],
      ["cancel_orders", "failed"],
      ["close_positions", "failed"],
      ["keys_read_only", "failed"],
    ]);
    for (const r of records.slice(1)) expect(r.error).toMatch(/stop/i);
    expect({ batch: await stats(BATCH_PATH), close: await stats(CLOSE_PATH) }).toEqual(sent);
    expect(await openPositions(a.client)).toHaveLength(1);
    expect(await a.client.ordersPending({})).toHaveLength(1);
    expect(Object.values(await simPerms(a.subAcct))).toEqual([["read_only", "trade"]]);
  });
});
