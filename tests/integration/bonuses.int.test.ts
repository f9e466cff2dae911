/**
 * Bonuses against the real database: campaign rules and maker-checker, grants (threshold, idempotency, budget
 * under 50 concurrent grants, the same key 20 times at once), CSV preview / submit all-or-none / batch
 * approval, release FIFO, revoke and expiry with shortfall (and two expiry runs at once), and a fast-check
 * property over random grant / release / drain / revoke / expire sequences. Automatic grants: bonus-auto-grants.int.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { processBonusExpiry } from "@/jobs/workers/bonus-expiry";
import * as batches from "@/server/bonuses/batches";
import * as campaigns from "@/server/bonuses/campaigns";
import { approveGrant, rejectGrant } from "@/server/bonuses/grant-approval";
import { expireDue, revoke } from "@/server/bonuses/grant-clawback";
import { grant } from "@/server/bonuses/grant-create";
import { release } from "@/server/bonuses/grant-release";
import { campaignStats } from "@/server/bonuses/stats";
import { db, type Prisma } from "@/server/db/client";
import { postJournal } from "@/server/ledger/post";
import { verifyLedger } from "@/server/ledger/verify";
import { createTestGroup } from "../cases/customers";
import { account, activeCampaign, fields, newBrand, s } from "../helpers/bonuses";

const reason = "Marketing promotion";
const ta = (id: string) => db.tradingAccount.findUniqueOrThrow({ where: { id } });
const grantRow = (id: string) => db.bonusGrant.findUniqueOrThrow({ where: { id } });
const campaignRow = (id: string) => db.bonusCampaign.findUniqueOrThrow({ where: { id } });
const auditActions = async (entityId: string) => (await db.auditLog.findMany({ where: { entityId }, orderBy: { seq: "asc" } })).map((a) => a.action);
const journalsOf = (referenceId: string) => db.ledgerJournal.findMany({ where: { referenceId }, include: { lines: true } });

describe("campaigns", () => {
  let b: Awaited<ReturnType<typeof newBrand>>;
  beforeAll(async () => {
    b = await newBrand("500");
  });

  it.each([
    [{ fixedAmount: undefined }, "fixedAmount"],
    [{ amountRule: "percent_of_deposit" as const, fixedAmount: undefined, percent: "0", capAmount: "5" }, "percent"],
    [{ amountRule: "percent_of_deposit" as const, fixedAmount: undefined, percent: "120", capAmount: "5" }, "percent"],
    [{ amountRule: "percent_of_deposit" as const, fixedAmount: undefined, percent: "10" }, "capAmount"],
    [{ currency: "usdt" }, "currency"],
    [{ startsAt: new Date("2026-01-02"), endsAt: new Date("2026-01-01") }, "endsAt"],
  ])("refuses %o naming %s", async (patch, field) => {
    await expect(campaigns.createCampaign(b.maker, fields(patch))).rejects.toMatchObject({ code: "VALIDATION", field });
  });

  it("edits a draft, goes live at once under the threshold, pauses, resumes, ends — all audited", async () => {
    const c = await campaigns.createCampaign(b.maker, fields({ budget: "400" }));
    expect(c.status).toBe("draft");
    const edited = await campaigns.updateCampaign(b.maker, { ...fields({ name: c.name, budget: "450" }), id: c.id, version: c.version });
    expect(edited.budget).toBe("450");
    await expect(campaigns.updateCampaign(b.maker, { ...fields({ name: c.name }), id: c.id, version: c.version })).rejects.toMatchObject({ code: "CONFLICT", reason: "bonuses.errors.staleVersion" });
    const live = await campaigns.submitCampaign(b.maker, { id: c.id, version: edited.version });
    expect(live.status).toBe("active");
    await expect(campaigns.updateCampaign(b.maker, { ...fields({ name: c.name }), id: c.id, version: live.version })).rejects.toMatchObject({
      code: "CONFLICT",
      reason: "bonuses.errors.campaignNotEditable.active",
      message: "A campaign that is active cannot be edited",
    });
    const paused = await campaigns.pauseCampaign(b.maker, { id: c.id, version: live.version });
    const resumed = await campaigns.resumeCampaign(b.maker, { id: c.id, version: paused.version });
    const ended = await campaigns.endCampaign(b.maker, { id: c.id, version: resumed.version });
    expect([paused.status, resumed.status, ended.status]).toEqual(["paused", "active", "ended"]);
    expect(await auditActions(c.id)).toEqual([
      "bonus.campaign_create",
      "bonus.campaign_update",
      "bonus.campaign_submit",
      "bonus.campaign_pause",
      "bonus.campaign_resume",
      "bonus.campaign_end",
    ]);
  });

  it("above the threshold waits for a different admin: the requester cannot approve, another can; reject sends it back to draft", async () => {
    const c = await campaigns.createCampaign(b.admin, fields({ budget: "501" }));
    const pending = await campaigns.submitCampaign(b.admin, { id: c.id, version: c.version });
    expect(pending.status).toBe("pending_approval");
    await expect(campaigns.approveCampaign(b.admin, { id: c.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(campaigns.approveCampaign(b.maker, { id: c.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const approved = await campaigns.approveCampaign(b.admin2, { id: c.id });
    expect(approved).toMatchObject({ status: "active", approvedBy: { id: b.admin2.actor.id }, requestedBy: { id: b.admin.actor.id } });

    const d = await campaigns.createCampaign(b.maker, fields({ budget: "900" }));
    await campaigns.submitCampaign(b.maker, { id: d.id, version: d.version });
    await expect(campaigns.rejectCampaign(b.maker, { id: d.id, reason: "Too big" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await campaigns.rejectCampaign(b.admin, { id: d.id, reason: "Too big" })).status).toBe("draft");
  });

  it("refuses to end a campaign awaiting approval, leaving it pending", async () => {
    const c = await campaigns.createCampaign(b.maker, fields({ budget: "800" }));
    const pending = await campaigns.submitCampaign(b.maker, { id: c.id, version: c.version });
    expect(pending.status).toBe("pending_approval");
    await expect(campaigns.endCampaign(b.maker, { id: c.id, version: pending.version })).rejects.toMatchObject({
      code: "CONFLICT",
      reason: "bonuses.errors.campaignNotEndable.pendingApproval",
    });
    expect(await campaignRow(c.id)).toMatchObject({ status: "pending_approval", version: pending.version });
    expect(await auditActions(c.id)).toEqual(["bonus.campaign_create", "bonus.campaign_submit"]);
  });

  it("with no threshold set, every campaign needs approval", async () => {
    const nb = await newBrand(null);
    const c = await campaigns.createCampaign(nb.maker, fields({ budget: "1" }));
    expect((await campaigns.submitCampaign(nb.maker, { id: c.id, version: c.version })).status).toBe("pending_approval");
  });
});

describe("grants", () => {
  let b: Awaited<ReturnType<typeof newBrand>>;
  beforeAll(async () => {
    b = await newBrand("100");
  });

  it("applies a grant under the threshold: journal, balance, campaign total, expiry, audit; a repeat of the key is a no-op", async () => {
    const c = await activeCampaign(b.maker, { validityDays: 7 });
    const a = await account(b.brandId);
    const input = { campaignId: c.id, customerId: a.customerId, tradingAccountId: a.id, idempotencyKey: randomUUID(), reason };
    const g = await grant(b.maker, input);
    expect(g).toMatchObject({ status: "applied", amount: "10", remaining: "10", withdrawable: false, replayed: false });
    expect(g.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);
    expect(s((await ta(a.id)).bonusNonWithdrawable)).toBe("10");
    expect(s((await campaignRow(c.id)).granted)).toBe("10");
    const journals = await journalsOf(g.id);
    expect(journals).toHaveLength(1);
    expect(journals[0].lines.reduce((sum, l) => sum + Number(l.amount), 0)).toBe(0);
    expect(await auditActions(g.id)).toEqual(["bonus.grant"]);

    const again = await grant(b.maker, input);
    expect(again).toMatchObject({ id: g.id, replayed: true });
    expect(s((await ta(a.id)).bonusNonWithdrawable)).toBe("10");
    await expect(grant(b.maker, { ...input, tradingAccountId: (await account(b.brandId)).id })).rejects.toMatchObject({ code: "CONFLICT", field: "idempotencyKey" });
  });

  it("above the threshold: pending, nothing posted; the requester cannot approve, another admin applies it", async () => {
    const a = await account(b.brandId);
    const g = await grant(b.admin, { customerId: a.customerId, tradingAccountId: a.id, amount: "150", withdrawable: true, idempotencyKey: randomUUID(), reason });
    expect(g).toMatchObject({ status: "pending_approval", remaining: "0" });
    expect(await journalsOf(g.id)).toHaveLength(0);
    await expect(approveGrant(b.admin, { id: g.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const approved = await approveGrant(b.admin2, { id: g.id });
    expect(approved).toMatchObject({ status: "applied", remaining: "150", approvedBy: { id: b.admin2.actor.id } });
    expect(s((await ta(a.id)).bonusWithdrawable)).toBe("150");
    await expect(approveGrant(b.admin2, { id: g.id })).rejects.toMatchObject({ code: "CONFLICT" });

    const r = await grant(b.maker, { customerId: a.customerId, tradingAccountId: a.id, amount: "101", idempotencyKey: randomUUID(), reason });
    expect((await rejectGrant(b.admin, { id: r.id, reason: "Not agreed" })).status).toBe("rejected");
    expect(await auditActions(r.id)).toEqual(["bonus.grant_request", "bonus.grant_reject"]);
  });

  it("refuses a foreign account, another currency, an ineligible customer, a locked account, a paused campaign", async () => {
    const group = await createTestGroup(b.brandId);
    const c = await activeCampaign(b.maker, { eligibleGroupIds: [group.id], eligibleCountries: ["SG"], minKycLevel: 1 });
    const ok = await account(b.brandId, {}, { groupId: group.id, kycLevel: 1 });
    const key = () => randomUUID();
    const base = { campaignId: c.id, customerId: ok.customerId, reason };
    const other = await account(b.brandId, {}, { groupId: group.id, kycLevel: 1 });
    await expect(grant(b.maker, { ...base, tradingAccountId: other.id, idempotencyKey: key() })).rejects.toMatchObject({ field: "tradingAccountId" });
    const btc = await account(b.brandId, { customerId: ok.customerId, currency: "BTC" });
    await expect(grant(b.maker, { ...base, tradingAccountId: btc.id, idempotencyKey: key() })).rejects.toMatchObject({ field: "tradingAccountId" });
    const lowKyc = await account(b.brandId, {}, { groupId: group.id, kycLevel: 0 });
    await expect(grant(b.maker, { ...base, customerId: lowKyc.customerId, tradingAccountId: lowKyc.id, idempotencyKey: key() })).rejects.toMatchObject({
      code: "CONFLICT",
      reason: "bonuses.errors.kycLevelTooLow",
      params: { required: 1, level: 0 },
      message: "The campaign needs KYC level 1; the customer has level 0",
    });
    const noGroup = await account(b.brandId, {}, { kycLevel: 1 });
    await expect(grant(b.maker, { ...base, customerId: noGroup.customerId, tradingAccountId: noGroup.id, idempotencyKey: key() })).rejects.toMatchObject({ code: "CONFLICT" });
    await db.fundLock.create({ data: { brandId: b.brandId, tradingAccountId: ok.id, direction: "transfer_in", reason: "Under review" } });
    await expect(grant(b.maker, { ...base, tradingAccountId: ok.id, idempotencyKey: key() })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/Under review/) });
    await campaigns.pauseCampaign(b.maker, { id: c.id, version: c.version });
    const fresh = await account(b.brandId, {}, { groupId: group.id, kycLevel: 1 });
    await expect(grant(b.maker, { ...base, customerId: fresh.customerId, tradingAccountId: fresh.id, idempotencyKey: key() })).rejects.toMatchObject({
      code: "CONFLICT",
      field: "campaignId",
      reason: "bonuses.errors.campaignInactive.paused",
      message: `Campaign "${c.name}" is paused; it grants only while active`,
    });
    expect(await db.bonusGrant.count({ where: { campaignId: c.id } })).toBe(0);
  });

  it("works out a percent-of-deposit amount, capped", async () => {
    const c = await activeCampaign(b.maker, { amountRule: "percent_of_deposit", fixedAmount: undefined, percent: "20", capAmount: "30" });
    const a = await account(b.brandId);
    const one = await grant(b.maker, { campaignId: c.id, customerId: a.customerId, tradingAccountId: a.id, depositAmount: "12.5", idempotencyKey: randomUUID(), reason });
    const two = await grant(b.maker, { campaignId: c.id, customerId: a.customerId, tradingAccountId: a.id, depositAmount: "1000", idempotencyKey: randomUUID(), reason });
    expect([one.amount, two.amount]).toEqual(["2.5", "30"]);
    await expect(grant(b.maker, { campaignId: c.id, customerId: a.customerId, tradingAccountId: a.id, idempotencyKey: randomUUID(), reason })).rejects.toMatchObject({ field: "depositAmount" });
  });

  it("50 parallel grants against one budget never overspend", { timeout: 120_000 }, async () => {
    const c = await activeCampaign(b.maker, { fixedAmount: "3", budget: "100" });
    const accounts = await Promise.all(Array.from({ length: 50 }, () => account(b.brandId)));
    const results = await Promise.allSettled(
      accounts.map((a) => grant(b.maker, { campaignId: c.id, customerId: a.customerId, tradingAccountId: a.id, idempotencyKey: randomUUID(), reason })),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(33);
    for (const r of refused) expect(r.reason).toMatchObject({ code: "CONFLICT", reason: "bonuses.errors.budgetExceeded", message: expect.stringMatching(/budget left/) });
    const campaign = await campaignRow(c.id);
    expect(s(campaign.granted)).toBe("99");
    const applied = await db.bonusGrant.aggregate({ where: { campaignId: c.id, status: "applied" }, _sum: { amount: true }, _count: true });
    expect([s(applied._sum.amount!), applied._count]).toEqual(["99", 33]);
    const held = await db.tradingAccount.aggregate({ where: { id: { in: accounts.map((a) => a.id) } }, _sum: { bonusNonWithdrawable: true } });
    expect(s(held._sum.bonusNonWithdrawable!)).toBe("99");
  });

  it("the same idempotency key sent 20 times at once applies once", async () => {
    const c = await activeCampaign(b.maker);
    const a = await account(b.brandId);
    const input = { campaignId: c.id, customerId: a.customerId, tradingAccountId: a.id, idempotencyKey: randomUUID(), reason };
    const results = await Promise.all(Array.from({ length: 20 }, () => grant(b.maker, input)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await db.bonusGrant.count({ where: { brandId: b.brandId, idempotencyKey: input.idempotencyKey } })).toBe(1);
    expect(await journalsOf(results[0].id)).toHaveLength(1);
    expect(s((await ta(a.id)).bonusNonWithdrawable)).toBe("10");
    expect(s((await campaignRow(c.id)).granted)).toBe("10");
  });
});

describe("release, revoke and expiry", () => {
  let b: Awaited<ReturnType<typeof newBrand>>;
  beforeAll(async () => {
    b = await newBrand("1000");
  });

  const give = (campaignId: string, a: { id: string; customerId: string }, amount?: string) =>
    grant(b.maker, { campaignId, customerId: a.customerId, tradingAccountId: a.id, amount, idempotencyKey: randomUUID(), reason });

  it("releases part then all, oldest grants first, into the withdrawable bucket", async () => {
    const c = await activeCampaign(b.maker);
    const a = await account(b.brandId);
    const g1 = await give(c.id, a, "5");
    const g2 = await give(c.id, a, "10");
    const part = await release(b.maker, { tradingAccountId: a.id, amount: "7", reason: "Volume reached" });
    expect(part.grants).toEqual([{ id: g1.id, released: "5" }, { id: g2.id, released: "2" }]);
    expect((await grantRow(g1.id)).status).toBe("closed");
    await expect(release(b.maker, { tradingAccountId: a.id, amount: "9", reason: "Too much" })).rejects.toMatchObject({ code: "CONFLICT", field: "amount" });
    const rest = await release(b.maker, { tradingAccountId: a.id, amount: "all", reason: "Volume reached" });
    expect(rest.released).toBe("8");
    const after = await ta(a.id);
    expect([s(after.bonusNonWithdrawable), s(after.bonusWithdrawable)]).toEqual(["0", "15"]);
    expect(s((await campaignRow(c.id)).released)).toBe("15");
    expect(await auditActions(a.id)).toEqual(["bonus.release", "bonus.release"]);
  });

  it("a revoke takes what is left and records the shortfall; the balance never goes below zero", async () => {
    const c = await activeCampaign(b.maker);
    const a = await account(b.brandId);
    const g = await give(c.id, a, "10");
    // The customer used 7 of it (traded away): drain the bucket directly.
    await db.$transaction((tx) =>
      postJournal(tx, {
        brandId: b.brandId,
        kind: "test_drain",
        reference: { type: "test", id: randomUUID() },
        lines: [
          { account: { tradingAccountId: a.id, bucket: "bonus_non_withdrawable" }, amount: "-7" },
          { account: { system: "external", currency: "USDT", demo: false }, amount: "7" },
        ],
      }),
    );
    const revoked = await revoke(b.maker, { grantId: g.id, reason: "Abuse" });
    expect(revoked).toMatchObject({ status: "closed", remaining: "0", revoked: "3", shortfall: "7" });
    expect(s((await ta(a.id)).bonusNonWithdrawable)).toBe("0");
    expect(s((await campaignRow(c.id)).revoked)).toBe("3");
    await expect(revoke(b.maker, { grantId: g.id, reason: "Again" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a revoke succeeds whatever the fund locks", async () => {
    const c = await activeCampaign(b.maker);
    const a = await account(b.brandId);
    const g = await give(c.id, a, "4");
    await db.fundLock.create({ data: { brandId: b.brandId, tradingAccountId: a.id, direction: "both", reason: "Frozen for review" } });
    expect((await revoke(b.maker, { grantId: g.id, reason: "Abuse" })).revoked).toBe("4");
  });

  it("expiry claws back once even when two runs go at once, recording a shortfall when credit was used", async () => {
    const c = await activeCampaign(b.maker, { withdrawable: true });
    const a = await account(b.brandId);
    const g1 = await give(c.id, a, "6");
    const g2 = await give(c.id, a, "4");
    // Withdrawable grants: nothing to release.
    await expect(release(b.maker, { tradingAccountId: a.id, amount: "all", reason: "Nothing to do" })).rejects.toMatchObject({ code: "CONFLICT" });
    await db.$transaction((tx) =>
      postJournal(tx, {
        brandId: b.brandId,
        kind: "test_drain",
        reference: { type: "test", id: randomUUID() },
        lines: [
          { account: { tradingAccountId: a.id, bucket: "bonus_withdrawable" }, amount: "-8" },
          { account: { system: "external", currency: "USDT", demo: false }, amount: "8" },
        ],
      }),
    );
    await db.bonusGrant.update({ where: { id: g1.id }, data: { expiresAt: new Date(Date.now() - 2000) } });
    await db.bonusGrant.update({ where: { id: g2.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const [r1, r2] = await Promise.all([processBonusExpiry({}, db), processBonusExpiry({}, db)]);
    expect(r1.expired + r2.expired).toBe(2);
    const [e1, e2] = [await grantRow(g1.id), await grantRow(g2.id)];
    // 2 left in the bucket: the older grant takes it, the other is all shortfall.
    expect([s(e1.expired), s(e1.shortfall), s(e2.expired), s(e2.shortfall)]).toEqual(["2", "4", "0", "4"]);
    expect([e1.status, e2.status]).toEqual(["closed", "closed"]);
    expect(s((await ta(a.id)).bonusWithdrawable)).toBe("0");
    expect(await db.ledgerJournal.count({ where: { referenceId: { in: [g1.id, g2.id] }, kind: "bonus_expire" } })).toBe(1);
    expect(await auditActions(g1.id)).toEqual(["bonus.grant", "bonus.grant_expire"]);
    const stats = await campaignStats(b.maker, { id: c.id });
    expect(stats).toMatchObject({ granted: "10", expired: "2", remainingBudget: "990", grants: 2 });
    expect(stats.series.at(-1)).toMatchObject({ granted: "10", clawedBack: "2", cumulativeGranted: "10" });
  });
});

describe("CSV batches", () => {
  let b: Awaited<ReturnType<typeof newBrand>>;
  beforeAll(async () => {
    b = await newBrand("100");
  });

  async function customers(n: number) {
    return Promise.all(Array.from({ length: n }, () => account(b.brandId)));
  }
  const uidOf = async (customerId: string) => String((await db.customer.findUniqueOrThrow({ where: { id: customerId } })).uid);

  it("reports problems by row and field and writes nothing; submitting it refuses the whole file", async () => {
    const c = await activeCampaign(b.maker, { budget: "1000" });
    const [a1, a2] = await customers(2);
    const email2 = (await db.customer.findUniqueOrThrow({ where: { id: a2.customerId } })).email;
    const csv = [
      "customer,account_type,amount,idempotency_key",
      `${await uidOf(a1.customerId)},spot,5,k-${c.id}-1`,
      `${email2},spot,abc,k-${c.id}-2`,
      `99999999999,spot,5,k-${c.id}-3`,
      `${await uidOf(a1.customerId)},futures,5,k-${c.id}-1`,
    ].join("\n");
    const preview = await batches.previewBatch(b.maker, { campaignId: c.id, fileName: "g.csv", csv });
    expect(preview.problems.map((p) => [p.row, p.field])).toEqual([
      [3, "amount"],
      [4, "customer"],
      [5, "account_type"],
      [5, "idempotency_key"],
    ]);
    expect(preview.problems.map((p) => [p.reason, p.params, p.message])).toEqual([
      ["bonuses.errors.csv.amountInvalid", { amount: "abc" }, '"abc" is not a positive decimal amount'],
      ["bonuses.errors.csv.customerUnknown", {}, "No customer of this brand has this uid or email"],
      ["bonuses.errors.csv.noAccountOfType.futures", { currency: "USDT" }, "The customer has no futures USDT account"],
      ["bonuses.errors.csv.duplicateKey", { row: 2 }, "Row 2 has the same idempotency key"],
    ]);
    await expect(batches.submitBatch(b.maker, { campaignId: c.id, fileName: "g.csv", csv, reason })).rejects.toMatchObject({
      code: "VALIDATION",
      field: "csv",
      reason: "bonuses.errors.batchHasProblems",
      params: { count: 4 },
      message: "The file has 4 problem(s); nothing was granted. Preview it to see them by row",
    });
    expect(await db.bonusGrant.count({ where: { campaignId: c.id } })).toBe(0);
    expect(await db.bonusGrantBatch.count({ where: { campaignId: c.id } })).toBe(0);
  });

  it("applies a valid file at once under the threshold, with derived keys; the same file again is refused", async () => {
    const c = await activeCampaign(b.maker, { budget: "1000" });
    const accts = await customers(5);
    const csv = ["customer,trading_account_id,amount", ...(await Promise.all(accts.map(async (a, i) => `${await uidOf(a.customerId)},${a.id},${i + 1}.5`)))].join("\r\n");
    const preview = await batches.previewBatch(b.maker, { campaignId: c.id, fileName: "g.csv", csv });
    expect(preview).toMatchObject({ problems: [], rowCount: 5, totalAmount: "17.5", needsApproval: false });
    const batch = await batches.submitBatch(b.maker, { campaignId: c.id, fileName: "g.csv", csv, reason });
    expect(batch).toMatchObject({ status: "applied", rowCount: 5, totalAmount: "17.5" });
    expect(s((await campaignRow(c.id)).granted)).toBe("17.5");
    expect(s((await ta(accts[4].id)).bonusNonWithdrawable)).toBe("5.5");
    const created = await db.bonusGrant.findMany({ where: { batchId: batch.id }, orderBy: { idempotencyKey: "asc" } });
    expect(created.every((g) => g.status === "applied" && g.expiresAt !== null && g.remaining.equals(g.amount))).toBe(true);
    expect(created[0].idempotencyKey).toMatch(/^csv:[0-9a-f]{16}:2$/);
    const again = await batches.previewBatch(b.maker, { campaignId: c.id, fileName: "g.csv", csv });
    expect(again.problems.filter((p) => p.field === "idempotency_key")).toHaveLength(5);
    expect(await auditActions(batch.id)).toEqual(["bonus.batch_apply"]);
  });

  it("refuses a file the budget cannot cover", async () => {
    const c = await activeCampaign(b.maker, { budget: "10" });
    const accts = await customers(3);
    const csv = ["customer,account_type,amount", ...(await Promise.all(accts.map(async (a) => `${await uidOf(a.customerId)},spot,4`)))].join("\n");
    const preview = await batches.previewBatch(b.maker, { campaignId: c.id, fileName: "g.csv", csv });
    expect(preview.problems).toEqual([expect.objectContaining({ row: 1, field: "amount" })]);
    await expect(batches.submitBatch(b.maker, { campaignId: c.id, fileName: "g.csv", csv, reason })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("above the threshold waits; the uploader cannot approve; another admin applies all rows or rejects them", async () => {
    const c = await activeCampaign(b.maker, { budget: "1000" });
    const accts = await customers(3);
    const csv = ["customer,account_type,amount", ...(await Promise.all(accts.map(async (a) => `${await uidOf(a.customerId)},spot,50`)))].join("\n");
    const batch = await batches.submitBatch(b.admin, { campaignId: c.id, fileName: "big.csv", csv, reason });
    expect(batch.status).toBe("pending_approval");
    expect(s((await ta(accts[0].id)).bonusNonWithdrawable)).toBe("0");
    await expect(batches.approveBatch(b.admin, { id: batch.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const approved = await batches.approveBatch(b.admin2, { id: batch.id });
    expect(approved.status).toBe("applied");
    expect(s((await campaignRow(c.id)).granted)).toBe("150");
    const created = await db.bonusGrant.findMany({ where: { batchId: batch.id } });
    expect(created.every((g) => g.status === "applied" && s(g.remaining) === "50")).toBe(true);

    const csv2 = ["customer,account_type,amount,idempotency_key", ...(await Promise.all(accts.map(async (a, i) => `${await uidOf(a.customerId)},spot,60,second-${c.id}-${i}`)))].join("\n");
    const second = await batches.submitBatch(b.maker, { campaignId: c.id, fileName: "b2.csv", csv: csv2, reason });
    expect((await batches.rejectBatch(b.admin, { id: second.id, reason: "Not this month" })).status).toBe("rejected");
    expect(await db.bonusGrant.count({ where: { batchId: second.id, status: "rejected" } })).toBe(3);
  });
});

describe("a batch and a single grant racing for the same key", () => {
  it("never deadlock: the key goes to one of them, the books stay balanced, the loser is told why", { timeout: 120_000 }, async () => {
    const b = await newBrand("100000");
    const c = await activeCampaign(b.maker, { budget: "100000" });
    const accts = await Promise.all(Array.from({ length: 40 }, () => account(b.brandId)));
    const uids = await Promise.all(accts.map(async (a) => String((await db.customer.findUniqueOrThrow({ where: { id: a.customerId } })).uid)));
    for (let round = 0; round < 6; round++) {
      const shared = `race-${round}-${randomUUID()}`;
      // The shared key sits on a different account each round, so the two meet at different points.
      const target = accts[(round * 7) % accts.length];
      const csv = ["customer,account_type,amount,idempotency_key", ...uids.map((uid, i) => `${uid},spot,1,${accts[i] === target ? shared : `${shared}-row-${i}`}`)].join("\n");
      const [batch, single] = await Promise.allSettled([
        batches.submitBatch(b.maker, { campaignId: c.id, fileName: `race-${round}.csv`, csv, reason }),
        grant(b.maker, { campaignId: c.id, customerId: target.customerId, tradingAccountId: target.id, amount: "1", idempotencyKey: shared, reason }),
      ]);
      // Whoever loses is told why, never with a database error: the single grant as a conflict; the batch as a
      // conflict when the two meet at the insert, or — when the single grant committed before the batch checked its
      // file again in its transaction — as a file whose one problem is that row's key, already used.
      if (single.status === "rejected") expect(single.reason).toMatchObject({ name: "AppError", code: "CONFLICT" });
      if (batch.status === "rejected" && (batch.reason as { code?: string }).code !== "CONFLICT") {
        expect(batch.reason).toMatchObject({ name: "AppError", code: "VALIDATION", reason: "bonuses.errors.batchHasProblems", params: { count: 1 } });
        const preview = await batches.previewBatch(b.maker, { campaignId: c.id, fileName: `race-${round}.csv`, csv });
        expect(preview.problems.map((p) => [p.row, p.field, p.reason])).toEqual([[accts.indexOf(target) + 2, "idempotency_key", "bonuses.errors.csv.keyUsed"]]);
      }
      expect(batch.status === "fulfilled" || single.status === "fulfilled").toBe(true);
      expect(await db.bonusGrant.count({ where: { brandId: b.brandId, idempotencyKey: shared } })).toBe(1);
    }
    expect((await verifyLedger(db, b.brandId)).discrepancies).toEqual([]);
    const granted = await db.bonusGrant.aggregate({ where: { campaignId: c.id, status: "applied" }, _sum: { amount: true } });
    expect(s((await campaignRow(c.id)).granted)).toBe(s(granted._sum.amount!));
  });
});

describe("CSV batch size", () => {
  it("applies a file bigger than one journal in chunked journals, balanced, all rows", { timeout: 180_000 }, async () => {
    const b = await newBrand("100000");
    const c = await activeCampaign(b.maker, { budget: "100000" });
    const n = batches.JOURNAL_CHUNK * 2 + 500;
    const tagged = randomUUID().slice(0, 8);
    await db.customer.createMany({
      data: Array.from({ length: n }, (_, i) => ({ brandId: b.brandId, name: `Bulk ${i}`, email: `bulk-${tagged}-${i}@example.test`, country: "SG", registrationSource: "web" as const })),
    });
    const people = await db.customer.findMany({ where: { brandId: b.brandId, email: { startsWith: `bulk-${tagged}-` } }, select: { id: true, email: true } });
    await db.tradingAccount.createMany({ data: people.map((p) => ({ brandId: b.brandId, customerId: p.id, type: "spot" as const, currency: "USDT" })) });
    const csv = ["customer,account_type,amount", ...people.map((p) => `${p.email},spot,1.25`)].join("\n");
    const started = Date.now();
    const batch = await batches.submitBatch(b.maker, { campaignId: c.id, fileName: "bulk.csv", csv, reason });
    const ms = Date.now() - started;
    console.info(`bonus batch: ${n} grants applied in ${ms} ms (${Math.round((n * 1000) / ms)}/s)`);
    const total = String(n * 1.25);
    expect(batch).toMatchObject({ status: "applied", rowCount: n, totalAmount: total });
    expect(s((await campaignRow(c.id)).granted)).toBe(total);
    const journals = await db.ledgerJournal.findMany({ where: { referenceId: batch.id }, include: { _count: { select: { lines: true } } } });
    // One funding line plus one per account in each journal: 5,001, 5,001 and 501 lines.
    expect(journals.map((j) => j._count.lines).sort((x, y) => y - x)).toEqual([batches.JOURNAL_CHUNK + 1, batches.JOURNAL_CHUNK + 1, 501]);
    const held = await db.tradingAccount.aggregate({ where: { brandId: b.brandId }, _sum: { bonusNonWithdrawable: true } });
    expect(s(held._sum.bonusNonWithdrawable!)).toBe(total);
  });
});

describe("property: random grant / release / drain / revoke / expire sequences keep the books", () => {
  const amount = fc.integer({ min: 1, max: 3000 }).map((n) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, "0")}`);
  const op = fc.oneof(
    fc.record({ t: fc.constant("grant" as const), acct: fc.nat(1), amount }),
    fc.record({ t: fc.constant("release" as const), acct: fc.nat(1), amount: fc.oneof(amount, fc.constant("all" as const)) }),
    fc.record({ t: fc.constant("drain" as const), acct: fc.nat(1), amount, withdrawable: fc.boolean() }),
    fc.record({ t: fc.constant("revoke" as const), pick: fc.nat(20) }),
    fc.record({ t: fc.constant("expire" as const), pick: fc.nat(20) }),
  );

  it("balanced journals, no negative bucket, granted ≤ budget, per-grant accounting holds", { timeout: 240_000 }, async () => {
    const b = await newBrand("1000000");
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), fc.boolean(), async (ops, withdrawable) => {
        const c = await activeCampaign(b.maker, { budget: "60", withdrawable });
        const accts = [await account(b.brandId), await account(b.brandId)];
        const made: string[] = [];
        for (const o of ops) {
          const run = async () => {
            if (o.t === "grant") {
              const a = accts[o.acct];
              made.push((await grant(b.maker, { campaignId: c.id, customerId: a.customerId, tradingAccountId: a.id, amount: o.amount, idempotencyKey: randomUUID(), reason })).id);
            } else if (o.t === "release") await release(b.maker, { tradingAccountId: accts[o.acct].id, amount: o.amount, reason });
            else if (o.t === "drain") {
              await db.$transaction((tx) =>
                postJournal(tx, {
                  brandId: b.brandId,
                  kind: "test_drain",
                  reference: { type: "test", id: randomUUID() },
                  lines: [
                    { account: { tradingAccountId: accts[o.acct].id, bucket: o.withdrawable ? "bonus_withdrawable" : "bonus_non_withdrawable" }, amount: `-${o.amount}` },
                    { account: { system: "external", currency: "USDT", demo: false }, amount: o.amount },
                  ],
                }),
              );
            } else if (made.length) {
              const id = made[o.pick % made.length];
              if (o.t === "revoke") await revoke(b.maker, { grantId: id, reason });
              else {
                await db.bonusGrant.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
                await expireDue(db, new Date());
              }
            }
          };
          // Business refusals (budget, nothing to release, not enough to drain, already closed) are expected.
          await run().catch((e: unknown) => {
            if (!(e && typeof e === "object" && "code" in e && (e.code === "CONFLICT" || e.code === "VALIDATION"))) throw e;
          });
        }
        const unbalanced = await db.$queryRaw<{ n: bigint }[]>`
          SELECT count(*) AS n FROM (SELECT journal_id FROM ledger_line WHERE brand_id = ${b.brandId}::uuid GROUP BY journal_id HAVING sum(amount) <> 0) x`;
        expect(Number(unbalanced[0].n)).toBe(0);
        for (const a of accts) {
          const now = await ta(a.id);
          for (const v of [now.cash, now.bonusWithdrawable, now.bonusNonWithdrawable]) expect(v.isNegative()).toBe(false);
          const ledger = await db.ledgerAccount.findMany({ where: { tradingAccountId: a.id } });
          for (const l of ledger) expect(l.balance.equals(l.bucket === "bonus_withdrawable" ? now.bonusWithdrawable : l.bucket === "cash" ? now.cash : now.bonusNonWithdrawable)).toBe(true);
        }
        const campaign = await campaignRow(c.id);
        expect(campaign.granted.lte(campaign.budget)).toBe(true);
        const list = await db.bonusGrant.findMany({ where: { campaignId: c.id } });
        const sum = (f: (g: (typeof list)[number]) => Prisma.Decimal) => list.reduce((acc, g) => acc.plus(f(g)), campaign.granted.minus(campaign.granted));
        expect(sum((g) => g.amount).equals(campaign.granted)).toBe(true);
        expect(sum((g) => g.released).equals(campaign.released)).toBe(true);
        expect(sum((g) => g.expired).equals(campaign.expired)).toBe(true);
        expect(sum((g) => g.revoked).equals(campaign.revoked)).toBe(true);
        for (const g of list) {
          expect(g.remaining.isNegative()).toBe(false);
          expect(g.remaining.plus(g.released).plus(g.expired).plus(g.revoked).plus(g.shortfall).equals(g.amount)).toBe(true);
          if (g.status === "closed") expect(g.remaining.isZero()).toBe(true);
        }
      }),
      { numRuns: 15 },
    );
  });
});
