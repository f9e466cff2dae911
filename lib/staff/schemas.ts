/** Inputs of the staff procedures; forms derive their schemas from these. */
import { z } from "zod";
import { BRAND_ROLES, ROLES } from "@/lib/auth/permissions";
import { zMulti, ZTableQuery } from "@/lib/table-state";
import { zId } from "@/lib/validation/ids";
import { zText } from "@/lib/validation/text";

export const STAFF_SORTS = ["name", "email", "role", "status", "lastLoginAt", "createdAt"] as const;

/** "locked": signed-in attempts locked the account for now (the dashboard links here). */
export const STAFF_STATUS_FILTERS = ["active", "disabled", "locked"] as const;
export type StaffStatusFilter = (typeof STAFF_STATUS_FILTERS)[number];

export const ZStaffListInput = ZTableQuery.extend({
  sort: z.enum(STAFF_SORTS).optional(),
  role: zMulti(ROLES),
  status: zMulti(STAFF_STATUS_FILTERS),
});

const zStaffName = zText(100, { min: 1, required: "Enter a name", tooLong: "Name must be at most 100 characters" });

export const ZCreateStaffInput = z.object({
  email: z.email({ error: "Enter a valid email address" }).max(254),
  name: zStaffName,
  role: z.enum(BRAND_ROLES, { error: "Choose a role" }),
});

export const ZStaffId = z.object({ id: zId("Unknown staff member") });

export const ZUpdateStaffInput = ZStaffId.extend({ name: zStaffName, role: z.enum(BRAND_ROLES, { error: "Choose a role" }) });

export const ZSetStaffStatusInput = ZStaffId.extend({ status: z.enum(["active", "disabled"]) });
