/**
 * Withdrawals against the run's simulator over HTTP: a request above the threshold approved by a second
 * person, sent once with its clientId and followed to completion; the checks refusing with the field they
 * name and leaving nothing; maker-checker; cancel before and after sending; other brands untouchable.
 * (The lost-answer cases, which need faults, have their own simulator: withdrawals-lost-answer.int.test.ts.)
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TenantContext } from "@/server/actor";
import { listApprovals } from "@/server/approvals/service";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { subaccountClient } from "@/server/exchange/subaccount-client";
import { closeProducerConnection, configureJobs } from "@/server/queues/connection";
import { producerQueue } from "@/server/queues/registry";
import { followWithdrawals } from "@/server/withdrawals/follow";
import { sendWithdrawal } from "@/server/withdrawals/send";
import type { WithdrawalRow } from "@/server/withdrawals/types";
import { ZApprovalListInput } from "@/lib/approvals/schemas";
import { member } from "../helpers/bonuses";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";
import { bookEntry, nextWithdrawal, onExchange, TRC20, withdrawingCustomer, type WithdrawingCustomer } from "../helpers/withdrawals";
import { createTestFundLock, createTestTradingAccount } from "../cases/fund-locks";
import { callAs } from "./fixture";
import { trpcRefusal as refusal } from "../helpers/refusal";

const simUrl = inject("integrationSimulatorUrl");
const prefix = `bdtest-withdrawals-${randomUUID().slice(0, 8)}`;
const deps = { db };

let brand: { id: string };
let ops: TenantContext;
let admin: TenantContext;
let admin2: TenantContext;

const as = <T>(who: TenantContext, path: string, input?: unknown) => callAs(who.actor as never, brand.id, path, input) as Promise<T>;
const ask = (c: WithdrawingCustomer, patch: Record<string, unknown> = {}) => ({ customerId: c.customerId, subaccountId: c.subaccountId, ccy: "USDT", chain: "USDT-TRC20", amount: "100", address: TRC20, ...patch });

const counts = async () => ({
  withdrawals: await db.withdrawal.count({ where: { brandId: brand.id } }),
  audits: await db.auditLog.count({ where: { brandId: brand.id, entityType: "withdrawal" } }),
});

async function followUntil(id: string, states: string[], timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    await followWithdrawals(deps, brand.id);
    const w = await db.withdrawal.findUniqueOrThrow({ where: { id } });
    if (states.includes(w.state) || Date.now() > end) return w;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Follows until OKX reports `okxState` for the withdrawal; returns it as staff see it. */
async function followUntilOkx(id: string, okxState: string, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    await followWithdrawals(deps, brand.id);
    const w = await as<WithdrawalRow>(ops, "withdrawal.get", { id });
    if (w.okxState === okxState || Date.now() > end) return w;
    await new Promise((r) => setTimeout(r, 300));
  }
}

beforeAll(async () => {
  await configureJobs({ prefix, redisUrl: env.REDIS_URL });
  brand = await createTestBrand();
  ops = await staffContext((await createTestStaff({ brandId: brand.id, role: "operations" })).user, { tenantId: brand.id }) as TenantContext;
  admin = await member(brand.id, "admin");
  admin2 = await member(brand.id, "admin");
  // Approval above 1000 USDT, no cooling-off to wait out in most tests (its own test sets one).
  await as(admin, "withdrawal.setSettings", { perWithdrawalLimit: "100000", dailyLimit: "200000", approvalThreshold: "1000", coolingOffHours: 0 });
});

afterAll(async () => {
  await producerQueue("withdrawal-send").obliterate({ force: true }).catch(() => undefined);
  await closeProducerConnection();
});

describe("a withdrawal above the threshold", () => {
  it("waits for a second person, is sent once with its clientId and followed to completion", { timeout: 60_000 }, async () => {
    const c = await withdrawingCustomer(ops, { simUrl, funding: { USDT: "5000" } });
    await as(ops, "withdrawal.addAddress", { customerId: c.customerId, ccy: "USDT", chain: "USDT-TRC20", address: TRC20, label: "Cold wallet" });

    const w = await as<WithdrawalRow>(ops, "withdrawal.request", ask(c, { amount: "1500", reason: "Customer asked by phone" }));
    expect(w).toMatchObject({ state: "pending_approval", amount: "1500", ccy: "USDT", chain: "USDT-TRC20", requestedBy: { id: ops.actor.id } });
    expect(w.clientId).toMatch(/^[A-Za-z0-9]{32}$/);

    // In the approvals inbox of an admin, not of its requester.
    const inbox = await listApprovals(admin, ZApprovalListInput.parse({}));
    expect(inbox.rows.map((r) => r.id)).toContain(w.id);
    expect(inbox.rows.find((r) => r.id === w.id)).toMatchObject({ kind: "withdrawal.request", canDecide: true, amount: "1500", currency: "USDT" });

    // The requester may not approve (no permission); an admin may not approve their own request.
    expect((await refusal(as(ops, "withdrawal.approve", { id: w.id }))).code).toBe("FORBIDDEN");
    const own = await as<WithdrawalRow>(admin2, "withdrawal.request", ask(c, { amount: "1200" }));
    expect(await refusal(as(admin2, "withdrawal.approve", { id: own.id }))).toMatchObject({ code: "FORBIDDEN", reason: "withdrawals.errors.ownRequest" });
    await as(admin2, "withdrawal.cancel", { id: own.id, reason: "Entered twice" });

    const approved = await as<WithdrawalRow>(admin, "withdrawal.approve", { id: w.id, note: "Checked with the customer" });
    expect(approved).toMatchObject({ state: "queued", approvedBy: { id: admin.actor.id } });

    expect(await sendWithdrawal(deps, brand.id, w.id)).toBe("sent");
    expect(await sendWithdrawal(deps, brand.id, w.id)).toBe("skipped");
    const sent = await db.withdrawal.findUniqueOrThrow({ where: { id: w.id } });
    expect(sent.state).toBe("sent");
    expect(sent.wdId).toBeTruthy();

    const exchange = await onExchange(brand.id, c.subaccountId);
    expect(exchange.history.filter((h) => h.clientId === w.clientId)).toHaveLength(1);
    expect(exchange.history.find((h) => h.clientId === w.clientId)).toMatchObject({ wdId: sent.wdId, amt: "1500", chain: "USDT-TRC20" });

    const done = await followUntil(w.id, ["completed", "failed"]);
    expect(done.state).toBe("completed");
    expect(done.okxState).toBe("2");
    expect(done.txId).toBeTruthy();
    const after = await onExchange(brand.id, c.subaccountId);
    // 1500 and the network fee came off the funding balance, once.
    expect(Number(after.balance("USDT")!.bal)).toBe(5000 - 1500 - Number(done.fee));

    const history = await as<{ action: string }[]>(admin, "withdrawal.history", { id: w.id });
    expect(history.slice(0, 4).map((h) => h.action)).toEqual(["withdrawal.request", "withdrawal.approve", "withdrawal.send_start", "withdrawal.sent"]);
    expect(history.at(-1)!.action).toBe("withdrawal.complete");
    // Audit rows carry the withdrawal, never a key or a secret.
    const rows = await db.auditLog.findMany({ where: { brandId: brand.id, entityId: w.id }, select: { before: true, after: true } });
    expect(JSON.stringify(rows)).not.toMatch(/secret|passphrase/i);
  });

  it("a rejected withdrawal is never sent", async () => {
    const c = await withdrawingCustomer(ops, { simUrl });
    await bookEntry(brand.id, c.customerId);
    const w = await as<WithdrawalRow>(ops, "withdrawal.request", ask(c, { amount: "2000" }));
    expect(await as<WithdrawalRow>(admin, "withdrawal.reject", { id: w.id, reason: "Unusual amount" })).toMatchObject({ state: "rejected", decisionNote: "Unusual amount" });
    expect(await sendWithdrawal(deps, brand.id, w.id)).toBe("skipped");
    expect((await onExchange(brand.id, c.subaccountId)).history).toEqual([]);
  });
});

describe("below the threshold", () => {
  it("is queued at once and sent; cancel before sending leaves the exchange untouched", { timeout: 30_000 }, async () => {
    const c = await withdrawingCustomer(ops, { simUrl });
    await bookEntry(brand.id, c.customerId);
    const a = await as<WithdrawalRow>(ops, "withdrawal.request", ask(c, { amount: "50" }));
    expect(a.state).toBe("queued");
    const b = await as<WithdrawalRow>(ops, "withdrawal.request", ask(c, { amount: "60" }));
    expect(await as<WithdrawalRow>(ops, "withdrawal.cancel", { id: b.id, reason: "Customer changed their mind" })).toMatchObject({ state: "cancelled" });
    expect(await sendWithdrawal(deps, brand.id, b.id)).toBe("skipped");
    expect(await sendWithdrawal(deps, brand.id, a.id)).toBe("sent");
    const history = (await onExchange(brand.id, c.subaccountId)).history;
    expect(history.map((h) => h.clientId)).toEqual([a.clientId]);
  });

  it("cancel after sending asks the exchange, and the follow job records the cancellation", { timeout: 30_000 }, async () => {
    const c = await withdrawingCustomer(ops, { simUrl });
    await bookEntry(brand.id, c.customerId);
    await nextWithdrawal(simUrl, brand.id, c.subAcct, "stall");
    const w = await as<WithdrawalRow>(ops, "withdrawal.request", ask(c, { amount: "70" }));
    expect(await sendWithdrawal(deps, brand.id, w.id)).toBe("sent");
    await followWithdrawals(deps, brand.id);
    const sent = await as<WithdrawalRow>(ops, "withdrawal.get", { id: w.id });
    expect(sent).toMatchObject({ state: "sent", okxState: "0", cancellable: true });
    expect(await as<WithdrawalRow>(ops, "withdrawal.cancel", { id: w.id, reason: "Wrong address" })).toMatchObject({ state: "sent", okxState: "-3" });
    expect((await followUntil(w.id, ["cancelled"])).state).toBe("cancelled");
  });

  it("cancel is offered while OKX still holds the withdrawal for review, not once the chain is validating it", { timeout: 30_000 }, async () => {
    const c = await withdrawingCustomer(ops, { simUrl });
    await bookEntry(brand.id, c.customerId);
    // Stage one, "pending withdrawal": a manual review (4). The exchange accepts the cancel the portal offers.
    await nextWithdrawal(simUrl, brand.id, c.subAcct, "stall", "4");
    const inReview = await as<WithdrawalRow>(ops, "withdrawal.request", ask(c, { amount: "71" }));
    expect(await sendWithdrawal(deps, brand.id, inReview.id)).toBe("sent");
    expect(await followUntilOkx(inReview.id, "4")).toMatchObject({ state: "sent", okxState: "4", cancellable: true });
    expect(await as<WithdrawalRow>(ops, "withdrawal.cancel", { id: inReview.id, reason: "Wrong address" })).toMatchObject({ okxState: "-3" });
    // Stage two, "withdrawal in progress": pending validation on chain (15). No cancel is offered, and one
    // asked for anyway is refused by the portal before the exchange is bothered.
    await nextWithdrawal(simUrl, brand.id, c.subAcct, "stall", "15");
    const validating = await as<WithdrawalRow>(ops, "withdrawal.request", ask(c, { amount: "72" }));
    expect(await sendWithdrawal(deps, brand.id, validating.id)).toBe("sent");
    expect(await followUntilOkx(validating.id, "15")).toMatchObject({ state: "sent", okxState: "15", cancellable: false });
    expect(await refusal(as(ops, "withdrawal.cancel", { id: validating.id, reason: "Too late" }))).toMatchObject({ code: "CONFLICT", reason: "withdrawals.errors.notCancellable" });
    // The exchange agrees: asked directly, it refuses the cancel in 15 with OKX's 58216.
    const { wdId } = await db.withdrawal.findUniqueOrThrow({ where: { id: validating.id } });
    const { client } = await subaccountClient(db, brand.id, c.subaccountId, "withdraw");
    await expect(client.cancelWithdrawal({ wdId: wdId! })).rejects.toMatchObject({ code: "58216" });
  });

  it("a withdrawal the exchange fails is recorded as failed", { timeout: 30_000 }, async () => {
    const c = await withdrawingCustomer(ops, { simUrl });
    await bookEntry(brand.id, c.customerId);
    await nextWithdrawal(simUrl, brand.id, c.subAcct, "fail");
    const w = await as<WithdrawalRow>(ops, "withdrawal.request", ask(c, { amount: "80" }));
    expect(await sendWithdrawal(deps, brand.id, w.id)).toBe("sent");
    const done = await followUntil(w.id, ["failed", "completed"]);
    expect(done).toMatchObject({ state: "failed", okxState: "-1", failureKey: "withdrawals.failures.exchangeFailed" });
  });

  it("a lock placed after approval refuses it before sending", async () => {
    const c = await withdrawingCustomer(ops, { simUrl });
    await bookEntry(brand.id, c.customerId);
    const w = await as<WithdrawalRow>(ops, "withdrawal.request", ask(c, { amount: "40" }));
    const account = await createTestTradingAccount(brand.id, { customerId: c.customerId });
    await createTestFundLock(brand.id, account.id, { reason: "AML review" });
    expect(await sendWithdrawal(deps, brand.id, w.id)).toBe("refused");
    expect(await db.withdrawal.findUniqueOrThrow({ where: { id: w.id } })).toMatchObject({ state: "refused", failureKey: "withdrawals.errors.transferOutLocked" });
    expect((await onExchange(brand.id, c.subaccountId)).history).toEqual([]);
  });

  it("an address taken out of the book, or a sub-account frozen for withdrawals, after approval refuses it before sending", async () => {
    const c = await withdrawingCustomer(ops, { simUrl });
    const entry = await bookEntry(brand.id, c.customerId);
    const first = await as<WithdrawalRow>(ops, "withdrawal.request", ask(c, { amount: "40" }));
    const second = await as<WithdrawalRow>(ops, "withdrawal.request", ask(c, { amount: "41" }));
    await db.withdrawalAddress.update({ where: { id: entry.id }, data: { removedAt: new Date() } });
    expect(await sendWithdrawal(deps, brand.id, first.id)).toBe("refused");
    expect(await db.withdrawal.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ state: "refused", failureKey: "withdrawals.errors.notInBook" });
    await db.withdrawalAddress.update({ where: { id: entry.id }, data: { removedAt: null } });
    await db.subaccount.update({ where: { id: c.subaccountId }, data: { frozenFunctions: ["withdrawal"] } });
    expect(await sendWithdrawal(deps, brand.id, second.id)).toBe("refused");
    expect(await db.withdrawal.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ state: "refused", failureKey: "withdrawals.errors.subaccountFrozen" });
    expect((await onExchange(brand.id, c.subaccountId)).history).toEqual([]);
  });

  it("the same address added twice at once is refused once as already in the book, never a 500", async () => {
    const c = await withdrawingCustomer(ops, { simUrl });
    const add = () => as(ops, "withdrawal.addAddress", { customerId: c.customerId, ccy: "USDT", chain: "USDT-TRC20", address: TRC20 });
    const results = await Promise.allSettled([add(), add(), add()]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((x): x is PromiseRejectedResult => x.status === "rejected")) {
      expect(await refusal(Promise.reject(r.reason))).toMatchObject({ code: "CONFLICT", field: "address" });
    }
  });
});

describe("checks refuse with the field they name and change nothing", () => {
  let c: WithdrawingCustomer;
  beforeAll(async () => {
    c = await withdrawingCustomer(ops, { simUrl, funding: { USDT: "300" } });
    await bookEntry(brand.id, c.customerId);
  });

  const refuses = async (input: Record<string, unknown>, expected: { code: string; field: string; reason?: string }) => {
    const before = await counts();
    expect(await refusal(as(ops, "withdrawal.request", input))).toMatchObject(expected);
    expect(await counts()).toEqual(before);
  };

  it("chain, decimals, minimum, address format and tag", async () => {
    await refuses(ask(c, { chain: "USDT-NOPE" }), { code: "BAD_REQUEST", field: "chain", reason: "withdrawals.errors.unknownChain" });
    await refuses(ask(c, { amount: "10.1234567" }), { code: "BAD_REQUEST", field: "amount", reason: "withdrawals.errors.tooManyDecimals" });
    await refuses(ask(c, { amount: "0.000001" }), { code: "BAD_REQUEST", field: "amount", reason: "withdrawals.errors.belowMinimum" });
    await refuses(ask(c, { address: "0x52908400098527886E0F7030069857D2E4169EE7" }), { code: "BAD_REQUEST", field: "address", reason: "withdrawals.errors.badAddress" });
    await refuses(ask(c, { tag: "12345" }), { code: "BAD_REQUEST", field: "tag", reason: "withdrawals.errors.tagNotTaken" });
  });

  it("the live funding balance", async () => {
    await refuses(ask(c, { amount: "299.5" }), { code: "BAD_REQUEST", field: "amount", reason: "withdrawals.errors.insufficientBalance" });
  });

  it("the address book and its cooling-off", async () => {
    await refuses(ask(c, { address: "TJRabPrwbZy45sbavfcjinPJC18kjpRTv8" }), { code: "CONFLICT", field: "address", reason: "withdrawals.errors.notInBook" });
    await as(admin, "withdrawal.setSettings", { perWithdrawalLimit: "100000", dailyLimit: "200000", approvalThreshold: "1000", coolingOffHours: 24 });
    const entry = await as<{ usable: boolean; usableFrom: Date; addedAt: Date }>(ops, "withdrawal.addAddress", { customerId: c.customerId, ccy: "USDT", chain: "USDT-TRC20", address: "TJRabPrwbZy45sbavfcjinPJC18kjpRTv8" });
    expect(entry.usable).toBe(false);
    expect(entry.usableFrom.getTime() - entry.addedAt.getTime()).toBe(24 * 3_600_000);
    await as(admin, "withdrawal.setSettings", { perWithdrawalLimit: "100000", dailyLimit: "200000", approvalThreshold: "1000", coolingOffHours: 0 });
    await refuses(ask(c, { address: "TJRabPrwbZy45sbavfcjinPJC18kjpRTv8" }), { code: "CONFLICT", field: "address", reason: "withdrawals.errors.coolingOff" });
  });

  it("customer status, KYC level and transfer-out locks", async () => {
    const frozen = await withdrawingCustomer(ops, { simUrl, customer: { status: "frozen" } });
    await refuses(ask(frozen), { code: "CONFLICT", field: "customerId", reason: "withdrawals.errors.customerNotActive" });
    const level0 = await withdrawingCustomer(ops, { simUrl, customer: { kycLevel: 0 } });
    await bookEntry(brand.id, level0.customerId);
    await refuses(ask(level0), { code: "CONFLICT", field: "customerId", reason: "withdrawals.errors.kycLevelNoWithdrawals" });
    const level1 = await withdrawingCustomer(ops, { simUrl, customer: { kycLevel: 1 }, funding: { USDT: "9000" } });
    await bookEntry(brand.id, level1.customerId);
    await refuses(ask(level1, { amount: "2500" }), { code: "BAD_REQUEST", field: "amount", reason: "withdrawals.errors.kycPerWithdrawal" });
    // Level 1: 5000 a day — two of 1900 pass (waiting for approval), a third does not.
    await as(ops, "withdrawal.request", ask(level1, { amount: "1900" }));
    await as(ops, "withdrawal.request", ask(level1, { amount: "1900" }));
    await refuses(ask(level1, { amount: "1900" }), { code: "BAD_REQUEST", field: "amount", reason: "withdrawals.errors.kycDaily" });

    const locked = await withdrawingCustomer(ops, { simUrl });
    await bookEntry(brand.id, locked.customerId);
    const account = await createTestTradingAccount(brand.id, { customerId: locked.customerId });
    await createTestFundLock(brand.id, account.id, { direction: "both", reason: "Chargeback" });
    await refuses(ask(locked), { code: "CONFLICT", field: "customerId", reason: "withdrawals.errors.transferOutLocked" });
    // A demo account's lock is play money: it does not stop a real withdrawal.
    const demo = await withdrawingCustomer(ops, { simUrl });
    await bookEntry(brand.id, demo.customerId);
    await createTestFundLock(brand.id, (await createTestTradingAccount(brand.id, { customerId: demo.customerId, demo: true })).id);
    expect((await as<WithdrawalRow>(ops, "withdrawal.request", ask(demo))).state).toBe("queued");
  });

  it("the brand's per-withdrawal and daily limits", async () => {
    const d = await withdrawingCustomer(ops, { simUrl });
    await bookEntry(brand.id, d.customerId);
    await as(admin, "withdrawal.setSettings", { perWithdrawalLimit: "100", dailyLimit: "150", approvalThreshold: "1000", coolingOffHours: 0 });
    try {
      await refuses(ask(d, { amount: "101" }), { code: "BAD_REQUEST", field: "amount", reason: "withdrawals.errors.brandPerWithdrawal" });
      expect((await as<WithdrawalRow>(ops, "withdrawal.request", ask(d, { amount: "100" }))).state).toBe("queued");
      await refuses(ask(d, { amount: "51" }), { code: "BAD_REQUEST", field: "amount", reason: "withdrawals.errors.brandDaily" });
    } finally {
      await as(admin, "withdrawal.setSettings", { perWithdrawalLimit: "100000", dailyLimit: "200000", approvalThreshold: "1000", coolingOffHours: 0 });
    }
  });
});

describe("other brands", () => {
  it("cannot reach this brand's customers, sub-accounts or withdrawals", async () => {
    const other = await createTestBrand();
    const theirOps = await staffContext((await createTestStaff({ brandId: other.id, role: "operations" })).user, { tenantId: other.id }) as TenantContext;
    const c = await withdrawingCustomer(ops, { simUrl });
    await bookEntry(brand.id, c.customerId);
    const w = await as<WithdrawalRow>(ops, "withdrawal.request", ask(c, { amount: "30" }));
    const before = await counts();
    const theirs = (path: string, input: unknown) => callAs(theirOps.actor as never, other.id, path, input);
    expect((await refusal(theirs("withdrawal.request", ask(c)))).code).toBe("NOT_FOUND");
    expect((await refusal(theirs("withdrawal.cancel", { id: w.id, reason: "Not yours" }))).code).toBe("NOT_FOUND");
    expect((await refusal(theirs("withdrawal.options", { customerId: c.customerId, subaccountId: c.subaccountId }))).code).toBe("NOT_FOUND");
    expect(await counts()).toEqual(before);
  });
});
