/**
 * The sub-accounts CSV export (`/api/export/subaccounts`): the list's own filter schema, so the file holds
 * exactly the rows the page shows, in its order. Listed in server/export/registry.ts.
 */
import "server-only";
import { defineExporter } from "../export/exporter";
import { ZSubaccountListInput } from "@/lib/subaccounts/schemas";
import { iterateSubaccounts } from "./list";

export const subaccountExporter = defineExporter({
  permission: "subaccount.read",
  schema: ZSubaccountListInput,
  rows: iterateSubaccounts,
  columns: [
    { header: "sub_acct", value: (r) => r.subAcct },
    { header: "uid", value: (r) => r.uid },
    { header: "label", value: (r) => r.label },
    { header: "account_level", value: (r) => r.accountLevel },
    { header: "status", value: (r) => r.status },
    { header: "enabled", value: (r) => r.enabled },
    { header: "frozen_functions", value: (r) => r.frozenFunctions.join(" ") },
    { header: "can_transfer_out", value: (r) => r.canTransferOut },
    { header: "main_acct", value: (r) => r.mainAcct },
    { header: "customer_uid", value: (r) => r.customer?.uid },
    { header: "customer_name", value: (r) => r.customer?.name },
    { header: "exchange_created_at", value: (r) => r.exchangeCreatedAt },
    { header: "last_synced_at", value: (r) => r.lastSyncedAt },
    { header: "removed_at", value: (r) => r.removedAt },
    { header: "id", value: (r) => r.id },
  ],
});
