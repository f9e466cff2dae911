/**
 * The sub-accounts CSV export (`/api/export/subaccounts`): the list's own filter schema, so the file holds
 * exactly the rows the page shows, in its order. Listed in server/export/registry.ts.
 */
import "server-only";
import { defineExporter, exportColumns } from "../export/exporter";
import { ZSubaccountListInput, type SubaccountRow } from "@/lib/subaccounts/schemas";
import { iterateSubaccounts } from "./list";

const c = exportColumns<SubaccountRow>();

export const subaccountExporter = defineExporter({
  permission: "subaccount.read",
  schema: ZSubaccountListInput,
  rows: iterateSubaccounts,
  columns: [
    c.col("sub_acct", "subaccounts.columns.subAcct", (r) => r.subAcct),
    c.digits("uid", "subaccounts.columns.uid", (r) => r.uid),
    c.col("label", "subaccounts.columns.label", (r) => r.label),
    ...c.coded("account_level", "subaccounts.columns.accountLevel", (r) => String(r.accountLevel) as "1" | "2" | "3" | "4", (l) => `subaccounts.levels.${l}`),
    ...c.coded("status", "subaccounts.columns.status", (r) => r.status, (s) => `subaccounts.status.${s}`),
    c.col("enabled", "subaccounts.exportHeaders.enabled", (r) => r.enabled),
    c.col("frozen_functions", "subaccounts.columns.frozenFunctions", (r) => r.frozenFunctions.join(" ")),
    c.col("can_transfer_out", "subaccounts.columns.canTransferOut", (r) => r.canTransferOut),
    c.col("main_acct", "subaccounts.columns.mainAcct", (r) => r.mainAcct),
    c.digits("customer_uid", "subaccounts.exportHeaders.customerUid", (r) => r.customer?.uid),
    c.col("customer_name", "subaccounts.columns.customer", (r) => r.customer?.name),
    c.col("exchange_created_at", "subaccounts.columns.exchangeCreatedAt", (r) => r.exchangeCreatedAt),
    c.col("last_synced_at", "subaccounts.columns.lastSyncedAt", (r) => r.lastSyncedAt),
    c.col("removed_at", "subaccounts.exportHeaders.removedAt", (r) => r.removedAt),
    c.id("id", (r) => r.id),
  ],
});
