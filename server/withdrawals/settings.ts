/**
 * A brand's withdrawal rules: per-withdrawal and daily limits, the approval threshold and the cooling-off
 * of new addresses (USDT value). No row: the defaults (lib/withdrawals/limits.ts). Changes are audited.
 */
import "server-only";
import { Prisma, type Db, type DbTx } from "../db/client";
import { recordAudit } from "../audit/audit";
import { DEFAULT_WITHDRAWAL_SETTINGS, KYC_WITHDRAWAL_LIMITS } from "@/lib/withdrawals/limits";
import type { ZWithdrawalSettingsInput } from "@/lib/withdrawals/schemas";
import type { z } from "zod";
import type { WithdrawalCtx } from "./common";
import type { WithdrawalSettingsView } from "./types";

export interface EffectiveSettings {
  perWithdrawalLimit: Prisma.Decimal | null;
  dailyLimit: Prisma.Decimal | null;
  approvalThreshold: Prisma.Decimal | null;
  coolingOffHours: number;
  custom: boolean;
}

export async function effectiveSettings(db: Db | DbTx, brandId: string): Promise<EffectiveSettings> {
  const row = await db.withdrawalSettings.findUnique({ where: { brandId } });
  if (!row) {
    const d = DEFAULT_WITHDRAWAL_SETTINGS;
    return {
      perWithdrawalLimit: new Prisma.Decimal(d.perWithdrawalLimit),
      dailyLimit: new Prisma.Decimal(d.dailyLimit),
      approvalThreshold: new Prisma.Decimal(d.approvalThreshold),
      coolingOffHours: d.coolingOffHours,
      custom: false,
    };
  }
  return { perWithdrawalLimit: row.perWithdrawalLimit, dailyLimit: row.dailyLimit, approvalThreshold: row.approvalThreshold, coolingOffHours: row.coolingOffHours, custom: true };
}

const show = (d: Prisma.Decimal | null) => (d ? d.toFixed() : null);

const view = (s: EffectiveSettings): WithdrawalSettingsView => ({
  perWithdrawalLimit: show(s.perWithdrawalLimit),
  dailyLimit: show(s.dailyLimit),
  approvalThreshold: show(s.approvalThreshold),
  coolingOffHours: s.coolingOffHours,
  custom: s.custom,
  kycLimits: KYC_WITHDRAWAL_LIMITS.map((l) => ({ ...l })),
});

export async function getWithdrawalSettings(ctx: WithdrawalCtx): Promise<WithdrawalSettingsView> {
  return view(await effectiveSettings(ctx.db, ctx.tenantId));
}

/** Saves the brand's rules; they apply to requests from now on (queued ones keep their decision). */
export async function setWithdrawalSettings(ctx: WithdrawalCtx, input: z.infer<typeof ZWithdrawalSettingsInput>): Promise<WithdrawalSettingsView> {
  return ctx.db.$transaction(async (tx) => {
    const before = await effectiveSettings(tx, ctx.tenantId);
    const data = {
      perWithdrawalLimit: input.perWithdrawalLimit ?? null,
      dailyLimit: input.dailyLimit ?? null,
      approvalThreshold: input.approvalThreshold ?? null,
      coolingOffHours: input.coolingOffHours,
    };
    await tx.withdrawalSettings.upsert({ where: { brandId: ctx.tenantId }, create: { brandId: ctx.tenantId, ...data }, update: data });
    const after = await effectiveSettings(tx, ctx.tenantId);
    const audit = (s: EffectiveSettings) => ({ perWithdrawalLimit: show(s.perWithdrawalLimit), dailyLimit: show(s.dailyLimit), approvalThreshold: show(s.approvalThreshold), coolingOffHours: s.coolingOffHours });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "withdrawal.settings_update", entityType: "brand", entityId: ctx.tenantId, before: audit(before), after: audit(after) });
    return view(after);
  });
}
