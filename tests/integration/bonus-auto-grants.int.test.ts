/**
 * Automatic grants (server/bonuses/auto.ts, the bonus-auto-grants job) against the real database: who a
 * registration or first-deposit campaign grants, once; who it leaves for later (KYC level, fund lock,
 * pending deposit) and who never (registered or deposited before the campaign, first deposit in another
 * currency); budget exhaustion; two overlapping runs.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { processBonusAutoGrants } from "@/jobs/workers/bonus-auto-grants";
import { runAutomaticGrants } from "@/server/bonuses/auto";
import { db } from "@/server/db/client";
import { createTestCustomer } from "../cases/customers";
import { account, activeCampaign, newBrand, s } from "../helpers/bonuses";

const HOUR = 3_600_000;

const grantsOf = (campaignId: string) =>
  db.bonusGrant.findMany({ where: { campaignId }, select: { customerId: true, amount: true, status: true, tradingAccountId: true }, orderBy: { createdAt: "asc" } });

/** A sub-account linked to the customer, with deposits as the deposit sync would have stored them. */
async function deposits(brandId: string, customerId: string, list: { ccy: string; amount: string; state: number; at: Date }[]) {
  const sub = await db.subaccount.create({
    data: {
      brandId,
      subAcct: `auto${randomUUID().slice(0, 8)}`,
      uid: randomUUID().slice(0, 12),
      accountLevel: 1,
      enabled: true,
      canTransferOut: true,
      exchangeCreatedAt: new Date(),
      lastSyncedAt: new Date(),
      customerId,
    },
  });
  for (const d of list) {
    await db.deposit.create({
      data: { brandId, depId: randomUUID(), subAcct: sub.subAcct, subaccountId: sub.id, ccy: d.ccy, chain: `${d.ccy}-TRC20`, amount: d.amount, state: d.state, exchangeTs: d.at },
    });
  }
  return sub;
}

describe("registration campaigns", () => {
  it("grant each eligible customer registered since the start once, opening a spot account when there is none", async () => {
    const b = await newBrand(null);
    const c = await activeCampaign(b.admin, { type: "registration", fixedAmount: "5", minKycLevel: 1, startsAt: new Date(Date.now() - HOUR) });
    const before = await createTestCustomer(b.brandId, { kycLevel: 1, registeredAt: new Date(Date.now() - 2 * HOUR) });
    const withAccount = await account(b.brandId, {}, { kycLevel: 1 });
    const noAccount = await createTestCustomer(b.brandId, { kycLevel: 2 });
    const lowKyc = await createTestCustomer(b.brandId, { kycLevel: 0 });
    const frozen = await createTestCustomer(b.brandId, { kycLevel: 1, status: "frozen" });
    const locked = await account(b.brandId, {}, { kycLevel: 1 });
    await db.fundLock.create({ data: { brandId: b.brandId, tradingAccountId: locked.id, direction: "transfer_in", reason: "Under review" } });
    const demoOnly = await account(b.brandId, { demo: true }, { kycLevel: 1 });

    const first = await runAutomaticGrants(db, { brandId: b.brandId });
    expect(first).toMatchObject({ campaigns: 1, granted: 3, accountsOpened: 2, skipped: [] });
    const granted = await grantsOf(c.id);
    expect(granted.map((g) => g.customerId).sort()).toEqual([withAccount.customerId, noAccount.id, demoOnly.customerId].sort());
    expect(granted.every((g) => g.status === "applied" && s(g.amount) === "5")).toBe(true);
    expect(granted.find((g) => g.customerId === withAccount.customerId)!.tradingAccountId).toBe(withAccount.id);
    const opened = await db.tradingAccount.findFirstOrThrow({ where: { customerId: noAccount.id } });
    expect(opened).toMatchObject({ type: "spot", currency: "USDT", demo: false });
    expect(s(opened.bonusNonWithdrawable)).toBe("5");
    expect(s((await db.tradingAccount.findUniqueOrThrow({ where: { id: demoOnly.id } })).bonusNonWithdrawable)).toBe("0");
    const audit = await db.auditLog.findMany({ where: { entityId: opened.id }, select: { action: true, actorType: true } });
    expect(audit).toEqual([{ action: "trading_account.open", actorType: "system" }]);

    // A second run grants nothing more; the customer who reaches the KYC level is granted on the next one.
    expect(await runAutomaticGrants(db, { brandId: b.brandId })).toMatchObject({ granted: 0, accountsOpened: 0 });
    await db.customer.update({ where: { id: lowKyc.id }, data: { kycLevel: 1 } });
    await db.fundLock.updateMany({ where: { tradingAccountId: locked.id }, data: { endedAt: new Date(), endReason: "manual" } });
    expect(await runAutomaticGrants(db, { brandId: b.brandId })).toMatchObject({ granted: 2 });
    const finalIds = (await grantsOf(c.id)).map((g) => g.customerId);
    expect(finalIds).toHaveLength(5);
    expect(finalIds).not.toContain(before.id);
    expect(finalIds).not.toContain(frozen.id);
    expect(s((await db.bonusCampaign.findUniqueOrThrow({ where: { id: c.id } })).granted)).toBe("25");
  });

  it("stop at a spent budget, say so once, and grant nothing to a paused campaign's customers", async () => {
    const b = await newBrand(null);
    const c = await activeCampaign(b.admin, { type: "registration", fixedAmount: "4", budget: "10" });
    for (let i = 0; i < 4; i++) await account(b.brandId);
    const run = await runAutomaticGrants(db, { brandId: b.brandId });
    expect(run.granted).toBe(2);
    expect(run.skipped).toEqual([{ campaignId: c.id, customerId: null, reason: expect.stringMatching(/budget left/) }]);
    expect(s((await db.bonusCampaign.findUniqueOrThrow({ where: { id: c.id } })).granted)).toBe("8");

    const other = await activeCampaign(b.admin, { type: "registration", fixedAmount: "1" });
    await db.bonusCampaign.update({ where: { id: other.id }, data: { status: "paused" } });
    expect((await runAutomaticGrants(db, { brandId: b.brandId })).campaigns).toBe(1);
    expect(await grantsOf(other.id)).toEqual([]);
  });

  it("two overlapping runs (the job on two workers) grant each customer once", async () => {
    const b = await newBrand(null);
    const c = await activeCampaign(b.admin, { type: "registration", fixedAmount: "1", budget: "100" });
    for (let i = 0; i < 12; i++) await createTestCustomer(b.brandId);
    const runs = await Promise.all([processBonusAutoGrants({ brandId: b.brandId }, db), processBonusAutoGrants({ brandId: b.brandId }, db)]);
    expect(runs[0].granted + runs[1].granted).toBe(12);
    const granted = await grantsOf(c.id);
    expect(new Set(granted.map((g) => g.customerId)).size).toBe(12);
    expect(granted).toHaveLength(12);
    // One spot account each, however the runs raced to open them.
    expect(await db.tradingAccount.count({ where: { brandId: b.brandId } })).toBe(12);
    expect(s((await db.bonusCampaign.findUniqueOrThrow({ where: { id: c.id } })).granted)).toBe("12");
  });

  it("the job refuses a malformed payload", async () => {
    await expect(processBonusAutoGrants({ brandId: "nope" }, db)).rejects.toThrow();
  });
});

describe("first-deposit campaigns", () => {
  it("grant a percent of each customer's first credited deposit, in the campaign's currency and window, once", async () => {
    const b = await newBrand(null);
    const start = new Date(Date.now() - HOUR);
    const c = await activeCampaign(b.admin, { type: "first_deposit", amountRule: "percent_of_deposit", fixedAmount: undefined, percent: "10", capAmount: "20", startsAt: start });
    const soon = (min: number) => new Date(start.getTime() + min * 60_000);

    const plain = await account(b.brandId);
    await deposits(b.brandId, plain.customerId, [
      { ccy: "USDT", amount: "150", state: 2, at: soon(5) },
      { ccy: "USDT", amount: "900", state: 2, at: soon(10) },
    ]);
    const capped = await createTestCustomer(b.brandId);
    await deposits(b.brandId, capped.id, [{ ccy: "USDT", amount: "1000", state: 1, at: soon(6) }]);
    const btcFirst = await account(b.brandId);
    await deposits(b.brandId, btcFirst.customerId, [
      { ccy: "BTC", amount: "0.1", state: 2, at: soon(1) },
      { ccy: "USDT", amount: "50", state: 2, at: soon(2) },
    ]);
    const earlier = await account(b.brandId);
    await deposits(b.brandId, earlier.customerId, [
      { ccy: "USDT", amount: "70", state: 2, at: new Date(start.getTime() - HOUR) },
      { ccy: "USDT", amount: "80", state: 2, at: soon(3) },
    ]);
    const pending = await account(b.brandId);
    const pendingSub = await deposits(b.brandId, pending.customerId, [{ ccy: "USDT", amount: "40", state: 0, at: soon(4) }]);

    const first = await runAutomaticGrants(db, { brandId: b.brandId });
    expect(first).toMatchObject({ granted: 2, accountsOpened: 1, skipped: [] });
    const byCustomer = new Map((await grantsOf(c.id)).map((g) => [g.customerId, s(g.amount)]));
    expect(Object.fromEntries(byCustomer)).toEqual({ [plain.customerId]: "15", [capped.id]: "20" });

    // The pending deposit is credited: granted on the next run, and only then.
    await db.deposit.updateMany({ where: { subaccountId: pendingSub.id }, data: { state: 2 } });
    expect(await runAutomaticGrants(db, { brandId: b.brandId })).toMatchObject({ granted: 1 });
    expect(await runAutomaticGrants(db, { brandId: b.brandId })).toMatchObject({ granted: 0 });
    const amounts = (await grantsOf(c.id)).map((g) => s(g.amount)).sort();
    expect(amounts).toEqual(["15", "20", "4"]);
    expect(s((await db.tradingAccount.findUniqueOrThrow({ where: { id: plain.id } })).bonusNonWithdrawable)).toBe("15");
  });

  it("leave other brands' customers and campaigns alone", async () => {
    const a = await newBrand(null);
    const other = await newBrand(null);
    const c = await activeCampaign(a.admin, { type: "registration", fixedAmount: "2" });
    await account(other.brandId);
    await account(a.brandId);
    await runAutomaticGrants(db, { brandId: other.brandId });
    expect(await grantsOf(c.id)).toEqual([]);
    await runAutomaticGrants(db, { brandId: a.brandId });
    const granted = await grantsOf(c.id);
    expect(granted).toHaveLength(1);
    expect((await db.customer.findUniqueOrThrow({ where: { id: granted[0].customerId } })).brandId).toBe(a.brandId);
  });
});
