/**
 * Automatic messages from the product's own events, each caused through the real service and sent by the
 * message-dispatch job's first step: KYC decisions, bonus credit (single grants, approvals; CSV batches after they applied) and
 * its coming expiry, fund locks placed, released and expired. Each customer's inbox holds one message, in
 * their language with the variables filled; a repeated event tells nobody twice; a brand's switched-off
 * event is cancelled unsent; a brand's edited text is the one sent. Deposits: messages-automatic-deposits.int.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { processBonusExpiry } from "@/jobs/workers/bonus-expiry";
import { processFundLockExpiry } from "@/jobs/workers/fund-lock-expiry";
import type { TenantContext } from "@/server/actor";
import { systemActor } from "@/server/actor";
import { processBonusAutoGrants } from "@/jobs/workers/bonus-auto-grants";
import * as batches from "@/server/bonuses/batches";
import { approveGrant } from "@/server/bonuses/grant-approval";
import { grant } from "@/server/bonuses/grant-create";
import { db } from "@/server/db/client";
import * as fundLocks from "@/server/fund-locks/service";
import { claimKycApplication } from "@/server/kyc/assignment";
import { approveKycApplication, rejectKycApplication, requestKycInformation } from "@/server/kyc/decisions";
import { ensureDefaultReasons } from "@/server/kyc/settings";
import { resubmitKycApplication } from "@/server/kyc/submit";
import { AUTOMATIC_EVENTS } from "@/server/messages/events";
import { saveAutomaticTemplate } from "@/server/messages/templates";
import { createTestCustomer } from "../cases/customers";
import { createTestApplication } from "../cases/kyc";
import { account, activeCampaign, member, newBrand } from "../helpers/bonuses";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";
import { inboxOf, messagesOf, sendQueued } from "../helpers/messages";

const zh = { language: "zh-CN" };
const reason = "Spring promotion";
const reviewer = async (brandId: string) => (await staffContext((await createTestStaff({ brandId, role: "compliance" })).user)) as TenantContext;

describe("KYC decisions", () => {
  let brandId: string;
  let r1: TenantContext;
  let r2: TenantContext;
  let ops: TenantContext;
  beforeAll(async () => {
    brandId = (await createTestBrand()).id;
    await ensureDefaultReasons({ db, tenantId: brandId, actor: systemActor("test"), request: { ip: null, userAgent: null } });
    [r1, r2, ops] = await Promise.all([reviewer(brandId), reviewer(brandId), reviewer(brandId)]);
  });
  const inReview = (customerId: string, more: Parameters<typeof createTestApplication>[1] = {}) =>
    createTestApplication(brandId, { customerId, status: "in_review", assigneeId: r1.actor.id, documents: "required", ...more });

  it("tells of the final approval only, with the level, in the customer's language", async () => {
    const c = await createTestCustomer(brandId, zh);
    const app = await inReview(c.id, { level: 3, scenario: "high_value" });
    await approveKycApplication(r1, { id: app.id, version: 1 });
    await sendQueued();
    expect(await inboxOf(brandId, c.id)).toEqual([]);

    await claimKycApplication(r2, { id: app.id, version: 2 });
    await approveKycApplication(r2, { id: app.id, version: 3 });
    await sendQueued();
    expect(await inboxOf(brandId, c.id)).toEqual([{ title: "身份认证已通过", body: `${c.name}，您好：您的身份认证已通过，账户认证等级现为 3 级。`, locale: "zh-CN" }]);
  });

  it("tells a rejection with the reason's label in each language", async () => {
    const [en, cn] = await Promise.all([createTestCustomer(brandId), createTestCustomer(brandId, zh)]);
    for (const c of [en, cn]) await rejectKycApplication(r1, { id: (await inReview(c.id)).id, version: 1, reasonCode: "document_expired" });
    await sendQueued();
    expect(await inboxOf(brandId, en.id)).toEqual([
      { title: "Identity verification not approved", body: `Hello ${en.name}, we could not approve your identity verification: Document expired.`, locale: "en" },
    ]);
    expect(await inboxOf(brandId, cn.id)).toEqual([{ title: "身份认证未通过", body: `${cn.name}，您好：您的身份认证未能通过，原因：证件已过期。`, locale: "zh-CN" }]);
  });

  it("does not name a final reason (a sanctions match) to the customer", async () => {
    const c = await createTestCustomer(brandId);
    await rejectKycApplication(r1, { id: (await inReview(c.id)).id, version: 1, reasonCode: "sanctions_match" });
    await sendQueued();
    const [message] = await inboxOf(brandId, c.id);
    expect(message!.body).toBe(`Hello ${c.name}, we could not approve your identity verification: we are unable to give more detail.`);
    expect(message!.body).not.toMatch(/sanction/i);
  });

  it("tells each request for more information with the reviewer's note", async () => {
    const c = await createTestCustomer(brandId);
    const app = await inReview(c.id);
    await requestKycInformation(r1, { id: app.id, version: 1, note: "Upload a bank statement" });
    await resubmitKycApplication(ops, { id: app.id, version: 2 });
    await claimKycApplication(r1, { id: app.id, version: 3 });
    await requestKycInformation(r1, { id: app.id, version: 4, note: "The statement must show your address" });
    await sendQueued();
    const intro = `Hello ${c.name}, we need more information to finish verifying your identity:`;
    expect((await inboxOf(brandId, c.id)).map((m) => m.body).sort()).toEqual([`${intro} The statement must show your address`, `${intro} Upload a bank statement`]);
  });
});

describe("bonus credit", () => {
  let b: Awaited<ReturnType<typeof newBrand>>;
  beforeAll(async () => {
    b = await newBrand("100");
  });
  const give = (a: { id: string; customerId: string }, amount: string, idempotencyKey = randomUUID(), validityDays?: number) =>
    grant(b.maker, { customerId: a.customerId, tradingAccountId: a.id, amount, idempotencyKey, reason, validityDays });

  it("tells a grant applied at once, with the amount formatted for the customer, once however often it is sent", async () => {
    const a = await account(b.brandId, {}, zh);
    const key = randomUUID();
    const first = await give(a, "99.5", key);
    const again = await give(a, "99.5", key);
    expect([first.status, again.replayed]).toEqual(["applied", true]);
    await sendQueued();
    expect(await inboxOf(b.brandId, a.customerId)).toEqual([{ title: "赠金已到账", body: expect.stringContaining("您好：99.50 USDT 赠金已存入您的账户。"), locale: "zh-CN" }]);
    expect(await messagesOf(a.customerId, "bonus.credited")).toEqual([expect.objectContaining({ status: "sent", eventRef: first.id })]);
  });

  it("tells a grant waiting for approval only when it is approved", async () => {
    const a = await account(b.brandId);
    const pending = await give(a, "1234.5");
    expect(pending.status).toBe("pending_approval");
    await sendQueued();
    expect(await inboxOf(b.brandId, a.customerId)).toEqual([]);
    await approveGrant(b.admin, { id: pending.id });
    await sendQueued();
    const name = (await db.customer.findUniqueOrThrow({ where: { id: a.customerId } })).name;
    expect(await inboxOf(b.brandId, a.customerId)).toEqual([
      { title: "Bonus credited", body: `Hello ${name}, a bonus of 1,234.50 USDT has been credited to your account.`, locale: "en" },
    ]);
  });

  it("tells every customer of a CSV batch, applied at once or on approval", async () => {
    const c = await activeCampaign(b.maker, { budget: "10000" });
    const accts = await Promise.all([0, 1, 2].map(() => account(b.brandId)));
    const uid = async (customerId: string) => (await db.customer.findUniqueOrThrow({ where: { id: customerId } })).uid;
    const csv = async (rows: typeof accts, amount: string) =>
      ["customer,trading_account_id,amount", ...(await Promise.all(rows.map(async (a) => `${await uid(a.customerId)},${a.id},${amount}`)))].join("\r\n");
    const now = await batches.submitBatch(b.maker, { campaignId: c.id, fileName: "a.csv", csv: await csv(accts, "20"), reason });
    const later = await batches.submitBatch(b.maker, { campaignId: c.id, fileName: "b.csv", csv: await csv(accts.slice(0, 2), "60"), reason });
    expect([now.status, later.status]).toEqual(["applied", "pending_approval"]);
    // Told after the batch applied, by the bonus-auto-grants job — not inside the batch's transaction.
    for (const a of accts) expect(await messagesOf(a.customerId, "bonus.credited")).toHaveLength(0);
    await processBonusAutoGrants({ brandId: b.brandId }, db);
    await processBonusAutoGrants({ brandId: b.brandId }, db);
    await sendQueued();
    for (const a of accts) expect(await messagesOf(a.customerId, "bonus.credited")).toHaveLength(1);

    await batches.approveBatch(b.admin, { id: later.id });
    await processBonusAutoGrants({ brandId: b.brandId }, db);
    await sendQueued();
    for (const [i, a] of accts.entries()) {
      const bodies = (await inboxOf(b.brandId, a.customerId)).map((m) => m.body.replace(/^Hello [^,]+, /, ""));
      expect(bodies.sort()).toEqual(i < 2 ? ["a bonus of 20.00 USDT has been credited to your account.", "a bonus of 60.00 USDT has been credited to your account."] : ["a bonus of 20.00 USDT has been credited to your account."]);
    }
  });

  it("warns once of credit left that expires within 72 hours, with the UTC date and time", async () => {
    const a = await account(b.brandId, {}, zh);
    const soon = await give(a, "25", randomUUID(), 30);
    const notYet = await give(a, "5", randomUUID(), 30);
    const expiresAt = new Date(Date.now() + 24 * 3_600_000);
    await db.bonusGrant.update({ where: { id: soon.id }, data: { expiresAt } });
    await db.bonusGrant.update({ where: { id: notYet.id }, data: { expiresAt: new Date(Date.now() + 100 * 3_600_000) } });
    const [run1, run2] = await Promise.all([processBonusExpiry({}, db), processBonusExpiry({}, db)]);
    expect(run1.expiryNotices + run2.expiryNotices).toBeGreaterThanOrEqual(1);
    await processBonusExpiry({}, db);
    await sendQueued();

    const when = `${expiresAt.toISOString().slice(0, 10)} ${expiresAt.toISOString().slice(11, 16)} UTC`;
    const expiring = (await inboxOf(b.brandId, a.customerId)).filter((m) => m.title === AUTOMATIC_EVENTS["bonus.expiring"].defaults["zh-CN"].title);
    expect(expiring).toEqual([{ title: "赠金即将到期", body: expect.stringContaining(`您的 25.00 USDT 赠金将于 ${when} 到期`), locale: "zh-CN" }]);
    expect((await messagesOf(a.customerId, "bonus.expiring")).map((m) => m.eventRef)).toEqual([soon.id]);
  });
});

describe("fund locks", () => {
  let brandId: string;
  let ops: TenantContext;
  beforeAll(async () => {
    brandId = (await createTestBrand()).id;
    ops = await member(brandId, "admin");
  });

  it("tells the account's customer when a lock is placed and when it is released, in their words for the direction", async () => {
    const a = await account(brandId, {}, zh);
    const locked = await fundLocks.lock(ops, { tradingAccountId: a.id, direction: "transfer_out", reason });
    await sendQueued();
    const name = (await db.customer.findUniqueOrThrow({ where: { id: a.customerId } })).name;
    expect(await inboxOf(brandId, a.customerId)).toEqual([
      { title: "资金划转受限", body: `${name}，您好：您的一个交易账户暂时限制转出。详情请联系客服。`, locale: "zh-CN" },
    ]);
    await fundLocks.unlock(ops, { id: locked.id, version: locked.version, reason: "Review finished" });
    await sendQueued();
    expect((await inboxOf(brandId, a.customerId))[0]).toEqual({ title: "资金划转限制已解除", body: `${name}，您好：您的交易账户已恢复转出。`, locale: "zh-CN" });
    expect(await messagesOf(a.customerId, "fund_lock.released")).toHaveLength(1);
  });

  it("counts a lock ended by its expiry as released, told once when two expiry runs overlap", async () => {
    const a = await account(brandId);
    const locked = await fundLocks.lock(ops, { tradingAccountId: a.id, direction: "both", reason, expiresAt: new Date(Date.now() + 3_600_000) });
    await db.fundLock.update({ where: { id: locked.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await Promise.all([processFundLockExpiry({}, db), processFundLockExpiry({}, db)]);
    await sendQueued();
    const released = await messagesOf(a.customerId, "fund_lock.released");
    expect(released).toEqual([expect.objectContaining({ status: "sent", eventRef: locked.id })]);
    const bodies = (await inboxOf(brandId, a.customerId)).map((m) => m.body.replace(/^Hello [^,]+, /, ""));
    expect(bodies.sort()).toEqual([
      "transfers in and out on one of your trading accounts are restricted for now. Contact support for details.",
      "transfers in and out on your trading account are possible again.",
    ]);
  });
});

describe("a brand's own automatic texts", () => {
  it("cancels a switched-off event's message unsent, and sends an edited text in place of the built-in one", async () => {
    const brandId = (await createTestBrand()).id;
    const admin = await member(brandId, "admin");
    const defaults = AUTOMATIC_EVENTS["fund_lock.applied"].defaults;
    await saveAutomaticTemplate(admin, { event: "fund_lock.applied", content: defaults, enabled: false, version: 0 });
    await saveAutomaticTemplate(admin, {
      event: "fund_lock.released",
      content: { en: { title: "You can move money again", body: "{{name}}: {{direction}} are open again." }, "zh-CN": { title: "可以划转了", body: "{{name}}：已恢复{{direction}}。" } },
      enabled: true,
      version: 0,
    });
    const a = await account(brandId);
    const locked = await fundLocks.lock(admin, { tradingAccountId: a.id, direction: "transfer_in", reason });
    await sendQueued();
    const [applied] = await messagesOf(a.customerId, "fund_lock.applied");
    expect(applied.status).toBe("cancelled");
    expect(await db.messageDelivery.count({ where: { messageId: applied.id } })).toBe(0);
    expect(await inboxOf(brandId, a.customerId)).toEqual([]);

    await fundLocks.unlock(admin, { id: locked.id, version: locked.version, reason: "Cleared" });
    await sendQueued();
    const name = (await db.customer.findUniqueOrThrow({ where: { id: a.customerId } })).name;
    expect(await inboxOf(brandId, a.customerId)).toEqual([{ title: "You can move money again", body: `${name}: transfers in are open again.`, locale: "en" }]);
  });
});
