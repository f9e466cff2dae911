import "server-only";
import { listStaff as listStaffService } from "@/server/staff/service";
import { brandProcedure } from "@/server/trpc";
import { ZStaffListInput } from "@/lib/staff/schemas";

export { ZStaffListInput };

/** One page of the brand's staff, filtered and sorted on the server. */
export const listStaff = brandProcedure("staff.read")
  .input(ZStaffListInput)
  .query(({ ctx, input }) => listStaffService(ctx, input));
