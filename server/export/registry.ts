/**
 * What can be exported as CSV: per resource, the permission, the list schema (the same one the table
 * page and the list procedure use) and the columns. `/api/export/<resource>` serves these.
 */
import "server-only";
import { apiKeyExporter } from "../api-keys/export";
import { auditExporter } from "../audit/export";
import { bonusGrantsExporter } from "../bonuses/export";
import { iterateStaff } from "../staff/service";
import { subaccountExporter } from "../subaccounts/export";
import { iterateCustomers } from "../customers/list";
import { depositsExporter } from "../deposits/export";
import { fundLockExporter } from "../fund-locks/export";
import { ZCustomerListInput } from "@/lib/customers/schemas";
import { ZStaffListInput } from "@/lib/staff/schemas";
import { defineExporter } from "./exporter";


export const EXPORTERS = {
  apiKeys: apiKeyExporter,
  bonusGrants: bonusGrantsExporter,
  deposits: depositsExporter,
  fundLocks: fundLockExporter,
  subaccounts: subaccountExporter,
  staff: defineExporter({
    permission: "staff.read",
    schema: ZStaffListInput,
    rows: iterateStaff,
    columns: [
      { header: "id", value: (r) => r.id },
      { header: "email", value: (r) => r.email },
      { header: "name", value: (r) => r.name },
      { header: "role", value: (r) => r.role },
      { header: "status", value: (r) => r.status },
      { header: "totp_enabled", value: (r) => r.totpEnabled },
      { header: "locked", value: (r) => r.locked },
      { header: "last_login_at", value: (r) => r.lastLoginAt },
      { header: "created_at", value: (r) => r.createdAt },
    ],
  }),
  customers: defineExporter({
    permission: "customer.read",
    schema: ZCustomerListInput,
    rows: iterateCustomers,
    columns: [
      { header: "uid", value: (r) => r.uid },
      { header: "name", value: (r) => r.name },
      { header: "email", value: (r) => r.email },
      { header: "phone_country_code", value: (r) => r.phoneCountryCode },
      { header: "phone", value: (r) => r.phone },
      { header: "country", value: (r) => r.country },
      { header: "language", value: (r) => r.language },
      { header: "status", value: (r) => r.status },
      { header: "kyc_level", value: (r) => r.kycLevel },
      { header: "group", value: (r) => r.groupName },
      { header: "tags", value: (r) => r.tags.join(" ") },
      { header: "registered_at", value: (r) => r.registeredAt },
      { header: "registration_source", value: (r) => r.registrationSource },
      { header: "id", value: (r) => r.id },
    ],
  }),
  audit: auditExporter,
} as const;

export type ExportResource = keyof typeof EXPORTERS;
export const isExportResource = (v: string): v is ExportResource => Object.hasOwn(EXPORTERS, v);
