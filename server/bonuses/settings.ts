/**
 * The brand's maker-checker threshold for bonuses (`Brand.bonusApprovalThreshold`): grants, CSV batches
 * (their total) and campaigns (their budget) above it wait for a second admin; null — the default — means
 * everything waits. Kept in the bonus domain so the bonus page can show and (for admins) change it.
 */
import "server-only";
import { recordAudit } from "../audit/audit";
import { notFound } from "../errors";
import type { BonusCtx } from "./common";
import { text } from "./rules";

export async function getApprovalThreshold(ctx: BonusCtx): Promise<{ threshold: string | null }> {
  const brand = await ctx.db.brand.findUnique({ where: { id: ctx.tenantId }, select: { bonusApprovalThreshold: true } });
  if (!brand) throw notFound("brand");
  return { threshold: brand.bonusApprovalThreshold ? text(brand.bonusApprovalThreshold) : null };
}

export async function setApprovalThreshold(ctx: BonusCtx, input: { threshold: string | null }): Promise<{ threshold: string | null }> {
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.brand.findUnique({ where: { id: ctx.tenantId }, select: { bonusApprovalThreshold: true } });
    if (!before) throw notFound("brand");
    const after = await tx.brand.update({ where: { id: ctx.tenantId }, data: { bonusApprovalThreshold: input.threshold }, select: { bonusApprovalThreshold: true } });
    const show = (v: typeof after.bonusApprovalThreshold) => (v ? text(v) : null);
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "brand.bonus_threshold_set",
      entityType: "brand",
      entityId: ctx.tenantId,
      before: { bonusApprovalThreshold: show(before.bonusApprovalThreshold) },
      after: { bonusApprovalThreshold: show(after.bonusApprovalThreshold) },
    });
    return { threshold: show(after.bonusApprovalThreshold) };
  });
}
