/**
 * Brands without exchange credentials each have a broker account of their own on the simulator: two
 * brands see different sub-accounts, what one creates the other never lists, one cannot rename or delete
 * the other's keys, and each account survives a simulator restart. (Before, every such brand used the one
 * simulator key, so both demo brands showed the same sub-accounts and could change each other's keys.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { brandExchange } from "@/server/exchange/brand-client";
import { OkxError } from "@/server/exchange/okx";
import { brandSimCredentials, SIM_CREDENTIALS, simAdmin, simClient, startSim, type SimHarness } from "@/server/exchange/okx/testing/sim-harness";
import { simAccountCredentials, simAccountOfKey } from "@/server/exchange/sim-accounts";
import { createSimulator } from "@/server/exchange/sim/server";
import { syncSubaccounts } from "@/server/subaccounts/sync";
import { createTestBrand } from "../helpers/db";

let sim: SimHarness;
const clientOptions = () => ({ endpoints: { simulatorUrl: sim.url }, redis: null, maxRetries: 1, timeoutMs: 5_000 });
const subAcctsOf = async (brandId: string) =>
  (await db.subaccount.findMany({ where: { brandId }, select: { subAcct: true } })).map((r) => r.subAcct).sort();
const listed = async (brandId: string) =>
  (await simClient(sim.url, null, { forBrand: brandId }).subaccountInfo({ limit: 100 })).details.map((s) => s.subAcct).sort();

beforeAll(async () => {
  sim = await startSim({ subaccounts: 6, deposits: 0 });
});
afterAll(async () => {
  await sim?.close();
});

describe("one simulator account per brand", () => {
  it("gives two brands different sub-accounts, and what one creates the other never sees", async () => {
    const [a, b] = [await createTestBrand(), await createTestBrand()];
    await syncSubaccounts(a.id, { db, feeRates: false, clientOptions: clientOptions() });
    await syncSubaccounts(b.id, { db, feeRates: false, clientOptions: clientOptions() });
    const [rowsA, rowsB] = [await subAcctsOf(a.id), await subAcctsOf(b.id)];
    expect(rowsA).toHaveLength(6);
    expect(rowsB).toHaveLength(6);
    expect(rowsA.filter((name) => rowsB.includes(name))).toEqual([]);

    // Brand A's client (the one every service uses) creates a sub-account: only A's account lists it.
    const { client } = await brandExchange(db, a.id, clientOptions());
    await client.createSubaccount({ subAcct: "onlyInBrandA1" });
    expect(await listed(a.id)).toContain("onlyInBrandA1");
    expect(await listed(b.id)).not.toContain("onlyInBrandA1");
    const again = await syncSubaccounts(b.id, { db, feeRates: false, clientOptions: clientOptions() });
    expect(again).toMatchObject({ created: 0, removed: 0 });
  });

  it("lets no brand read, rename or delete another brand's API keys", async () => {
    const [a, b] = [await createTestBrand(), await createTestBrand()];
    // The clients the services use for each brand.
    const ownerA = (await brandExchange(db, a.id, clientOptions())).client;
    const [sub] = await listed(a.id);
    const key = await ownerA.createApiKey({ subAcct: sub, label: "deskKey", passphrase: "Passphrase-1!", perm: ["read_only"] });

    const intruder = (await brandExchange(db, b.id, { ...clientOptions(), maxRetries: 0 })).client;
    for (const attempt of [
      () => intruder.getApiKeys({ subAcct: sub }),
      () => intruder.modifyApiKey({ subAcct: sub, apiKey: key.apiKey, label: "renamed" }),
      () => intruder.deleteApiKey({ subAcct: sub, apiKey: key.apiKey }),
    ]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OkxError);
      expect(error).toMatchObject({ code: "51000" });
    }
    expect((await ownerA.getApiKeys({ subAcct: sub, apiKey: key.apiKey }))[0]).toMatchObject({ label: "deskKey" });
  });

  it("refuses a derived key signed with the wrong secret or another brand's passphrase", async () => {
    const [a, b] = [await createTestBrand(), await createTestBrand()];
    const forged = simClient(sim.url, null, { credentials: { ...brandSimCredentials(a.id), secretKey: SIM_CREDENTIALS.secretKey }, maxRetries: 0 });
    await expect(forged.subaccountInfo({ limit: 1 })).rejects.toMatchObject({ code: "50113" });
    const mixed = simClient(sim.url, null, { credentials: { ...brandSimCredentials(a.id), passphrase: brandSimCredentials(b.id).passphrase }, maxRetries: 0 });
    await expect(mixed.subaccountInfo({ limit: 1 })).rejects.toMatchObject({ code: "50105" });
  });

  it("keeps each account across a restart, and the admin endpoints act on the one named", async () => {
    const brand = await createTestBrand();
    await simAdmin(sim.url, "POST", "seed", { subaccounts: 3, deposits: 0, seed: 5 }, brand.id);
    const before = await listed(brand.id);
    expect(before).toHaveLength(3);
    expect(((await simAdmin(sim.url, "GET", "state")) as { subaccounts: number }).subaccounts).toBe(6);

    await sim.sim.close();
    const restarted = await createSimulator({ port: 0, dataDir: sim.sim.dataDir, log: () => {} });
    try {
      const client = simClient(restarted.url, null, { forBrand: brand.id });
      expect((await client.subaccountInfo({ limit: 100 })).details.map((s) => s.subAcct).sort()).toEqual(before);
    } finally {
      await restarted.close();
      sim = await startSim({ subaccounts: 6, deposits: 0 });
    }
  });
});

describe("derived simulator keys", () => {
  it("map back to their account, and nothing else does", () => {
    const derived = simAccountCredentials(SIM_CREDENTIALS, "0b5f6c1e-2d3a-4f5b-8c7d-9e0f1a2b3c4d");
    expect(simAccountOfKey(SIM_CREDENTIALS.apiKey, derived.apiKey)).toBe("0b5f6c1e-2d3a-4f5b-8c7d-9e0f1a2b3c4d");
    expect(simAccountOfKey(SIM_CREDENTIALS.apiKey, SIM_CREDENTIALS.apiKey)).toBe("main");
    expect(simAccountOfKey(SIM_CREDENTIALS.apiKey, `${SIM_CREDENTIALS.apiKey}:../etc`)).toBeNull();
    expect(simAccountOfKey(SIM_CREDENTIALS.apiKey, "someone-else")).toBeNull();
    expect(derived.secretKey).toMatch(/^[0-9A-F]{32}$/);
    expect(simAccountCredentials(SIM_CREDENTIALS, "other").secretKey).not.toBe(derived.secretKey);
  });
});
