/** Risk limits and risk events. Thin: rules live in server/risk/. */
import "server-only";
import * as breaker from "@/server/risk/breaker";
import * as controls from "@/server/risk/controls";
import * as events from "@/server/risk/events";
import { riskAttention } from "@/server/risk/attention";
import { customerRisk } from "@/server/risk/customer";
import * as limits from "@/server/risk/limits";
import * as snoozes from "@/server/risk/snoozes";
import {
  ZCreateRiskLimitInput,
  ZCustomerBreakerRef,
  ZResetCustomerBreakerInput,
  ZRiskEnforcementInput,
  ZRiskCustomerInput,
  ZRiskEventListInput,
  ZRiskEventNoteInput,
  ZRiskEventRef,
  ZRiskLimitListInput,
  ZRiskLimitRef,
  ZRiskSnoozeInput,
  ZRiskSnoozeListInput,
  ZRiskSnoozeRef,
  ZRiskUndoInput,
  ZUpdateRiskLimitInput,
} from "@/lib/risk/schemas";
import { brandProcedure, createTRPCRouter, staffProcedure } from "@/server/trpc";

export const riskRouter = createTRPCRouter({
  /** The brand's limits, newest first, filtered by kind and scope. */
  listLimits: brandProcedure("risk.read").input(ZRiskLimitListInput).query(({ ctx, input }) => limits.listLimits(ctx, input)),
  createLimit: brandProcedure("risk.manage").input(ZCreateRiskLimitInput).mutation(({ ctx, input }) => limits.createLimit(ctx, input)),
  updateLimit: brandProcedure("risk.manage").input(ZUpdateRiskLimitInput).mutation(({ ctx, input }) => limits.updateLimit(ctx, input)),
  disableLimit: brandProcedure("risk.manage").input(ZRiskLimitRef).mutation(({ ctx, input }) => limits.disableLimit(ctx, input)),
  /** One page of the brand's risk events, filtered by status, kind and customer. */
  listEvents: brandProcedure("risk.read").input(ZRiskEventListInput).query(({ ctx, input }) => events.listEvents(ctx, input)),
  /** The rule, the numbers, the actions with their per-item results, the withdrawals it holds. */
  getEvent: brandProcedure("risk.read").input(ZRiskEventRef).query(({ ctx, input }) => events.getEvent(ctx, input)),
  acknowledgeEvent: brandProcedure("risk.handle").input(ZRiskEventNoteInput).mutation(({ ctx, input }) => events.acknowledgeEvent(ctx, input)),
  resolveEvent: brandProcedure("risk.handle").input(ZRiskEventNoteInput).mutation(({ ctx, input }) => events.resolveEvent(ctx, input)),
  /** Undoing what the system did (release its locks, unfreeze) is the rule owners' (admins), with a reason. */
  undoAction: brandProcedure("risk.manage").input(ZRiskUndoInput).mutation(({ ctx, input }) => events.undoAction(ctx, input)),
  /** The customer's money-movement breaker, if tripped (the badge on the customer's page: whoever sees the customer). */
  customerBreaker: brandProcedure("customer.read").input(ZCustomerBreakerRef).query(({ ctx, input }) => breaker.customerBreaker(ctx, input)),
  resetCustomerBreaker: brandProcedure("risk.manage").input(ZResetCustomerBreakerInput).mutation(({ ctx, input }) => breaker.resetCustomerBreaker(ctx, input)),
  /** Automatic enforcement: the global switch and the brand's, and whether actions apply. */
  controls: brandProcedure("risk.read").query(({ ctx }) => controls.riskControlStatus(ctx)),
  setBrandEnforcement: brandProcedure("risk.manage").input(ZRiskEnforcementInput).mutation(({ ctx, input }) => controls.setBrandEnforcement(ctx, input)),
  /** Every brand at once: the platform admins who hold the global emergency stop. */
  setGlobalEnforcement: staffProcedure("emergency.global").input(ZRiskEnforcementInput).mutation(({ ctx, input }) => controls.setGlobalEnforcement(ctx, input)),
  /** A customer's active snoozes (of one limit, or all). */
  listSnoozes: brandProcedure("risk.read").input(ZRiskSnoozeListInput).query(({ ctx, input }) => snoozes.listSnoozes(ctx, input)),
  /** Skip one limit for one customer until a time (at most 30 days), with a reason. */
  snooze: brandProcedure("risk.handle").input(ZRiskSnoozeInput).mutation(({ ctx, input }) => snoozes.snooze(ctx, input)),
  cancelSnooze: brandProcedure("risk.handle").input(ZRiskSnoozeRef).mutation(({ ctx, input }) => snoozes.cancelSnooze(ctx, input)),
  /** The customer page's card: the limits that apply kind by kind and their scope, active snoozes, open events. */
  forCustomer: brandProcedure("risk.read").input(ZRiskCustomerInput).query(({ ctx, input }) => customerRisk(ctx, input)),
  /** The navigation's count of open high and medium events (cached briefly per brand). */
  attention: brandProcedure("risk.read").query(({ ctx }) => riskAttention(ctx.db, ctx.tenantId)),
});
