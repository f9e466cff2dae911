/** The brand-wide API-key list as CSV (listed in server/export/registry.ts): masked keys only, like the table. */
import "server-only";
import { defineExporter, exportColumns } from "../export/exporter";
import { ZApiKeyListInput } from "@/lib/api-keys/schemas";
import { iterateApiKeys } from "./service";
import type { ApiKeyRow } from "./types";

const c = exportColumns<ApiKeyRow>();
const h = "apiKeys.exportHeaders";

export const apiKeyExporter = defineExporter({
  permission: "apikey.read",
  schema: ZApiKeyListInput,
  rows: iterateApiKeys,
  columns: [
    c.col("sub_account", "apiKeys.columns.subAcct", (r) => r.subAcct),
    c.col("label", "apiKeys.columns.label", (r) => r.label),
    c.col("api_key_masked", "apiKeys.columns.apiKey", (r) => r.apiKeyMasked),
    c.col("permissions", "apiKeys.columns.perms", (r) => r.perms.join(" ")),
    c.col("bound_ips", "apiKeys.columns.ips", (r) => r.ips.join(" ")),
    c.col("unbound_risky", `${h}.unboundRisky`, (r) => r.risky),
    c.col("secret_stored", `${h}.secretStored`, (r) => r.hasStoredSecret),
    c.col("created_at", "apiKeys.columns.createdAt", (r) => r.exchangeCreatedAt),
    c.col("created_by", "apiKeys.columns.createdBy", (r) => r.createdBy?.name ?? null),
    c.col("last_revealed_at", `${h}.lastRevealedAt`, (r) => r.lastRevealedAt),
    c.id("id", (r) => r.id),
    c.id("sub_account_id", (r) => r.subaccountId),
  ],
});
