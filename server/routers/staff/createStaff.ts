import "server-only";
import { createStaff as createStaffService } from "@/server/staff/service";
import { brandProcedure } from "@/server/trpc";
import { ZCreateStaffInput } from "@/lib/staff/schemas";

export { ZCreateStaffInput };

/** Adds a staff member with a temporary password, returned once and changed at first sign-in. */
export const createStaff = brandProcedure("staff.manage")
  .input(ZCreateStaffInput)
  .mutation(({ ctx, input }) => createStaffService(ctx, input));
