/**
 * Deposit addresses and the deposit procedures through the real router, against the run's simulator
 * (brands without credentials reach it): create, list and change the receiving account — one setting for
 * all of a sub-account's addresses — with every change audited; bad input and exchange refusals answered
 * naming the field, changing nothing; a removed sub-account refused; the list's filters; "Sync now"
 * queueing one job per minute, and a clear message while Redis is down.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeProducerConnection, configureJobs, workerConnection } from "@/server/queues/connection";
import { producerQueue } from "@/server/queues/registry";
import { db } from "@/server/db/client";
import type { DepositAddressRow, DepositPage, StoredAddresses, AddressesResult } from "@/server/deposits/types";
import { env } from "@/server/env";
import { exchangeClientForBrand } from "@/server/exchange/brand-client";
import { createTestBrand, createTestStaff } from "../helpers/db";
import { createExchangeSubaccount, createTestDeposit, createTestSubaccount } from "../cases/deposits";
import { callAs } from "./fixture";
import { trpcRefusal as refusal } from "../helpers/refusal";

let brand: { id: string };
let ops: Awaited<ReturnType<typeof createTestStaff>>["user"];
const prefix = `bdtest-deposits-${randomUUID().slice(0, 8)}`;

const call = <T>(path: string, input?: unknown) => callAs(ops, brand.id, path, input) as Promise<T>;
const client = () => exchangeClientForBrand(db, brand.id);
const audits = (action: string) => db.auditLog.findMany({ where: { brandId: brand.id, action }, orderBy: { seq: "asc" } });

beforeAll(async () => {
  await configureJobs({ prefix, redisUrl: env.REDIS_URL });
  brand = await createTestBrand();
  ops = (await createTestStaff({ brandId: brand.id, role: "operations" })).user;
});

afterAll(async () => {
  await configureJobs({ prefix, redisUrl: env.REDIS_URL });
  await producerQueue("deposit-sync").obliterate({ force: true });
  await closeProducerConnection();
  const redis = workerConnection();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describe("deposit.refreshAddresses", () => {
  it("creates per currency and chain, lists what the exchange lists, and audits each creation", { timeout: 30_000 }, async () => {
    const sub = await createExchangeSubaccount(brand.id);
    const trc = await call<DepositAddressRow>("deposit.createAddress", { subaccountId: sub.id, ccy: "usdt", chain: "USDT-TRC20" });
    expect(trc).toMatchObject({ ccy: "USDT", chain: "USDT-TRC20", selected: true, memo: null });
    expect(trc.address).toBe(trc.addr);
    expect(trc.exchangeCreatedAt).toBeInstanceOf(Date);
    // No chain: the main chain.
    const main = await call<DepositAddressRow>("deposit.createAddress", { subaccountId: sub.id, ccy: "USDT" });
    expect(main.chain).toBe("USDT-ERC20");
    // SegWit for BTC.
    const btc = await call<DepositAddressRow>("deposit.createAddress", { subaccountId: sub.id, ccy: "BTC", addrType: "2" });
    expect(btc.address.startsWith("bc1q")).toBe(true);

    const listed = await (await client()).getDepositAddresses({ subAcct: sub.subAcct, ccy: "USDT" });
    const refreshed = await call<AddressesResult>("deposit.refreshAddresses", { subaccountId: sub.id, ccy: "USDT" });
    expect(refreshed.rows.map((r) => `${r.chain} ${r.addr}`).sort()).toEqual(listed.map((a) => `${a.chain} ${a.addr}`).sort());
    expect(refreshed.receivingAccount).toBe(listed[0].to);

    const stored = await call<StoredAddresses>("deposit.storedAddresses", { subaccountId: sub.id });
    expect(stored.subaccount).toMatchObject({ id: sub.id, subAcct: sub.subAcct, removed: false });
    expect(stored.rows.map((r) => r.id).sort()).toEqual([trc.id, main.id, btc.id].sort());

    const created = await audits("deposit_address.create");
    expect(created.map((a) => a.entityId)).toEqual([trc.id, main.id, btc.id]);
    expect(created[0].after).toMatchObject({ subAcct: sub.subAcct, ccy: "USDT", chain: "USDT-TRC20", addr: trc.addr });
  });

  it("keeps addresses that share one account apart by their memo, and shows the plain address", { timeout: 30_000 }, async () => {
    const sub = await createExchangeSubaccount(brand.id);
    const first = await call<DepositAddressRow>("deposit.createAddress", { subaccountId: sub.id, ccy: "EOS" });
    const second = await call<DepositAddressRow>("deposit.createAddress", { subaccountId: sub.id, ccy: "EOS" });
    expect(first.address).toBe("okbtothemoon");
    expect(second.address).toBe("okbtothemoon");
    expect(first.memo).not.toBe(second.memo);
    expect(first.addr).toBe(`okbtothemoon:${first.memo}`);
    const { rows } = await call<AddressesResult>("deposit.refreshAddresses", { subaccountId: sub.id, ccy: "EOS" });
    expect(rows).toHaveLength(2);
    // The stored "address:memo" is what the exchange takes back to change the receiving account.
    await call("deposit.setReceivingAccount", { subaccountId: sub.id, ccy: "EOS", chain: first.chain, addr: first.addr, to: "18" });
  });

  it("changes the receiving account for all of the sub-account's addresses, on the exchange and stored", { timeout: 30_000 }, async () => {
    const sub = await createExchangeSubaccount(brand.id);
    const usdt = await call<DepositAddressRow>("deposit.createAddress", { subaccountId: sub.id, ccy: "USDT", chain: "USDT-TRC20" });
    const eth = await call<DepositAddressRow>("deposit.createAddress", { subaccountId: sub.id, ccy: "ETH" });
    expect(usdt.receivingAccount).toBe("6");

    const result = await call("deposit.setReceivingAccount", { subaccountId: sub.id, ccy: "USDT", chain: usdt.chain, addr: usdt.addr, to: "18" });
    expect(result).toEqual({ receivingAccount: "18", addresses: 2 });
    const stored = await call<StoredAddresses>("deposit.storedAddresses", { subaccountId: sub.id });
    expect(stored.receivingAccount).toBe("18");
    expect(stored.rows.every((r) => r.receivingAccount === "18")).toBe(true);
    // The exchange says so for the other currency too.
    expect((await (await client()).getDepositAddresses({ subAcct: sub.subAcct, ccy: "ETH" })).every((a) => a.to === "18")).toBe(true);
    const [changed] = await audits("deposit_address.set_receiving_account").then((rows) => rows.filter((r) => r.entityId === sub.id));
    expect(changed.before).toEqual({ receivingAccount: "6" });
    expect(changed.after).toMatchObject({ receivingAccount: "18", addresses: 2 });

    // A receiving account given at creation is the sub-account's setting too.
    await call("deposit.createAddress", { subaccountId: sub.id, ccy: "TRX", to: "6" });
    const after = await call<StoredAddresses>("deposit.storedAddresses", { subaccountId: sub.id });
    expect(after.rows.map((r) => r.receivingAccount)).toEqual(["6", "6", "6"]);
    expect(after.rows.map((r) => r.id)).toContain(eth.id);
  });

  it("refuses bad input and exchange refusals naming the field, and changes nothing", { timeout: 30_000 }, async () => {
    const sub = await createExchangeSubaccount(brand.id);
    const made = await call<DepositAddressRow>("deposit.createAddress", { subaccountId: sub.id, ccy: "USDT" });
    const before = { addresses: await db.depositAddress.count({ where: { brandId: brand.id } }), audit: await db.auditLog.count({ where: { brandId: brand.id } }) };

    expect(await refusal(call("deposit.createAddress", { subaccountId: sub.id, ccy: "BT C" }))).toMatchObject({ code: "BAD_REQUEST", field: "ccy" });
    expect(await refusal(call("deposit.createAddress", { subaccountId: sub.id, ccy: "ETH", addrType: "2" }))).toMatchObject({ code: "BAD_REQUEST", field: "addrType" });
    expect(await refusal(call("deposit.createAddress", { subaccountId: sub.id, ccy: "USDT", to: "7" }))).toMatchObject({ code: "BAD_REQUEST", field: "to" });
    expect(await refusal(call("deposit.createAddress", { subaccountId: "nope", ccy: "USDT" }))).toMatchObject({ code: "BAD_REQUEST", field: "subaccountId" });
    // The exchange's own refusals: an unknown currency, a chain of another currency, an address it does not have.
    const ccy = await refusal(call("deposit.createAddress", { subaccountId: sub.id, ccy: "NOSUCHCOIN" }));
    expect(ccy).toMatchObject({ code: "BAD_REQUEST", field: "ccy", reason: "deposits.errors.exchangeRefused.ccy" });
    expect(ccy.message).toMatch(/currency.*OKX 51000/);
    expect(await refusal(call("deposit.createAddress", { subaccountId: sub.id, ccy: "USDT", chain: "BTC-Bitcoin" }))).toMatchObject({ code: "BAD_REQUEST", field: "chain" });
    const addr = await refusal(call("deposit.setReceivingAccount", { subaccountId: sub.id, ccy: "USDT", addr: `${made.addr}x`, to: "18" }));
    expect(addr).toMatchObject({ code: "BAD_REQUEST", field: "addr", reason: "deposits.errors.exchangeRefused.addr" });
    expect(addr.message).toMatch(/no such deposit address/);
    // A sub-account the exchange does not know.
    const ghost = await createTestSubaccount(brand.id);
    expect(await refusal(call("deposit.createAddress", { subaccountId: ghost.id, ccy: "USDT" }))).toMatchObject({ code: "BAD_REQUEST", field: "subaccountId" });
    // Another brand's (or no) sub-account.
    expect(await refusal(call("deposit.createAddress", { subaccountId: randomUUID(), ccy: "USDT" }))).toMatchObject({ code: "NOT_FOUND" });

    expect(await db.depositAddress.count({ where: { brandId: brand.id } })).toBe(before.addresses);
    expect(await db.auditLog.count({ where: { brandId: brand.id } })).toBe(before.audit);
  });

  it("refuses every exchange action for a removed sub-account but still shows what is stored", { timeout: 30_000 }, async () => {
    const sub = await createExchangeSubaccount(brand.id);
    const made = await call<DepositAddressRow>("deposit.createAddress", { subaccountId: sub.id, ccy: "SOL" });
    await db.subaccount.update({ where: { id: sub.id }, data: { removedAt: new Date() } });
    const auditBefore = await db.auditLog.count({ where: { brandId: brand.id } });

    for (const [path, input] of [
      ["deposit.createAddress", { subaccountId: sub.id, ccy: "SOL" }],
      ["deposit.setReceivingAccount", { subaccountId: sub.id, ccy: "SOL", addr: made.addr, to: "18" }],
      ["deposit.refreshAddresses", { subaccountId: sub.id, ccy: "SOL" }],
    ] as const) {
      const r = await refusal(call(path, input));
      expect(r, path).toMatchObject({ code: "CONFLICT", field: "subaccountId", reason: "deposits.errors.subaccountRemoved" });
      expect(r.message).toMatch(/removed from the exchange/);
    }
    const stored = await call<StoredAddresses>("deposit.storedAddresses", { subaccountId: sub.id });
    expect(stored.subaccount.removed).toBe(true);
    expect(stored.rows.map((r) => r.id)).toEqual([made.id]);
    expect(stored.rows[0].receivingAccount).toBe("6");
    expect(await db.auditLog.count({ where: { brandId: brand.id } })).toBe(auditBefore);
  });
});

describe("deposit list and sync", () => {
  it("filters by currency, state, time, sub-account, customer and search", async () => {
    const own = await createTestBrand();
    const user = (await createTestStaff({ brandId: own.id, role: "compliance" })).user;
    const list = (input: Record<string, unknown>) => callAs(user, own.id, "deposit.list", { page: 1, pageSize: 50, ...input }) as Promise<DepositPage>;
    const customer = await db.customer.create({ data: { brandId: own.id, name: "Filter Person", email: `f-${randomUUID().slice(0, 8)}@example.test`, country: "SG", registrationSource: "backoffice" } });
    const linked = await createTestSubaccount(own.id, { customerId: customer.id });
    const other = await createTestSubaccount(own.id);
    const d1 = await createTestDeposit(own.id, { subAcct: linked.subAcct, subaccountId: linked.id, ccy: "BTC", chain: "BTC-Bitcoin", amount: "0.000000000000000001", state: 0, exchangeTs: new Date("2026-03-01T10:00:00Z") });
    const d2 = await createTestDeposit(own.id, { subAcct: other.subAcct, subaccountId: other.id, ccy: "USDT", state: 13, exchangeTs: new Date("2026-03-02T23:59:59.999Z") });
    const d3 = await createTestDeposit(own.id, { subAcct: linked.subAcct, subaccountId: linked.id, ccy: "USDT", state: 2, exchangeTs: new Date("2026-03-03T00:00:00Z") });

    const ids = (p: DepositPage) => p.rows.map((r) => r.depId);
    expect(ids(await list({}))).toEqual([d3.depId, d2.depId, d1.depId]);
    expect(ids(await list({ dir: "asc" }))).toEqual([d1.depId, d2.depId, d3.depId]);
    expect(ids(await list({ ccy: ["USDT"] }))).toEqual([d3.depId, d2.depId]);
    expect(ids(await list({ ccy: "btc" }))).toEqual([d1.depId]);
    expect(ids(await list({ state: ["0", "13"] }))).toEqual([d2.depId, d1.depId]);
    expect(ids(await list({ dateFrom: "2026-03-02", dateTo: "2026-03-02" }))).toEqual([d2.depId]);
    expect(ids(await list({ customerId: customer.id }))).toEqual([d3.depId, d1.depId]);
    expect(ids(await list({ subaccountId: other.id }))).toEqual([d2.depId]);
    expect(ids(await list({ q: d2.txId }))).toEqual([d2.depId]);
    expect(ids(await list({ q: linked.subAcct }))).toEqual([d3.depId, d1.depId]);
    const [tiny] = (await list({ q: d1.depId })).rows;
    expect(tiny).toMatchObject({ amount: "0.000000000000000001", state: "0", customerName: "Filter Person", subAcct: linked.subAcct });
    expect((await refusal(list({ state: ["3"] }))).code).toBe("BAD_REQUEST");
    expect(await refusal(list({ cursor: "garbage" }))).toMatchObject({ field: "cursor", reason: "errors.invalidCursor", message: "Invalid page cursor" });
  });

  it("reports the sync status and queues one sync per minute on request", async () => {
    const status = await call<{ cursorTs: Date | null; lastRun: unknown }>("deposit.syncStatus");
    expect(status).toMatchObject({ cursorTs: null, lastRun: null });
    const first = await call<{ jobId: string; duplicate: boolean }>("deposit.syncNow");
    const second = await call<{ jobId: string; duplicate: boolean }>("deposit.syncNow");
    expect(first.duplicate).toBe(false);
    // Within the same minute it is the same job (a minute boundary between the calls makes a second one).
    if (second.jobId === first.jobId) expect(second.duplicate).toBe(true);
    expect((await producerQueue("deposit-sync").getJob(first.jobId))?.data).toEqual({ brandId: brand.id });
    expect((await audits("deposit.sync_requested")).length).toBeGreaterThanOrEqual(1);
  });

  it("says clearly that a sync cannot be started while Redis is down, and audits nothing", { timeout: 20_000 }, async () => {
    const before = await db.auditLog.count({ where: { brandId: brand.id } });
    await configureJobs({ prefix, redisUrl: "redis://127.0.0.1:1" });
    try {
      const r = await refusal(call("deposit.syncNow"));
      expect(r).toMatchObject({ code: "CONFLICT", reason: "deposits.errors.queueUnavailable" });
      expect(r.message).toMatch(/Redis.*cannot be reached/);
    } finally {
      await configureJobs({ prefix, redisUrl: env.REDIS_URL });
    }
    expect(await db.auditLog.count({ where: { brandId: brand.id } })).toBe(before);
  });
});
