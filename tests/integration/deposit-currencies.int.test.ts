/**
 * The deposit forms' currency list comes from the brand's exchange: the OKX client reads asset/currencies
 * from a simulator started here (signed: a wrong secret is refused), the service maps it to exactly what
 * the simulator can make addresses for and keeps it per brand for ten minutes — one request for many
 * callers, none for a repeat, a new one once it expires or the brand's credentials change, and a failure
 * never kept — and `deposit.currencies` answers staff with deposit.read and refuses the others.
 */
import type { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { systemActor, type BrandContext } from "@/server/actor";
import { DEPOSIT_CURRENCIES_TTL_MS, listDepositCurrencies, type DepositCurrenciesOptions } from "@/server/deposits/currencies";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { ENDPOINTS, isOkxError, silentLogger } from "@/server/exchange/okx";
import { SIM_CREDENTIALS, simClient, startSim, testRedis, type SimHarness } from "@/server/exchange/okx/testing/sim-harness";
import { CURRENCIES } from "@/server/exchange/sim/assets";
import type { KnownCurrency } from "@/lib/deposits/currencies";
import { createTestBrand, createTestStaff } from "../helpers/db";
import { callAs, isPermissionDenial } from "./fixture";

const PATH = ENDPOINTS.currencies.path;

/** What the simulator can create deposit addresses for (its asset table), in the list's form. */
const SIMULATOR_LIST: KnownCurrency[] = CURRENCIES.map((c) => ({
  ccy: c.ccy,
  chains: c.chains.map((ch) => ch.chain),
  segwit: c.segwit,
  extra: c.chains[0].extra ?? null,
})).sort((a, b) => (a.ccy < b.ccy ? -1 : 1));

let h: SimHarness;
let redis: Redis;

beforeAll(async () => {
  h = await startSim({ subaccounts: 3, deposits: 0 });
  redis = testRedis();
});
afterAll(async () => {
  redis.disconnect();
  await h.close();
});
beforeEach(async () => {
  await h.setFaults({});
  await h.resetStats();
  // The clients here keep separate buckets; the simulator's 6/s window must not carry over between tests.
  await h.resetLimits();
});

const requests = async () => (await h.statsOf("GET", PATH)).requests;

/** A brand of its own (so its own cache entry) reaching this file's simulator. */
async function brandOnSim() {
  const brand = await createTestBrand();
  const ctx: BrandContext = { db, actor: systemActor("test"), tenantId: brand.id, request: { ip: null, userAgent: null } };
  return { brand, ctx };
}
const onSim = (extra: DepositCurrenciesOptions = {}, client: DepositCurrenciesOptions["client"] = {}): DepositCurrenciesOptions => ({
  ...extra,
  client: { logger: silentLogger, maxRetries: 0, ...client, endpoints: { simulatorUrl: h.url, ...client.endpoints } },
});

describe("the client reads asset/currencies", () => {
  it("signed with the key's secret: one row per currency and chain, as the simulator's asset table has them", async () => {
    const okx = simClient(h.url, redis);
    const rows = await okx.currencies();
    expect(rows).toHaveLength(CURRENCIES.reduce((n, c) => n + c.chains.length, 0));
    expect(rows.filter((r) => r.ccy === "USDT")).toMatchObject([
      { chain: "USDT-ERC20", mainNet: true, canDep: true, canWd: true, canInternal: true, needTag: false, minDep: expect.stringMatching(/^\d+(\.\d+)?$/) },
      { chain: "USDT-TRC20", mainNet: false, canDep: true },
    ]);
    expect(rows.find((r) => r.ccy === "XRP")).toMatchObject({ chain: "XRP-Ripple", needTag: true, name: "XRP" });
    // One currency, or a list (sent comma-separated).
    expect((await okx.currencies({ ccy: "BTC" })).map((r) => r.chain)).toEqual(["BTC-Bitcoin"]);
    expect((await okx.currencies({ ccy: ["EOS", "LTC", "NOPE"] })).map((r) => r.chain)).toEqual(["LTC-Litecoin", "EOS-EOS"]);
    expect(await requests()).toBe(3);
  });

  it("is refused with the wrong secret (50113), and checks the ccy list before sending and at the exchange", async () => {
    const forged = simClient(h.url, redis, { credentials: { ...SIM_CREDENTIALS, secretKey: "not-the-secret" }, maxRetries: 0 });
    const refused = await forged.currencies().catch((e: unknown) => e);
    expect(isOkxError(refused) && { code: refused.code, kind: refused.kind }).toEqual({ code: "50113", kind: "auth" });

    const okx = simClient(h.url, redis, { maxRetries: 0 });
    const many = Array.from({ length: 21 }, (_, i) => `C${i}`);
    const local = await okx.currencies({ ccy: many }).catch((e: unknown) => e);
    expect(isOkxError(local) && local.code).toBe("PARAMS");
    expect(await requests()).toBe(1);
    const remote = await okx.request("currencies", { ccy: many }, { skipValidation: true }).catch((e: unknown) => e);
    expect(isOkxError(remote) && [remote.code, remote.msg]).toEqual(["51000", "Parameter ccy error"]);
    const lower = await okx.request("currencies", { ccy: "btc" }, { skipValidation: true }).catch((e: unknown) => e);
    expect(isOkxError(lower) && lower.code).toBe("51000");
  });
});

describe("listDepositCurrencies", () => {
  it("maps the exchange's answer to what the simulator can make addresses for", async () => {
    const { ctx } = await brandOnSim();
    expect(await listDepositCurrencies(ctx, onSim())).toEqual(SIMULATOR_LIST);
  });

  it("keeps the list per brand for ten minutes: one request for concurrent and repeated calls", async () => {
    const { ctx } = await brandOnSim();
    let clock = Date.now();
    const options = onSim({ now: () => clock });
    const [a, b] = await Promise.all([listDepositCurrencies(ctx, options), listDepositCurrencies(ctx, options)]);
    expect(a).toEqual(b);
    expect(await listDepositCurrencies(ctx, options)).toEqual(a);
    expect(await requests()).toBe(1);

    clock += DEPOSIT_CURRENCIES_TTL_MS - 1;
    await listDepositCurrencies(ctx, options);
    expect(await requests()).toBe(1);
    clock += 2;
    expect(await listDepositCurrencies(ctx, options)).toEqual(SIMULATOR_LIST);
    expect(await requests()).toBe(2);

    // Another brand has an entry of its own.
    await listDepositCurrencies((await brandOnSim()).ctx, options);
    expect(await requests()).toBe(3);
  });

  it("reads again at once when the brand's credentials change", async () => {
    const { brand, ctx } = await brandOnSim();
    await listDepositCurrencies(ctx, onSim());
    await db.brand.update({ where: { id: brand.id }, data: { okxCredentialsUpdatedAt: new Date() } });
    await listDepositCurrencies(ctx, onSim());
    expect(await requests()).toBe(2);
  });

  it("throws the exchange-read AppError on failure and does not keep it", async () => {
    const { ctx } = await brandOnSim();
    await h.setFaults({ status5xxRate: 1, paths: [PATH] });
    const failed = await listDepositCurrencies(ctx, onSim()).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(AppError);
    expect(failed).toMatchObject({ code: "EXCHANGE_ERROR" });

    const wrongKey = onSim({}, { endpoints: { simulatorCredentials: { ...SIM_CREDENTIALS, secretKey: "not-the-secret" } } });
    await expect(listDepositCurrencies(ctx, wrongKey)).rejects.toMatchObject({ code: "EXCHANGE_ERROR" });

    await h.setFaults({});
    expect(await listDepositCurrencies(ctx, onSim())).toEqual(SIMULATOR_LIST);
    expect(await requests()).toBe(3);
  });
});

describe("deposit.currencies", () => {
  it("answers staff with deposit.read from the brand's exchange (the run's simulator)", async () => {
    const brand = await createTestBrand();
    const { user } = await createTestStaff({ brandId: brand.id, role: "support" });
    expect(await callAs(user, brand.id, "deposit.currencies")).toEqual(SIMULATOR_LIST);
  });

  it("refuses a role without deposit.read (marketing)", async () => {
    const brand = await createTestBrand();
    const { user } = await createTestStaff({ brandId: brand.id, role: "marketing" });
    const refused = await callAs(user, brand.id, "deposit.currencies").catch((e: unknown) => e);
    expect(isPermissionDenial(refused)).toBe(true);
  });
});
