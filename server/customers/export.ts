/** The customers CSV: the list's filters (same schema as the page and `customer.list`), streamed by keyset. */
import "server-only";
import { defineExporter, exportColumns } from "../export/exporter";
import { ZCustomerListInput } from "@/lib/customers/schemas";
import { iterateCustomers } from "./list";
import type { CustomerRow } from "./types";

const c = exportColumns<CustomerRow>();

export const customerExporter = defineExporter({
  permission: "customer.read",
  schema: ZCustomerListInput,
  rows: iterateCustomers,
  columns: [
    c.digits("uid", "customers.columns.uid", (r) => r.uid),
    c.col("name", "customers.columns.name", (r) => r.name),
    c.col("email", "customers.columns.email", (r) => r.email),
    c.digits("phone_country_code", "customers.timeline.fields.phoneCountryCode", (r) => r.phoneCountryCode),
    c.digits("phone", "customers.columns.phone", (r) => r.phone),
    c.col("country", "customers.columns.country", (r) => r.country),
    ...c.coded("language", "customers.timeline.fields.language", (r) => r.language as "en" | "zh-CN", (l) => `customers.languages.${l}`),
    ...c.coded("status", "customers.columns.status", (r) => r.status, (s) => `customers.status.${s}`),
    c.col("kyc_level", "customers.timeline.fields.kycLevel", (r) => r.kycLevel),
    c.col("group", "customers.columns.group", (r) => r.groupName),
    c.col("tags", "customers.columns.tags", (r) => r.tags.join(" ")),
    c.col("registered_at", "customers.columns.registeredAt", (r) => r.registeredAt),
    ...c.coded("registration_source", "customers.columns.source", (r) => r.registrationSource, (s) => `customers.sources.${s}`),
    c.id("id", (r) => r.id),
  ],
});
