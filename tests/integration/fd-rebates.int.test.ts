/**
 * FD rebate files end to end against the simulator over HTTP: a day's file is requested, followed until the
 * exchange has made it, downloaded (gzip) and imported; its rows carry only order ids, so they stay
 * unattributed until the brand reports who placed the orders, and the rebate-files job then gives exactly
 * those rows their customer and moves their daily sums. Rows whose order was linked before the import are
 * attributed by the import. A row of another broker is refused with its line; an overlapping file adds
 * nothing twice; the same range again is the same file.
 */
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { ENDPOINTS } from "@/server/exchange/okx";
import { silentLogger } from "@/server/exchange/okx/logger";
import { simClient, startSim, type SimHarness } from "@/server/exchange/okx/testing/sim-harness";
import { attributeLinkedFdRebates } from "@/server/rebates/fd-attribution";
import { requestRebateFiles } from "@/server/rebates/files";
import { recordOrderLinks } from "@/server/rebates/order-links";
import { runRebateFiles } from "@/server/rebates/runner";
import { newFileKey, storeStream } from "@/server/rebates/storage";
import { pipelineDeps, runUntilSettled, storedRows } from "../helpers/rebates";
import { prefixedRedis } from "../helpers/redis";
import { createTestBrand, createTestStaff, staffContext, uniqueSuffix } from "../helpers/db";
import { importStoredFile } from "@/server/rebates/import";

const ROWS = 300;
let sim: SimHarness;
const limiter = prefixedRedis("fd-rebates");
const redis = limiter.redis;

beforeAll(async () => {
  sim = await startSim({ subaccounts: 0, deposits: 0, rebateRows: ROWS });
});

afterAll(async () => {
  await sim?.close();
  await limiter.close();
});

const deps = () => pipelineDeps(sim.url, redis);
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const SUMMED = ["spot_trade_amt", "derivative_trade_amt", "fee", "net_fee", "settlement_fee", "broker_rebate", "sub_broker_rebate", "user_rebate"] as const;

/** An FD brand on the simulator whose broker code is its simulated account's, with an operations member and customers. */
async function fdBrand(customers = 3) {
  const brand = await createTestBrand({ rebateFileKinds: ["fd_rebates"] });
  const { brokerCode } = await simClient(sim.url, null, { forBrand: brand.id, logger: silentLogger }).ifRebate({ apiKey: "any" });
  await db.brand.update({ where: { id: brand.id }, data: { brokerCode } });
  const { user } = await createTestStaff({ brandId: brand.id, role: "operations" });
  const ctx = { ...(await staffContext(user)), tenantId: brand.id };
  const people = [];
  for (let i = 0; i < customers; i++) {
    people.push(await db.customer.create({ data: { brandId: brand.id, name: `Trader ${i}`, email: `fd${i}.${randomUUID()}@example.test`, country: "SG", registrationSource: "api" } }));
  }
  return { brand: { ...brand, brokerCode: brokerCode! }, ctx, customers: people };
}

/** The rows' sums and the daily sums, per customer (null: unattributed), as exact decimal text. */
async function sumsByCustomer(brandId: string) {
  const list = SUMMED.map((c) => `sum(${c})::text AS ${c}`).join(", ");
  const rows = await db.$queryRawUnsafe<Record<string, string | number | null>[]>(
    `SELECT customer_id::text AS customer, count(*)::int AS orders, ${list} FROM fd_rebate WHERE brand_id = $1::uuid GROUP BY 1 ORDER BY 1 NULLS FIRST`,
    brandId,
  );
  const daily = await db.$queryRawUnsafe<Record<string, string | number | null>[]>(
    `SELECT customer_id::text AS customer, sum(orders)::int AS orders, ${list} FROM fd_rebate_daily WHERE brand_id = $1::uuid GROUP BY 1 ORDER BY 1 NULLS FIRST`,
    brandId,
  );
  return { rows, daily };
}

describe("FD rebate files", () => {
  it("requests, downloads and imports a day's file; links reported later attribute exactly their rows", { timeout: 60_000 }, async () => {
    const { brand, ctx, customers } = await fdBrand(3);
    await sim.resetStats();
    const { ids } = await requestRebateFiles(ctx, { kind: "fd_rebates", begin: yesterday(), end: yesterday() });
    const file = await runUntilSettled(deps(), brand.id, ids[0]);
    expect(file).toMatchObject({ state: "imported", rowsTotal: ROWS, rowsRefused: 0, errorKey: null });

    // What the exchange wrote is what was imported, to the last decimal; every row carries the brand's code.
    const rows = await storedRows(file.storageKey!);
    expect(rows).toHaveLength(ROWS);
    expect(new Set(rows.map((r) => r.brokerCode))).toEqual(new Set([brand.brokerCode]));
    const keys = new Set(rows.map((r) => `${r.ordId}|${new Date(Number(r.ts)).toISOString().slice(0, 10)}`));
    expect(file.rowsAdded).toBe(keys.size);
    expect(file.rowsUnmatched).toBe(keys.size);
    const [expected] = await db.$queryRaw<{ broker: string; user: string }[]>`
      SELECT sum(b)::numeric(36, 18)::text AS broker, sum(u)::numeric(36, 18)::text AS user
      FROM unnest(${rows.map((r) => r.brokerRebate)}::numeric[], ${rows.map((r) => r.userRebate)}::numeric[]) AS t(b, u)`;
    const before = await sumsByCustomer(brand.id);
    expect(before.rows).toEqual(before.daily);
    expect(before.rows).toHaveLength(1);
    expect(before.rows[0]).toMatchObject({ customer: null, orders: keys.size, broker_rebate: expected.broker, user_rebate: expected.user });
    // Days are the UTC day of the order's last fill: the requested day, end inclusive.
    expect(await db.fdRebate.count({ where: { brandId: brand.id, NOT: { day: new Date(`${yesterday()}T00:00:00Z`) } } })).toBe(0);

    // The brand reports who placed some of the orders: nothing changes until the job's next pass, which
    // gives those rows (and only those) their customer and moves their sums.
    const linked = rows.slice(0, 30).map((r, i) => ({ ordId: r.ordId, uid: customers[i % 3].uid.toString() }));
    expect(await recordOrderLinks(ctx, linked)).toEqual({ received: 30, created: 30, unchanged: 0 });
    expect(await db.fdRebate.count({ where: { brandId: brand.id, customerId: { not: null } } })).toBe(0);
    const run = await runRebateFiles(deps(), { brandId: brand.id });
    const linkedOrders = new Set(linked.map((l) => l.ordId));
    const linkedRows = [...keys].filter((k) => linkedOrders.has(k.split("|")[0])).length;
    expect(run.fdAttributed).toBe(linkedRows);
    for (const [i, customer] of customers.entries()) {
      const theirs = new Set(linked.filter((_, j) => j % 3 === i).map((l) => l.ordId));
      const got = await db.fdRebate.findMany({ where: { brandId: brand.id, customerId: customer.id }, select: { ordId: true } });
      expect(new Set(got.map((g) => g.ordId))).toEqual(theirs);
    }
    const after = await sumsByCustomer(brand.id);
    expect(after.daily).toEqual(after.rows);
    expect(after.rows.reduce((n, r) => n + Number(r.orders), 0)).toBe(keys.size);
    // Each link is applied once: the next pass finds nothing to do.
    expect((await runRebateFiles(deps(), { brandId: brand.id })).fdAttributed).toBe(0);
    expect(await db.fdOrderLink.count({ where: { brandId: brand.id, attributedAt: null } })).toBe(0);

    // The same range again (an hour later): the exchange hands the same file; nothing is added twice.
    await sim.resetLimits();
    await limiter.clear();
    const again = await requestRebateFiles(ctx, { kind: "fd_rebates", begin: yesterday(), end: yesterday() });
    expect(await runUntilSettled(deps(), brand.id, again.ids[0])).toMatchObject({ state: "imported", duplicateOfId: file.id, rowsAdded: 0 });
    expect(await db.fdRebate.count({ where: { brandId: brand.id } })).toBe(keys.size);
    expect((await sim.stats()).rateLimited).toBe(0);
    expect((await sim.statsOf("POST", ENDPOINTS.createRebateFile.path)).rateLimited).toBe(0);
  });

  it("a file of another broker's rows is refused with each line, and nothing is kept", { timeout: 60_000 }, async () => {
    const { brand, ctx } = await fdBrand(0);
    await db.brand.update({ where: { id: brand.id }, data: { brokerCode: "NOT-THE-SIMS" } });
    await sim.resetLimits();
    await limiter.clear();
    const { ids } = await requestRebateFiles(ctx, { kind: "fd_rebates", begin: yesterday(), end: yesterday() });
    const file = await runUntilSettled(deps(), brand.id, ids[0]);
    expect(file).toMatchObject({ state: "failed", errorKey: "rebates.errors.rowsRefused", rowsRefused: ROWS });
    const errors = await db.rebateFileError.findMany({ where: { fileId: file.id }, orderBy: { line: "asc" }, take: 3 });
    expect(errors.map((e) => [e.line, e.field, e.value, e.reason])).toEqual([2, 3, 4].map((line) => [line, "brokerCode", brand.brokerCode, "otherBroker"]));
    expect(await db.fdRebate.count({ where: { brandId: brand.id } })).toBe(0);
  });
});

describe("FD rows by their natural key (order + day) and their links", () => {
  const header = "brokerCode,level,instId,ordId,spotTradeAmt,derivativeTradeAmt,fee,netFee,settlementFee,brokerRebate,suBrokerRebate,userRebate,affiliated,ts";
  const DAY1 = Date.parse("2026-11-02T10:00:00Z");
  const DAY2 = Date.parse("2026-11-03T23:59:59.999Z");
  const line = (code: string, ordId: string, ts: number, affiliated = false) => `${code},VIP1,BTC-USDT-SWAP,${ordId},0,1000,0.5,0.45,0.4,0.12,0.01,0.04,${affiliated},${ts}`;

  async function importLines(brandId: string, lines: string[]) {
    const storageKey = newFileKey(brandId);
    await storeStream(storageKey, Readable.from([Buffer.from(`${[header, ...lines].join("\n")}\n`)]));
    const f = await db.rebateFile.create({
      data: { brandId, kind: "fd_rebates", beginDay: new Date("2026-11-02"), endDay: new Date("2026-11-03"), trigger: "manual", state: "importing", storageKey },
    });
    return { id: f.id, outcome: await importStoredFile({ id: f.id, brandId, kind: "fd_rebates", storageKey }) };
  }

  it("an overlapping file adds only new order-days, and an order on two days is two rows", async () => {
    const code = `FD${uniqueSuffix()}`;
    const brand = await createTestBrand({ brokerCode: code, rebateFileKinds: ["fd_rebates"] });
    const a = await importLines(brand.id, [line(code, "11", DAY1), line(code, "11", DAY2), line(code, "12", DAY1), line(code, "12", DAY1)]);
    expect(a.outcome).toMatchObject({ status: "imported", rowsTotal: 4, rowsAdded: 3, rowsDuplicate: 1, rowsUnmatched: 3 });
    const b = await importLines(brand.id, [line(code, "11", DAY2), line(code, "12", DAY1), line(code, "13", DAY2, true)]);
    expect(b.outcome).toMatchObject({ status: "imported", rowsTotal: 3, rowsAdded: 1, rowsDuplicate: 2 });
    const rows = await db.fdRebate.findMany({ where: { brandId: brand.id }, orderBy: [{ ordId: "asc" }, { day: "asc" }] });
    expect(rows.map((r) => [r.ordId, r.day.toISOString().slice(0, 10), r.instFamily, r.affiliated])).toEqual([
      ["11", "2026-11-02", "SWAP", false],
      ["11", "2026-11-03", "SWAP", false],
      ["12", "2026-11-02", "SWAP", false],
      ["13", "2026-11-03", "SWAP", true],
    ]);
    const daily = await db.fdRebateDaily.findMany({ where: { brandId: brand.id }, orderBy: [{ day: "asc" }, { affiliated: "asc" }] });
    expect(daily.map((d) => [d.day.toISOString().slice(0, 10), d.affiliated, d.customerId, d.orders, d.brokerRebate.toString()])).toEqual([
      ["2026-11-02", false, null, 2, "0.24"],
      ["2026-11-03", false, null, 1, "0.12"],
      ["2026-11-03", true, null, 1, "0.12"],
    ]);
  });

  it("a row whose order was linked before the import is attributed by the import", async () => {
    const code = `FD${uniqueSuffix()}`;
    const brand = await createTestBrand({ brokerCode: code, rebateFileKinds: ["fd_rebates"] });
    const { user } = await createTestStaff({ brandId: brand.id, role: "operations" });
    const ctx = { ...(await staffContext(user)), tenantId: brand.id };
    const customer = await db.customer.create({ data: { brandId: brand.id, name: "Early", email: `early.${randomUUID()}@example.test`, country: "SG", registrationSource: "api" } });
    await recordOrderLinks(ctx, [{ ordId: "21", uid: customer.uid.toString() }]);
    const { outcome } = await importLines(brand.id, [line(code, "21", DAY1), line(code, "22", DAY1)]);
    expect(outcome).toMatchObject({ status: "imported", rowsAdded: 2, rowsUnmatched: 1 });
    const daily = await db.fdRebateDaily.findMany({ where: { brandId: brand.id }, orderBy: { customerId: { sort: "asc", nulls: "last" } } });
    expect(daily.map((d) => [d.customerId, d.orders])).toEqual([
      [customer.id, 1],
      [null, 1],
    ]);
    // Applying the (already used) link later moves nothing.
    expect(await attributeLinkedFdRebates({ db }, brand.id)).toBe(0);
  });

  it("waits while one of the brand's FD files is being imported, then attributes", async () => {
    const code = `FD${uniqueSuffix()}`;
    const brand = await createTestBrand({ brokerCode: code, rebateFileKinds: ["fd_rebates"] });
    const { user } = await createTestStaff({ brandId: brand.id, role: "operations" });
    const ctx = { ...(await staffContext(user)), tenantId: brand.id };
    const customer = await db.customer.create({ data: { brandId: brand.id, name: "Late", email: `late.${randomUUID()}@example.test`, country: "SG", registrationSource: "api" } });
    await importLines(brand.id, [line(code, "31", DAY1)]);
    const busy = await db.rebateFile.create({
      data: { brandId: brand.id, kind: "fd_rebates", beginDay: new Date("2026-11-04"), endDay: new Date("2026-11-04"), trigger: "manual", state: "importing" },
    });
    await recordOrderLinks(ctx, [{ ordId: "31", uid: customer.uid.toString() }]);
    expect(await attributeLinkedFdRebates({ db }, brand.id)).toBe(0);
    expect(await db.fdOrderLink.count({ where: { brandId: brand.id, attributedAt: null } })).toBe(1);
    await db.rebateFile.update({ where: { id: busy.id }, data: { state: "failed" } });
    expect(await attributeLinkedFdRebates({ db }, brand.id)).toBe(1);
    const daily = await db.fdRebateDaily.findMany({ where: { brandId: brand.id } });
    // The unattributed bucket the move emptied is gone; the customer's holds the row.
    expect(daily.map((d) => [d.customerId, d.orders, d.fee.toString()])).toEqual([[customer.id, 1, "0.5"]]);
  });

  it("refuses a link to another brand's customer, an order linked elsewhere, and a call of too many links, changing nothing", async () => {
    const code = `FD${uniqueSuffix()}`;
    const brand = await createTestBrand({ brokerCode: code });
    const other = await createTestBrand();
    const { user } = await createTestStaff({ brandId: brand.id, role: "operations" });
    const ctx = { ...(await staffContext(user)), tenantId: brand.id };
    const mine = await db.customer.create({ data: { brandId: brand.id, name: "Mine", email: `m.${randomUUID()}@example.test`, country: "SG", registrationSource: "api" } });
    const theirs = await db.customer.create({ data: { brandId: other.id, name: "Theirs", email: `t.${randomUUID()}@example.test`, country: "SG", registrationSource: "api" } });
    await expect(recordOrderLinks(ctx, [{ ordId: "41", uid: mine.uid.toString() }, { ordId: "42", uid: theirs.uid.toString() }])).rejects.toMatchObject({
      code: "VALIDATION",
      field: "links.1.uid",
      reason: "rebates.errors.unknownCustomerUid",
    });
    expect(await db.fdOrderLink.count({ where: { brandId: brand.id } })).toBe(0);
    expect(await recordOrderLinks(ctx, [{ ordId: "41", uid: mine.uid.toString() }])).toEqual({ received: 1, created: 1, unchanged: 0 });
    expect(await recordOrderLinks(ctx, [{ ordId: "41", uid: mine.uid.toString() }])).toEqual({ received: 1, created: 0, unchanged: 1 });
    const second = await db.customer.create({ data: { brandId: brand.id, name: "Second", email: `s.${randomUUID()}@example.test`, country: "SG", registrationSource: "api" } });
    await expect(recordOrderLinks(ctx, [{ ordId: "43", uid: second.uid.toString() }, { ordId: "41", uid: second.uid.toString() }])).rejects.toMatchObject({
      code: "CONFLICT",
      field: "links.1.ordId",
    });
    await expect(recordOrderLinks(ctx, [{ ordId: "44", uid: mine.uid.toString() }, { ordId: "44", uid: second.uid.toString() }])).rejects.toMatchObject({ field: "links.1.ordId" });
    await expect(recordOrderLinks(ctx, Array.from({ length: 1001 }, (_, i) => ({ ordId: String(i), uid: mine.uid.toString() })))).rejects.toMatchObject({ field: "links" });
    expect((await db.fdOrderLink.findMany({ where: { brandId: brand.id } })).map((l) => [l.ordId, l.customerId])).toEqual([["41", mine.id]]);
    expect(await db.auditLog.count({ where: { brandId: brand.id, action: "rebate.order_links_recorded" } })).toBe(1);
  });
});
