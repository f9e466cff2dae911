/**
 * The demo seed's trading sub-accounts are the simulator's own: after the seed, a sub-account sync against a
 * simulator with the same settings finds every one of them — none marked removed, each still linked to its
 * customer — and "Refresh from exchange" finds their API keys as the seed stored them. The fills it imports
 * are the simulator's own, so every seeded day reconciles with the simulator's ND rebate-daily; a second run
 * adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshApiKeys } from "@/server/api-keys/service";
import { db } from "@/server/db/client";
import { silentLogger } from "@/server/exchange/okx/logger";
import { startSim, type SimHarness } from "@/server/exchange/okx/testing/sim-harness";
import { syncSubaccounts } from "@/server/subaccounts/sync";
import { DEMO_CUSTOMERS } from "@/prisma/seed/demo-customers";
import { DEMO_TRADERS, seedBrandRebates } from "@/prisma/seed/rebates";
import { reconcileRange } from "@/server/rebates/reconcile";
import { prefixedRedis } from "../helpers/redis";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";

/** The simulator's settings, given to both the simulator and the seed (npm start gives both OKX_SIM_*). */
const SIM = { seed: 4_242_001, subaccounts: 25 };
let sim: SimHarness;
const limiter = prefixedRedis("demo-rebates-seed");

beforeAll(async () => {
  sim = await startSim({ ...SIM, deposits: 0, rateLimits: false });
});
afterAll(async () => {
  await sim?.close();
  await limiter.close();
});

const clientOptions = () => ({ endpoints: { simulatorUrl: sim.url }, redis: limiter.redis, logger: silentLogger });

describe("demo trading sub-accounts", () => {
  it("are the simulator's: a sync keeps them linked, their keys refresh unchanged, a re-run adds nothing", { timeout: 60_000 }, async () => {
    const brand = await createTestBrand();
    for (const c of Object.values(DEMO_CUSTOMERS.aurora)) {
      await db.customer.create({ data: { brandId: brand.id, name: c.name, email: c.email, country: c.country, registrationSource: "api" } });
    }
    const summary = await seedBrandRebates(db, brand.id, "aurora", SIM);
    const traders = DEMO_TRADERS.aurora.length;
    expect(summary).toMatch(new RegExp(`^aurora ${traders} sub-accounts, [1-9]\\d* trades over 30 days$`));
    const seeded = await db.subaccount.findMany({ where: { brandId: brand.id }, include: { customer: { select: { email: true } }, apiKeys: true } });
    expect(seeded).toHaveLength(traders);
    expect(seeded.filter((s) => s.customer === null)).toHaveLength(1); // the house account
    expect(seeded.filter((s) => s.customer?.email === DEMO_CUSTOMERS.aurora.liangWei.email)).toHaveLength(2);
    expect(seeded.some((s) => s.apiKeys.length > 0)).toBe(true);

    const sync = await syncSubaccounts(brand.id, { db, clientOptions: clientOptions(), feeRates: false });
    expect(sync).toMatchObject({ seen: SIM.subaccounts, created: SIM.subaccounts - traders, removed: 0 });
    const after = await db.subaccount.findMany({ where: { brandId: brand.id, id: { in: seeded.map((s) => s.id) } } });
    expect(after.every((s) => s.removedAt === null)).toBe(true);
    // Still linked, and the same accounts the exchange lists (uid, label, level, parent as the seed stored them;
    // only the creation time differs, drawn against each side's own clock).
    const view = (s: (typeof after)[number]) => [s.customerId, s.uid, s.label, s.accountLevel, s.mainAcct, s.enabled];
    expect(after.map(view).sort()).toEqual(seeded.map(view).sort());

    const { user } = await createTestStaff({ brandId: brand.id, role: "operations" });
    const ctx = { ...(await staffContext(user)), tenantId: brand.id };
    for (const s of seeded.filter((x) => x.apiKeys.length > 0)) {
      const refreshed = await refreshApiKeys(ctx, { subaccountId: s.id }, { clientOptions: clientOptions() });
      expect(refreshed).toMatchObject({ seen: s.apiKeys.length, created: 0, removed: 0 });
    }

    // The fills are the simulator's own: every seeded day reconciles with its ND rebate-daily, to the cent.
    const [{ first, last }] = await db.$queryRaw<{ first: Date; last: Date }[]>`SELECT min(day) AS first, max(day) AS last FROM dma_trade_day WHERE brand_id = ${brand.id}::uuid`;
    const reconciled = await reconcileRange({ db, clientOptions: clientOptions() }, { brandId: brand.id, kind: "dma_trades", from: first, to: last });
    expect(reconciled).toMatchObject({ days: 30, differences: 0, exchange: "checked" });
    // The demo customers' sub-accounts are among those that traded.
    const traded = await db.$queryRaw<{ subAcct: string }[]>`SELECT DISTINCT sub_acct AS "subAcct" FROM dma_trade WHERE brand_id = ${brand.id}::uuid`;
    expect(traded.map((t) => t.subAcct)).toEqual(expect.arrayContaining(seeded.filter((s) => s.customer).map((s) => s.subAcct)));

    const count = async () => (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM dma_trade WHERE brand_id = ${brand.id}::uuid`)[0].n;
    const trades = await count();
    expect(await seedBrandRebates(db, brand.id, "aurora", SIM)).toBe("aurora 0 sub-accounts, 0 trades over 0 days");
    expect(await count()).toBe(trades);
  });

  it("leaves a brand with its own exchange credentials alone", async () => {
    const brand = await createTestBrand({ okxApiKey: "8a1b2c3d-0000-4000-8000-000000000001", okxSecretEnc: "x", okxPassphraseEnc: "y" });
    expect(await seedBrandRebates(db, brand.id, "aurora", SIM)).toMatch(/own exchange credentials/);
    expect(await db.subaccount.count({ where: { brandId: brand.id } })).toBe(0);
  });
});
