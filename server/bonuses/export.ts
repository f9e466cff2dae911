/** The bonus-grants CSV: a campaign's (or any filter's) grants, same schema as `bonus.grants.list`, streamed in batches. */
import "server-only";
import { defineExporter, exportColumns } from "../export/exporter";
import { iterateGrants } from "./grant-list";
import type { GrantRow } from "./types";
import { ZGrantListInput } from "@/lib/bonuses/schemas";

const c = exportColumns<GrantRow>();
const h = "bonuses.exportHeaders";

export const bonusGrantsExporter = defineExporter({
  permission: "bonus.read",
  schema: ZGrantListInput,
  rows: iterateGrants,
  columns: [
    c.col("created_at", "bonuses.grants.createdAt", (r) => r.createdAt),
    c.col("campaign", "bonuses.grants.campaign", (r) => r.campaignName),
    c.digits("customer_uid", `${h}.customerUid`, (r) => r.customer.uid),
    c.col("customer_name", `${h}.customerName`, (r) => r.customer.name),
    c.col("account_type", `${h}.accountType`, (r) => r.tradingAccount.type),
    c.col("currency", `${h}.currency`, (r) => r.currency),
    c.col("withdrawable", `${h}.withdrawable`, (r) => r.withdrawable),
    // Amounts as the database holds them: every decimal, no grouping.
    c.col("amount", "bonuses.grants.amount", (r) => r.amount),
    c.col("remaining", "bonuses.grants.remaining", (r) => r.remaining),
    c.col("released", "bonuses.grants.released", (r) => r.released),
    c.col("expired", `${h}.expired`, (r) => r.expired),
    c.col("revoked", `${h}.revoked`, (r) => r.revoked),
    c.col("shortfall", "bonuses.grants.shortfall", (r) => r.shortfall),
    ...c.coded("status", "bonuses.grants.status", (r) => r.status, (s) => `bonuses.grantStatuses.${s}`),
    c.col("idempotency_key", `${h}.idempotencyKey`, (r) => r.idempotencyKey),
    c.col("reason", "bonuses.grants.reason", (r) => r.reason),
    c.col("expires_at", "bonuses.grants.expiresAt", (r) => r.expiresAt),
    c.col("requested_by", "bonuses.grants.requestedBy", (r) => r.requestedBy?.name ?? null),
    c.col("approved_by", "bonuses.grants.approvedBy", (r) => r.approvedBy?.name ?? null),
    c.col("applied_at", `${h}.appliedAt`, (r) => r.appliedAt),
    c.id("id", (r) => r.id),
    c.id("batch_id", (r) => r.batchId),
    c.id("trading_account_id", (r) => r.tradingAccount.id),
  ],
});
