/**
 * Permission-matrix and brand-isolation cases for the bonus procedures (see tests/procedure-cases.ts).
 * Rows are written straight to the database: the fixture brands have no approval threshold (everything
 * needs approval), and items to approve are requested by another member (targetA), never the caller.
 */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { db, type Prisma } from "@/server/db/client";
import { postJournal } from "@/server/ledger/post";
import type { Fixture, ProcedureCase } from "../procedure-cases";
import { createTestCustomer } from "./customers";

type Call = (path: string, input?: unknown) => Promise<unknown>;

const tag = () => randomUUID().slice(0, 8);
const reason = "Promotion for loyal customers";

async function testAccount(brandId: string) {
  const customer = await createTestCustomer(brandId);
  return db.tradingAccount.create({ data: { brandId, customerId: customer.id, type: "spot", currency: "USDT" } });
}

export const createTestCampaign = (brandId: string, data: Partial<Prisma.BonusCampaignUncheckedCreateInput> = {}) =>
  db.bonusCampaign.create({
    data: {
      brandId,
      name: `Campaign ${tag()}`,
      type: "manual",
      amountRule: "fixed",
      fixedAmount: "5",
      currency: "USDT",
      budget: "100000",
      startsAt: new Date(Date.now() - 60_000),
      status: "active",
      ...data,
    },
  });

async function testGrant(brandId: string, data: Partial<Prisma.BonusGrantUncheckedCreateInput> = {}) {
  const account = await testAccount(brandId);
  return db.bonusGrant.create({
    data: {
      brandId,
      customerId: account.customerId,
      tradingAccountId: account.id,
      amount: "5",
      currency: "USDT",
      withdrawable: false,
      remaining: "0",
      status: "pending_approval",
      idempotencyKey: randomUUID(),
      ...data,
    },
  });
}

/** An applied non-withdrawable grant whose credit really sits in the account (posted through the ledger). */
async function fundedGrant(brandId: string) {
  const g = await testGrant(brandId, { status: "applied", remaining: "5", appliedAt: new Date() });
  await db.$transaction((tx) =>
    postJournal(tx, {
      brandId,
      kind: "bonus_grant",
      reference: { type: "bonus_grant", id: g.id },
      lines: [
        { account: { system: "bonus_funding", currency: "USDT", demo: false }, amount: "-5" },
        { account: { tradingAccountId: g.tradingAccountId, bucket: "bonus_non_withdrawable" }, amount: "5" },
      ],
    }),
  );
  return g;
}

async function pendingBatch(brandId: string, requestedById: string) {
  const batch = await db.bonusGrantBatch.create({
    data: { brandId, fileName: "g.csv", fileSha256: randomUUID(), rowCount: 1, totalAmount: "5", status: "pending_approval", requestedById },
  });
  await testGrant(brandId, { batchId: batch.id, requestedById });
  return batch;
}

const campaignFields = () => ({
  name: `Campaign ${tag()}`,
  type: "manual",
  amountRule: "fixed",
  fixedAmount: "5",
  currency: "USDT",
  budget: "1000",
  startsAt: new Date(),
  endsAt: null,
  validityDays: 30,
});

const csvFor = async (brandId: string) => {
  const a = await testAccount(brandId);
  const c = await db.customer.findUniqueOrThrow({ where: { id: a.customerId } });
  return `customer,account_type,currency,amount\n${c.uid},spot,USDT,5\n`;
};

const campaignState = async (id: string) => ({
  campaign: await db.bonusCampaign.findUniqueOrThrow({ where: { id } }),
  grants: await db.bonusGrant.count({ where: { campaignId: id } }),
  audit: await db.auditLog.count({ where: { entityId: id } }),
});
const grantState = async (id: string) => ({
  grant: await db.bonusGrant.findUniqueOrThrow({ where: { id } }),
  journals: await db.ledgerJournal.count({ where: { referenceId: id } }),
  audit: await db.auditLog.count({ where: { entityId: id } }),
});
const batchState = async (id: string) => ({
  batch: await db.bonusGrantBatch.findUniqueOrThrow({ where: { id } }),
  grants: await db.bonusGrant.findMany({ where: { batchId: id }, orderBy: { id: "asc" } }),
});

/** Aimed at brand B's campaign: NOT_FOUND, and the campaign unchanged. */
const refusesCampaignB =
  (path: string, input: (id: string) => unknown, data: Partial<Prisma.BonusCampaignUncheckedCreateInput> = {}) =>
  async (f: Fixture, call: Call) => {
    const target = await createTestCampaign(f.brandB.id, { requestedById: f.targetB.id, ...data });
    const before = await campaignState(target.id);
    await expect(call(path, input(target.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await campaignState(target.id)).toEqual(before);
  };

const refusesGrantB =
  (path: string, input: (id: string) => unknown, make: (brandId: string, f: Fixture) => Promise<{ id: string }>) =>
  async (f: Fixture, call: Call) => {
    const target = await make(f.brandB.id, f);
    const before = await grantState(target.id);
    await expect(call(path, input(target.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await grantState(target.id)).toEqual(before);
  };

const refusesBatchB = (path: string, input: (id: string) => unknown) => async (f: Fixture, call: Call) => {
  const target = await pendingBatch(f.brandB.id, f.targetB.id);
  const before = await batchState(target.id);
  await expect(call(path, input(target.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
  expect(await batchState(target.id)).toEqual(before);
};

export const BONUS_CASES: Record<string, ProcedureCase> = {
  // ── campaigns ────────────────────────────────────────────────────────────────────────────────────
  "bonus.campaign.list": {
    input: () => ({ page: 1, pageSize: 20 }),
    isolation: async (f, call) => {
      const own = await createTestCampaign(f.brandA.id);
      const other = await createTestCampaign(f.brandB.id);
      const ids = ((await call("bonus.campaign.list", { page: 1, pageSize: 100 })) as { rows: { id: string }[] }).rows.map((r) => r.id);
      expect(ids).toContain(own.id);
      expect(ids).not.toContain(other.id);
      expect(((await call("bonus.campaign.list", { page: 1, pageSize: 10, q: other.name })) as { total: number }).total).toBe(0);
    },
  },
  "bonus.campaign.get": {
    input: async (f) => ({ id: (await createTestCampaign(f.brandA.id)).id }),
    isolation: refusesCampaignB("bonus.campaign.get", (id) => ({ id })),
  },
  "bonus.campaign.stats": {
    input: async (f) => ({ id: (await createTestCampaign(f.brandA.id)).id }),
    isolation: refusesCampaignB("bonus.campaign.stats", (id) => ({ id })),
  },
  "bonus.campaign.create": {
    input: () => campaignFields(),
    isolation: async (f, call) => {
      const created = (await call("bonus.campaign.create", campaignFields())) as { id: string };
      expect((await db.bonusCampaign.findUniqueOrThrow({ where: { id: created.id } })).brandId).toBe(f.brandA.id);
      // Brand B's groups cannot be made eligible.
      const groupB = await db.customerGroup.create({ data: { brandId: f.brandB.id, name: `Group ${tag()}` } });
      const fields = { ...campaignFields(), eligibleGroupIds: [groupB.id] };
      await expect(call("bonus.campaign.create", fields)).rejects.toMatchObject({ code: "BAD_REQUEST" });
      expect(await db.bonusCampaign.count({ where: { name: fields.name } })).toBe(0);
    },
  },
  "bonus.campaign.update": {
    input: async (f) => {
      const c = await createTestCampaign(f.brandA.id, { status: "draft" });
      return { ...campaignFields(), id: c.id, version: 1 };
    },
    isolation: refusesCampaignB("bonus.campaign.update", (id) => ({ ...campaignFields(), id, version: 1 }), { status: "draft" }),
  },
  "bonus.campaign.submit": {
    input: async (f) => ({ id: (await createTestCampaign(f.brandA.id, { status: "draft" })).id, version: 1 }),
    isolation: refusesCampaignB("bonus.campaign.submit", (id) => ({ id, version: 1 }), { status: "draft" }),
  },
  "bonus.campaign.approve": {
    input: async (f) => ({ id: (await createTestCampaign(f.brandA.id, { status: "pending_approval", requestedById: f.targetA.id })).id }),
    isolation: refusesCampaignB("bonus.campaign.approve", (id) => ({ id }), { status: "pending_approval" }),
  },
  "bonus.campaign.reject": {
    input: async (f) => ({ id: (await createTestCampaign(f.brandA.id, { status: "pending_approval", requestedById: f.targetA.id })).id, reason }),
    isolation: refusesCampaignB("bonus.campaign.reject", (id) => ({ id, reason }), { status: "pending_approval" }),
  },
  "bonus.campaign.pause": {
    input: async (f) => ({ id: (await createTestCampaign(f.brandA.id)).id, version: 1 }),
    isolation: refusesCampaignB("bonus.campaign.pause", (id) => ({ id, version: 1 })),
  },
  "bonus.campaign.resume": {
    input: async (f) => ({ id: (await createTestCampaign(f.brandA.id, { status: "paused" })).id, version: 1 }),
    isolation: refusesCampaignB("bonus.campaign.resume", (id) => ({ id, version: 1 }), { status: "paused" }),
  },
  "bonus.campaign.end": {
    input: async (f) => ({ id: (await createTestCampaign(f.brandA.id)).id, version: 1 }),
    isolation: refusesCampaignB("bonus.campaign.end", (id) => ({ id, version: 1 })),
  },

  // ── grants ───────────────────────────────────────────────────────────────────────────────────────
  "bonus.grant.list": {
    input: () => ({ page: 1, pageSize: 20 }),
    isolation: async (f, call) => {
      const own = await testGrant(f.brandA.id);
      const other = await testGrant(f.brandB.id);
      const ids = ((await call("bonus.grant.list", { page: 1, pageSize: 100 })) as { rows: { id: string }[] }).rows.map((r) => r.id);
      expect(ids).toContain(own.id);
      expect(ids).not.toContain(other.id);
      const byCustomer = (await call("bonus.grant.list", { page: 1, pageSize: 10, customerId: other.customerId })) as { total: number };
      expect(byCustomer.total).toBe(0);
    },
  },
  "bonus.grant.forCustomer": {
    input: async (f) => ({ customerId: (await testAccount(f.brandA.id)).customerId }),
    isolation: async (f, call) => {
      const other = await testGrant(f.brandB.id);
      await expect(call("bonus.grant.forCustomer", { customerId: other.customerId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    },
  },
  "bonus.grant.grant": {
    input: async (f) => {
      const a = await testAccount(f.brandA.id);
      return { customerId: a.customerId, tradingAccountId: a.id, amount: "5", idempotencyKey: randomUUID(), reason };
    },
    isolation: async (f, call) => {
      const b = await testAccount(f.brandB.id);
      const key = randomUUID();
      await expect(call("bonus.grant.grant", { customerId: b.customerId, tradingAccountId: b.id, amount: "5", idempotencyKey: key, reason })).rejects.toMatchObject({ code: "NOT_FOUND" });
      // Nor brand A's customer with brand B's account, nor brand B's campaign.
      const a = await testAccount(f.brandA.id);
      await expect(call("bonus.grant.grant", { customerId: a.customerId, tradingAccountId: b.id, amount: "5", idempotencyKey: key, reason })).rejects.toMatchObject({ code: "NOT_FOUND" });
      const campaignB = await createTestCampaign(f.brandB.id);
      await expect(call("bonus.grant.grant", { campaignId: campaignB.id, customerId: a.customerId, tradingAccountId: a.id, idempotencyKey: key, reason })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await db.bonusGrant.count({ where: { idempotencyKey: key } })).toBe(0);
      expect((await db.tradingAccount.findUniqueOrThrow({ where: { id: b.id } })).version).toBe(b.version);
    },
  },
  "bonus.grant.approve": {
    input: async (f) => ({ id: (await testGrant(f.brandA.id, { requestedById: f.targetA.id })).id }),
    isolation: refusesGrantB("bonus.grant.approve", (id) => ({ id }), (brandId, f) => testGrant(brandId, { requestedById: f.targetB.id })),
  },
  "bonus.grant.reject": {
    input: async (f) => ({ id: (await testGrant(f.brandA.id, { requestedById: f.targetA.id })).id, reason }),
    isolation: refusesGrantB("bonus.grant.reject", (id) => ({ id, reason }), (brandId, f) => testGrant(brandId, { requestedById: f.targetB.id })),
  },
  "bonus.grant.revoke": {
    input: async (f) => ({ grantId: (await fundedGrant(f.brandA.id)).id, reason }),
    isolation: refusesGrantB("bonus.grant.revoke", (grantId) => ({ grantId, reason }), (brandId) => fundedGrant(brandId)),
  },
  "bonus.grant.release": {
    input: async (f) => ({ tradingAccountId: (await fundedGrant(f.brandA.id)).tradingAccountId, amount: "all", reason }),
    isolation: async (f, call) => {
      const g = await fundedGrant(f.brandB.id);
      const before = await grantState(g.id);
      const account = await db.tradingAccount.findUniqueOrThrow({ where: { id: g.tradingAccountId } });
      await expect(call("bonus.grant.release", { tradingAccountId: g.tradingAccountId, amount: "all", reason })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await grantState(g.id)).toEqual(before);
      expect(await db.tradingAccount.findUniqueOrThrow({ where: { id: g.tradingAccountId } })).toEqual(account);
    },
  },

  // ── CSV batches ──────────────────────────────────────────────────────────────────────────────────
  "bonus.batch.list": {
    input: () => ({}),
    isolation: async (f, call) => {
      const own = await pendingBatch(f.brandA.id, f.targetA.id);
      const other = await pendingBatch(f.brandB.id, f.targetB.id);
      const ids = ((await call("bonus.batch.list", {})) as { id: string }[]).map((r) => r.id);
      expect(ids).toContain(own.id);
      expect(ids).not.toContain(other.id);
    },
  },
  "bonus.batch.preview": {
    input: async (f) => ({ fileName: "g.csv", csv: await csvFor(f.brandA.id) }),
    isolation: async (f, call) => {
      const preview = (await call("bonus.batch.preview", { fileName: "g.csv", csv: await csvFor(f.brandB.id) })) as { problems: { field: string }[] };
      expect(preview.problems).toEqual([expect.objectContaining({ row: 2, field: "customer" })]);
      const campaignB = await createTestCampaign(f.brandB.id);
      await expect(call("bonus.batch.preview", { campaignId: campaignB.id, fileName: "g.csv", csv: await csvFor(f.brandA.id) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    },
  },
  "bonus.batch.submit": {
    input: async (f) => ({ fileName: "g.csv", csv: await csvFor(f.brandA.id), reason }),
    isolation: async (f, call) => {
      const csv = await csvFor(f.brandB.id);
      await expect(call("bonus.batch.submit", { fileName: "g.csv", csv, reason })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      const campaignB = await createTestCampaign(f.brandB.id);
      await expect(call("bonus.batch.submit", { campaignId: campaignB.id, fileName: "g.csv", csv: await csvFor(f.brandA.id), reason })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await db.bonusGrantBatch.count({ where: { campaignId: campaignB.id } })).toBe(0);
    },
  },
  "bonus.batch.approve": {
    input: async (f) => ({ id: (await pendingBatch(f.brandA.id, f.targetA.id)).id }),
    isolation: refusesBatchB("bonus.batch.approve", (id) => ({ id })),
  },
  "bonus.batch.reject": {
    input: async (f) => ({ id: (await pendingBatch(f.brandA.id, f.targetA.id)).id, reason }),
    isolation: refusesBatchB("bonus.batch.reject", (id) => ({ id, reason })),
  },

  // ── settings ─────────────────────────────────────────────────────────────────────────────────────
  "bonus.settings.get": {
    input: () => undefined,
    isolation: async (f, call) => {
      await db.brand.update({ where: { id: f.brandB.id }, data: { bonusApprovalThreshold: "777" } });
      await db.brand.update({ where: { id: f.brandA.id }, data: { bonusApprovalThreshold: null } });
      expect(await call("bonus.settings.get")).toEqual({ threshold: null });
    },
  },
  "bonus.settings.setThreshold": {
    // Null is the fixture's default: setting it leaves every other case's behaviour as it was.
    input: () => ({ threshold: null }),
    isolation: async (f, call) => {
      await db.brand.update({ where: { id: f.brandB.id }, data: { bonusApprovalThreshold: "777" } });
      await call("bonus.settings.setThreshold", { threshold: null });
      expect((await db.brand.findUniqueOrThrow({ where: { id: f.brandB.id } })).bonusApprovalThreshold?.toFixed()).toBe("777");
    },
  },
};
