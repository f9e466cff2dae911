/**
 * Permission-matrix and brand-isolation cases for the deposit procedures (see tests/procedure-cases.ts),
 * and the small builders the deposit integration tests share. Address procedures reach the run's
 * simulator (brands without credentials go there): brand A gets one sub-account created on it, made
 * once per brand and reused; currencies rotate so no call meets the 20-addresses-per-currency limit.
 */
import { randomUUID } from "node:crypto";
import { afterAll, expect } from "vitest";
import { closeProducerConnection } from "@/server/queues/connection";
import { producerQueue } from "@/server/queues/registry";
import { db, type Prisma } from "@/server/db/client";
import { toKnownCurrencies } from "@/server/deposits/currencies";
import { exchangeClientForBrand } from "@/server/exchange/brand-client";
import { uniqueSuffix } from "../helpers/db";
import type { Fixture, ProcedureCase } from "../procedure-cases";

type Call = (path: string, input?: unknown) => Promise<unknown>;

// "Sync now" queues jobs (under the test prefix tests/cases/jobs.ts sets); none is ever processed here.
afterAll(async () => {
  await producerQueue("deposit-sync").obliterate({ force: true }).catch(() => undefined);
  await closeProducerConnection();
});

/** A sub-account row of `brandId` (not on any exchange unless the caller made it there). */
export function createTestSubaccount(brandId: string, data: Partial<Prisma.SubaccountUncheckedCreateInput> = {}) {
  return db.subaccount.create({
    data: {
      brandId,
      subAcct: `dep${uniqueSuffix()}`,
      uid: String(Date.now()),
      accountLevel: 1,
      enabled: true,
      canTransferOut: true,
      exchangeCreatedAt: new Date(),
      lastSyncedAt: new Date(),
      ...data,
    },
  });
}

/** A sub-account that exists on the brand's exchange (the simulator) and in its rows. */
export async function createExchangeSubaccount(brandId: string, data: Partial<Prisma.SubaccountUncheckedCreateInput> = {}) {
  const subAcct = `dep${uniqueSuffix()}`;
  const client = await exchangeClientForBrand(db, brandId);
  const made = await client.createSubaccount({ subAcct, label: "deposits" });
  return createTestSubaccount(brandId, { subAcct, uid: made.uid || String(Date.now()), ...data });
}

const onExchange = new Map<string, ReturnType<typeof createExchangeSubaccount>>();
/** Brand A's exchange sub-account for these cases, made on first use. */
const brandASubaccount = (f: Fixture) => {
  let sub = onExchange.get(f.brandA.id);
  if (!sub) {
    sub = createExchangeSubaccount(f.brandA.id);
    onExchange.set(f.brandA.id, sub);
  }
  return sub;
};

const ROTATION = [
  { ccy: "USDT", chain: "USDT-TRC20" },
  { ccy: "ETH" },
  { ccy: "TRX" },
  { ccy: "SOL" },
  { ccy: "USDC" },
  { ccy: "LTC" },
] as const;
let turn = 0;
const nextCurrency = () => ROTATION[turn++ % ROTATION.length];

/** A deposit row of `brandId` placed directly (the sync's upsert is tested on its own). */
export function createTestDeposit(brandId: string, data: Partial<Prisma.DepositUncheckedCreateInput> = {}) {
  return db.deposit.create({
    data: {
      brandId,
      depId: `t${uniqueSuffix()}`,
      subAcct: "someSubAcct1",
      ccy: "USDT",
      chain: "USDT-TRC20",
      amount: "12.5",
      txId: randomUUID().replace(/-/g, ""),
      state: 2,
      confirmations: 20,
      exchangeTs: new Date(),
      ...data,
    },
  });
}

const addressState = (subaccountId: string) => db.depositAddress.findMany({ where: { subaccountId }, orderBy: { id: "asc" } });

/** Aims an address procedure at brand B's sub-account: NOT_FOUND, and B's addresses untouched. */
const refusesBrandBSubaccount = (path: string, extra: Record<string, unknown>) => async (f: Fixture, call: Call) => {
  const theirs = await createTestSubaccount(f.brandB.id);
  await db.depositAddress.create({
    data: { brandId: f.brandB.id, subaccountId: theirs.id, ccy: "USDT", chain: "USDT-TRC20", addr: `T${uniqueSuffix()}`, receivingAccount: "6", syncedAt: new Date() },
  });
  const before = await addressState(theirs.id);
  await expect(call(path, { subaccountId: theirs.id, ...extra })).rejects.toMatchObject({ code: "NOT_FOUND" });
  expect(await addressState(theirs.id)).toEqual(before);
};

export const DEPOSIT_CASES: Record<string, ProcedureCase> = {
  "deposit.list": {
    input: () => ({ page: 1, pageSize: 20 }),
    isolation: async (f, call) => {
      const mine = await createTestDeposit(f.brandA.id);
      const theirs = await createTestDeposit(f.brandB.id);
      const page = (await call("deposit.list", { page: 1, pageSize: 100 })) as { rows: { id: string }[] };
      expect(page.rows.map((r) => r.id)).toContain(mine.id);
      expect(page.rows.map((r) => r.id)).not.toContain(theirs.id);
      const searched = (await call("deposit.list", { page: 1, pageSize: 10, q: theirs.depId })) as { total: number };
      expect(searched.total).toBe(0);
    },
  },
  "deposit.syncStatus": {
    input: () => undefined,
    isolation: async (f, call) => {
      const theirs = new Date("2026-01-02T03:04:05.678Z");
      await db.depositSyncState.upsert({
        where: { brandId: f.brandB.id },
        create: { brandId: f.brandB.id, cursorTs: theirs, lastCompletedAt: theirs },
        update: { cursorTs: theirs, lastCompletedAt: theirs },
      });
      const status = (await call("deposit.syncStatus")) as { cursorTs: Date | null; lastCompletedAt: Date | null };
      expect(status.cursorTs?.getTime()).not.toBe(theirs.getTime());
      expect(status.lastCompletedAt?.getTime()).not.toBe(theirs.getTime());
    },
  },
  "deposit.syncNow": {
    input: () => undefined,
    isolation: async (f, call) => {
      const before = await db.auditLog.count({ where: { brandId: f.brandB.id } });
      const { jobId } = (await call("deposit.syncNow")) as { jobId: string };
      const job = await producerQueue("deposit-sync").getJob(jobId);
      expect(job?.data).toEqual({ brandId: f.brandA.id });
      expect(await db.auditLog.count({ where: { brandId: f.brandB.id } })).toBe(before);
    },
  },
  "deposit.storedAddresses": {
    input: async (f) => ({ subaccountId: (await createTestSubaccount(f.brandA.id)).id }),
    isolation: async (f, call) => {
      const theirs = await createTestSubaccount(f.brandB.id);
      await expect(call("deposit.storedAddresses", { subaccountId: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    },
  },
  "deposit.refreshAddresses": {
    input: async (f) => ({ subaccountId: (await brandASubaccount(f)).id, ccy: "USDT" }),
    isolation: refusesBrandBSubaccount("deposit.refreshAddresses", { ccy: "USDT" }),
  },
  "deposit.currencies": {
    input: () => undefined,
    // The list is brand A's exchange's answer, and calling it leaves brand B's row as it was.
    isolation: async (f, call) => {
      const before = await db.brand.findUniqueOrThrow({ where: { id: f.brandB.id } });
      const mine = await call("deposit.currencies");
      expect(mine).toEqual(toKnownCurrencies(await (await exchangeClientForBrand(db, f.brandA.id)).currencies()));
      expect(await db.brand.findUniqueOrThrow({ where: { id: f.brandB.id } })).toEqual(before);
    },
  },
  "deposit.createAddress": {
    input: async (f) => ({ subaccountId: (await brandASubaccount(f)).id, ...nextCurrency() }),
    isolation: refusesBrandBSubaccount("deposit.createAddress", { ccy: "USDT" }),
  },
  "deposit.setReceivingAccount": {
    input: async (f) => {
      const sub = await brandASubaccount(f);
      const { ccy } = nextCurrency();
      const made = await (await exchangeClientForBrand(db, f.brandA.id)).createDepositAddress({ subAcct: sub.subAcct, ccy });
      return { subaccountId: sub.id, ccy, chain: made.chain, addr: made.addr, to: turn % 2 ? "18" : "6" };
    },
    isolation: refusesBrandBSubaccount("deposit.setReceivingAccount", { ccy: "USDT", addr: "Tsomething", to: "18" }),
  },
};
