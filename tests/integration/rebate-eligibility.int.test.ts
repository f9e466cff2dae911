/**
 * The rebate-eligibility check against the simulator over HTTP (signed): a customer's stored key and a
 * pasted one, through both of the exchange's checks (FD broker: reason 0–3, ratio, the VIP4/5 monthly cap;
 * affiliate: invited or not), and each kind of exchange failure worded as its own refusal — no answer, 5xx,
 * 429/50011, the checked key refused (on its field), the brand's own key refused. Nothing is written.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import type { BrandClientOptions } from "@/server/exchange/brand-client";
import { ENDPOINTS } from "@/server/exchange/okx";
import { silentLogger } from "@/server/exchange/okx/logger";
import { startSim, type SimHarness } from "@/server/exchange/okx/testing/sim-harness";
import { checkRebateEligibility, customerRebateKeys } from "@/server/rebates/if-rebate";
import type { AffiliateEligibility, FdEligibility } from "@/lib/rebates/eligibility";
import { createSimKey, createTestKeyRow, createTestSubaccount } from "../cases/api-keys";
import { createTestCustomer } from "../cases/customers";
import { prefixedRedis } from "../helpers/redis";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";

let sim: SimHarness;
const limiter = prefixedRedis("rebate-eligibility");

beforeAll(async () => {
  // No 50011 from the simulator itself: the search for each reason type below asks many keys in a row.
  sim = await startSim({ rateLimits: false, deposits: 0 });
});
afterAll(async () => {
  await sim?.close();
  await limiter.close();
});

const options = (extra: BrandClientOptions = {}): BrandClientOptions => ({ endpoints: { simulatorUrl: sim.url }, redis: limiter.redis, logger: silentLogger, ...extra });
const deps = (extra: BrandClientOptions = {}) => ({ clientOptions: options(extra) });

async function brand() {
  const b = await createTestBrand();
  const { user } = await createTestStaff({ brandId: b.id, role: "operations" });
  return { brand: b, ctx: { ...(await staffContext(user)), tenantId: b.id } };
}

/**
 * The one brand whose keys are made on the simulator (createSimKey remembers one simulator account's
 * sub-account names per simulator, so a second brand would be given the first one's).
 */
let keyBrand: ReturnType<typeof brand> | undefined;
const simKeyBrand = () => (keyBrand ??= brand());

/** A key no account of the simulator holds, numbered. */
const outsideKey = (i: number) => `5e1f0c2a-0000-4000-8000-${String(i).padStart(12, "0")}`;

describe("the FD broker check", () => {
  it("answers for a customer's stored key: eligible, with the customer and the ratio, no secret anywhere", async () => {
    const { brand: b, ctx } = await simKeyBrand();
    const { sub, row, created } = await createSimKey(b.id, options());
    const customer = await createTestCustomer(b.id);
    await db.subaccount.update({ where: { id: sub.id }, data: { customerId: customer.id } });
    const auditBefore = await db.auditLog.count({ where: { brandId: b.id } });

    const r = (await checkRebateEligibility(ctx, { program: "fd", source: "stored", apiKeyId: row.id }, deps())) as FdEligibility;
    expect(r).toMatchObject({
      program: "fd",
      reason: "0",
      eligible: true,
      usingSimulator: true,
      brokerCode: expect.stringMatching(/SCDE$/),
      clientRebateRatio: expect.stringMatching(/^0(\.[12])?$/),
      monthlyRebate: null,
      monthlyCap: null,
      key: { subAcct: sub.subAcct, label: row.label, customer: { id: customer.id, name: customer.name } },
    });
    expect(r.key.apiKeyMasked).not.toBe(created.apiKey);
    expect(JSON.stringify(r)).not.toContain(created.secretKey);
    // A read: no audit row, nothing changed.
    expect(await db.auditLog.count({ where: { brandId: b.id } })).toBe(auditBefore);

    // The same key pasted is recognised as the brand's.
    const pasted = await checkRebateEligibility(ctx, { program: "fd", source: "pasted", apiKey: created.apiKey }, deps());
    expect(pasted.key).toEqual(r.key);
  });

  it("words every reason type the exchange gives, and the monthly cap of a VIP4/5 user", async () => {
    const { ctx } = await brand();
    const seen = new Map<string, FdEligibility>();
    for (let i = 0; i < 120 && seen.size < 4; i++) {
      const r = (await checkRebateEligibility(ctx, { program: "fd", source: "pasted", apiKey: outsideKey(i) }, deps())) as FdEligibility;
      if (!seen.has(r.reason)) seen.set(r.reason, r);
    }
    expect([...seen.keys()].sort()).toEqual(["0", "1", "2", "3"]);
    expect(seen.get("2")).toMatchObject({ eligible: false, monthlyCap: "reached", monthlyRebate: expect.stringMatching(/^\d+(\.\d+)?$/) });
    for (const reason of ["1", "3"]) expect(seen.get(reason)).toMatchObject({ eligible: false, monthlyCap: null, monthlyRebate: null });
    expect(seen.get("0")!.key).toEqual({ apiKeyMasked: expect.stringMatching(/^5e1f…\d{4}$/), subAcct: null, label: null, customer: null });
  });
});

describe("the affiliate check", () => {
  it("says an own sub-account's user is an invitee earning the rebate, and an outsider's why not", async () => {
    const { brand: b, ctx } = await simKeyBrand();
    const { row } = await createSimKey(b.id, options());
    expect(await checkRebateEligibility(ctx, { program: "affiliate", source: "stored", apiKeyId: row.id }, deps())).toMatchObject({
      program: "affiliate",
      reason: "0",
      eligible: true,
      invited: true,
    });
    const seen = new Map<string, AffiliateEligibility>();
    for (let i = 0; i < 60 && seen.size < 3; i++) {
      const r = (await checkRebateEligibility(ctx, { program: "affiliate", source: "pasted", apiKey: outsideKey(i) }, deps())) as AffiliateEligibility;
      if (!seen.has(r.reason)) seen.set(r.reason, r);
    }
    expect([...seen.keys()].sort()).toEqual(["0", "2", "4"]);
    expect(seen.get("2")).toMatchObject({ invited: false, eligible: false });
    expect(seen.get("4")).toMatchObject({ invited: true, eligible: false });
  });
});

describe("a customer's keys", () => {
  it("lists the keys of the customer's sub-accounts still on the exchange, masked", async () => {
    const { brand: b, ctx } = await brand();
    const customer = await createTestCustomer(b.id);
    const live = await createTestSubaccount(b.id, { customerId: customer.id });
    const gone = await createTestSubaccount(b.id, { customerId: customer.id, removedAt: new Date() });
    const key = await createTestKeyRow(b.id, { subaccountId: live.id });
    await createTestKeyRow(b.id, { subaccountId: gone.id });
    await createTestKeyRow(b.id); // another sub-account's
    const keys = await customerRebateKeys(ctx, { customerId: customer.id });
    expect(keys).toEqual([{ id: key.id, subAcct: live.subAcct, label: key.label, apiKeyMasked: `${key.apiKey.slice(0, 4)}…${key.apiKey.slice(-4)}` }]);
  });
});

/** A stand-in exchange that answers every request with `status` and `body`. */
async function stubExchange(status: number, body: unknown) {
  const server = http.createServer((_req, res) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe("exchange failures", () => {
  const input = { program: "fd", source: "pasted", apiKey: outsideKey(7) } as const;

  it("5xx: temporarily unavailable, with the exchange's code", async () => {
    const { ctx } = await brand();
    await sim.setFaults({ status5xxRate: 1, paths: [ENDPOINTS.ifRebate.path] });
    try {
      await expect(checkRebateEligibility(ctx, input, deps())).rejects.toMatchObject({ code: "EXCHANGE_ERROR", reason: "rebateEligibility.errors.unavailable", params: { code: "50001" } });
    } finally {
      await sim.setFaults({});
    }
  });

  it("no answer: the time-out is its own message", { timeout: 20_000 }, async () => {
    const { ctx } = await brand();
    await sim.setFaults({ timeoutRate: 1, paths: [ENDPOINTS.partnerIfRebate.path] });
    try {
      await expect(checkRebateEligibility(ctx, { ...input, program: "affiliate" }, deps({ timeoutMs: 300 }))).rejects.toMatchObject({
        code: "EXCHANGE_ERROR",
        reason: "rebateEligibility.errors.noAnswer",
        params: { code: "TIMEOUT" },
      });
    } finally {
      await sim.setFaults({});
    }
  });

  it("429 / 50011: rate limited, not an error of the key", { timeout: 20_000 }, async () => {
    const { ctx } = await brand();
    const stub = await stubExchange(429, { code: "50011", msg: "Too Many Requests", data: [] });
    try {
      await expect(checkRebateEligibility(ctx, input, { clientOptions: { ...options(), endpoints: { simulatorUrl: stub.url } } })).rejects.toMatchObject({
        code: "RATE_LIMITED",
        reason: "rebateEligibility.errors.rateLimited",
        params: { code: "50011" },
      });
    } finally {
      await stub.close();
    }
  });

  it("the checked key refused: on the key's field, with the exchange's words", async () => {
    const { ctx } = await brand();
    const stub = await stubExchange(400, { code: "51000", msg: "Parameter apiKey error", data: [] });
    try {
      const stubbed = { clientOptions: { ...options(), endpoints: { simulatorUrl: stub.url } } };
      await expect(checkRebateEligibility(ctx, input, stubbed)).rejects.toMatchObject({
        code: "VALIDATION",
        reason: "rebateEligibility.errors.keyRefused",
        field: "apiKey",
        params: { code: "51000", msg: "Parameter apiKey error" },
      });
    } finally {
      await stub.close();
    }
  });

  it("the brand's own key refused: says where to fix it", async () => {
    const { ctx } = await brand();
    const stub = await stubExchange(401, { code: "50111", msg: "Invalid OK-ACCESS-KEY", data: [] });
    try {
      await expect(checkRebateEligibility(ctx, input, { clientOptions: { ...options(), endpoints: { simulatorUrl: stub.url } } })).rejects.toMatchObject({
        code: "EXCHANGE_ERROR",
        reason: "rebateEligibility.errors.brandKeyRefused",
      });
    } finally {
      await stub.close();
    }
  });

  it("another brand's stored key is not found", async () => {
    const { ctx } = await brand();
    const other = await createTestBrand();
    const key = await createTestKeyRow(other.id);
    await expect(checkRebateEligibility(ctx, { program: "fd", source: "stored", apiKeyId: key.id }, deps())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
