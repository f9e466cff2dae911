/** Who works an application: claim it from the queue, give it back, or hand it to a reviewer. */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import { invalid } from "../errors";
import type { KycStatus, ZKycAssignInput, ZKycVersion } from "@/lib/kyc/schemas";
import { applyStep } from "./steps";
import type { KycApplicationDetail } from "./types";

type In<T extends z.ZodType> = z.infer<T>;

/** Takes an unassigned application from the queue (or a level 3 awaiting its second approval). */
export async function claimKycApplication(ctx: TenantContext, input: In<typeof ZKycVersion>): Promise<KycApplicationDetail> {
  return applyStep(ctx, input, ({ app, assertMay }) => {
    assertMay("claim");
    return {
      action: "kyc.claim",
      data: { assigneeId: ctx.actor.id, assignedAt: new Date(), status: app.status === "submitted" ? "in_review" : app.status },
    };
  });
}

/** Gives the application back to the queue. */
export async function releaseKycApplication(ctx: TenantContext, input: In<typeof ZKycVersion>): Promise<KycApplicationDetail> {
  return applyStep(ctx, input, ({ app, assertMay }) => {
    assertMay("release");
    return { action: "kyc.release", data: { assigneeId: null, assignedAt: null, status: app.status === "in_review" ? "submitted" : app.status } };
  });
}

/** Hands the application to a compliance reviewer of the brand, or back to the queue (null). */
export async function assignKycApplication(ctx: TenantContext, input: In<typeof ZKycAssignInput>): Promise<KycApplicationDetail> {
  return applyStep(ctx, input, async ({ tx, app, assertMay }) => {
    assertMay("assign");
    if (input.assigneeId) {
      const target = await tx.staffUser.findFirst({
        where: { id: input.assigneeId, brandId: ctx.tenantId, role: "compliance", status: "active" },
        select: { id: true, name: true },
      });
      if (!target) throw invalid("assigneeId", "kyc.errors.assigneeNotReviewer");
      if (app.status === "pending_second_approval" && app.firstApproverId === target.id) {
        throw invalid("assigneeId", "kyc.errors.assigneeGaveFirstApproval", { name: target.name });
      }
    }
    const status: KycStatus =
      input.assigneeId && app.status === "submitted" ? "in_review" : !input.assigneeId && app.status === "in_review" ? "submitted" : app.status;
    return { action: "kyc.assign", data: { assigneeId: input.assigneeId, assignedAt: input.assigneeId ? new Date() : null, status } };
  });
}
