/**
 * A brand's message settings: the language customers without theirs get, the number of recipients above
 * which a message needs approval, and the brand's names for the message types.
 */
import "server-only";
import type { z } from "zod";
import type { BrandContext, TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { AppError } from "../errors";
import { can } from "@/lib/auth/permissions";
import type { TypeLabels } from "@/lib/messages/labels";
import type { ZMessageSettingsInput } from "@/lib/messages/schemas";

const SELECT = { defaultLanguage: true, messageApprovalThreshold: true, messageTypeLabels: true } as const;

export async function getMessageSettings(ctx: BrandContext) {
  const b = await ctx.db.brand.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: SELECT });
  return { defaultLanguage: b.defaultLanguage, messageApprovalThreshold: b.messageApprovalThreshold, typeLabels: b.messageTypeLabels as TypeLabels };
}

export async function updateMessageSettings(ctx: TenantContext, input: z.infer<typeof ZMessageSettingsInput>) {
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.brand.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: SELECT });
    // The threshold is the approval control itself: whoever is held by it may not move it.
    if (before.messageApprovalThreshold !== input.messageApprovalThreshold && !can(ctx.actor.role, "message.approve")) {
      throw new AppError("FORBIDDEN", "messages.errors.thresholdApproversOnly", { field: "messageApprovalThreshold" });
    }
    const after = await tx.brand.update({
      where: { id: ctx.tenantId },
      data: { defaultLanguage: input.defaultLanguage, messageApprovalThreshold: input.messageApprovalThreshold, messageTypeLabels: input.typeLabels },
      select: SELECT,
    });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "message.settings_update", entityType: "brand", entityId: ctx.tenantId, before, after });
    return after;
  });
}
