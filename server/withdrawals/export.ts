/** The withdrawals CSV: the page's filters (same schema as the page and `withdrawal.list`), streamed in batches. */
import "server-only";
import { defineExporter, exportColumns } from "../export/exporter";
import { ZWithdrawalListInput } from "@/lib/withdrawals/schemas";
import { iterateWithdrawals } from "./list";
import type { WithdrawalRow } from "./types";

const c = exportColumns<WithdrawalRow>();
const h = "withdrawals.columns";

export const withdrawalsExporter = defineExporter({
  permission: "withdrawal.read",
  schema: ZWithdrawalListInput,
  rows: iterateWithdrawals,
  columns: [
    c.col("created_at", `${h}.createdAt`, (r) => r.createdAt),
    c.digits("customer_uid", `${h}.customerUid`, (r) => r.customer.uid),
    c.col("customer_name", `${h}.customer`, (r) => r.customer.name),
    c.col("sub_account", `${h}.subAccount`, (r) => r.subaccount.subAcct),
    c.col("currency", `${h}.ccy`, (r) => r.ccy),
    c.col("chain", `${h}.chain`, (r) => r.chain),
    c.col("amount", `${h}.amount`, (r) => r.amount),
    c.col("fee", `${h}.fee`, (r) => r.fee),
    c.col("value_usdt", `${h}.valueUsdt`, (r) => r.valueUsdt),
    c.col("address", `${h}.address`, (r) => r.address),
    c.col("tag", `${h}.tag`, (r) => r.tag),
    ...c.coded("state", `${h}.state`, (r) => r.state, (s) => `withdrawals.states.${s}`),
    c.col("okx_state", `${h}.okxState`, (r) => r.okxState),
    c.col("requested_by", `${h}.requestedBy`, (r) => r.requestedBy?.name ?? r.partnerKey?.label ?? null),
    c.col("approved_by", `${h}.approvedBy`, (r) => r.approvedBy?.name ?? null),
    c.col("sent_at", `${h}.sentAt`, (r) => r.sentAt),
    c.col("finished_at", `${h}.finishedAt`, (r) => r.finishedAt),
    c.id("client_id", (r) => r.clientId),
    c.col("wd_id", `${h}.wdId`, (r) => r.wdId),
    c.col("tx_id", `${h}.txId`, (r) => r.txId),
    c.id("id", (r) => r.id),
  ],
});
