/**
 * Review decisions: approve (four eyes for level 3), reject with one of the brand's reasons, or ask the
 * customer for more. A customer's KYC level changes here only, on a final approval. The customer hears of a
 * final approval, a rejection or a request for more through an automatic message queued in the decision's
 * transaction (server/messages/events.ts).
 */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import type { DbTx } from "../db/client";
import { invalid } from "../errors";
import { queueAutomaticMessage } from "../messages/queue";
import type { ZKycApproveInput, ZKycRejectInput, ZKycRequestInfoInput } from "@/lib/kyc/schemas";
import { approvalOutcome } from "@/lib/kyc/transitions";
import { ensureDefaultReasonsIn } from "./settings";
import { applyStep } from "./steps";
import type { KycApplicationDetail } from "./types";

type In<T extends z.ZodType> = z.infer<T>;

/** What a customer is told of a final rejection's reason. */
const UNDISCLOSED_REASON = { en: "we are unable to give more detail", "zh-CN": "恕无法提供更多细节" } as const;

/** Raises the customer's level to the approved one (never lowers it), audited on the customer. */
async function raiseCustomerLevel(tx: DbTx, ctx: TenantContext, app: { id: string; customerId: string; level: number }) {
  const customer = await tx.customer.findFirstOrThrow({ where: { id: app.customerId, brandId: ctx.tenantId }, select: { kycLevel: true } });
  // Not a profile edit, so the customer's version stays: an open profile form is not made stale by it.
  const { count } = await tx.customer.updateMany({
    where: { id: app.customerId, brandId: ctx.tenantId, kycLevel: { lt: app.level } },
    data: { kycLevel: app.level },
  });
  if (count === 0) return;
  await recordAudit(tx, ctx, {
    brandId: ctx.tenantId,
    action: "customer.kyc_level",
    entityType: "customer",
    entityId: app.customerId,
    before: { kycLevel: customer.kycLevel },
    after: { kycLevel: app.level, applicationId: app.id },
  });
}

/**
 * Approves as the assignee with every required document present. Level 3's first approval only
 * records the approver and returns the application to the queue for a different reviewer.
 */
export async function approveKycApplication(ctx: TenantContext, input: In<typeof ZKycApproveInput>): Promise<KycApplicationDetail> {
  return applyStep(ctx, input, ({ tx, app, assertMay }) => {
    assertMay("approve");
    const now = new Date();
    if (approvalOutcome(app) === "approve_first") {
      return {
        action: "kyc.approve_first",
        note: input.note,
        data: { status: "pending_second_approval", firstApproverId: ctx.actor.id, firstApprovedAt: now, assigneeId: null, assignedAt: null },
      };
    }
    return {
      action: "kyc.approve",
      note: input.note,
      data: { status: "approved", decidedById: ctx.actor.id, decidedAt: now, decisionNote: input.note ?? null },
      alsoWrite: async () => {
        await raiseCustomerLevel(tx, ctx, app);
        await queueAutomaticMessage(tx, { brandId: ctx.tenantId, customerId: app.customerId, event: "kyc.approved", ref: app.id, vars: { level: String(app.level) } });
      },
    };
  });
}

/** Rejects with one of the brand's active reasons; the reason's resubmit rule is copied onto the application. */
export async function rejectKycApplication(ctx: TenantContext, input: In<typeof ZKycRejectInput>): Promise<KycApplicationDetail> {
  return applyStep(ctx, input, async ({ tx, app, assertMay }) => {
    assertMay("reject");
    await ensureDefaultReasonsIn(tx, ctx);
    const reason = await tx.kycRejectionReason.findFirst({
      where: { brandId: ctx.tenantId, code: input.reasonCode, active: true },
      select: { code: true, label: true, labelZh: true, allowResubmit: true },
    });
    if (!reason) throw invalid("reasonCode", "kyc.errors.rejectionReasonNotActive");
    return {
      action: "kyc.reject",
      reasonCode: reason.code,
      note: input.note,
      data: {
        status: "rejected",
        decidedById: ctx.actor.id,
        decidedAt: new Date(),
        rejectionReasonCode: reason.code,
        canResubmit: reason.allowResubmit,
        decisionNote: input.note ?? null,
      },
      // The customer reads the reason's label in their language (a brand's reason may have no Chinese label).
      alsoWrite: () =>
        queueAutomaticMessage(tx, {
          brandId: ctx.tenantId,
          customerId: app.customerId,
          event: "kyc.rejected",
          ref: app.id,
          // Only a reason the customer can put right (one that allows resubmitting) is told: naming a final one
          // — a sanctions match, suspected fraud — could tip the customer off.
          vars: { reason: { words: reason.allowResubmit ? { en: reason.label, "zh-CN": reason.labelZh ?? reason.label } : UNDISCLOSED_REASON } },
        }),
    };
  });
}

/**
 * Asks the customer for more: the application leaves the queue until resubmitted. A level 3 first
 * approval is withdrawn, since the answer may change what was approved.
 */
export async function requestKycInformation(ctx: TenantContext, input: In<typeof ZKycRequestInfoInput>): Promise<KycApplicationDetail> {
  return applyStep(ctx, input, ({ tx, app, assertMay }) => {
    assertMay("requestInfo");
    return {
      action: "kyc.request_info",
      note: input.note,
      data: { status: "more_info_requested", assigneeId: null, assignedAt: null, firstApproverId: null, firstApprovedAt: null },
      // One message per request: an application can be sent back more than once, each at a new version.
      alsoWrite: () =>
        queueAutomaticMessage(tx, {
          brandId: ctx.tenantId,
          customerId: app.customerId,
          event: "kyc.more_info",
          ref: `${app.id}:${app.version}`,
          vars: { note: input.note ?? "" },
        }),
    };
  });
}
