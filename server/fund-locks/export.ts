/** The fund-locks CSV: the brand-wide list's filters (same schema as the page and `fundLock.list`), streamed in batches. */
import "server-only";
import { defineExporter } from "../export/exporter";
import { ZFundLockListInput } from "@/lib/fund-locks/schemas";
import { iterate } from "./service";

export const fundLockExporter = defineExporter({
  permission: "fundlock.read",
  schema: ZFundLockListInput,
  rows: iterate,
  columns: [
    { header: "id", value: (r) => r.id },
    { header: "created_at", value: (r) => r.createdAt },
    { header: "customer_uid", value: (r) => r.customer.uid },
    { header: "customer_name", value: (r) => r.customer.name },
    { header: "account_type", value: (r) => r.account.type },
    { header: "account_currency", value: (r) => r.account.currency },
    { header: "demo", value: (r) => r.account.demo },
    { header: "direction", value: (r) => r.direction },
    { header: "reason", value: (r) => r.reason },
    { header: "source", value: (r) => r.source },
    { header: "status", value: (r) => r.status },
    { header: "expires_at", value: (r) => r.expiresAt },
    { header: "created_by", value: (r) => r.createdBy?.name ?? null },
    { header: "ended_at", value: (r) => r.endedAt },
    { header: "end_reason", value: (r) => r.endReason },
    { header: "end_note", value: (r) => r.endNote },
    { header: "ended_by", value: (r) => r.endedBy?.name ?? null },
    { header: "trading_account_id", value: (r) => r.tradingAccountId },
  ],
});
