/** Reconciliation of the brand's trading details: the reconciled days, the runs, and "Reconcile". Thin: rules live in server/rebates. */
import "server-only";
import { ZReconcileInput, ZReconciliationListInput } from "@/lib/rebates/reconciliation-schemas";
import { listReconciliation } from "@/server/rebates/reconciliation-list";
import { reconciliationRuns, requestReconciliation } from "@/server/rebates/reconciliation-runs";
import { brandProcedure, createTRPCRouter } from "@/server/trpc";

export const rebateReconciliationRouter = createTRPCRouter({
  /** One page of reconciled days, those that differ first: the file's, the imported and the exchange's figures. */
  list: brandProcedure("rebate.read").input(ZReconciliationListInput).query(({ ctx, input }) => listReconciliation(ctx, input)),
  /** The reconciliations still to do, and the last one finished. */
  runs: brandProcedure("rebate.read").query(({ ctx }) => reconciliationRuns(ctx)),
  /** Asks for a range of days (up to yesterday) to be reconciled by the next job run. */
  reconcile: brandProcedure("rebate.manage").input(ZReconcileInput).mutation(({ ctx, input }) => requestReconciliation(ctx, input)),
});
