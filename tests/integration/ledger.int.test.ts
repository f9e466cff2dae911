/**
 * The ledger against real PostgreSQL: balanced journals, idempotency (sequential and concurrent), refusals
 * that write nothing, the database trigger as a backstop, concurrent transfers that neither lose nor make
 * money, fund locks on every money path, and the trading-account procedures' rules.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db, Prisma } from "@/server/db/client";
import { sumDec } from "@/server/ledger/decimal";
import { postJournal, type PostJournalInput } from "@/server/ledger/post";
import { adjustCash, ledgerLines, listForCustomer, openTradingAccount, transfer } from "@/server/ledger/service";
import { ledgerWorld, lockAccount } from "@/server/ledger/testing";
import { verifyLedger } from "@/server/ledger/verify";
import { closeCustomer } from "@/server/customers/status";

type World = Awaited<ReturnType<typeof ledgerWorld>>;
const key = () => randomUUID();

/** Everything money-related in a brand, to prove a refusal wrote nothing. */
const books = async (brandId: string) => ({
  journals: await db.ledgerJournal.count({ where: { brandId } }),
  lines: await db.ledgerLine.count({ where: { brandId } }),
  accounts: (await db.ledgerAccount.findMany({ where: { brandId }, orderBy: { id: "asc" } })).map((a) => `${a.id}:${a.balance.toFixed()}`),
  trading: (await db.tradingAccount.findMany({ where: { brandId }, orderBy: { id: "asc" } })).map((t) => `${t.id}:${t.cash.toFixed()}:${t.version}`),
  audit: await db.auditLog.count({ where: { brandId } }),
});

async function expectRefusedUnchanged(w: World, call: () => Promise<unknown>, expected: { code: string; message: RegExp }) {
  const before = await books(w.brandId);
  const refused = call();
  await expect(refused).rejects.toMatchObject({ code: expected.code });
  await expect(refused).rejects.toThrow(expected.message);
  expect(await books(w.brandId)).toEqual(before);
}

const fund = (w: World, tradingAccountId: string, amount: string) =>
  adjustCash(w.ctx, { tradingAccountId, direction: "credit", amount, reason: "Test funding", idempotencyKey: key() });

describe("ledger", () => {
  let w: World;
  beforeAll(async () => {
    w = await ledgerWorld();
  });

  describe("postJournal", () => {
    it("posts a balanced journal, writes balanceAfter and updates both caches", async () => {
      const spot = await w.open("spot", "USDT");
      const journal = await db.$transaction((tx) =>
        postJournal(tx, {
          brandId: w.brandId,
          kind: "bonus_grant",
          reference: { type: "bonus_grant", id: randomUUID() },
          lines: [
            { account: { system: "bonus_funding", currency: "USDT", demo: false }, amount: "-0.1" },
            { account: { tradingAccountId: spot.id, bucket: "bonus_non_withdrawable" }, amount: new Prisma.Decimal("0.1") },
          ],
        }),
      );
      expect(journal.replayed).toBe(false);
      expect(sumDec(journal.lines.map((l) => l.amount)).isZero()).toBe(true);
      expect(journal.lines.find((l) => l.tradingAccountId === spot.id)).toMatchObject({ amount: "0.1", balanceAfter: "0.1" });
      const again = await db.$transaction((tx) =>
        postJournal(tx, {
          brandId: w.brandId,
          kind: "bonus_grant",
          reference: { type: "bonus_grant", id: randomUUID() },
          lines: [
            { account: { system: "bonus_funding", currency: "USDT", demo: false }, amount: "-0.2" },
            { account: { tradingAccountId: spot.id, bucket: "bonus_non_withdrawable" }, amount: "0.2" },
          ],
        }),
      );
      // 0.1 + 0.2 is exactly 0.3 here: no float anywhere on the path.
      expect(again.lines.find((l) => l.tradingAccountId === spot.id)?.balanceAfter).toBe("0.3");
      const [row] = await listForCustomer(w.ctx, { customerId: w.customer.id }).then((rows) => rows.filter((r) => r.id === spot.id));
      expect(row).toMatchObject({ cash: "0", bonusNonWithdrawable: "0.3", total: "0.3" });
      expect((await verifyLedger(db, w.brandId)).discrepancies).toEqual([]);
    });

    it("refuses unbalanced, single-line, zero, number and mixed-currency journals, writing nothing", async () => {
      const spot = await w.open("margin", "USDT");
      const usdc = await w.open("spot", "USDC");
      const demo = await w.open("spot", "USDT", true);
      const base = (lines: PostJournalInput["lines"]): PostJournalInput => ({ brandId: w.brandId, kind: "test", reference: { type: "test", id: "1" }, lines });
      const ext = { system: "external", currency: "USDT", demo: false } as const;
      const cases: [PostJournalInput, RegExp][] = [
        [base([{ account: ext, amount: "-5" }, { account: { tradingAccountId: spot.id, bucket: "cash" }, amount: "4" }]), /does not balance.*-1/],
        [base([{ account: { tradingAccountId: spot.id, bucket: "cash" }, amount: "0" }]), /at least two lines/],
        [base([{ account: ext, amount: "0" }, { account: { tradingAccountId: spot.id, bucket: "cash" }, amount: "0" }]), /zero amount/],
        [base([{ account: ext, amount: "-1" }, { account: { tradingAccountId: usdc.id, bucket: "cash" }, amount: "1" }]), /USDC.*USDT|USDT.*USDC/],
        [base([{ account: ext, amount: "-1" }, { account: { tradingAccountId: demo.id, bucket: "cash" }, amount: "1" }]), /demo and real money never mix/],
        [base([{ account: ext, amount: "-1" }, { account: { tradingAccountId: spot.id, bucket: "cash" }, amount: "1.0000000000000000001" }]), /more than 18 decimal places/],
        [base([{ account: ext, amount: "-1e2" }, { account: { tradingAccountId: spot.id, bucket: "cash" }, amount: "100" }]), /not a decimal number/],
        // A number smuggled past the types is refused at run time too.
        [base([{ account: ext, amount: -1 as unknown as string }, { account: { tradingAccountId: spot.id, bucket: "cash" }, amount: "1" }]), /not a number/],
      ];
      for (const [input, message] of cases) {
        await expectRefusedUnchanged(w, () => db.$transaction((tx) => postJournal(tx, input)), { code: "VALIDATION", message });
      }
    });

    it("refuses a customer bucket going negative with a clear message and writes nothing", async () => {
      const spot = await w.open("futures", "USDT");
      await fund(w, spot.id, "10");
      await expectRefusedUnchanged(
        w,
        () =>
          db.$transaction((tx) =>
            postJournal(tx, {
              brandId: w.brandId,
              kind: "withdrawal",
              reference: { type: "test", id: "x" },
              lines: [
                { account: { tradingAccountId: spot.id, bucket: "cash" }, amount: "-10.000000000000000001" },
                { account: { system: "external", currency: "USDT", demo: false }, amount: "10.000000000000000001" },
              ],
            }),
          ),
        { code: "CONFLICT", message: /Not enough cash in trading account .*holds 10 USDT, 10.000000000000000001 was asked for/ },
      );
    });

    it("is a no-op on a repeated idempotency key, and refuses a key reused for another movement", async () => {
      const spot = await w.open("swap", "USDT");
      const input: PostJournalInput = {
        brandId: w.brandId,
        kind: "deposit",
        reference: { type: "deposit", id: "d1" },
        idempotencyKey: key(),
        lines: [
          { account: { system: "external", currency: "USDT", demo: false }, amount: "-7" },
          { account: { tradingAccountId: spot.id, bucket: "cash" }, amount: "7" },
        ],
      };
      const first = await db.$transaction((tx) => postJournal(tx, input));
      const second = await db.$transaction((tx) => postJournal(tx, input));
      expect(second).toMatchObject({ id: first.id, replayed: true });
      expect((await db.tradingAccount.findUniqueOrThrow({ where: { id: spot.id } })).cash.toFixed()).toBe("7");
      await expect(db.$transaction((tx) => postJournal(tx, { ...input, kind: "other" }))).rejects.toThrow(/already used for a different movement/);
    });

    it("posts once for 20 concurrent calls with the same key", async () => {
      const spot = await w.open("options", "USDT");
      const input: PostJournalInput = {
        brandId: w.brandId,
        kind: "deposit",
        reference: { type: "deposit", id: "d2" },
        idempotencyKey: key(),
        lines: [
          { account: { system: "external", currency: "USDT", demo: false }, amount: "-3" },
          { account: { tradingAccountId: spot.id, bucket: "cash" }, amount: "3" },
        ],
      };
      const results = await Promise.all(Array.from({ length: 20 }, () => db.$transaction((tx) => postJournal(tx, input), { timeout: 20_000, maxWait: 20_000 })));
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      expect(await db.ledgerJournal.count({ where: { brandId: w.brandId, idempotencyKey: input.idempotencyKey } })).toBe(1);
      expect((await db.tradingAccount.findUniqueOrThrow({ where: { id: spot.id } })).cash.toFixed()).toBe("3");
    });

    it("refuses a closed trading account", async () => {
      const other = await ledgerWorld();
      const spot = await other.open();
      await db.tradingAccount.update({ where: { id: spot.id }, data: { status: "closed" } });
      await expectRefusedUnchanged(other, () => fund(other, spot.id, "1"), { code: "CONFLICT", message: /is closed/ });
    });

    it("the database refuses a negative customer balance written around the service", async () => {
      const spot = await w.open("spot", "BTC");
      await expect(db.$executeRaw`UPDATE trading_account SET cash = -1 WHERE id = ${spot.id}::uuid`).rejects.toThrow(/below zero/);
      await expect(db.$executeRaw`UPDATE ledger_account SET balance = -1 WHERE trading_account_id = ${spot.id}::uuid AND bucket = 'cash'`).rejects.toThrow(/below zero/);
      // A system account may go below zero: it is the brand's side of every entry.
      expect((await db.ledgerAccount.findFirstOrThrow({ where: { brandId: w.brandId, systemCode: "external", currency: "USDT", demo: false } })).balance.isNegative()).toBe(true);
    });

    it("verifyLedger reports a cache that disagrees with its lines", async () => {
      const other = await ledgerWorld();
      const spot = await other.open();
      await fund(other, spot.id, "5");
      expect((await verifyLedger(db, other.brandId)).discrepancies).toEqual([]);
      await db.$executeRaw`UPDATE trading_account SET cash = 6 WHERE id = ${spot.id}::uuid`;
      const report = await verifyLedger(db, other.brandId);
      expect(report.discrepancies).toEqual([expect.objectContaining({ kind: "trading_account_cache", id: spot.id })]);
      // And postJournal refuses to build on a cache that disagrees.
      await expect(fund(other, spot.id, "1")).rejects.toThrow(/disagrees with its ledger/);
    });
  });

  describe("transfers", () => {
    it("moves cash between two accounts of one customer, audited, and is idempotent", async () => {
      const other = await ledgerWorld();
      const a = await other.open("spot");
      const b = await other.open("futures");
      await fund(other, a.id, "100");
      const idempotencyKey = key();
      const done = await transfer(other.ctx, { fromTradingAccountId: a.id, toTradingAccountId: b.id, amount: "40.5", idempotencyKey, memo: "Margin top-up" });
      expect(done.accounts.map((x) => x.cash)).toEqual(["59.5", "40.5"]);
      const again = await transfer(other.ctx, { fromTradingAccountId: a.id, toTradingAccountId: b.id, amount: "40.5", idempotencyKey });
      expect(again).toMatchObject({ journalId: done.journalId, replayed: true });
      expect(again.accounts.map((x) => x.cash)).toEqual(["59.5", "40.5"]);
      expect(await db.auditLog.count({ where: { brandId: other.brandId, action: "trading_account.transfer" } })).toBe(1);
      const ledger = await ledgerLines(other.ctx, { tradingAccountId: a.id, limit: 1 });
      expect(ledger.rows[0]).toMatchObject({ kind: "transfer", amount: "-40.5", balanceAfter: "59.5", memo: "Margin top-up", referenceType: "transfer" });
      const older = await ledgerLines(other.ctx, { tradingAccountId: a.id, limit: 1, cursor: ledger.nextCursor! });
      expect(older.rows[0]).toMatchObject({ kind: "cash_adjustment", amount: "100", memo: "Test funding" });
      expect(older.nextCursor).toBeNull();
    });

    it("refuses more than the balance, other customers, other currencies, demo↔real, itself — writing nothing", async () => {
      const other = await ledgerWorld();
      const a = await other.open("spot");
      const b = await other.open("margin");
      const c = await other.open("swap", "USDC");
      const d = await other.open("spot", "USDT", true);
      const stranger = await other.open("spot", "USDT", false, (await import("@/tests/cases/customers").then((m) => m.createTestCustomer(other.brandId))).id);
      await fund(other, a.id, "10");
      const t = (to: string, amount = "1") => () => transfer(other.ctx, { fromTradingAccountId: a.id, toTradingAccountId: to, amount, idempotencyKey: key() });
      await expectRefusedUnchanged(other, t(b.id, "10.01"), { code: "CONFLICT", message: /Not enough cash/ });
      await expectRefusedUnchanged(other, t(stranger.id), { code: "VALIDATION", message: /same customer/ });
      await expectRefusedUnchanged(other, t(c.id), { code: "VALIDATION", message: /USDC/ });
      await expectRefusedUnchanged(other, t(d.id), { code: "VALIDATION", message: /Demo and real/ });
      await expectRefusedUnchanged(other, t(a.id), { code: "VALIDATION", message: /different account/ });
    });

    it("parallel transfers both ways between two accounts neither lose nor create money", async () => {
      const other = await ledgerWorld();
      const a = await other.open("spot");
      const b = await other.open("margin");
      await fund(other, a.id, "50");
      await fund(other, b.id, "50");
      const calls = Array.from({ length: 24 }, (_, i) =>
        transfer(other.ctx, {
          fromTradingAccountId: i % 2 ? a.id : b.id,
          toTradingAccountId: i % 2 ? b.id : a.id,
          amount: i % 3 ? "7.25" : "30",
          idempotencyKey: key(),
        }).then(
          () => "ok",
          (e: { code?: string }) => e.code ?? "error",
        ),
      );
      const outcomes = await Promise.all(calls);
      // Some may be refused for want of cash; none may fail otherwise (no deadlock, no lost update).
      expect(outcomes.every((o) => o === "ok" || o === "CONFLICT")).toBe(true);
      expect(outcomes.filter((o) => o === "ok").length).toBeGreaterThan(0);
      const rows = await db.tradingAccount.findMany({ where: { id: { in: [a.id, b.id] } } });
      expect(sumDec(rows.map((r) => r.cash)).toFixed()).toBe("100");
      expect((await verifyLedger(db, other.brandId)).discrepancies).toEqual([]);
    });
  });

  describe("fund locks", () => {
    it("refuse transfers and adjustments in the locked direction only, with the account and reason", async () => {
      const other = await ledgerWorld();
      const a = await other.open("spot");
      const b = await other.open("margin");
      await fund(other, a.id, "20");
      await fund(other, b.id, "20");
      const lock = await lockAccount(other.brandId, a.id, "transfer_out", "AML review");
      const move = (from: string, to: string) => () => transfer(other.ctx, { fromTradingAccountId: from, toTradingAccountId: to, amount: "1", idempotencyKey: key() });
      await expectRefusedUnchanged(other, move(a.id, b.id), { code: "CONFLICT", message: /Transfers out of the spot USDT account are locked: AML review/ });
      await expectRefusedUnchanged(
        other,
        () => adjustCash(other.ctx, { tradingAccountId: a.id, direction: "debit", amount: "1", reason: "Correction", idempotencyKey: key() }),
        { code: "CONFLICT", message: /Transfers out of/ },
      );
      // Money may still come in.
      await move(b.id, a.id)();
      await adjustCash(other.ctx, { tradingAccountId: a.id, direction: "credit", amount: "1", reason: "Correction", idempotencyKey: key() });
      expect((await listForCustomer(other.ctx, { customerId: other.customer.id })).find((r) => r.id === a.id)?.locks).toEqual({ in: false, out: true });

      await db.fundLock.update({ where: { id: lock.id }, data: { endedAt: new Date(), endReason: "released" } });
      await lockAccount(other.brandId, b.id, "both", "Dispute");
      await expectRefusedUnchanged(other, move(a.id, b.id), { code: "CONFLICT", message: /Transfers into the margin USDT account are locked: Dispute/ });
      await expectRefusedUnchanged(other, () => fund(other, b.id, "1"), { code: "CONFLICT", message: /Transfers into/ });
      // An expired lock no longer blocks, even before the expiry job ends it.
      await db.fundLock.updateMany({ where: { tradingAccountId: b.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
      await move(a.id, b.id)();
    });
  });

  describe("trading accounts", () => {
    it("opens one account per type, currency and real/demo, audited, with its bucket accounts", async () => {
      const other = await ledgerWorld();
      const opened = await openTradingAccount(other.ctx, { customerId: other.customer.id, type: "spot", currency: "ETH", demo: false });
      expect(opened).toMatchObject({ type: "spot", currency: "ETH", demo: false, status: "active", cash: "0", total: "0", locks: { in: false, out: false } });
      expect(await db.ledgerAccount.count({ where: { tradingAccountId: opened.id } })).toBe(3);
      expect(await db.auditLog.count({ where: { entityId: opened.id, action: "trading_account.open" } })).toBe(1);
      await expect(openTradingAccount(other.ctx, { customerId: other.customer.id, type: "spot", currency: "ETH", demo: false })).rejects.toThrow(/already has a real spot ETH account/);
      // Demo is a different account; so is a concurrent double-open, refused cleanly.
      const results = await Promise.allSettled([1, 2, 3].map(() => openTradingAccount(other.ctx, { customerId: other.customer.id, type: "spot", currency: "ETH", demo: true })));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "VALIDATION", field: "type" });
    });

    it("refuses a closed customer, and a customer holding money cannot be closed", async () => {
      const other = await ledgerWorld();
      const spot = await other.open();
      await fund(other, spot.id, "12.5");
      await expect(closeCustomer(other.ctx, { id: other.customer.id, version: 1, reason: "Asked to leave" })).rejects.toThrow("This customer cannot be closed: they hold 12.5 USDT (spot)");
      await db.customer.update({ where: { id: other.customer.id }, data: { status: "closed" } });
      await expect(other.open("margin")).rejects.toThrow(/is closed/);
    });
  });
});
