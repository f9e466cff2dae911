/**
 * The demo seed's exchange accounts: after the rebates seed links the simulator's sub-accounts to the demo
 * customers, the exchange-accounts seed stores their unbound keys' secrets encrypted (never in clear, never
 * audited), and a sync of those sub-accounts against a simulator with the same settings reads them whole —
 * what the worker does on its first start. A second run stores nothing more.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { exchangeClientForBrand } from "@/server/exchange/brand-client";
import { silentLogger } from "@/server/exchange/okx/logger";
import { startSim, type SimHarness } from "@/server/exchange/okx/testing/sim-harness";
import { syncExchangeAccount } from "@/server/exchange-accounts/sync";
import { customerExchangeSummary } from "@/server/exchange-accounts/summary";
import { DEMO_CUSTOMERS } from "@/prisma/seed/demo-customers";
import { seedBrandExchangeKeys } from "@/prisma/seed/exchange-accounts";
import { seedBrandRebates } from "@/prisma/seed/rebates";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";

const SIM = { seed: 4_242_001, subaccounts: 25 };
let sim: SimHarness;

beforeAll(async () => {
  sim = await startSim({ ...SIM, deposits: 0, rateLimits: false });
});
afterAll(async () => {
  await sim?.close();
});

describe("demo exchange accounts", () => {
  it("store the demo keys' secrets sealed, and a sync reads the demo customers' accounts", { timeout: 60_000 }, async () => {
    const brand = await createTestBrand();
    for (const c of Object.values(DEMO_CUSTOMERS.aurora)) {
      await db.customer.create({ data: { brandId: brand.id, name: c.name, email: c.email, country: c.country, registrationSource: "api" } });
    }
    await seedBrandRebates(db, brand.id, "aurora", SIM);
    const auditsBefore = await db.auditLog.count({ where: { brandId: brand.id } });

    const given = await seedBrandExchangeKeys(db, brand.id, SIM);
    expect(given).toBeGreaterThan(0);
    const keys = await db.subaccountApiKey.findMany({ where: { brandId: brand.id, secretKeyEnc: { not: null } }, include: { subaccount: true } });
    expect(keys).toHaveLength(given);
    // Sealed: no stored column holds a 32-hex secret in clear; bound keys were left without.
    for (const k of keys) {
      expect(k.secretKeyEnc).not.toMatch(/^[0-9A-F]{32}$/);
      expect(k.ips).toEqual([]);
      expect(k.subaccount.customerId).not.toBeNull();
    }
    expect(await db.auditLog.count({ where: { brandId: brand.id } })).toBe(auditsBefore);
    expect(await seedBrandExchangeKeys(db, brand.id, SIM)).toBe(0);

    const clientOptions = { endpoints: { simulatorUrl: sim.url }, redis: null, logger: silentLogger };
    // The simulator makes a brand's account on its first broker call (the worker's sub-account sync, also run on start).
    await (await exchangeClientForBrand(db, brand.id, clientOptions)).subaccountInfo({ limit: 1 });
    const subs = [...new Set(keys.map((k) => k.subaccountId))];
    for (const id of subs) expect(await syncExchangeAccount(brand.id, id, { db, clientOptions })).toEqual(expect.objectContaining({ failures: {}, outcome: "synced" }));
    const synced = keys.find((k) => k.subaccountId === subs[0])!.subaccount;
    const { user } = await createTestStaff({ brandId: brand.id, role: "support" });
    const summary = await customerExchangeSummary({ ...(await staffContext(user)), tenantId: brand.id }, synced.customerId!);
    const line = summary.subaccounts.find((s) => s.subaccountId === synced.id)!;
    expect(line).toMatchObject({ noKeyReason: null });
    expect(line.kinds.balances?.lastSuccessAt).toBeInstanceOf(Date);
    expect(summary.balances.length).toBeGreaterThan(0);
  });
});
