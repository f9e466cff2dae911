/**
 * The approvals inbox against the real database and router: every pending grant, CSV batch and campaign
 * appears (and nothing at or under the threshold); deciding from the inbox applies the bonus services' own
 * rules (never the requester, bonus.approve, brand isolation) and audit entries; decided items leave it.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/server/actor";
import { approveItem, listApprovals, myApprovals, rejectItem, waitingCount } from "@/server/approvals/service";
import type { ApprovalPage } from "@/server/approvals/service";
import * as batches from "@/server/bonuses/batches";
import * as campaigns from "@/server/bonuses/campaigns";
import { grant } from "@/server/bonuses/grant-create";
import { db } from "@/server/db/client";
import { ZApprovalListInput, ZApprovalMineInput } from "@/lib/approvals/schemas";
import { account, fields } from "../helpers/bonuses";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";
import { callAs, isPermissionDenial } from "./fixture";

const reason = "Promised at the VIP event";
const list = (ctx: TenantContext, input: Record<string, unknown> = {}) => listApprovals(ctx, ZApprovalListInput.parse(input));
const mine = (ctx: TenantContext, input: Record<string, unknown> = {}) => myApprovals(ctx, ZApprovalMineInput.parse(input));
const idsOf = (page: ApprovalPage) => page.rows.map((r) => r.id);
const auditOf = (entityId: string) => db.auditLog.findMany({ where: { entityId }, orderBy: { seq: "asc" }, select: { action: true, after: true, actorId: true } });

async function staff(brandId: string, role: "admin" | "marketing" | "support" | "operations") {
  const { user } = await createTestStaff({ brandId, role });
  return { user, ctx: (await staffContext(user, { tenantId: brandId })) as TenantContext };
}

/** A brand with threshold 100, a marketer who asks and two admins who decide. */
async function brandWithStaff() {
  const brand = await createTestBrand({ bonusApprovalThreshold: "100" });
  return { brandId: brand.id, maker: await staff(brand.id, "marketing"), admin: await staff(brand.id, "admin"), admin2: await staff(brand.id, "admin") };
}

type Brand = Awaited<ReturnType<typeof brandWithStaff>>;

async function requestGrant(b: Brand, by: TenantContext, amount: string) {
  const a = await account(b.brandId, {}, { name: `孙军 ${randomUUID().slice(0, 4)}` });
  return grant(by, { customerId: a.customerId, tradingAccountId: a.id, amount, idempotencyKey: randomUUID(), reason });
}

async function requestBatch(b: Brand, by: TenantContext, amount: string) {
  const a = await account(b.brandId);
  const c = await db.customer.findUniqueOrThrow({ where: { id: a.customerId } });
  return batches.submitBatch(by, { fileName: `vip-${randomUUID().slice(0, 6)}.csv`, csv: `customer,account_type,currency,amount\n${c.uid},spot,USDT,${amount}\n`, reason });
}

async function requestCampaign(by: TenantContext, budget: string) {
  const c = await campaigns.createCampaign(by, fields({ budget, description: "Spring promotion" }));
  return campaigns.submitCampaign(by, { id: c.id, version: c.version });
}

describe("approvals inbox", () => {
  let b: Brand;
  beforeAll(async () => {
    b = await brandWithStaff();
  });

  it("holds every pending grant, batch and campaign, and nothing under the threshold", async () => {
    const g = await requestGrant(b, b.maker.ctx, "500");
    const batch = await requestBatch(b, b.maker.ctx, "250");
    const campaign = await requestCampaign(b.maker.ctx, "1000");
    const applied = await requestGrant(b, b.maker.ctx, "100");
    expect([g.status, batch.status, campaign.status, applied.status]).toEqual(["pending_approval", "pending_approval", "pending_approval", "applied"]);

    const inbox = await list(b.admin.ctx, { pageSize: 100 });
    expect(idsOf(inbox)).toEqual(expect.arrayContaining([g.id, batch.id, campaign.id]));
    expect(idsOf(inbox)).not.toContain(applied.id);
    const grantItem = inbox.rows.find((r) => r.id === g.id)!;
    expect(grantItem).toMatchObject({
      kind: "bonus.grant",
      title: { key: "bonusApprovals.titles.grant", params: { amount: "500", currency: "USDT", customer: g.customer.name } },
      amount: "500",
      currency: "USDT",
      requestedBy: { id: b.maker.user.id, name: b.maker.user.name },
      reason,
      href: `/customers/${g.customer.id}?tab=bonuses`,
      waitsOn: { permission: "bonus.approve", roles: ["admin"] },
      canDecide: true,
    });
    expect(inbox.rows.find((r) => r.id === batch.id)).toMatchObject({ kind: "bonus.batch", amount: "250", currency: "USDT", reason });
    expect(inbox.rows.find((r) => r.id === campaign.id)).toMatchObject({ kind: "bonus.campaign", amount: "1000", currency: "USDT", reason: "Spring promotion" });
    expect(inbox.kinds.map((k) => [k.key, k.count])).toEqual([
      ["bonus.grant", 1],
      ["bonus.batch", 1],
      ["bonus.campaign", 1],
      ["message.send", 0],
      ["withdrawal.request", 0],
    ]);
    expect(inbox.requesters).toEqual([{ id: b.maker.user.id, name: b.maker.user.name }]);
    expect(await waitingCount(b.admin.ctx)).toEqual({ count: 3, capped: false });

    // The marketer sees their own three, each waiting on an admin, none theirs to decide.
    const own = await mine(b.maker.ctx);
    expect(own.total).toBe(3);
    expect(own.rows.every((r) => !r.canDecide && r.waitsOn.roles.join() === "admin")).toBe(true);
    expect((await list(b.maker.ctx)).total).toBe(0); // nothing waits for a marketer's decision
  });

  it("filters by kind, requester and age, and pages across kinds oldest first", async () => {
    const nb = await brandWithStaff();
    const g1 = await requestGrant(nb, nb.maker.ctx, "300");
    const g2 = await requestGrant(nb, nb.admin2.ctx, "400");
    const c = await requestCampaign(nb.maker.ctx, "900");
    await db.bonusGrant.update({ where: { id: g1.id }, data: { createdAt: new Date(Date.now() - 2 * 86_400_000) } });

    expect(idsOf(await list(nb.admin.ctx, { kind: "bonus.campaign" }))).toEqual([c.id]);
    expect(idsOf(await list(nb.admin.ctx, { kind: "bonus.grant", requester: nb.admin2.user.id }))).toEqual([g2.id]);
    expect(idsOf(await list(nb.admin.ctx, { olderThan: "1d" }))).toEqual([g1.id]);
    const first = await list(nb.admin.ctx, { pageSize: 10 });
    expect(idsOf(first)).toEqual([g1.id, g2.id, c.id]);
    const newestFirst = await list(nb.admin.ctx, { dir: "desc" });
    expect(idsOf(newestFirst)).toEqual([c.id, g2.id, g1.id]);
    await expect(list(nb.admin.ctx, { kind: "bonus.nothing" })).rejects.toMatchObject({ code: "VALIDATION", field: "kind" });
    // admin2 asked for g2: it never waits for them.
    expect(idsOf(await list(nb.admin2.ctx))).not.toContain(g2.id);
    expect(idsOf(await list(nb.admin2.ctx, { view: "all" }))).toContain(g2.id);
  });

  it("the requester cannot decide their own item, and says so; another admin can", async () => {
    const c = await requestCampaign(b.admin.ctx, "700");
    const item = (await list(b.admin.ctx, { view: "all", kind: "bonus.campaign" })).rows.find((r) => r.id === c.id)!;
    expect(item.canDecide).toBe(false);
    await expect(approveItem(b.admin.ctx, { kind: "bonus.campaign", id: c.id })).rejects.toMatchObject({ code: "FORBIDDEN", reason: "bonuses.errors.ownRequest" });
    await expect(callAs(b.admin.user, b.brandId, "approvals.approve", { kind: "bonus.campaign", id: c.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.bonusCampaign.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("pending_approval");
    const decision = await approveItem(b.admin2.ctx, { kind: "bonus.campaign", id: c.id, note: "Budget agreed" });
    expect(decision).toMatchObject({ outcome: "approved", title: { key: "bonusApprovals.titles.campaign", params: { name: c.name, amount: "700" } } });
    expect((await db.bonusCampaign.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("active");
    const audit = await auditOf(c.id);
    expect(audit.at(-1)).toMatchObject({ action: "bonus.campaign_approve", actorId: b.admin2.user.id, after: expect.objectContaining({ note: "Budget agreed", status: "active" }) });
  });

  it("needs the permission: a marketer or support member cannot decide, through the router or the service", async () => {
    const g = await requestGrant(b, b.admin.ctx, "600");
    const support = await staff(b.brandId, "support");
    for (const who of [b.maker, support]) {
      const refusal = await callAs(who.user, b.brandId, "approvals.approve", { kind: "bonus.grant", id: g.id }).catch((e: unknown) => e);
      expect(isPermissionDenial(refusal)).toBe(true);
      await expect(rejectItem(who.ctx, { kind: "bonus.grant", id: g.id, note: "No" })).rejects.toMatchObject({ code: "FORBIDDEN", reason: "approvals.errors.cannotDecide" });
    }
    expect((await db.bonusGrant.findUniqueOrThrow({ where: { id: g.id } })).status).toBe("pending_approval");
    expect((await auditOf(g.id)).map((a) => a.action)).toEqual(["bonus.grant_request"]);
  });

  it("approve and reject apply the bonus rules and audit, and the items leave the inbox", async () => {
    const g = await requestGrant(b, b.maker.ctx, "150");
    const batch = await requestBatch(b, b.maker.ctx, "120");
    const a = await callAs(b.admin.user, b.brandId, "approvals.approve", { kind: "bonus.grant", id: g.id, note: "Confirmed with sales" });
    expect(a).toMatchObject({ outcome: "approved", title: { params: { amount: "150", currency: "USDT", customer: g.customer.name } } });
    const applied = await db.bonusGrant.findUniqueOrThrow({ where: { id: g.id } });
    expect([applied.status, applied.approvedById, applied.remaining.toFixed()]).toEqual(["applied", b.admin.user.id, "150"]);
    expect(await db.ledgerJournal.count({ where: { referenceId: g.id } })).toBe(1);
    expect((await auditOf(g.id)).at(-1)).toMatchObject({ action: "bonus.grant_approve", after: expect.objectContaining({ note: "Confirmed with sales" }) });

    await expect(callAs(b.admin.user, b.brandId, "approvals.reject", { kind: "bonus.batch", id: batch.id, note: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await callAs(b.admin.user, b.brandId, "approvals.reject", { kind: "bonus.batch", id: batch.id, note: "Wrong file" });
    expect(await db.bonusGrantBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ status: "rejected", rejectReason: "Wrong file" });
    expect((await auditOf(batch.id)).at(-1)).toMatchObject({ action: "bonus.batch_reject", after: expect.objectContaining({ rejectReason: "Wrong file" }) });

    const after = [...idsOf(await list(b.admin.ctx, { view: "all", pageSize: 100 })), ...idsOf(await mine(b.maker.ctx, { pageSize: 100 }))];
    expect(after).not.toContain(g.id);
    expect(after).not.toContain(batch.id);
    // Deciding twice is refused by the domain: it is no longer pending.
    await expect(approveItem(b.admin2.ctx, { kind: "bonus.grant", id: g.id })).rejects.toMatchObject({ code: "CONFLICT", reason: "bonuses.errors.grantNotPending.applied" });
  });

  it("brand B's admin sees nothing of brand A and cannot decide it", async () => {
    const other = await brandWithStaff();
    const g = await requestGrant(b, b.maker.ctx, "800");
    expect((await list(other.admin.ctx, { view: "all", pageSize: 100 })).total).toBe(0);
    expect(await waitingCount(other.admin.ctx)).toEqual({ count: 0, capped: false });
    expect((await list(other.admin.ctx, { view: "all", requester: b.maker.user.id })).total).toBe(0);
    await expect(approveItem(other.admin.ctx, { kind: "bonus.grant", id: g.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callAs(other.admin.user, other.brandId, "approvals.reject", { kind: "bonus.grant", id: g.id, note: "Not ours" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.bonusGrant.findUniqueOrThrow({ where: { id: g.id } })).status).toBe("pending_approval");
  });
});
