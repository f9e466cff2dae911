/**
 * Dashboard tiles and charts against the real database: each figure counts what its list would show for
 * the caller's brand only, a tile outside the caller's permission is not loaded, counts stop at the cap,
 * and each role's board holds its own tiles.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import type { TenantContext } from "@/server/actor";
import { ZMessageListInput } from "@/lib/messages/schemas";
import { listMessages } from "@/server/messages/list";
import { createTestMessage } from "../cases/messages";
import { firstBreak } from "@/server/audit/dashboard";
import { recordAudit } from "@/server/audit/audit";
import { systemActor } from "@/server/actor";
import { db } from "@/server/db/client";
import { DASHBOARD_CHARTS, DASHBOARD_TILES } from "@/server/dashboard/registry";
import { loadChart, loadTile, visibleCharts, visibleTiles } from "@/server/dashboard/service";
import { TILE_CAP } from "@/server/dashboard/sql";
import type { TileFigure } from "@/server/dashboard/types";
import { ZApiKeyListInput } from "@/lib/api-keys/schemas";
import { ZCustomerListInput } from "@/lib/customers/schemas";
import { ZFundLockListInput } from "@/lib/fund-locks/schemas";
import { ZKycQueueInput } from "@/lib/kyc/schemas";
import { ZStaffListInput } from "@/lib/staff/schemas";
import { searchParamsToObject } from "@/lib/table-state";
import { listApiKeys } from "@/server/api-keys/service";
import { listCustomers } from "@/server/customers/list";
import * as fundLocks from "@/server/fund-locks/service";
import { kycQueue } from "@/server/kyc/queue";
import { listStaff } from "@/server/staff/service";
import type { z } from "zod";
import { createTestKeyRow } from "../cases/api-keys";
import { createTestTradingAccount, createTestFundLock } from "../cases/fund-locks";
import { createTestApplication, createTestCustomer } from "../cases/kyc";
import { createTestWithdrawal } from "../cases/withdrawals";
import { ZWithdrawalListInput } from "@/lib/withdrawals/schemas";
import { listWithdrawals } from "@/server/withdrawals/list";
import { ZRiskEventListInput } from "@/lib/risk/schemas";
import { listEvents } from "@/server/risk/events";
import { createTestRiskEvent } from "../cases/risk";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function member(brandId: string, role: Role) {
  const { user } = await createTestStaff({ brandId, role });
  return { user, ctx: (await staffContext(user, { tenantId: brandId })) as TenantContext };
}

const tile = (id: string) => DASHBOARD_TILES.find((t) => t.id === id)!;
const chart = (id: string) => DASHBOARD_CHARTS.find((c) => c.id === id)!;

/** The list a tile links to, read from the tile's URL exactly as the list page would. */
async function listTotal(ctx: TenantContext, href: string): Promise<number> {
  const url = new URL(href, "http://portal.test");
  const params = searchParamsToObject(url.searchParams);
  const parse = <S extends z.ZodType>(schema: S) => schema.parse(params) as z.infer<S>;
  switch (url.pathname) {
    case "/customers":
      return (await listCustomers(ctx, parse(ZCustomerListInput))).total;
    case "/fund-locks":
      return (await fundLocks.list(ctx, parse(ZFundLockListInput))).total;
    case "/api-keys":
      return (await listApiKeys(ctx, parse(ZApiKeyListInput))).total;
    case "/kyc":
      return (await kycQueue(ctx, parse(ZKycQueueInput))).total;
    case "/staff":
      return (await listStaff(ctx, parse(ZStaffListInput))).total;
    case "/messages":
      return (await listMessages(ctx, parse(ZMessageListInput))).total;
    case "/withdrawals":
      return (await listWithdrawals(ctx, parse(ZWithdrawalListInput))).total;
    case "/risk/events":
      return (await listEvents(ctx, parse(ZRiskEventListInput))).total;
    default:
      throw new Error(`no list for ${href}`);
  }
}

/** A tile's figure equals the total of the list it links to. */
async function expectListMatches(ctx: TenantContext, id: string) {
  const f = await figure(ctx, id);
  expect(await listTotal(ctx, f.href ?? tile(id).href), `${id} → ${f.href ?? tile(id).href}`).toBe(f.value);
}

async function figure(ctx: TenantContext, id: string): Promise<TileFigure> {
  const result = await loadTile(ctx, tile(id));
  if (!result.ok) throw new Error(`tile ${id} failed`);
  return result.data;
}

/** The same rows in another brand: none of them may show up in brand A's figures. */
async function noiseIn(brandId: string) {
  await createTestApplication(brandId, { submittedAt: new Date(Date.now() - 3 * DAY) });
  await createTestApplication(brandId, { level: 2 });
  await createTestCustomer(brandId, { status: "frozen", statusChangedAt: new Date() });
  const account = await createTestTradingAccount(brandId);
  await createTestFundLock(brandId, account.id, { expiresAt: new Date(Date.now() + DAY) });
  await createTestKeyRow(brandId, { perms: ["read_only", "withdraw"], ips: [] });
}

describe("dashboard", () => {
  let brandA: string;
  let compliance: Awaited<ReturnType<typeof member>>;
  let operations: Awaited<ReturnType<typeof member>>;
  let marketing: Awaited<ReturnType<typeof member>>;
  let admin: Awaited<ReturnType<typeof member>>;
  let support: Awaited<ReturnType<typeof member>>;

  beforeAll(async () => {
    brandA = (await createTestBrand({ kycSlaHours: 24 })).id;
    const brandB = (await createTestBrand({ kycSlaHours: 1 })).id;
    [compliance, operations, marketing, admin, support] = await Promise.all(
      (["compliance", "operations", "marketing", "admin", "support"] as const).map((role) => member(brandA, role)),
    );
    await noiseIn(brandB);
  });

  it("gives each role its own board, and support none of these tiles", () => {
    const ids = (ctx: TenantContext) => visibleTiles(ctx).map((t) => t.id);
    expect(ids(compliance.ctx)).toEqual(["risk.openHigh", "risk.openMedium", "risk.openLow", "kyc.queue", "kyc.oldest", "kyc.sla", "kyc.mine"]);
    expect(ids(operations.ctx)).toEqual([
      "risk.openHigh",
      "risk.openMedium",
      "risk.openLow",
      "customers.frozenToday",
      "fundLocks.active",
      "fundLocks.expiring",
      "withdrawals.inProgress",
      "withdrawals.failed",
      "jobs.failed",
      "exchange.syncFreshness",
      "apiKeys.unbound",
      "rebates.yesterdayFees",
      "rebates.lastFile",
    ]);
    expect(ids(marketing.ctx)).toEqual(["bonuses.activeCampaigns", "bonuses.pendingGrants", "bonuses.expiringCredit", "messages.inFlight", "messages.awaitingApproval"]);
    expect(ids(admin.ctx)).toEqual(expect.arrayContaining(["approvals.waiting", "risk.openHigh", "staff.lockedOut", "audit.chain", "kyc.queue", "customers.frozenToday", "jobs.failed"]));
    expect(ids(support.ctx)).toEqual([]);
    expect(visibleCharts(marketing.ctx).map((c) => c.id)).toEqual(["customers.newPerDay", "bonuses.creditPerDay"]);
  });

  it("counts the messages going out and those awaiting approval, as their lists do", async () => {
    const brand = (await createTestBrand()).id;
    const desk = await member(brand, "marketing");
    for (const b of [brand, (await createTestBrand()).id]) {
      for (const status of ["scheduled", "sending", "awaiting_approval", "awaiting_approval", "sent"] as const) await createTestMessage(b, { status });
      await createTestMessage(b, { status: "scheduled", source: "automatic" });
    }
    expect(await figure(desk.ctx, "messages.inFlight")).toMatchObject({ value: 2 });
    expect(await figure(desk.ctx, "messages.awaitingApproval")).toMatchObject({ value: 2, tone: "warning" });
    await expectListMatches(desk.ctx, "messages.inFlight");
    await expectListMatches(desk.ctx, "messages.awaitingApproval");
  });

  it("shows yesterday's trading fees from the daily sums and counts failed rebate files", async () => {
    const brand = (await createTestBrand()).id;
    const desk = await member(brand, "operations");
    expect(await figure(desk.ctx, "rebates.lastFile")).toMatchObject({ value: null });
    const day = (n: number) => new Date(`${new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`);
    const other = (await createTestBrand()).id;
    for (const [b, d, fee] of [[brand, 1, "-1.25"], [brand, 1, "0.05"], [brand, 2, "-3"], [brand, 3, "-7"], [other, 1, "-100"]] as const) {
      await db.dmaTradeDaily.create({ data: { brandId: b, day: day(d), instId: `BTC${fee}-USDT`, instFamily: "SPOT", execType: "T", trades: 1, amount: "10", fee } });
    }
    expect(await figure(desk.ctx, "rebates.yesterdayFees")).toMatchObject({ value: "1.2", format: "money", detail: { params: { before: "3" } } });
    const file = { brandId: brand, kind: "dma_trades" as const, beginDay: day(1), endDay: day(1), trigger: "schedule" };
    await db.rebateFile.create({ data: { ...file, state: "failed", createdAt: new Date(Date.now() - 60_000) } });
    await db.rebateFile.create({ data: { ...file, beginDay: day(2), endDay: day(2), state: "imported", rowsAdded: 42 } });
    expect(await figure(desk.ctx, "rebates.lastFile")).toMatchObject({ value: 1, tone: "danger", detail: { key: "dashboard.tiles.rebatesLastFile.states.imported", params: { rows: 42 } } });
  });

  it("counts withdrawals on their way out and those that failed this week, as their lists do", async () => {
    const brand = (await createTestBrand()).id;
    const desk = await member(brand, "operations");
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    for (const b of [brand, (await createTestBrand()).id]) {
      for (const state of ["queued", "sending", "sent", "completed", "pending_approval", "failed"] as const) await createTestWithdrawal(b, { state });
      await createTestWithdrawal(b, { state: "failed", createdAt: eightDaysAgo });
    }
    expect(await figure(desk.ctx, "withdrawals.inProgress")).toMatchObject({ value: 3 });
    expect(await figure(desk.ctx, "withdrawals.failed")).toMatchObject({ value: 1, tone: "danger", detail: { params: { days: 7 } } });
    await expectListMatches(desk.ctx, "withdrawals.inProgress");
    await expectListMatches(desk.ctx, "withdrawals.failed");
  });

  it("counts open risk events by severity, as the events list does", async () => {
    const brand = (await createTestBrand()).id;
    const desk = await member(brand, "operations");
    const other = (await createTestBrand()).id;
    const event = async (b: string, severity: "low" | "medium" | "high", status: "open" | "acknowledged" | "resolved" = "open") => {
      const e = await createTestRiskEvent(b);
      await db.riskEvent.update({ where: { id: e.id }, data: { severity, status } });
    };
    for (const [severity, status] of [["high", "open"], ["high", "open"], ["high", "acknowledged"], ["medium", "open"], ["medium", "resolved"]] as const) await event(brand, severity, status);
    await event(other, "high");
    await event(other, "low");
    expect(await figure(desk.ctx, "risk.openHigh")).toMatchObject({ value: 2, tone: "danger" });
    expect(await figure(desk.ctx, "risk.openMedium")).toMatchObject({ value: 1, tone: "warning" });
    expect(await figure(desk.ctx, "risk.openLow")).toMatchObject({ value: 0, tone: "default" });
    for (const id of ["risk.openHigh", "risk.openMedium", "risk.openLow"]) await expectListMatches(desk.ctx, id);
    expect(await loadTile(support.ctx, tile("risk.openHigh"))).toEqual({ ok: false });
  });

  it("does not load a tile whose permission the caller lacks", async () => {
    // Marketing has no kyc.read: asking for the KYC queue anyway gives nothing, not the count.
    await createTestApplication(brandA);
    expect(await loadTile(marketing.ctx, tile("kyc.queue"))).toEqual({ ok: false });
    expect(await loadChart(marketing.ctx, chart("kyc.decisions"))).toEqual({ ok: false });
  });

  describe("compliance", () => {
    let brand: string;
    let desk: Awaited<ReturnType<typeof member>>;

    beforeAll(async () => {
      brand = (await createTestBrand({ kycSlaHours: 24 })).id;
      desk = await member(brand, "compliance");
      await createTestApplication(brand, { level: 1, submittedAt: new Date(Date.now() - 30 * HOUR) });
      await createTestApplication(brand, { level: 1 });
      await createTestApplication(brand, { level: 2, submittedAt: new Date(Date.now() - 2 * HOUR) });
      await createTestApplication(brand, { level: 3, status: "in_review", assigneeId: desk.user.id });
      // Not waiting for a reviewer: the customer's turn, or decided.
      await createTestApplication(brand, { status: "more_info_requested", submittedAt: new Date(Date.now() - 90 * HOUR) });
      const decided = await createTestApplication(brand, { status: "approved" });
      await db.kycApplication.update({ where: { id: decided.id }, data: { decidedAt: new Date() } });
    });

    it("counts the queue by level, the oldest, the breaches of the brand's SLA and my claims", async () => {
      const queue = await figure(desk.ctx, "kyc.queue");
      expect(queue).toMatchObject({ value: 4, detail: { params: { l1: 2, l2: 1, l3: 1 } } });
      expect(queue.capped).toBeFalsy();

      const oldest = await figure(desk.ctx, "kyc.oldest");
      expect(oldest.format).toBe("age");
      expect(Number(oldest.value)).toBeGreaterThanOrEqual(30 * 3600 - 5);
      expect(oldest.tone).toBe("danger");

      const sla = await figure(desk.ctx, "kyc.sla");
      expect(sla).toMatchObject({ value: 1, tone: "danger", href: "/kyc?status=submitted,in_review,pending_second_approval&minAgeHours=24" });

      expect(await figure(desk.ctx, "kyc.mine")).toMatchObject({ value: 1 });
    });

    it("follows the brand's SLA setting", async () => {
      await db.brand.update({ where: { id: brand }, data: { kycSlaHours: 1 } });
      expect(await figure(desk.ctx, "kyc.sla")).toMatchObject({ value: 2 });
      await db.brand.update({ where: { id: brand }, data: { kycSlaHours: 24 } });
    });

    it("links each figure to the queue filtered to the same applications", async () => {
      for (const id of ["kyc.queue", "kyc.sla", "kyc.mine"]) await expectListMatches(desk.ctx, id);
    });

    it("charts today's decision", async () => {
      const result = await loadChart(desk.ctx, chart("kyc.decisions"));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.data.points).toHaveLength(30);
      expect(result.data.points.at(-1)).toMatchObject({ date: new Date().toISOString().slice(0, 10), approved: 1, rejected: 0 });
    });
  });

  describe("operations", () => {
    let brand: string;
    let desk: Awaited<ReturnType<typeof member>>;

    beforeAll(async () => {
      brand = (await createTestBrand()).id;
      desk = await member(brand, "operations");
      await createTestCustomer(brand, { status: "frozen", statusChangedAt: new Date() });
      await createTestCustomer(brand, { status: "frozen", statusChangedAt: new Date() });
      await createTestCustomer(brand, { status: "frozen", statusChangedAt: new Date(Date.now() - 2 * DAY) });
      await createTestCustomer(brand, { status: "active", statusChangedAt: new Date() });
      const account = await createTestTradingAccount(brand);
      await createTestFundLock(brand, account.id);
      await createTestFundLock(brand, account.id, { direction: "transfer_in", expiresAt: new Date(Date.now() + 2 * DAY) });
      await createTestFundLock(brand, account.id, { direction: "both", expiresAt: new Date(Date.now() + 30 * DAY) });
      await createTestFundLock(brand, account.id, { expiresAt: new Date(Date.now() - HOUR) });
      await createTestFundLock(brand, account.id, { endedAt: new Date(), endReason: "released" });
      await createTestKeyRow(brand, { perms: ["read_only", "trade"], ips: [] });
      await createTestKeyRow(brand, { perms: ["read_only", "trade"], ips: ["10.0.0.1"] });
      await createTestKeyRow(brand, { perms: ["read_only"], ips: [] });
    });

    it("counts today's freezes with the frozen total, and links to the list filtered the same way", async () => {
      const today = new Date().toISOString().slice(0, 10);
      expect(await figure(desk.ctx, "customers.frozenToday")).toMatchObject({
        value: 2,
        detail: { params: { total: 3 } },
        trend: { previous: 0, label: "dashboard.yesterday" },
        href: `/customers?status=frozen&statusChangedFrom=${today}`,
      });
    });

    it("counts active fund locks and the ones ending within a week", async () => {
      expect(await figure(desk.ctx, "fundLocks.active")).toMatchObject({ value: 3 });
      expect(await figure(desk.ctx, "fundLocks.expiring")).toMatchObject({ value: 1, tone: "warning" });
    });

    it("counts trade or withdraw keys without an IP binding", async () => {
      expect(await figure(desk.ctx, "apiKeys.unbound")).toMatchObject({ value: 1, tone: "warning" });
    });

    it("says when the brand never synced with the exchange, and how old the last sync is", async () => {
      const fresh = (await createTestBrand()).id;
      const ops = await member(fresh, "operations");
      expect(await figure(ops.ctx, "exchange.syncFreshness")).toMatchObject({ value: null, tone: "warning" });
      await createTestKeyRow(fresh); // its sub-account was synced just now
      await db.depositSyncState.create({ data: { brandId: fresh, lastCompletedAt: new Date(Date.now() - 2 * HOUR) } });
      const synced = await figure(ops.ctx, "exchange.syncFreshness");
      expect(Number(synced.value)).toBeGreaterThanOrEqual(2 * 3600 - 5);
      expect(Number(synced.value)).toBeLessThan(3 * 3600);
      expect(synced.tone).toBe("warning");
    });

    it("links each figure to the list filtered to the same rows", async () => {
      for (const id of ["customers.frozenToday", "fundLocks.active", "fundLocks.expiring", "apiKeys.unbound"]) await expectListMatches(desk.ctx, id);
    });

    it("charts today's registrations", async () => {
      const result = await loadChart(desk.ctx, chart("customers.newPerDay"));
      if (!result.ok) throw new Error("chart failed");
      // Customers created above (plus those behind the trading account and keys), all registered today.
      expect(result.data.points.at(-1)?.registered).toBe(await db.customer.count({ where: { brandId: brand } }));
    });
  });

  describe("marketing", () => {
    let brand: string;
    let desk: Awaited<ReturnType<typeof member>>;

    beforeAll(async () => {
      brand = (await createTestBrand()).id;
      desk = await member(brand, "marketing");
      const base = { brandId: brand, type: "manual", amountRule: "fixed", fixedAmount: "10", currency: "USDT", startsAt: new Date() } as const;
      await db.bonusCampaign.create({ data: { ...base, name: "Spring", budget: "1000", granted: "950", status: "active" } });
      await db.bonusCampaign.create({ data: { ...base, name: "Summer", budget: "1000", granted: "100", status: "active" } });
      await db.bonusCampaign.create({ data: { ...base, name: "Draft", budget: "1000", status: "draft" } });
      const account = await createTestTradingAccount(brand);
      const grant = (data: Record<string, unknown>) =>
        db.bonusGrant.create({
          data: {
            brandId: brand,
            customerId: account.customerId,
            tradingAccountId: account.id,
            amount: "10",
            remaining: "10",
            currency: "USDT",
            withdrawable: false,
            status: "applied",
            idempotencyKey: randomUUID(),
            ...data,
          },
        });
      await grant({ status: "pending_approval" });
      await grant({ status: "pending_approval" });
      await grant({ expiresAt: new Date(Date.now() + 2 * DAY), remaining: "7.123456789" });
      await grant({ expiresAt: new Date(Date.now() + 3 * DAY), remaining: "2" });
      await grant({ expiresAt: new Date(Date.now() + 20 * DAY) });
      await grant({ expiresAt: new Date(Date.now() + DAY), status: "closed", remaining: "0" });
    });

    it("counts active campaigns and names the one nearest its budget", async () => {
      expect(await figure(desk.ctx, "bonuses.activeCampaigns")).toMatchObject({
        value: 2,
        detail: { params: { name: "Spring", percent: 95 } },
        tone: "warning",
      });
    });

    it("counts grants waiting for approval", async () => {
      expect(await figure(desk.ctx, "bonuses.pendingGrants")).toMatchObject({ value: 2, detail: { params: { batches: 0 } } });
    });

    it("sums the credit expiring this week to the last digit", async () => {
      const expiring = await figure(desk.ctx, "bonuses.expiringCredit");
      expect(expiring).toMatchObject({ format: "money", unit: "USDT", detail: { params: { grants: 2 } } });
      expect(Number(expiring.value)).toBeCloseTo(9.123456789, 9);
      expect(String(expiring.value)).toMatch(/^9\.123456789/);
    });
  });

  describe("admin", () => {
    it("counts staff locked out of this brand only", async () => {
      const before = Number((await figure(admin.ctx, "staff.lockedOut")).value);
      await createTestStaff({ brandId: brandA, role: "support", data: { lockedUntil: new Date(Date.now() + HOUR) } });
      await createTestStaff({ brandId: brandA, role: "support", data: { lockedUntil: new Date(Date.now() - HOUR) } });
      const other = (await createTestBrand()).id;
      await createTestStaff({ brandId: other, role: "support", data: { lockedUntil: new Date(Date.now() + HOUR) } });
      expect(await figure(admin.ctx, "staff.lockedOut")).toMatchObject({ value: before + 1, tone: "warning" });
      await expectListMatches(admin.ctx, "staff.lockedOut");
    });

    it("reports the brand's newest audit links intact, and finds a changed one", async () => {
      for (let i = 0; i < 3; i++) {
        await db.$transaction((tx) =>
          recordAudit(tx, { actor: systemActor("test"), request: { ip: null, userAgent: null } }, { brandId: brandA, action: "test.dashboard", entityType: "brand", entityId: brandA }),
        );
      }
      const chain = await figure(admin.ctx, "audit.chain");
      expect(chain.value).toBe(0);
      expect(chain.detail?.key).toBe("dashboard.tiles.auditChain.intact");

      const rows = await db.auditLog.findMany({ where: { chain: brandA }, orderBy: { seq: "desc" }, take: 5 });
      expect(firstBreak(rows)).toBeNull();
      const tampered = rows.map((r, i) => (i === 1 ? { ...r, action: "test.rewritten" } : r));
      expect(firstBreak(tampered)).toBe(rows[1].seq);
    });
  });

  it("stops counting at the cap", async () => {
    const brand = (await createTestBrand()).id;
    const desk = await member(brand, "operations");
    const now = new Date();
    await db.customer.createMany({
      data: Array.from({ length: TILE_CAP + 5 }, (_, i) => ({
        brandId: brand,
        name: `Frozen ${i}`,
        country: "SG",
        registrationSource: "web" as const,
        status: "frozen" as const,
        statusChangedAt: now,
      })),
    });
    expect(await figure(desk.ctx, "customers.frozenToday")).toMatchObject({ value: TILE_CAP, capped: true, detail: { key: "dashboard.tiles.frozenToday.detailCapped" } });
  });
});
