/** The bonus-grants CSV: a campaign's (or any filter's) grants, same schema as `bonus.grants.list`, streamed in batches. */
import "server-only";
import { defineExporter } from "../export/exporter";
import { iterateGrants } from "./grant-list";
import type { GrantRow } from "./types";
import { ZGrantListInput } from "@/lib/bonuses/schemas";
import { bonuses } from "@/lib/i18n/messages/en/bonuses";

export const bonusGrantsExporter = defineExporter<typeof ZGrantListInput, GrantRow>({
  permission: "bonus.read",
  schema: ZGrantListInput,
  rows: iterateGrants,
  columns: [
    { header: "id", value: (r) => r.id },
    { header: "created_at", value: (r) => r.createdAt },
    { header: "campaign", value: (r) => r.campaignName },
    { header: "customer_uid", value: (r) => r.customer.uid },
    { header: "customer_name", value: (r) => r.customer.name },
    { header: "account_type", value: (r) => r.tradingAccount.type },
    { header: "currency", value: (r) => r.currency },
    { header: "withdrawable", value: (r) => r.withdrawable },
    { header: "amount", value: (r) => r.amount },
    { header: "remaining", value: (r) => r.remaining },
    { header: "released", value: (r) => r.released },
    { header: "expired", value: (r) => r.expired },
    { header: "revoked", value: (r) => r.revoked },
    { header: "shortfall", value: (r) => r.shortfall },
    // Readable for people, the code for formulas and imports.
    { header: "status", value: (r) => bonuses.grantStatuses[r.status] },
    { header: "status_code", value: (r) => r.status },
    { header: "idempotency_key", value: (r) => r.idempotencyKey },
    { header: "reason", value: (r) => r.reason },
    { header: "expires_at", value: (r) => r.expiresAt },
    { header: "requested_by", value: (r) => r.requestedBy?.name ?? null },
    { header: "approved_by", value: (r) => r.approvedBy?.name ?? null },
    { header: "applied_at", value: (r) => r.appliedAt },
    { header: "batch_id", value: (r) => r.batchId },
    { header: "trading_account_id", value: (r) => r.tradingAccount.id },
  ],
});
