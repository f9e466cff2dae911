/** The brand-wide API-key list as CSV (listed in server/export/registry.ts): masked keys only, like the table. */
import "server-only";
import { defineExporter } from "../export/exporter";
import { ZApiKeyListInput } from "@/lib/api-keys/schemas";
import { iterateApiKeys } from "./service";

export const apiKeyExporter = defineExporter({
  permission: "apikey.read",
  schema: ZApiKeyListInput,
  rows: iterateApiKeys,
  columns: [
    { header: "sub_account", value: (r) => r.subAcct },
    { header: "label", value: (r) => r.label },
    { header: "api_key_masked", value: (r) => r.apiKeyMasked },
    { header: "permissions", value: (r) => r.perms.join(" ") },
    { header: "bound_ips", value: (r) => r.ips.join(" ") },
    { header: "unbound_risky", value: (r) => r.risky },
    { header: "secret_stored", value: (r) => r.hasStoredSecret },
    { header: "created_at", value: (r) => r.exchangeCreatedAt },
    { header: "created_by", value: (r) => r.createdBy?.name ?? null },
    { header: "last_revealed_at", value: (r) => r.lastRevealedAt },
    { header: "id", value: (r) => r.id },
    { header: "sub_account_id", value: (r) => r.subaccountId },
  ],
});
