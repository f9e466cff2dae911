/** The approvals inbox over every registered kind. Thin: the kinds' domain services hold the rules. */
import "server-only";
import * as approvals from "@/server/approvals/service";
import { ZApprovalListInput, ZApprovalMineInput, ZApproveInput, ZRejectApprovalInput } from "@/lib/approvals/schemas";
import { brandProcedure, createTRPCRouter } from "@/server/trpc";

export const approvalsRouter = createTRPCRouter({
  /** Pending items the caller may decide ("waiting") or see ("all"), filtered by kind, requester and age. */
  list: brandProcedure("approval.read").input(ZApprovalListInput).query(({ ctx, input }) => approvals.listApprovals(ctx, input)),
  /** The caller's own pending requests and who can decide them. */
  mine: brandProcedure("approval.read").input(ZApprovalMineInput).query(({ ctx, input }) => approvals.myApprovals(ctx, input)),
  /** How many items wait for the caller's decision (capped), for the sidebar badge. */
  count: brandProcedure("approval.read").query(({ ctx }) => approvals.waitingCount(ctx)),
  /** Maker-checker as the kind's domain applies it: never the requester; the kind's own permission. */
  approve: brandProcedure("approval.decide").input(ZApproveInput).mutation(({ ctx, input }) => approvals.approveItem(ctx, input)),
  /** Needs a note: it is the reason the domain records. */
  reject: brandProcedure("approval.decide").input(ZRejectApprovalInput).mutation(({ ctx, input }) => approvals.rejectItem(ctx, input)),
});
