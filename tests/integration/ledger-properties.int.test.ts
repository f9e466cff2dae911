/**
 * Property test: any sequence of cash adjustments, transfers, bonus grants, releases, revokes, expiries,
 * locks and unlocks keeps every journal balanced, no customer balance negative, every cache equal to the
 * sum of its lines, and the database's balances equal to a simple model's. Refusals are predicted by the
 * model too (not enough money, a locked direction) and must leave the books unchanged.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { Dec, decText, ZERO } from "@/server/ledger/decimal";
import { postJournal, type CustomerBucket, type PostLine } from "@/server/ledger/post";
import { adjustCash, transfer } from "@/server/ledger/service";
import { ledgerWorld, lockAccount } from "@/server/ledger/testing";
import { verifyLedger } from "@/server/ledger/verify";

const ACCOUNTS = 2;
/** Amounts as decimal text built from integer cents: "0.07", "12.3". */
const zAmount = fc.integer({ min: 1, max: 40_000 }).map((cents) => decText(new Dec(cents).div(100)));
const zAccount = fc.integer({ min: 0, max: ACCOUNTS - 1 });

type Op =
  | { op: "adjust"; acc: number; direction: "credit" | "debit"; amount: string }
  | { op: "transfer"; from: number; to: number; amount: string }
  | { op: "grant"; acc: number; amount: string }
  | { op: "release"; acc: number; amount: string }
  | { op: "revoke"; acc: number; bucket: "bonus_withdrawable" | "bonus_non_withdrawable"; amount: string }
  | { op: "expire"; acc: number }
  | { op: "lock"; acc: number; direction: "transfer_in" | "transfer_out" | "both" }
  | { op: "unlock"; acc: number };

const zOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant("adjust" as const), acc: zAccount, direction: fc.constantFrom("credit" as const, "debit" as const), amount: zAmount }),
  fc.record({ op: fc.constant("transfer" as const), from: zAccount, to: zAccount, amount: zAmount }).filter((o) => o.from !== o.to),
  fc.record({ op: fc.constant("grant" as const), acc: zAccount, amount: zAmount }),
  fc.record({ op: fc.constant("release" as const), acc: zAccount, amount: zAmount }),
  fc.record({ op: fc.constant("revoke" as const), acc: zAccount, bucket: fc.constantFrom("bonus_withdrawable" as const, "bonus_non_withdrawable" as const), amount: zAmount }),
  fc.record({ op: fc.constant("expire" as const), acc: zAccount }),
  fc.record({ op: fc.constant("lock" as const), acc: zAccount, direction: fc.constantFrom("transfer_in" as const, "transfer_out" as const, "both" as const) }),
  fc.record({ op: fc.constant("unlock" as const), acc: zAccount }),
);

interface ModelAccount {
  cash: Dec;
  bonus_withdrawable: Dec;
  bonus_non_withdrawable: Dec;
  lockIn: boolean;
  lockOut: boolean;
}

const SYSTEM = (code: string) => ({ system: code, currency: "USDT", demo: false });

async function runSequence(ops: Op[]) {
  const w = await ledgerWorld();
  const ids = [(await w.open("spot")).id, (await w.open("futures")).id];
  const model: ModelAccount[] = ids.map(() => ({ cash: ZERO, bonus_withdrawable: ZERO, bonus_non_withdrawable: ZERO, lockIn: false, lockOut: false }));
  const post = (kind: string, memo: string, lines: PostLine[]) =>
    db.$transaction((tx) => postJournal(tx, { brandId: w.brandId, kind, reference: { type: "bonus", id: randomUUID() }, memo, idempotencyKey: randomUUID(), lines }));
  const bucket = (acc: number, b: CustomerBucket) => ({ tradingAccountId: ids[acc], bucket: b });

  for (const [step, o] of ops.entries()) {
    const m = o.op === "transfer" ? model[o.from] : model[o.acc];
    /** Runs an operation the model says must succeed or be refused, and checks which happened. */
    const expectOutcome = async (allowed: boolean, call: () => Promise<unknown>) => {
      const outcome = await call().then(
        () => "ok",
        (e: { code?: string; message?: string }) => `${e.code}: ${e.message}`,
      );
      expect(outcome.startsWith("CONFLICT") ? "refused" : outcome, `step ${step} ${JSON.stringify(o)} → ${outcome}`).toBe(allowed ? "ok" : "refused");
      return allowed;
    };
    switch (o.op) {
      case "adjust": {
        const amount = new Dec(o.amount);
        const credit = o.direction === "credit";
        const allowed = credit ? !m.lockIn : !m.lockOut && m.cash.gte(amount);
        const call = () => adjustCash(w.ctx, { tradingAccountId: ids[o.acc], direction: o.direction, amount: o.amount, reason: "property", idempotencyKey: randomUUID() });
        if (await expectOutcome(allowed, call)) m.cash = credit ? m.cash.plus(amount) : m.cash.minus(amount);
        break;
      }
      case "transfer": {
        const amount = new Dec(o.amount);
        const to = model[o.to];
        const allowed = !m.lockOut && !to.lockIn && m.cash.gte(amount);
        const call = () => transfer(w.ctx, { fromTradingAccountId: ids[o.from], toTradingAccountId: ids[o.to], amount: o.amount, idempotencyKey: randomUUID() });
        if (await expectOutcome(allowed, call)) {
          m.cash = m.cash.minus(amount);
          to.cash = to.cash.plus(amount);
        }
        break;
      }
      case "grant": {
        await post("bonus_grant", "grant", [
          { account: SYSTEM("bonus_funding"), amount: `-${o.amount}` },
          { account: bucket(o.acc, "bonus_non_withdrawable"), amount: o.amount },
        ]);
        m.bonus_non_withdrawable = m.bonus_non_withdrawable.plus(o.amount);
        break;
      }
      case "release": {
        const amount = new Dec(o.amount);
        const call = () =>
          post("bonus_release", "release", [
            { account: bucket(o.acc, "bonus_non_withdrawable"), amount: `-${o.amount}` },
            { account: bucket(o.acc, "bonus_withdrawable"), amount: o.amount },
          ]);
        if (await expectOutcome(m.bonus_non_withdrawable.gte(amount), call)) {
          m.bonus_non_withdrawable = m.bonus_non_withdrawable.minus(amount);
          m.bonus_withdrawable = m.bonus_withdrawable.plus(amount);
        }
        break;
      }
      case "revoke": {
        // Takes at most what is left; the shortfall is written into the journal's memo.
        const wanted = new Dec(o.amount);
        const taken = Dec.min(wanted, m[o.bucket]);
        if (taken.isZero()) break;
        const journal = await post("bonus_revoke", `revoke ${o.amount}, shortfall ${decText(wanted.minus(taken))}`, [
          { account: bucket(o.acc, o.bucket), amount: `-${decText(taken)}` },
          { account: SYSTEM("bonus_clawback"), amount: decText(taken) },
        ]);
        expect(journal.memo).toBe(`revoke ${o.amount}, shortfall ${decText(wanted.minus(taken))}`);
        m[o.bucket] = m[o.bucket].minus(taken);
        break;
      }
      case "expire": {
        const left = m.bonus_non_withdrawable;
        if (left.isZero()) break;
        await post("bonus_expiry", "expired", [
          { account: bucket(o.acc, "bonus_non_withdrawable"), amount: `-${decText(left)}` },
          { account: SYSTEM("bonus_funding"), amount: decText(left) },
        ]);
        m.bonus_non_withdrawable = ZERO;
        break;
      }
      case "lock": {
        await lockAccount(w.brandId, ids[o.acc], o.direction, "property");
        if (o.direction !== "transfer_out") m.lockIn = true;
        if (o.direction !== "transfer_in") m.lockOut = true;
        break;
      }
      case "unlock": {
        await db.fundLock.updateMany({ where: { tradingAccountId: ids[o.acc], endedAt: null }, data: { endedAt: new Date(), endReason: "released" } });
        m.lockIn = false;
        m.lockOut = false;
        break;
      }
    }

    const report = await verifyLedger(db, w.brandId);
    expect(report.discrepancies, `after step ${step} ${JSON.stringify(o)}`).toEqual([]);
    const rows = await db.tradingAccount.findMany({ where: { id: { in: ids } } });
    for (const [i, id] of ids.entries()) {
      const row = rows.find((r) => r.id === id)!;
      const actual = { cash: decText(row.cash), bonus_withdrawable: decText(row.bonusWithdrawable), bonus_non_withdrawable: decText(row.bonusNonWithdrawable) };
      const expected = { cash: decText(model[i].cash), bonus_withdrawable: decText(model[i].bonus_withdrawable), bonus_non_withdrawable: decText(model[i].bonus_non_withdrawable) };
      expect(actual, `account ${i} after step ${step} ${JSON.stringify(o)}`).toEqual(expected);
      for (const v of Object.values(actual)) expect(v.startsWith("-")).toBe(false);
    }
  }
  // The brand's whole ledger sums to zero: money was only ever moved, never made.
  const [{ total }] = await db.$queryRaw<{ total: string }[]>`SELECT COALESCE(SUM(balance), 0)::text AS total FROM ledger_account WHERE brand_id = ${w.brandId}::uuid`;
  expect(new Dec(total).isZero()).toBe(true);
}

describe("ledger properties", () => {
  it("any sequence of money operations keeps the books balanced, non-negative and equal to the model", async () => {
    await fc.assert(fc.asyncProperty(fc.array(zOp, { minLength: 5, maxLength: 20 }), runSequence), { numRuns: 40 });
  }, 120_000);
});
