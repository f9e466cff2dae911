/**
 * The exchange-account sync against a simulator started here, over HTTP: sub-accounts and keys created
 * through Brokerdesk's own services (the secret stored sealed), orders and positions opened with the
 * sub-account's own key as the customer would. Every data kind, incremental fills/bills by bill-id cursor
 * (small pages), snapshots replaced, a sub-account without a usable key, 5xx / time-out / 429 on one kind
 * while the others still sync, another brand's sub-account untouchable, the queue's de-duplication, and
 * the read services over what was stored.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TenantContext } from "@/server/actor";
import { db } from "@/server/db/client";
import { processExchangeAccountSync } from "@/jobs/workers/exchange-account-sync";
import { listBills, listFills, listOpenOrders, listPositions } from "@/server/exchange-accounts/lists";
import { customerExchangeSummary } from "@/server/exchange-accounts/summary";
import { syncExchangeAccount, type ExchangeSyncDeps } from "@/server/exchange-accounts/sync";
import { requestSubaccountSync } from "@/server/exchange-accounts/sync-queue";
import { ENDPOINTS, type OkxClient } from "@/server/exchange/okx";
import { simAdmin, simClient, startSim, type SimHarness } from "@/server/exchange/okx/testing/sim-harness";
import { closeProducerConnection } from "@/server/queues/connection";
import { producerQueue } from "@/server/queues/registry";
import { ZBillListInput, ZFillListInput, ZOpenOrderListInput, ZPositionListInput } from "@/lib/exchange-accounts/schemas";
import { createTestCustomer } from "../cases/customers";
import { createTestSubaccount } from "../cases/deposits";
import { createTestBrand, createTestStaff, staffContext, uniqueSuffix } from "../helpers/db";
import { customerClient, tradingCustomer } from "../helpers/exchange-actions";

let sim: SimHarness;
let deps: ExchangeSyncDeps;
let ctx: TenantContext;
let otherCtx: TenantContext;

async function contextFor(brand: string): Promise<TenantContext> {
  const user = (await createTestStaff({ brandId: brand, role: "operations" })).user;
  return { ...(await staffContext(user, { tenantId: brand })), tenantId: brand };
}

/** A customer's new sub-account (spot + futures, net mode, flat) with USDT in trading and funding, and its own client. */
async function funded(c: TenantContext = ctx) {
  const tc = await tradingCustomer(c, { clientOptions: deps.clientOptions });
  await simClient(sim.url, null, { forBrand: c.tenantId }).setSubaccountLevel({ subAcct: tc.subAcct, acctLv: "2" });
  const client = await customerClient(c, tc.subaccountId, deps.clientOptions);
  await simAdmin(sim.url, "POST", "funds", { subAcct: tc.subAcct, account: "trading", ccy: "USDT", amt: "100000" }, c.tenantId);
  await simAdmin(sim.url, "POST", "funds", { subAcct: tc.subAcct, account: "funding", ccy: "USDT", amt: "2500" }, c.tenantId);
  for (const p of await client.accountPositions()) await client.closePosition({ instId: p.instId, mgnMode: p.mgnMode as "cross", posSide: p.posSide as "net", autoCxl: true });
  const open = await client.ordersPending();
  for (let i = 0; i < open.length; i += 20) await client.cancelBatchOrders({ orders: open.slice(i, i + 20).map((o) => ({ instId: o.instId, ordId: o.ordId })) });
  await simAdmin(sim.url, "POST", "position-mode", { subAcct: tc.subAcct, posMode: "net_mode" }, c.tenantId);
  return { ...tc, client };
}

async function restingOrder(client: OkxClient, px = "1000") {
  const [ack] = await client.placeOrder({ instId: "BTC-USDT", tdMode: "cash", side: "buy", ordType: "limit", px, sz: "0.001" });
  expect(ack!.sCode).toBe("0");
  return ack!.ordId;
}

async function marketSwap(client: OkxClient, side: "buy" | "sell", sz = "2") {
  const [ack] = await client.placeOrder({ instId: "BTC-USDT-SWAP", tdMode: "cross", side, ordType: "market", sz });
  expect(ack!.sCode).toBe("0");
}

const kindState = (subaccountId: string) => db.exchangeSyncKindState.findMany({ where: { subaccountId }, orderBy: { kind: "asc" } });
const kindOf = async (subaccountId: string, kind: string) => (await kindState(subaccountId)).find((k) => k.kind === kind);

beforeAll(async () => {
  sim = await startSim({ subaccounts: 1, deposits: 0 });
  // Small pages, so fills, bills and orders are read over several requests.
  deps = { db, clientOptions: { endpoints: { simulatorUrl: sim.url }, redis: null, timeoutMs: 1500, maxRetries: 0 }, pageSize: 2 };
  ctx = await contextFor((await createTestBrand()).id);
  otherCtx = await contextFor((await createTestBrand()).id);
});

afterAll(async () => {
  await producerQueue("exchange-account-sync").obliterate({ force: true }).catch(() => undefined);
  await closeProducerConnection();
  await sim?.close();
});

beforeEach(async () => {
  await sim.setFaults({});
});

describe("syncing a sub-account", () => {
  it("stores balances, positions, every open order, fills and bills, each kind marked fresh", async () => {
    const a = await funded();
    const orders = [await restingOrder(a.client, "1000"), await restingOrder(a.client, "1100"), await restingOrder(a.client, "1200")];
    await marketSwap(a.client, "buy", "2");

    const summary = await syncExchangeAccount(ctx.tenantId, a.subaccountId, deps);
    expect(summary).toMatchObject({ outcome: "synced", failures: {} });

    const balances = await db.exchangeBalance.findMany({ where: { subaccountId: a.subaccountId } });
    const tradingUsdt = balances.find((b) => b.account === "trading" && b.ccy === "USDT")!;
    expect(Number(tradingUsdt.total)).toBeGreaterThan(90_000);
    expect(tradingUsdt.valueUsdt?.toFixed()).toBe(tradingUsdt.total.toFixed());
    // The generated account holds some funding USDT of its own, plus the 2,500 added.
    const fundingUsdt = (await a.client.assetBalances({})).find((b) => b.ccy === "USDT")!;
    expect(balances.find((b) => b.account === "funding" && b.ccy === "USDT")?.total.toFixed()).toBe(fundingUsdt.bal);

    const [position] = await db.exchangePosition.findMany({ where: { subaccountId: a.subaccountId } });
    expect(position).toMatchObject({ instId: "BTC-USDT-SWAP", posSide: "net", mgnMode: "cross" });
    expect(position!.pos.toFixed()).toBe("2");
    expect(position!.markPx?.isPositive()).toBe(true);
    expect(position!.exposureUsd.isPositive()).toBe(true);

    // Three resting orders over pages of two.
    const stored = await db.exchangeOpenOrder.findMany({ where: { subaccountId: a.subaccountId } });
    expect(stored.map((o) => o.ordId).sort()).toEqual([...orders].sort());

    // The reference reads come right after the sync's pages: with retries, so a window the sync filled waits.
    const reference = await customerClient(ctx, a.subaccountId, { ...deps.clientOptions, maxRetries: 3 });
    const exchangeFills = await reference.fills({});
    expect(await db.exchangeFill.count({ where: { subaccountId: a.subaccountId } })).toBe(exchangeFills.length);
    const exchangeBills = await reference.accountBills({});
    expect(await db.exchangeBill.count({ where: { subaccountId: a.subaccountId } })).toBe(exchangeBills.length);

    const state = await db.exchangeSyncState.findUniqueOrThrow({ where: { subaccountId: a.subaccountId } });
    expect(state).toMatchObject({ noKeyReason: null, brandId: ctx.tenantId });
    expect(state.billsCursor).toBe(exchangeBills.map((b) => b.billId).sort((x, y) => (BigInt(x) > BigInt(y) ? -1 : 1))[0]);
    const kinds = await kindState(a.subaccountId);
    expect(kinds.map((k) => k.kind).sort()).toEqual(["balances", "bills", "fills", "orders", "positions"]);
    for (const k of kinds) expect(k).toMatchObject({ lastSuccessAt: expect.any(Date), errorCode: null });
    // A scheduled run that succeeded writes no audit row; the state is its record.
    expect(await db.auditLog.count({ where: { brandId: ctx.tenantId, entityId: a.subaccountId, action: { startsWith: "exchange_account." } } })).toBe(0);
  });

  it("reads fills and bills incrementally from the cursors, and replaces snapshots whole", async () => {
    const a = await funded();
    const ordId = await restingOrder(a.client);
    await marketSwap(a.client, "buy", "2");
    await syncExchangeAccount(ctx.tenantId, a.subaccountId, deps);
    const first = await db.exchangeSyncState.findUniqueOrThrow({ where: { subaccountId: a.subaccountId } });
    const fillsBefore = await db.exchangeFill.count({ where: { subaccountId: a.subaccountId } });
    const billsBefore = await db.exchangeBill.count({ where: { subaccountId: a.subaccountId } });

    // Close the position (two more fills' worth of activity: a sell) and cancel the order.
    await marketSwap(a.client, "sell", "2");
    await a.client.cancelOrder({ instId: "BTC-USDT", ordId });
    await sim.resetStats();
    await syncExchangeAccount(ctx.tenantId, a.subaccountId, deps, "manual");

    const second = await db.exchangeSyncState.findUniqueOrThrow({ where: { subaccountId: a.subaccountId } });
    expect(BigInt(second.fillsCursor!)).toBeGreaterThan(BigInt(first.fillsCursor!));
    expect(BigInt(second.billsCursor!)).toBeGreaterThan(BigInt(first.billsCursor!));
    const fills = await db.exchangeFill.findMany({ where: { subaccountId: a.subaccountId } });
    expect(fills.length).toBe((await a.client.fills({})).length);
    expect(fills.length).toBeGreaterThan(fillsBefore);
    expect(new Set(fills.map((f) => f.billId)).size).toBe(fills.length);
    expect(await db.exchangeBill.count({ where: { subaccountId: a.subaccountId } })).toBe((await a.client.accountBills({})).length);
    expect(await db.exchangeBill.count({ where: { subaccountId: a.subaccountId } })).toBeGreaterThan(billsBefore);
    // Incremental: the second run asked with the cursor (`before`), not for the whole history again.
    const fillsRequests = (await sim.statsOf("GET", ENDPOINTS.fills.path)).requests;
    expect(fillsRequests).toBeLessThanOrEqual(Math.ceil((fills.length - fillsBefore) / 2) + 1);

    // Snapshots: the closed position and the cancelled order are gone.
    expect(await db.exchangePosition.count({ where: { subaccountId: a.subaccountId } })).toBe(0);
    expect(await db.exchangeOpenOrder.count({ where: { subaccountId: a.subaccountId } })).toBe(0);
    // A staff-asked run is audited, with counts and no secrets.
    const [audit] = await db.auditLog.findMany({ where: { brandId: ctx.tenantId, entityId: a.subaccountId, action: "exchange_account.sync" } });
    expect(audit?.after).toMatchObject({ reason: "manual", outcome: "synced" });
  });

  it("records why a sub-account without a usable key cannot be read, and asks the exchange nothing", async () => {
    const customer = await createTestCustomer(ctx.tenantId);
    const sub = await createTestSubaccount(ctx.tenantId, { customerId: customer.id, subAcct: `nk${uniqueSuffix()}` });
    await db.subaccountApiKey.create({
      data: { brandId: ctx.tenantId, subaccountId: sub.id, apiKey: `k-${uniqueSuffix()}`, label: "seen", perms: ["read_only"], ips: [], exchangeCreatedAt: new Date() },
    });
    const bare = await createTestSubaccount(ctx.tenantId, { customerId: customer.id, subAcct: `nb${uniqueSuffix()}` });
    await sim.resetStats();

    expect(await syncExchangeAccount(ctx.tenantId, sub.id, deps)).toMatchObject({ outcome: "no_key", noKeyReason: "no_stored_secret" });
    expect((await sim.stats()).requests).toBe(0);
    expect(await db.exchangeSyncState.findUniqueOrThrow({ where: { subaccountId: sub.id } })).toMatchObject({ noKeyReason: "no_stored_secret" });

    const summary = await customerExchangeSummary(ctx, customer.id);
    expect(summary.subaccounts.find((s) => s.subaccountId === sub.id)).toMatchObject({ noKeyReason: "no_stored_secret" });
    expect(summary.subaccounts.find((s) => s.subaccountId === bare.id)).toMatchObject({ noKeyReason: "no_key", lastRunAt: null });
  });
});

describe("exchange failures during a sync", () => {
  it("a 5xx on positions is recorded against positions; the other kinds still sync and the last positions stay", async () => {
    const a = await funded();
    await marketSwap(a.client, "buy", "1");
    await syncExchangeAccount(ctx.tenantId, a.subaccountId, deps);
    const good = await kindOf(a.subaccountId, "positions");

    await restingOrder(a.client);
    await sim.setFaults({ status5xxRate: 1, paths: [ENDPOINTS.accountPositions.path] });
    const summary = await syncExchangeAccount(ctx.tenantId, a.subaccountId, deps);
    expect(summary.outcome).toBe("partial");
    expect(summary.failures.positions).toMatchObject({ code: "unavailable" });

    const positions = await kindOf(a.subaccountId, "positions");
    expect(positions).toMatchObject({ errorCode: "unavailable", lastFailureAt: expect.any(Date) });
    expect(positions!.lastSuccessAt?.getTime()).toBe(good!.lastSuccessAt?.getTime());
    expect(positions!.errorMessage).toContain("503");
    expect(await db.exchangePosition.count({ where: { subaccountId: a.subaccountId } })).toBe(1);
    // Orders were read in the same run.
    expect(await db.exchangeOpenOrder.count({ where: { subaccountId: a.subaccountId } })).toBe(1);
    expect(await kindOf(a.subaccountId, "orders")).toMatchObject({ errorCode: null });
    const [audit] = await db.auditLog.findMany({ where: { brandId: ctx.tenantId, entityId: a.subaccountId, action: "exchange_account.sync_incomplete" } });
    expect(audit?.after).toMatchObject({ outcome: "partial", failures: { positions: { code: "unavailable" } } });

    // The next good run clears the error.
    await sim.setFaults({});
    await syncExchangeAccount(ctx.tenantId, a.subaccountId, deps);
    expect(await kindOf(a.subaccountId, "positions")).toMatchObject({ errorCode: null, errorMessage: null });
  });

  it("a time-out on open orders and a 429 on bills are recorded per kind, never thrown", async () => {
    const a = await funded();
    await sim.setFaults({ timeoutRate: 1, paths: [ENDPOINTS.ordersPending.path] });
    // Fill the simulator's per-user bills window (5 per second) with a client that does not pace itself.
    const unpaced = await customerClient(ctx, a.subaccountId, { ...deps.clientOptions, limits: { accountBills: { count: 1000, windowMs: 1000 } } });
    await Promise.allSettled(Array.from({ length: 8 }, () => unpaced.accountBills({})));
    const summary = await syncExchangeAccount(ctx.tenantId, a.subaccountId, {
      ...deps,
      clientOptions: { ...deps.clientOptions, timeoutMs: 400, limits: { accountBills: { count: 1000, windowMs: 1000 } } },
    });
    expect(summary.failures.orders).toMatchObject({ code: "timeout" });
    expect(summary.failures.bills).toMatchObject({ code: "rate_limited" });
    expect(summary.failures.balances).toBeUndefined();
    expect(await kindOf(a.subaccountId, "orders")).toMatchObject({ errorCode: "timeout" });
    expect(await kindOf(a.subaccountId, "bills")).toMatchObject({ errorCode: "rate_limited" });
    expect(await kindOf(a.subaccountId, "balances")).toMatchObject({ errorCode: null, lastSuccessAt: expect.any(Date) });
  });
});

describe("brands", () => {
  it("another brand's sub-account is neither read nor written", async () => {
    const theirs = await funded(otherCtx);
    await sim.resetStats();
    expect(await syncExchangeAccount(ctx.tenantId, theirs.subaccountId, deps)).toMatchObject({ outcome: "not_found" });
    expect((await sim.stats()).requests).toBe(0);
    expect(await db.exchangeSyncState.findUnique({ where: { subaccountId: theirs.subaccountId } })).toBeNull();
    // The job with that pair does the same.
    expect(await processExchangeAccountSync({ brandId: ctx.tenantId, subaccountId: theirs.subaccountId, reason: "action" }, deps)).toMatchObject({ outcome: "not_found" });
    // And brand A's lists never show brand B's rows.
    await syncExchangeAccount(otherCtx.tenantId, theirs.subaccountId, deps);
    await marketSwap(theirs.client, "buy", "1");
    await syncExchangeAccount(otherCtx.tenantId, theirs.subaccountId, deps);
    const mine = await listPositions(ctx, ZPositionListInput.parse({ q: theirs.subAcct }));
    expect(mine.total).toBe(0);
    await expect(customerExchangeSummary(ctx, theirs.customerId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the queue", () => {
  it("de-duplicates a sub-account's sync while one waits, and the fan-out asks for each sub-account with a key", async () => {
    const queue = producerQueue("exchange-account-sync");
    await queue.obliterate({ force: true });
    const sub = (await createTestSubaccount(ctx.tenantId, { subAcct: `q${uniqueSuffix()}` })).id;
    const first = await requestSubaccountSync(ctx.tenantId, sub, "action");
    const second = await requestSubaccountSync(ctx.tenantId, sub, "manual");
    expect(first.outcome).toBe("queued");
    expect(second).toEqual({ jobId: first.jobId, outcome: "already_queued" });
    expect((await queue.getJob(first.jobId))?.data).toEqual({ brandId: ctx.tenantId, subaccountId: sub, reason: "action" });

    const a = await funded();
    const fanned = await processExchangeAccountSync({ brandId: ctx.tenantId }, deps);
    expect(fanned).toMatchObject({ brands: 1 });
    const waiting = (await queue.getJobs(["waiting", "prioritized"])).map((j) => (j.data as { subaccountId?: string }).subaccountId);
    expect(waiting).toContain(a.subaccountId);
    // The key-less sub-account is not fanned out (and its waiting job stays the one asked for first).
    expect(waiting.filter((id) => id === sub)).toHaveLength(1);
    await queue.obliterate({ force: true });
  });
});

describe("reading what was stored", () => {
  it("the summary, positions (largest exposure first), orders, fills and bills with filters", async () => {
    const a = await funded();
    await marketSwap(a.client, "buy", "1");
    const ordId = await restingOrder(a.client);
    await syncExchangeAccount(ctx.tenantId, a.subaccountId, deps);
    const b = await funded();
    await marketSwap(b.client, "buy", "5");
    await syncExchangeAccount(ctx.tenantId, b.subaccountId, deps);

    const summary = await customerExchangeSummary(ctx, a.customerId);
    expect(summary.subaccounts).toHaveLength(1);
    expect(summary.subaccounts[0]!.kinds.positions?.lastSuccessAt).toBeInstanceOf(Date);
    expect(summary.positions[0]).toMatchObject({ instId: "BTC-USDT-SWAP", direction: "long", pos: "1" });
    expect(summary.positions[0]!.markPx).toMatch(/^\d/);
    expect(summary.openOrders.map((o) => o.ordId)).toEqual([ordId]);
    const fundingUsdt = (await a.client.assetBalances({})).find((x) => x.ccy === "USDT")!;
    expect(summary.currencies.find((c) => c.ccy === "USDT")).toMatchObject({ funding: fundingUsdt.bal });
    expect(Number(summary.totalValueUsdt)).toBeGreaterThan(100_000);

    const page = await listPositions(ctx, ZPositionListInput.parse({ pageSize: 100 }));
    const exposures = page.rows.map((r) => Number(r.exposureUsd));
    expect(exposures).toEqual([...exposures].sort((x, y) => y - x));
    expect(page.rows.findIndex((r) => r.subaccountId === b.subaccountId)).toBeLessThan(page.rows.findIndex((r) => r.subaccountId === a.subaccountId));
    const shorts = await listPositions(ctx, ZPositionListInput.parse({ direction: "short", customerId: a.customerId }));
    expect(shorts.total).toBe(0);
    const byUid = await listPositions(ctx, ZPositionListInput.parse({ q: String((await db.customer.findUniqueOrThrow({ where: { id: a.customerId } })).uid) }));
    expect(byUid.rows.map((r) => r.subaccountId)).toEqual([a.subaccountId]);

    const orders = await listOpenOrders(ctx, ZOpenOrderListInput.parse({ q: ordId }));
    expect(orders.rows).toEqual([expect.objectContaining({ ordId, subAcct: a.subAcct, side: "buy", instId: "BTC-USDT" })]);

    const fills = await listFills(ctx, ZFillListInput.parse({ customerId: a.customerId, instId: "btc-usdt-swap", pageSize: 10 }));
    expect(fills.total).toBeGreaterThan(0);
    expect(fills.rows.every((f) => f.instId === "BTC-USDT-SWAP")).toBe(true);
    const bills = await listBills(ctx, ZBillListInput.parse({ customerId: a.customerId, type: "1", pageSize: 10 }));
    expect(bills.rows.map((r) => r.balChg)).toEqual(expect.arrayContaining(["100000"]));
  });
});
