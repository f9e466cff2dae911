/**
 * Permission-matrix and brand-isolation cases for the reconciliation procedures (see tests/procedure-cases.ts).
 * Reconciled days and runs are written straight to the database (the job and its figures are tested in
 * tests/integration/rebate-reconciliation.int.test.ts): brand B's never show for brand A, and A's request
 * adds nothing to B.
 */
import { expect } from "vitest";
import { db } from "@/server/db/client";
import type { Fixture, ProcedureCase } from "../procedure-cases";

type Call = (path: string, input?: unknown) => Promise<unknown>;

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const day = (text: string) => new Date(`${text}T00:00:00.000Z`);
/** A day no other case reconciles. */
const CASE_DAY = "2025-04-02";

/** A reconciled day of `brandId` where the exchange disagrees. */
export function createTestReconciledDay(brandId: string, on = CASE_DAY) {
  return db.rebateReconciliation.upsert({
    where: { brandId_kind_day: { brandId, kind: "dma_trades", day: day(on) } },
    update: {},
    create: {
      brandId,
      kind: "dma_trades",
      day: day(on),
      status: "different",
      fileTrades: 2,
      fileAmount: "100",
      fileFee: "-0.1",
      importedTrades: 2,
      importedAmount: "100",
      importedFee: "-0.1",
      exchangeVolume: "150",
      exchangeCommission: "0.03",
      tradesDifference: 0,
      amountDifference: "0",
      feeDifference: "0",
      exchangeDifference: "50",
      checkedAt: new Date(),
    },
  });
}

export const REBATE_RECONCILIATION_CASES: Record<string, ProcedureCase> = {
  "rebateReconciliation.list": {
    input: () => ({ page: 1, pageSize: 20 }),
    isolation: async (f: Fixture, call: Call) => {
      await createTestReconciledDay(f.brandB.id);
      const page = (await call("rebateReconciliation.list", { page: 1, pageSize: 100, from: CASE_DAY, to: CASE_DAY })) as { rows: unknown[]; total: number };
      expect(page).toMatchObject({ rows: [], total: 0 });
      await createTestReconciledDay(f.brandA.id);
      expect(await call("rebateReconciliation.list", { page: 1, pageSize: 100, from: CASE_DAY, to: CASE_DAY, differences: true })).toMatchObject({ total: 1 });
    },
  },
  "rebateReconciliation.runs": {
    input: () => undefined,
    isolation: async (f, call) => {
      const other = await db.rebateReconciliationRun.create({ data: { brandId: f.brandB.id, kind: "dma_trades", fromDay: day(CASE_DAY), toDay: day(CASE_DAY), trigger: "manual" } });
      const runs = (await call("rebateReconciliation.runs")) as { active: { id: string }[]; last: { id: string } | null };
      expect(runs.active.map((r) => r.id)).not.toContain(other.id);
      expect(runs.last?.id).not.toBe(other.id);
    },
  },
  "rebateReconciliation.reconcile": {
    input: () => ({ from: yesterday(), to: yesterday() }),
    isolation: async (f, call) => {
      const before = await db.rebateReconciliationRun.count({ where: { brandId: f.brandB.id } });
      const { id } = (await call("rebateReconciliation.reconcile", { from: yesterday(), to: yesterday() })) as { id: string };
      expect(await db.rebateReconciliationRun.findUniqueOrThrow({ where: { id } })).toMatchObject({ brandId: f.brandA.id, state: "pending" });
      expect(await db.rebateReconciliationRun.count({ where: { brandId: f.brandB.id } })).toBe(before);
    },
  },
};
