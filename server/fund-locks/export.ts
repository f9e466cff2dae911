/** The fund-locks CSV: the brand-wide list's filters (same schema as the page and `fundLock.list`), streamed in batches. */
import "server-only";
import { defineExporter, exportColumns } from "../export/exporter";
import { ZFundLockListInput } from "@/lib/fund-locks/schemas";
import { iterate } from "./service";
import type { FundLockRow } from "./types";
import type { fundLocks } from "@/lib/i18n/messages/en/fundLocks";

const c = exportColumns<FundLockRow>();
const h = "fundLocks.exportHeaders";

export const fundLockExporter = defineExporter({
  permission: "fundlock.read",
  schema: ZFundLockListInput,
  rows: iterate,
  columns: [
    c.col("created_at", "fundLocks.columns.createdAt", (r) => r.createdAt),
    c.digits("customer_uid", `${h}.customerUid`, (r) => r.customer.uid),
    c.col("customer_name", "fundLocks.columns.customer", (r) => r.customer.name),
    ...c.coded("account_type", `${h}.accountType`, (r) => r.account.type as keyof typeof fundLocks.accountTypes, (type) => `fundLocks.accountTypes.${type}`),
    c.col("account_currency", `${h}.currency`, (r) => r.account.currency),
    c.col("demo", `${h}.demo`, (r) => r.account.demo),
    ...c.coded("direction", "fundLocks.columns.direction", (r) => r.direction, (d) => `fundLocks.directions.${d}`),
    c.col("reason", "fundLocks.columns.reason", (r) => r.reason),
    ...c.coded("source", "fundLocks.columns.source", (r) => r.source, (s) => `fundLocks.sources.${s}`),
    ...c.coded("status", "fundLocks.columns.status", (r) => r.status, (s) => `fundLocks.statuses.${s}`),
    c.col("expires_at", "fundLocks.columns.expiresAt", (r) => r.expiresAt),
    c.col("created_by", "fundLocks.columns.createdBy", (r) => r.createdBy?.name ?? null),
    c.col("ended_at", `${h}.endedAt`, (r) => r.endedAt),
    ...c.coded("end_reason", `${h}.endReason`, (r) => r.endReason as "expired" | "released" | null, (e) => `fundLocks.statuses.${e}`),
    c.col("end_note", `${h}.endNote`, (r) => r.endNote),
    c.col("ended_by", `${h}.endedBy`, (r) => r.endedBy?.name ?? null),
    c.id("id", (r) => r.id),
    c.id("trading_account_id", (r) => r.tradingAccountId),
  ],
});
