/** The emergency stop: status (read), trigger and reset of the brand's stop and of the global one. Thin: rules live in the service. */
import "server-only";
import * as emergency from "@/server/emergency/service";
import { ZEmergencyChangeInput, ZEmergencyTriggerInput } from "@/lib/emergency/schemas";
import { brandProcedure, createTRPCRouter, staffProcedure } from "@/server/trpc";

export const emergencyRouter = createTRPCRouter({
  /** The banner on every page: which stop applies to the caller's brand, if any (every signed-in role). */
  banner: staffProcedure("dashboard.view").query(({ ctx }) => emergency.emergencyBanner(ctx.db, ctx.tenantId)),
  /** The active stops that apply to the brand (its own, the global one) and the recent history. */
  status: brandProcedure("emergency.read").query(({ ctx }) => emergency.emergencyStatus(ctx)),
  /** Stops the brand's money movements and exchange mutations (step-up code, reason), optionally cancelling every open order. */
  trigger: brandProcedure("emergency.manage").input(ZEmergencyTriggerInput).mutation(({ ctx, input }) => emergency.triggerBrandStop(ctx, input)),
  reset: brandProcedure("emergency.manage").input(ZEmergencyChangeInput).mutation(({ ctx, input }) => emergency.resetBrandStop(ctx, input)),
  /** The same for every brand at once: platform admins only. */
  triggerGlobal: staffProcedure("emergency.global").input(ZEmergencyTriggerInput).mutation(({ ctx, input }) => emergency.triggerGlobalStop(ctx, input)),
  resetGlobal: staffProcedure("emergency.global").input(ZEmergencyChangeInput).mutation(({ ctx, input }) => emergency.resetGlobalStop(ctx, input)),
});
