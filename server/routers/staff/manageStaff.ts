import "server-only";
import {
  resetStaffPassword,
  resetStaffTotp,
  setStaffStatus,
  unlockStaff,
  updateStaff as updateStaffService,
} from "@/server/staff/service";
import { brandProcedure } from "@/server/trpc";
import { ZSetStaffStatusInput, ZStaffId, ZUpdateStaffInput } from "@/lib/staff/schemas";

export { ZSetStaffStatusInput, ZStaffId, ZUpdateStaffInput };

/** Renames a member or changes their role (their sessions end on a role change). */
export const updateStaff = brandProcedure("staff.manage")
  .input(ZUpdateStaffInput)
  .mutation(({ ctx, input }) => updateStaffService(ctx, input));

/** Disables (signing them out everywhere) or re-enables a member. */
export const setStatus = brandProcedure("staff.manage")
  .input(ZSetStaffStatusInput)
  .mutation(({ ctx, input }) => setStaffStatus(ctx, input));

/** Issues a temporary password, shown once. */
export const resetPassword = brandProcedure("staff.manage")
  .input(ZStaffId)
  .mutation(({ ctx, input }) => resetStaffPassword(ctx, input));

/** Clears the member's TOTP so they enrol again. */
export const resetTotp = brandProcedure("staff.manage")
  .input(ZStaffId)
  .mutation(({ ctx, input }) => resetStaffTotp(ctx, input));

/** Lifts a lockout before its 15 minutes are up. */
export const unlock = brandProcedure("staff.manage")
  .input(ZStaffId)
  .mutation(({ ctx, input }) => unlockStaff(ctx, input));
