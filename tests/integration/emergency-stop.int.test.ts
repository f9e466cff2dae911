/**
 * The emergency stop against money movements: a grant (one waiting for approval too), a transfer, a partner API grant and a withdrawal
 * (request and send) are refused with the stop's reason while reads keep working; a reset restores them;
 * a brand's stop leaves another brand alone; and a stop triggered while grants run concurrently leaves
 * each one either committed before it or refused, none half-applied, none committed after it.
 */
import { randomUUID } from "node:crypto";
import { Decimal } from "decimal.js";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import type { TenantContext } from "@/server/actor";
import { grant } from "@/server/bonuses/grant-create";
import { listGrants } from "@/server/bonuses/grant-list";
import { createDbClient, db } from "@/server/db/client";
import { EmergencyStopError } from "@/server/emergency/guard";
import { emergencyStatus } from "@/server/emergency/service";
import { env } from "@/server/env";
import { adjustCash, transfer } from "@/server/ledger/service";
import { verifyLedger } from "@/server/ledger/verify";
import { closeProducerConnection, configureJobs } from "@/server/queues/connection";
import { producerQueue } from "@/server/queues/registry";
import { sendWithdrawal } from "@/server/withdrawals/send";
import type { WithdrawalRow } from "@/server/withdrawals/types";
import { ZGrantListInput } from "@/lib/bonuses/schemas";
import { account, member, newBrand } from "../helpers/bonuses";
import { createTestStaff, staffContext } from "../helpers/db";
import { emergencyStopper } from "../helpers/emergency";
import { TRC20, withdrawingCustomer } from "../helpers/withdrawals";
import { idempotent } from "../partner-api/client";
import { partnerBrand, partnerKey } from "../partner-api/fixture";
import { callAs } from "./fixture";
import { appRefusal as refusal } from "../helpers/refusal";

const simUrl = inject("integrationSimulatorUrl");
const prefix = `bdtest-emergency-${randomUUID().slice(0, 8)}`;
const reason = "Welcome bonus";
const STOPPED = "emergency.errors.stoppedBrand";

const bonusOf = async (id: string) => (await db.tradingAccount.findUniqueOrThrow({ where: { id } })).bonusNonWithdrawable.toFixed();
const grantInput = (a: { id: string; customerId: string }, amount = "5") => ({ customerId: a.customerId, tradingAccountId: a.id, amount, idempotencyKey: randomUUID(), reason });

beforeAll(async () => {
  await configureJobs({ prefix, redisUrl: env.REDIS_URL });
});

beforeEach(async () => {
  // A test that failed half-way must not leave its stop behind for the next.
  await db.emergencyStop.updateMany({ where: { resetAt: null }, data: { resetAt: new Date() } });
});

afterAll(async () => {
  await db.emergencyStop.updateMany({ where: { resetAt: null }, data: { resetAt: new Date() } });
  await producerQueue("withdrawal-send").obliterate({ force: true }).catch(() => undefined);
  await closeProducerConnection();
});

describe("money movements while a brand is stopped", () => {
  it("refuses a grant, a transfer and a cash adjustment with the stop's reason; reads work; a reset restores them; another brand is untouched", async () => {
    const b = await newBrand("100");
    const other = await newBrand("100");
    const a = await account(b.brandId);
    const a2 = await account(b.brandId, { customerId: a.customerId, type: "swap" });
    const o = await account(other.brandId);
    await adjustCash(b.admin, { tradingAccountId: a.id, direction: "credit", amount: "50", reason: "Demo funding", idempotencyKey: randomUUID() });
    const stop = await emergencyStopper(b.brandId);
    await stop.trigger();

    const refused = await refusal(grant(b.maker, grantInput(a)));
    expect(refused).toBeInstanceOf(EmergencyStopError);
    expect(refused).toMatchObject({ code: "CONFLICT", reason: STOPPED });
    expect(refused.message).toContain("emergency stop");
    // Above the threshold it would only wait for approval: a new grant is refused all the same.
    expect((await refusal(grant(b.maker, grantInput(a, "500")))).reason).toBe(STOPPED);
    expect((await refusal(transfer(b.admin, { fromTradingAccountId: a.id, toTradingAccountId: a2.id, amount: "10", idempotencyKey: randomUUID() }))).reason).toBe(STOPPED);
    expect((await refusal(adjustCash(b.admin, { tradingAccountId: a.id, direction: "debit", amount: "1", reason: "Fee", idempotencyKey: randomUUID() }))).reason).toBe(STOPPED);
    expect(await bonusOf(a.id)).toBe("0");
    expect(await db.bonusGrant.count({ where: { tradingAccountId: a.id } })).toBe(0);

    // Reads go on, and the status says who stopped it and why.
    expect((await listGrants(b.maker, ZGrantListInput.parse({}))).rows).toEqual([]);
    const status = await emergencyStatus(stop.ctx as TenantContext);
    expect(status.brand).toMatchObject({ scope: "brand", reason: "Suspicious withdrawals", resetAt: null });
    expect(status.global).toBeNull();

    // Another brand moves money as usual.
    expect(await grant(other.maker, grantInput(o))).toMatchObject({ status: "applied" });

    await stop.reset();
    expect(await grant(b.maker, grantInput(a))).toMatchObject({ status: "applied" });
    expect(await bonusOf(a.id)).toBe("5");
    const audits = await db.auditLog.findMany({ where: { brandId: b.brandId, entityType: "emergency_stop" }, orderBy: { seq: "asc" }, select: { action: true, after: true } });
    expect(audits.map((x) => x.action)).toEqual(["emergency.trigger", "emergency.reset"]);
    expect(audits[1]!.after).toMatchObject({ resetReason: "Checked, all clear" });
  });

  it("the trigger needs a valid, unused code and names the field otherwise (wrong codes audited and limited); only one stop per scope", async () => {
    const b = await newBrand("100");
    const stop = await emergencyStopper(b.brandId);
    const { triggerBrandStop } = await import("@/server/emergency/service");
    const ctx = { ...stop.ctx, tenantId: b.brandId } as TenantContext;
    expect(await refusal(triggerBrandStop(ctx, { reason: "Test", totpCode: "000000" }))).toMatchObject({ code: "VALIDATION", field: "totpCode" });
    await stop.trigger();
    expect(await refusal(stop.trigger())).toMatchObject({ code: "CONFLICT", reason: "emergency.errors.alreadyActiveBrand" });
    await stop.reset();
    expect(await refusal(stop.reset())).toMatchObject({ code: "CONFLICT", reason: "emergency.errors.notActiveBrand" });

    // Wrong codes are audited; after five in a quarter of an hour even a right one is refused.
    const guesser = await emergencyStopper(b.brandId);
    const guess = { ...guesser.ctx, tenantId: b.brandId } as TenantContext;
    for (let i = 0; i < 4; i++) await refusal(triggerBrandStop(guess, { reason: "Test", totpCode: "000000" }));
    expect(await db.auditLog.count({ where: { brandId: b.brandId, actorId: guess.actor.id, action: "emergency.step_up_refused" } })).toBe(5 - 1);
    await refusal(triggerBrandStop(guess, { reason: "Test", totpCode: "000000" }));
    expect(await refusal(guesser.trigger())).toMatchObject({ code: "RATE_LIMITED", field: "totpCode", reason: "emergency.errors.tooManyWrongCodes" });
    expect(await db.emergencyStop.count({ where: { brandId: b.brandId, resetAt: null } })).toBe(0);
  });

  it("partner API: a grant is answered 409 with the stop's code, not saved against its key: the same key goes through after the reset", async () => {
    const { brand, admin } = await partnerBrand({ bonusApprovalThreshold: "1000" });
    const { api } = await partnerKey(admin);
    const c = await api.POST("/customers", { params: idempotent(), body: { name: "Stop test", email: `stop.${brand.id.slice(0, 8)}@example.com`, country: "SG" } });
    expect(c.response.status).toBe(201);
    const stop = await emergencyStopper(brand.id);
    await stop.trigger();
    const key = idempotent();
    const body = { customerId: c.data!.id, kind: "non_withdrawable" as const, amount: "8.8", currency: "USDT", reason: "Airdrop" };
    const refused = await api.POST("/bonus-grants", { params: key, body });
    expect(refused.response.status).toBe(409);
    expect(refused.error).toMatchObject({ code: STOPPED });
    expect(JSON.stringify(refused.error)).toContain("emergency stop");
    // Reads keep working.
    expect((await api.GET("/customers/{customerId}/assets", { params: { path: { customerId: c.data!.id } } })).response.status).toBe(200);

    await stop.reset();
    const again = await api.POST("/bonus-grants", { params: key, body });
    expect(again.response.status, JSON.stringify(again.error)).toBe(201);
    expect(again.data).toMatchObject({ status: "applied", amount: "8.8" });
  });

  it("withdrawals: a request is refused, a queued one is held (still queued, not failed) and sent after the reset", { timeout: 60_000 }, async () => {
    const b = await newBrand("100");
    const ops = (await staffContext((await createTestStaff({ brandId: b.brandId, role: "operations" })).user, { tenantId: b.brandId })) as TenantContext;
    const as = <T>(who: TenantContext, path: string, input?: unknown) => callAs(who.actor as never, b.brandId, path, input) as Promise<T>;
    await as(b.admin, "withdrawal.setSettings", { perWithdrawalLimit: "100000", dailyLimit: "200000", approvalThreshold: "1000", coolingOffHours: 0 });
    const c = await withdrawingCustomer(ops, { simUrl, funding: { USDT: "5000" } });
    await as(ops, "withdrawal.addAddress", { customerId: c.customerId, ccy: "USDT", chain: "USDT-TRC20", address: TRC20, label: "Cold wallet" });
    const ask = { customerId: c.customerId, subaccountId: c.subaccountId, ccy: "USDT", chain: "USDT-TRC20", amount: "100", address: TRC20 };
    const queued = await as<WithdrawalRow>(ops, "withdrawal.request", ask);
    expect(queued.state).toBe("queued");

    const stop = await emergencyStopper(b.brandId);
    await stop.trigger();
    expect((await refusal(as(ops, "withdrawal.request", ask))).reason).toBe(STOPPED);
    expect(await sendWithdrawal({ db }, b.brandId, queued.id)).toBe("held");
    expect(await db.withdrawal.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ state: "queued", wdId: null, failureKey: null });

    await stop.reset();
    expect(await sendWithdrawal({ db }, b.brandId, queued.id)).toBe("sent");
  });
});

const GRANTS = 100;

describe("the stop racing concurrent grants", () => {
  it("every grant either committed before the stop or was refused: none half-applied, none after it", async () => {
    const b = await newBrand("100");
    // Two accounts: grants to one account queue on its row, so the run lasts long enough for the trigger to land inside it.
    const accounts = await Promise.all(Array.from({ length: 2 }, () => account(b.brandId)));
    const makers = await Promise.all(Array.from({ length: 3 }, () => member(b.brandId, "marketing")));
    // The trigger comes from another process (its own connection pool), as an admin's would.
    const otherProcess = createDbClient();
    const stop = await emergencyStopper(b.brandId, { db: otherProcess });
    // Counted through the other pool too: this process's is busy with the grants.
    const applied = () => otherProcess.bonusGrant.count({ where: { brandId: b.brandId, status: "applied" } });

    const runs = Array.from({ length: GRANTS }, (_, i) => grant(makers[i % makers.length]!, grantInput(accounts[i % accounts.length]!, "1.5")));
    const settled = Promise.allSettled(runs);
    await expect.poll(applied, { timeout: 20_000, interval: 5 }).toBeGreaterThanOrEqual(1);
    await stop.trigger();
    // The trigger waited for every grant past the guard: whatever commits, has committed by now.
    const atStop = await applied();
    const results = await settled;

    const done = results.filter((r) => r.status === "fulfilled").length;
    const refused = results.filter((r) => r.status === "rejected");
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(EmergencyStopError);
    expect(done + refused.length).toBe(GRANTS);
    expect(done).toBe(atStop);
    expect(await applied()).toBe(done);
    expect(refused.length).toBeGreaterThan(0);

    // The books: every account's balance is its lines' sum and the granted total, to the cent.
    expect((await verifyLedger(db, b.brandId)).discrepancies).toEqual([]);
    let total = new Decimal(0);
    for (const a of accounts) total = total.plus(await bonusOf(a.id));
    expect(total.toFixed()).toBe(new Decimal("1.5").times(done).toFixed());
    await stop.reset();
    await otherProcess.$disconnect();
  });
});
