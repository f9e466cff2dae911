/**
 * Permission-matrix and brand-isolation cases for the subaccounts procedures (see tests/procedure-cases.ts),
 * and the builders of sub-accounts other tests share. Exchange-calling procedures (createForCustomer,
 * setLevel) reach the run's simulator through the brand's client; their inputs make as few exchange
 * calls as they can (one shared simulator sub-account for every setLevel call), since the endpoints
 * allow one request per second. syncNow queues under the jobs cases' own Redis prefix, where no worker
 * runs; that queue is emptied when the file is done.
 */
import { randomBytes } from "node:crypto";
import { afterAll, expect } from "vitest";
import { producerQueue } from "@/server/queues/registry";
import { db, type Prisma } from "@/server/db/client";
import { defaultExchangeEndpoints } from "@/server/exchange/brand-client";
import { createOkxClient, type OkxClient } from "@/server/exchange/okx";
import { simAccountCredentials } from "@/server/exchange/sim-accounts";
import { createTestCustomer } from "./customers";
import type { Fixture, ProcedureCase } from "../procedure-cases";

type Call = (path: string, input?: unknown) => Promise<unknown>;

const hex = (n: number) => randomBytes(Math.ceil(n / 2)).toString("hex").slice(0, n);
/** A valid, unused sub-account name (seed 001: 6–20 letters and digits). */
export const newSubAcctName = (prefix = "bd") => `${prefix}${hex(12)}`;

/** A sub-account written straight to the database, as a sync would have stored it (not on any exchange). */
export const createTestSubaccount = (brandId: string, data: Partial<Prisma.SubaccountUncheckedCreateInput> = {}) =>
  db.subaccount.create({
    data: {
      brandId,
      subAcct: newSubAcctName("t"),
      uid: String(BigInt(`0x${hex(12)}`)),
      label: `L${hex(6)}`,
      accountLevel: 1,
      enabled: true,
      canTransferOut: true,
      exchangeCreatedAt: new Date(Date.now() - 86_400_000),
      lastSyncedAt: new Date(),
      ...data,
    },
  });

/**
 * A client of the run's simulator with the key the brand (having no credentials) uses — its own simulator
 * account — and the same rate-limit buckets as the services' clients in this process (default prefix, no
 * Redis), so the two never together exceed the simulator's 1 request/s.
 */
export function runSimulatorClient(brandId: string): OkxClient {
  const endpoints = defaultExchangeEndpoints();
  const credentials = simAccountCredentials(endpoints.simulatorCredentials, brandId);
  return createOkxClient({ baseUrl: endpoints.simulatorUrl, credentials, mode: "demo", redis: null });
}

const levelTargets = new Map<string, Promise<string>>();
/** One simulator sub-account per brand, made once per test file; every setLevel input moves it one level on. */
const levelTargetName = (brandId: string) => {
  let target = levelTargets.get(brandId);
  if (!target) {
    target = (async () => {
      const subAcct = newSubAcctName("lv");
      await runSimulatorClient(brandId).createSubaccount({ subAcct });
      return subAcct;
    })();
    levelTargets.set(brandId, target);
  }
  return target;
};

const subaccountState = async (id: string) => ({
  row: await db.subaccount.findUniqueOrThrow({ where: { id } }),
  audit: await db.auditLog.count({ where: { entityType: "subaccount", entityId: id } }),
});

/** Calls a by-id procedure aimed at brand B's sub-account: NOT_FOUND, and the row unchanged. */
const refusesBrandBSubaccount = (path: string, input: (id: string) => unknown) => async (f: Fixture, call: Call) => {
  const target = await createTestSubaccount(f.brandB.id, { customerId: (await createTestCustomer(f.brandB.id)).id });
  const before = await subaccountState(target.id);
  await expect(call(path, input(target.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
  expect(await subaccountState(target.id)).toEqual(before);
};

const syncAuditCount = (brandId: string) => db.auditLog.count({ where: { brandId, entityType: "subaccount_sync" } });

afterAll(async () => {
  await producerQueue("subaccount-sync")
    .obliterate({ force: true })
    .catch(() => undefined);
});

export const SUBACCOUNT_CASES: Record<string, ProcedureCase> = {
  "subaccount.list": {
    input: () => ({ page: 1, pageSize: 20 }),
    isolation: async (f, call) => {
      const own = await createTestSubaccount(f.brandA.id);
      const customerB = await createTestCustomer(f.brandB.id);
      const other = await createTestSubaccount(f.brandB.id, { customerId: customerB.id });
      const all = (await call("subaccount.list", { page: 1, pageSize: 100 })) as { rows: { id: string }[] };
      expect(all.rows.map((r) => r.id)).toContain(own.id);
      expect(all.rows.map((r) => r.id)).not.toContain(other.id);
      for (const q of [other.subAcct, other.uid, other.label]) {
        expect(((await call("subaccount.list", { page: 1, pageSize: 10, q })) as { total: number }).total, q).toBe(0);
      }
      expect(((await call("subaccount.list", { page: 1, pageSize: 10, customerId: customerB.id })) as { total: number }).total).toBe(0);
    },
  },
  "subaccount.get": {
    input: async (f) => ({ id: (await createTestSubaccount(f.brandA.id)).id }),
    isolation: refusesBrandBSubaccount("subaccount.get", (id) => ({ id })),
  },
  "subaccount.syncStatus": {
    input: () => undefined,
    isolation: async (f, call) => {
      const far = new Date("2099-01-01T00:00:00.000Z");
      await createTestSubaccount(f.brandB.id, { lastSyncedAt: far });
      const { recordAudit } = await import("@/server/audit/audit");
      const { systemActor } = await import("@/server/actor");
      await db.$transaction((tx) =>
        recordAudit(tx, { actor: systemActor("test"), request: { ip: null, userAgent: null } }, {
          brandId: f.brandB.id,
          action: "subaccount.sync",
          entityType: "subaccount_sync",
          after: { seen: 424_242, created: 0, updated: 0, removed: 0, complete: true },
        }),
      );
      const status = (await call("subaccount.syncStatus")) as { lastRun: { seen: number | null } | null; lastSyncedAt: Date | null };
      expect(status.lastRun?.seen).not.toBe(424_242);
      expect(status.lastSyncedAt?.getTime()).not.toBe(far.getTime());
    },
  },
  "subaccount.link": {
    input: async (f) => ({
      id: (await createTestSubaccount(f.brandA.id)).id,
      customerId: (await createTestCustomer(f.brandA.id)).id,
      version: 1,
    }),
    isolation: async (f, call) => {
      // Brand B's sub-account, with a customer of brand A.
      const customerA = await createTestCustomer(f.brandA.id);
      await refusesBrandBSubaccount("subaccount.link", (id) => ({ id, customerId: customerA.id, version: 1 }))(f, call);
      // Nor unlinked from its brand-B customer.
      await refusesBrandBSubaccount("subaccount.link", (id) => ({ id, customerId: null, version: 1 }))(f, call);
      // Brand A's sub-account, with a customer of brand B.
      const own = await createTestSubaccount(f.brandA.id);
      const customerB = await createTestCustomer(f.brandB.id);
      const before = await subaccountState(own.id);
      await expect(call("subaccount.link", { id: own.id, customerId: customerB.id, version: 1 })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        cause: expect.objectContaining({ field: "customerId" }),
      });
      expect(await subaccountState(own.id)).toEqual(before);
    },
  },
  "subaccount.createForCustomer": {
    input: async (f) => ({ customerId: (await createTestCustomer(f.brandA.id)).id, subAcct: newSubAcctName() }),
    isolation: async (f, call) => {
      // Refused before anything reaches the exchange: no row in any brand.
      const customerB = await createTestCustomer(f.brandB.id);
      const subAcct = newSubAcctName();
      const audits = () => db.auditLog.count({ where: { action: "subaccount.create", brandId: { in: [f.brandA.id, f.brandB.id] } } });
      const before = await audits();
      await expect(call("subaccount.createForCustomer", { customerId: customerB.id, subAcct })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await db.subaccount.count({ where: { subAcct } })).toBe(0);
      expect(await audits()).toBe(before);
    },
  },
  "subaccount.setLevel": {
    input: async (f) => {
      const subAcct = await levelTargetName(f.brandA.id);
      const row = await db.subaccount.upsert({
        where: { brandId_subAcct: { brandId: f.brandA.id, subAcct } },
        create: {
          brandId: f.brandA.id,
          subAcct,
          uid: String(BigInt(`0x${hex(12)}`)),
          accountLevel: 1,
          enabled: true,
          canTransferOut: true,
          exchangeCreatedAt: new Date(),
          lastSyncedAt: new Date(),
        },
        update: {},
      });
      return { id: row.id, accountLevel: (row.accountLevel % 4) + 1, version: row.version };
    },
    isolation: refusesBrandBSubaccount("subaccount.setLevel", (id) => ({ id, accountLevel: 2, version: 1 })),
  },
  "subaccount.syncNow": {
    input: () => undefined,
    isolation: async (f, call) => {
      const before = { a: await syncAuditCount(f.brandA.id), b: await syncAuditCount(f.brandB.id) };
      const result = (await call("subaccount.syncNow")) as { jobId: string; outcome: string };
      const job = await producerQueue("subaccount-sync").getJob(result.jobId);
      expect((job?.data as { brandId?: string } | undefined)?.brandId).toBe(f.brandA.id);
      expect(await syncAuditCount(f.brandB.id)).toBe(before.b);
      expect(await syncAuditCount(f.brandA.id)).toBe(before.a + (result.outcome === "queued" ? 1 : 0));
    },
  },
};
