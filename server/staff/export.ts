/** The staff CSV: the staff list's filters (same schema as the page), streamed in batches. */
import "server-only";
import { defineExporter, exportColumns } from "../export/exporter";
import { ZStaffListInput } from "@/lib/staff/schemas";
import { iterateStaff, type StaffRow } from "./service";

const c = exportColumns<StaffRow>();

export const staffExporter = defineExporter({
  permission: "staff.read",
  schema: ZStaffListInput,
  rows: iterateStaff,
  columns: [
    c.col("email", "staff.columns.email", (r) => r.email),
    c.col("name", "staff.columns.name", (r) => r.name),
    ...c.coded("role", "staff.columns.role", (r) => r.role, (role) => `shell.roles.${role}`),
    ...c.coded("status", "staff.columns.status", (r) => r.status, (s) => `staff.status.${s}`),
    c.col("totp_enabled", "staff.columns.totp", (r) => r.totpEnabled),
    c.col("locked", "staff.columns.locked", (r) => r.locked),
    c.col("last_login_at", "staff.columns.lastLoginAt", (r) => r.lastLoginAt),
    c.col("created_at", "staff.columns.createdAt", (r) => r.createdAt),
    c.id("id", (r) => r.id),
  ],
});
