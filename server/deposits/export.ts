/**
 * The deposits CSV: the brand-wide list's filters (same schema as the page and `deposit.list`), every
 * matching row streamed in keyset batches. Amounts are the stored exact decimals; states are their
 * readable names with the seed's code beside them; a sender that is a phone number keeps its digits as text.
 */
import "server-only";
import { defineExporter, exportColumns } from "../export/exporter";
import { ZDepositListInput } from "@/lib/deposits/schemas";
import { iterateDeposits } from "./service";
import type { DepositRow } from "./types";

const c = exportColumns<DepositRow>();
const h = "deposits.exportHeaders";

export const depositsExporter = defineExporter({
  permission: "deposit.read",
  schema: ZDepositListInput,
  rows: iterateDeposits,
  columns: [
    c.digits("dep_id", "deposits.columns.depId", (r) => r.depId),
    c.col("time", "deposits.columns.time", (r) => r.exchangeTs),
    c.col("sub_account", "deposits.columns.subAcct", (r) => r.subAcct),
    c.digits("customer_uid", `${h}.customerUid`, (r) => r.customerUid),
    c.col("customer_name", "deposits.columns.customer", (r) => r.customerName),
    c.col("currency", "deposits.columns.ccy", (r) => r.ccy),
    c.col("chain", "deposits.columns.chain", (r) => r.chain),
    c.col("amount", "deposits.columns.amount", (r) => r.amount),
    ...c.coded("state", "deposits.columns.state", (r) => r.state, (code) => `deposits.states.${code}`),
    c.col("confirmations", "deposits.columns.confirmations", (r) => r.confirmations),
    c.col("tx_id", "deposits.columns.txId", (r) => r.txId),
    c.digits("from", "deposits.columns.from", (r) => r.fromAccount),
    c.digits("area_code_from", `${h}.areaCodeFrom`, (r) => r.areaCodeFrom),
    c.col("to_address", "deposits.columns.to", (r) => r.toAddress),
    c.col("first_seen_at", "deposits.columns.firstSeen", (r) => r.firstSeenAt),
    c.col("updated_at", "deposits.columns.updated", (r) => r.updatedAt),
    c.id("id", (r) => r.id),
  ],
});
