/**
 * Triggering and resetting the emergency stop in tests through the real service (step-up included): an
 * admin of the brand (or a platform admin, for the global stop) with TOTP, whose last used code step is
 * cleared before each call so two calls within one 30 s step are both accepted.
 */
import type { StaffContext } from "@/server/actor";
import { totpCode } from "@/server/auth/totp";
import type { Db } from "@/server/db/client";
import { resetBrandStop, resetGlobalStop, triggerBrandStop, triggerGlobalStop } from "@/server/emergency/service";
import { createTestStaff, staffContext } from "./db";

/** `options.db`: the client the trigger and reset use — another one stands for another process's pool. */
export async function emergencyStopper(brandId: string | null, options: { db?: Db } = {}) {
  const { user, totpSecret } = await createTestStaff({ brandId, role: brandId ? "admin" : "platform_admin", totp: true });
  const ctx = { ...(await staffContext(user, { tenantId: brandId })), ...(options.db ? { db: options.db } : {}) } as StaffContext;
  const fresh = async () => {
    await ctx.db.staffUser.update({ where: { id: user.id }, data: { totpLastStep: null } });
    return totpCode(totpSecret!);
  };
  return {
    ctx,
    trigger: async (reason = "Suspicious withdrawals", options: { cancelOrders?: boolean } = {}) => {
      const input = { reason, totpCode: await fresh(), ...options };
      return brandId ? triggerBrandStop({ ...ctx, tenantId: brandId }, input) : triggerGlobalStop(ctx, input);
    },
    reset: async (reason = "Checked, all clear") => {
      const input = { reason, totpCode: await fresh() };
      return brandId ? resetBrandStop({ ...ctx, tenantId: brandId }, input) : resetGlobalStop(ctx, input);
    },
  };
}
