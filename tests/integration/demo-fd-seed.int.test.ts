/**
 * The demo seed's FD broker: its broker code is the one its simulated account writes in every FD file, so
 * the daily file the worker fetches from a simulator with the same settings imports (no row refused) beside
 * the 30 seeded days; most seeded orders are attributed to the brand's customers at import, yesterday's last
 * ones by the worker's next pass; a re-run adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { silentLogger } from "@/server/exchange/okx/logger";
import { startSim, type SimHarness } from "@/server/exchange/okx/testing/sim-harness";
import { requestRebateFiles } from "@/server/rebates/files";
import { runRebateFiles } from "@/server/rebates/runner";
import { DEMO_CUSTOMERS } from "@/prisma/seed/demo-customers";
import { seedBrandFdRebates } from "@/prisma/seed/fd-rebates";
import { prefixedRedis } from "../helpers/redis";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";

/** The simulator's settings, given to both the simulator and the seed (npm start gives both OKX_SIM_*). */
const SIM = { seed: 4_242_002, subaccounts: 5 };
let sim: SimHarness;
const limiter = prefixedRedis("demo-fd-seed");

beforeAll(async () => {
  sim = await startSim({ ...SIM, deposits: 0, rebateRows: 50 });
});
afterAll(async () => {
  await sim?.close();
  await limiter.close();
});

const deps = () => ({ db, pollMs: 20, clientOptions: { endpoints: { simulatorUrl: sim.url }, redis: limiter.redis, logger: silentLogger } });
const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe("demo FD rebates", () => {
  it("seed 30 days under the simulator's broker code; the simulator's own file imports beside them", { timeout: 60_000 }, async () => {
    const brand = await createTestBrand();
    for (const c of Object.values(DEMO_CUSTOMERS.borealis)) {
      await db.customer.create({ data: { brandId: brand.id, name: c.name, email: c.email, country: c.country, registrationSource: "api" } });
    }
    expect(await seedBrandFdRebates(db, brand.id, "borealis", SIM)).toMatch(/^borealis [1-9]\d* FD rebate rows over 30 days$/);
    const seeded = await db.brand.findUniqueOrThrow({ where: { id: brand.id } });
    expect(seeded.rebateFileKinds).toEqual(["dma_trades", "fd_rebates"]);
    expect(await db.rebateFile.count({ where: { brandId: brand.id, kind: "fd_rebates", trigger: "schedule", state: "imported" } })).toBe(30);
    const rows = await db.fdRebate.count({ where: { brandId: brand.id } });
    const unattributed = await db.fdRebate.count({ where: { brandId: brand.id, customerId: null } });
    expect(unattributed).toBeGreaterThan(0);
    expect(unattributed).toBeLessThan(rows / 2);
    // Yesterday's last two orders were linked after the import: the worker's next pass attributes them.
    expect(await db.fdOrderLink.count({ where: { brandId: brand.id, attributedAt: null } })).toBe(2);
    expect((await runRebateFiles(deps(), { brandId: brand.id })).fdAttributed).toBe(2);

    // A re-run adds nothing.
    expect(await seedBrandFdRebates(db, brand.id, "borealis", SIM)).toBe("borealis 0 FD rebate rows over 0 days");

    // The simulator writes the same broker code: a day the seed did not cover imports without a refusal.
    const { user } = await createTestStaff({ brandId: brand.id, role: "operations" });
    const ctx = { ...(await staffContext(user)), tenantId: brand.id };
    const day = isoDay(Date.now() - 40 * DAY_MS);
    const { ids } = await requestRebateFiles(ctx, { kind: "fd_rebates", begin: day, end: day });
    let file = await db.rebateFile.findUniqueOrThrow({ where: { id: ids[0] } });
    for (let i = 0; i < 30 && file.state !== "imported" && file.state !== "failed"; i++) {
      await db.rebateFile.update({ where: { id: file.id }, data: { nextCheckAt: new Date() } });
      await runRebateFiles(deps(), { brandId: brand.id });
      file = await db.rebateFile.findUniqueOrThrow({ where: { id: file.id } });
    }
    expect(file).toMatchObject({ state: "imported", rowsTotal: 50, rowsRefused: 0 });
  });
});
