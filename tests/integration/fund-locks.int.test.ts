/**
 * Fund locks through the real router and service: lock / unlock with audit, the refusals (duplicate active
 * lock, past expiry, closed account, stale version, risk-rule lock), the transfer guard for every
 * direction, the expiry sweep (once, even when two run at once; through a real BullMQ worker), the list's
 * filters and the CSV rows.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { csvColumns } from "@/server/export/exporter";
import { createTranslator } from "@/lib/i18n/translate";
import { closeProducerConnection, configureJobs, jobsConfig, workerConnection } from "@/server/queues/connection";
import { deleteRedisKeys, underPrefixes } from "../helpers/redis";
import { PROCESSORS } from "@/jobs/processors";
import { enqueue, producerQueue } from "@/server/queues/registry";
import { startWorker } from "@/jobs/runtime";
import type { TenantContext } from "@/server/actor";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { fundLockExporter } from "@/server/fund-locks/export";
import { assertTransferAllowed } from "@/server/fund-locks/guard";
import { ZFundLockListInput } from "@/lib/fund-locks/schemas";
import * as fundLocks from "@/server/fund-locks/service";
import type { FundLockRow } from "@/server/fund-locks/types";
import { appRouter } from "@/server/routers/_app";
import { createCallerFactory } from "@/server/trpc";
import { createTestCustomer } from "../cases/customers";
import { createTestTradingAccount } from "../cases/fund-locks";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";

const createCaller = createCallerFactory(appRouter);
const reason = "Suspicious withdrawals under review";

async function member(brandId: string, role: "admin" | "operations" | "support" = "operations") {
  const { user } = await createTestStaff({ brandId, role });
  const trpcCtx = await staffContext(user, { tenantId: brandId });
  return { user, ctx: trpcCtx as TenantContext, caller: createCaller(trpcCtx) };
}

const auditOf = (entityId: string) => db.auditLog.findMany({ where: { entityId, entityType: "fund_lock" }, orderBy: { seq: "asc" } });
const inFuture = (ms = 60 * 60 * 1000) => new Date(Date.now() + ms);
/** Puts a lock's expiry in the past directly (the service refuses a past expiry, as it should). */
const backdateExpiry = (id: string, ms = 1000) => db.fundLock.update({ where: { id }, data: { expiresAt: new Date(Date.now() - ms) } });
const guard = (ids: { out?: string; in?: string }) => db.$transaction((tx) => assertTransferAllowed(tx, ids));

describe("fund locks", () => {
  let brandId: string;
  let ops: Awaited<ReturnType<typeof member>>;
  let admin: Awaited<ReturnType<typeof member>>;

  beforeAll(async () => {
    brandId = (await createTestBrand()).id;
    ops = await member(brandId, "operations");
    admin = await member(brandId, "admin");
  });

  describe("lock and unlock", () => {
    it("locks with a trimmed reason and an expiry, audits it, then unlocks with a reason and audits that", async () => {
      const account = await createTestTradingAccount(brandId);
      const expiresAt = inFuture();
      const locked = await ops.caller.fundLock.lock({ tradingAccountId: account.id, direction: "transfer_out", reason: `  ${reason} `, expiresAt });
      expect(locked).toMatchObject({
        direction: "transfer_out",
        reason,
        source: "manual",
        status: "active",
        expiresAt,
        createdBy: { id: ops.user.id, name: ops.user.name },
        account: { id: account.id, type: "spot", currency: "USDT", demo: false },
        version: 1,
      });
      const released = await ops.caller.fundLock.unlock({ id: locked.id, reason: "Review finished", version: 1 });
      expect(released).toMatchObject({ status: "released", endReason: "released", endNote: "Review finished", endedBy: { id: ops.user.id }, version: 2 });
      expect(released.endedAt).toBeInstanceOf(Date);

      const audit = await auditOf(locked.id);
      expect(audit.map((a) => a.action)).toEqual(["fundlock.lock", "fundlock.unlock"]);
      expect(audit[0]).toMatchObject({ brandId, actorId: ops.user.id, after: expect.objectContaining({ direction: "transfer_out", reason }) });
      expect(audit[1]).toMatchObject({
        before: expect.objectContaining({ endedAt: null }),
        after: expect.objectContaining({ endReason: "released", endNote: "Review finished" }),
      });
    });

    it("refuses a second active lock of the same direction, but allows another direction and a new one after unlocking", async () => {
      const account = await createTestTradingAccount(brandId);
      const first = await ops.caller.fundLock.lock({ tradingAccountId: account.id, direction: "both", reason });
      await expect(ops.caller.fundLock.lock({ tradingAccountId: account.id, direction: "both", reason })).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/already has an active lock on transfers in and out/),
      });
      await ops.caller.fundLock.lock({ tradingAccountId: account.id, direction: "transfer_in", reason });
      await ops.caller.fundLock.unlock({ id: first.id, reason: "Cleared", version: first.version });
      await expect(ops.caller.fundLock.lock({ tradingAccountId: account.id, direction: "both", reason })).resolves.toMatchObject({ status: "active" });
    });

    it("two concurrent locks of one direction make one lock", async () => {
      const account = await createTestTradingAccount(brandId);
      const results = await Promise.allSettled([
        ops.caller.fundLock.lock({ tradingAccountId: account.id, direction: "transfer_out", reason }),
        admin.caller.fundLock.lock({ tradingAccountId: account.id, direction: "transfer_out", reason }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await db.fundLock.count({ where: { tradingAccountId: account.id } })).toBe(1);
    });

    it("refuses an expiry in the past, a short reason, a closed account and another brand's account", async () => {
      const account = await createTestTradingAccount(brandId);
      await expect(
        ops.caller.fundLock.lock({ tradingAccountId: account.id, direction: "transfer_out", reason, expiresAt: new Date(Date.now() - 1000) }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: expect.objectContaining({ field: "expiresAt" }) });
      await expect(ops.caller.fundLock.lock({ tradingAccountId: account.id, direction: "transfer_out", reason: " x " })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
      const closed = await createTestTradingAccount(brandId, { status: "closed" });
      await expect(ops.caller.fundLock.lock({ tradingAccountId: closed.id, direction: "transfer_out", reason })).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/closed/),
      });
      const other = await createTestTradingAccount((await createTestBrand()).id);
      await expect(ops.caller.fundLock.lock({ tradingAccountId: other.id, direction: "transfer_out", reason })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await db.fundLock.count({ where: { tradingAccountId: { in: [account.id, closed.id, other.id] } } })).toBe(0);
    });

    it("refuses a stale version and an already released lock, leaving the lock as it was", async () => {
      const account = await createTestTradingAccount(brandId);
      const locked = await ops.caller.fundLock.lock({ tradingAccountId: account.id, direction: "transfer_in", reason });
      await db.fundLock.update({ where: { id: locked.id }, data: { version: { increment: 1 } } });
      await expect(ops.caller.fundLock.unlock({ id: locked.id, reason: "Cleared", version: 1 })).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/changed by someone else/),
      });
      expect(await db.fundLock.findUniqueOrThrow({ where: { id: locked.id } })).toMatchObject({ endedAt: null, version: 2 });
      await ops.caller.fundLock.unlock({ id: locked.id, reason: "Cleared", version: 2 });
      await expect(ops.caller.fundLock.unlock({ id: locked.id, reason: "Again", version: 3 })).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/already been released/),
      });
      expect((await auditOf(locked.id)).map((a) => a.action)).toEqual(["fundlock.lock", "fundlock.unlock"]);
    });

    it("refuses to unlock a lock whose expiry has passed (it is expired, not active)", async () => {
      const account = await createTestTradingAccount(brandId);
      const locked = await ops.caller.fundLock.lock({ tradingAccountId: account.id, direction: "transfer_in", reason, expiresAt: inFuture() });
      await backdateExpiry(locked.id);
      await expect(ops.caller.fundLock.unlock({ id: locked.id, reason: "Cleared", version: 1 })).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/already expired/),
      });
    });

    it("a risk-rule lock is marked as such and only an admin can release it", async () => {
      const account = await createTestTradingAccount(brandId);
      const ruleLock = await fundLocks.lock(admin.ctx, { tradingAccountId: account.id, direction: "transfer_out", reason: "Rule: 5 withdrawals in 1h" }, { source: "risk_rule", riskRuleId: "rule-1" });
      expect(ruleLock).toMatchObject({ source: "risk_rule", riskRuleId: "rule-1" });
      await expect(ops.caller.fundLock.unlock({ id: ruleLock.id, reason: "Looks fine", version: 1 })).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: expect.stringMatching(/risk rule; only an admin/),
      });
      await expect(admin.caller.fundLock.unlock({ id: ruleLock.id, reason: "Looks fine", version: 1 })).resolves.toMatchObject({ status: "released" });
    });

    it("another brand's lock cannot be unlocked nor seen", async () => {
      const otherBrand = (await createTestBrand()).id;
      const otherAdmin = await member(otherBrand, "admin");
      const account = await createTestTradingAccount(otherBrand);
      const foreign = await otherAdmin.caller.fundLock.lock({ tradingAccountId: account.id, direction: "both", reason });
      await expect(ops.caller.fundLock.unlock({ id: foreign.id, reason: "Cleared", version: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(ops.caller.fundLock.listForCustomer({ customerId: account.customerId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      const page = await ops.caller.fundLock.list({ page: 1, pageSize: 100 });
      expect(page.rows.map((r) => r.id)).not.toContain(foreign.id);
    });
  });

  describe("transfer guard", () => {
    const cases = [
      { lock: "transfer_out", out: true, in: false },
      { lock: "transfer_in", out: false, in: true },
      { lock: "both", out: true, in: true },
    ] as const;
    for (const c of cases) {
      it(`a ${c.lock} lock blocks ${[c.out && "out", c.in && "in"].filter(Boolean).join(" and ")} only`, async () => {
        const locked = await createTestTradingAccount(brandId, { type: "swap", currency: "USDC" });
        const free = await createTestTradingAccount(brandId);
        await ops.caller.fundLock.lock({ tradingAccountId: locked.id, direction: c.lock, reason });
        const out = guard({ out: locked.id, in: free.id });
        if (c.out) {
          await expect(out).rejects.toMatchObject({ code: "CONFLICT", message: `Transfers out of the swap USDC account are locked: ${reason}` });
        } else await expect(out).resolves.toBeUndefined();
        const into = guard({ out: free.id, in: locked.id });
        if (c.in) {
          await expect(into).rejects.toMatchObject({ code: "CONFLICT", message: `Transfers into the swap USDC account are locked: ${reason}` });
        } else await expect(into).resolves.toBeUndefined();
      });
    }

    it("an expired-but-unprocessed lock and an ended lock no longer block; no sides is a no-op", async () => {
      const account = await createTestTradingAccount(brandId, { demo: true });
      const expiring = await ops.caller.fundLock.lock({ tradingAccountId: account.id, direction: "both", reason, expiresAt: inFuture() });
      await expect(guard({ out: account.id })).rejects.toMatchObject({ message: expect.stringMatching(/^Transfers out of the demo spot USDT account/) });
      await backdateExpiry(expiring.id);
      await expect(guard({ out: account.id, in: account.id })).resolves.toBeUndefined();
      const released = await ops.caller.fundLock.lock({ tradingAccountId: account.id, direction: "transfer_out", reason });
      await ops.caller.fundLock.unlock({ id: released.id, reason: "Cleared", version: 1 });
      await expect(guard({ out: account.id })).resolves.toBeUndefined();
      await expect(guard({})).resolves.toBeUndefined();
    });

    it("the ledger's transfer procedure refuses a locked direction and moves nothing", async () => {
      const from = await createTestTradingAccount(brandId, { type: "spot" });
      const to = await createTestTradingAccount(brandId, { customerId: from.customerId, type: "swap" });
      await ops.caller.fundLock.lock({ tradingAccountId: from.id, direction: "transfer_out", reason });
      await expect(
        ops.caller.tradingAccount.transfer({ fromTradingAccountId: from.id, toTradingAccountId: to.id, amount: "1", idempotencyKey: randomUUID() }),
      ).rejects.toMatchObject({ code: "CONFLICT", message: `Transfers out of the spot USDT account are locked: ${reason}` });
      expect(await db.ledgerJournal.count({ where: { brandId, kind: "transfer" } })).toBe(0);
    });

    it("names a risk rule in the refusal", async () => {
      const account = await createTestTradingAccount(brandId);
      await fundLocks.lock(admin.ctx, { tradingAccountId: account.id, direction: "transfer_in", reason: "Rule hit" }, { source: "risk_rule" });
      await expect(guard({ in: account.id })).rejects.toMatchObject({ message: "Transfers into the spot USDT account are locked by a risk rule: Rule hit" });
    });
  });

  describe("expiry", () => {
    it("ends each due lock once, with endedAt = its expiry and one system audit row, even when two sweeps run at once", async () => {
      const account = await createTestTradingAccount(brandId);
      const due = await Promise.all(
        (["transfer_in", "transfer_out", "both"] as const).map((direction) =>
          ops.caller.fundLock.lock({ tradingAccountId: account.id, direction, reason, expiresAt: inFuture() }),
        ),
      );
      for (const l of due) await backdateExpiry(l.id);
      const notDue = await ops.caller.fundLock.lock({ tradingAccountId: (await createTestTradingAccount(brandId)).id, direction: "both", reason, expiresAt: inFuture() });

      const now = new Date();
      const [a, b] = await Promise.all([fundLocks.expireDue(db, now), fundLocks.expireDue(db, now)]);
      expect(a.expired + b.expired).toBeGreaterThanOrEqual(due.length);
      for (const l of due) {
        const row = await db.fundLock.findUniqueOrThrow({ where: { id: l.id } });
        expect(row).toMatchObject({ endReason: "expired", endedAt: row.expiresAt, endedById: null, version: 2 });
        const audit = await auditOf(l.id);
        expect(audit.map((x) => x.action)).toEqual(["fundlock.lock", "fundlock.expire"]);
        expect(audit[1]).toMatchObject({ actorType: "system", brandId });
      }
      expect(await db.fundLock.findUniqueOrThrow({ where: { id: notDue.id } })).toMatchObject({ endedAt: null });
      // A third run finds nothing of these to do.
      await fundLocks.expireDue(db, new Date());
      for (const l of due) expect(await auditOf(l.id)).toHaveLength(2);
    });

    describe("through a BullMQ worker", () => {
      const prefix = `bdtest-fundlocks-${randomUUID().slice(0, 8)}`;
      beforeAll(() => configureJobs({ prefix, redisUrl: env.REDIS_URL }));
      afterAll(async () => {
        await deleteRedisKeys(underPrefixes([prefix]));
        await closeProducerConnection();
      });

      it("the fund-lock-expiry job ends a due lock; a second trigger in the same minute is the same job", async () => {
        const account = await createTestTradingAccount(brandId);
        const l = await ops.caller.fundLock.lock({ tradingAccountId: account.id, direction: "transfer_out", reason, expiresAt: inFuture() });
        await backdateExpiry(l.id);

        const connection = workerConnection();
        const worker = startWorker("fund-lock-expiry", PROCESSORS["fund-lock-expiry"], { connection, prefix: jobsConfig().prefix, log: () => undefined });
        try {
          const job = await enqueue("fund-lock-expiry", {});
          expect(job.id).toMatch(/^fund-lock-expiry\.\d{4}-\d{2}-\d{2}T\d{4}$/);
          await vi.waitFor(async () => expect(await (await producerQueue("fund-lock-expiry").getJob(job.id!))?.getState()).toBe("completed"), {
            timeout: 10_000,
            interval: 50,
          });
          expect(await db.fundLock.findUniqueOrThrow({ where: { id: l.id } })).toMatchObject({ endReason: "expired" });
          expect((await auditOf(l.id)).map((x) => x.action)).toEqual(["fundlock.lock", "fundlock.expire"]);
        } finally {
          await worker.close();
          connection.disconnect();
        }
      });
    });
  });

  describe("lists and export", () => {
    let listBrand: string;
    let viewer: Awaited<ReturnType<typeof member>>;
    const ids = {} as Record<"active" | "expiredPending" | "expiredDone" | "released" | "rule" | "other", string>;
    let customer: { id: string; uid: bigint; name: string };

    beforeAll(async () => {
      listBrand = (await createTestBrand()).id;
      const boss = await member(listBrand, "admin");
      viewer = await member(listBrand, "support");
      customer = await createTestCustomer(listBrand, { name: "Findable Lockholder" });
      const spot = await createTestTradingAccount(listBrand, { customerId: customer.id });
      const swap = await createTestTradingAccount(listBrand, { customerId: customer.id, type: "swap" });
      const elsewhere = await createTestTradingAccount(listBrand);
      const mk = (tradingAccountId: string, direction: "transfer_in" | "transfer_out" | "both", expiresAt?: Date) =>
        boss.caller.fundLock.lock({ tradingAccountId, direction, reason, expiresAt });
      ids.released = (await mk(spot.id, "transfer_in")).id;
      await boss.caller.fundLock.unlock({ id: ids.released, reason: "Done", version: 1 });
      ids.expiredDone = (await mk(swap.id, "transfer_in", inFuture())).id;
      await db.fundLock.update({ where: { id: ids.expiredDone }, data: { expiresAt: new Date(Date.now() - 5000), endedAt: new Date(Date.now() - 5000), endReason: "expired" } });
      ids.expiredPending = (await mk(swap.id, "transfer_out", inFuture())).id;
      await backdateExpiry(ids.expiredPending);
      ids.rule = (await fundLocks.lock(boss.ctx, { tradingAccountId: swap.id, direction: "both", reason: "Rule" }, { source: "risk_rule" })).id;
      ids.active = (await mk(spot.id, "transfer_out", inFuture())).id;
      ids.other = (await mk(elsewhere.id, "transfer_out")).id;
    });

    const listIds = async (filter: Record<string, unknown>) =>
      (await viewer.caller.fundLock.list({ page: 1, pageSize: 100, ...filter })).rows.map((r) => r.id);

    it("lists the brand's locks newest first, with statuses", async () => {
      const page = await viewer.caller.fundLock.list({ page: 1, pageSize: 100 });
      expect(page.total).toBe(6);
      expect(page.rows.map((r) => r.id)).toEqual([ids.other, ids.active, ids.rule, ids.expiredPending, ids.expiredDone, ids.released]);
      const byId = new Map(page.rows.map((r) => [r.id, r.status]));
      expect(Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, byId.get(id)]))).toEqual({
        released: "released",
        expiredDone: "expired",
        expiredPending: "expired",
        rule: "active",
        active: "active",
        other: "active",
      });
      const two = await viewer.caller.fundLock.list({ page: 2, pageSize: 10 });
      expect(two).toMatchObject({ rows: [], total: 6, page: 2 });
    });

    it("filters by status, direction, source, customer and creation date", async () => {
      expect(await listIds({ status: ["active"] })).toEqual([ids.other, ids.active, ids.rule]);
      expect(await listIds({ status: ["expired"] })).toEqual([ids.expiredPending, ids.expiredDone]);
      expect(await listIds({ status: ["released", "expired"] })).toEqual([ids.expiredPending, ids.expiredDone, ids.released]);
      expect(await listIds({ direction: ["transfer_in"] })).toEqual([ids.expiredDone, ids.released]);
      expect(await listIds({ source: ["risk_rule"] })).toEqual([ids.rule]);
      expect(await listIds({ q: "findable lock" })).toHaveLength(5);
      expect(await listIds({ q: String(customer.uid) })).toHaveLength(5);
      expect(await listIds({ customerId: customer.id, status: ["active"] })).toEqual([ids.active, ids.rule]);
      const today = new Date(new Date().toISOString().slice(0, 10));
      expect(await listIds({ createdFrom: today, createdTo: today })).toHaveLength(6);
      expect(await listIds({ createdTo: new Date("2020-01-01") })).toEqual([]);
    });

    it("the customer's view: active locks first, then history; and the customer's accounts with their active locks", async () => {
      const rows = await viewer.caller.fundLock.listForCustomer({ customerId: customer.id });
      expect(rows.map((r) => r.id)).toEqual([ids.active, ids.rule, ids.expiredPending, ids.expiredDone, ids.released]);
      expect(rows[0]).toMatchObject({ customer: { id: customer.id, uid: String(customer.uid), name: customer.name }, account: { type: "spot" } });
      const accounts = await viewer.caller.fundLock.accountsForCustomer({ customerId: customer.id });
      expect(accounts.map((a) => [a.type, a.activeLocks.map((l) => l.direction)])).toEqual([
        ["spot", ["transfer_out"]],
        ["swap", ["both"]],
      ]);
      const active = await fundLocks.activeLocksFor(viewer.ctx, accounts.map((a) => a.id));
      expect(active.map((l) => l.id).sort()).toEqual([ids.active, ids.rule].sort());
    });

    it("the export has the list's filters and one row per lock", async () => {
      const query = ZFundLockListInput.parse({ status: "active,expired", source: "manual" });
      const rows: FundLockRow[] = [];
      for await (const r of fundLockExporter.rows(viewer.ctx, query)) rows.push(r);
      expect(rows.map((r) => r.id)).toEqual([ids.other, ids.active, ids.expiredPending, ids.expiredDone]);
      const columns = csvColumns(fundLockExporter.columns, { t: createTranslator("en"), machine: true, ids: false });
      const record = Object.fromEntries(columns.map((c) => [c.header, c.value(rows[1])]));
      expect(record).toMatchObject({ customer_uid: String(customer.uid), account_type_code: "spot", direction_code: "transfer_out", status_code: "active", reason });
      expect(record).toMatchObject({ account_type: "Spot", direction: "Transfer out", status: "Active" });
      expect(record).not.toHaveProperty("trading_account_id");
      // Small batches still give every row once.
      const batched: string[] = [];
      for await (const r of fundLocks.iterate(viewer.ctx, ZFundLockListInput.parse({}), 2)) batched.push(r.id);
      expect(batched).toHaveLength(6);
      expect(new Set(batched).size).toBe(6);
    });
  });
});
