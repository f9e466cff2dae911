/**
 * The deposits CSV: the brand-wide list's filters (same schema as the page and `deposit.list`), every
 * matching row streamed in keyset batches. Amounts are the stored exact decimals; states are the seed's
 * codes with their English meaning beside them.
 */
import "server-only";
import { defineExporter } from "../export/exporter";
import { ZDepositListInput, type DepositStateCode } from "@/lib/deposits/schemas";
import { iterateDeposits } from "./service";

/** The seed's meaning of each state, for the CSV (the UI translates these). */
export const DEPOSIT_STATE_TEXT: Record<DepositStateCode, string> = {
  "0": "Waiting for confirmation",
  "1": "Credited",
  "2": "Succeeded",
  "8": "Suspended currency: credited when deposits resume",
  "11": "Blacklisted address",
  "12": "Account or deposit frozen",
  "13": "Sub-account deposit intercepted",
  "14": "KYC limit",
};

export const depositsExporter = defineExporter({
  permission: "deposit.read",
  schema: ZDepositListInput,
  rows: iterateDeposits,
  columns: [
    { header: "dep_id", value: (r) => r.depId },
    { header: "time", value: (r) => r.exchangeTs },
    { header: "sub_account", value: (r) => r.subAcct },
    { header: "customer_uid", value: (r) => r.customerUid },
    { header: "customer_name", value: (r) => r.customerName },
    { header: "currency", value: (r) => r.ccy },
    { header: "chain", value: (r) => r.chain },
    { header: "amount", value: (r) => r.amount },
    { header: "state", value: (r) => r.state },
    { header: "state_meaning", value: (r) => DEPOSIT_STATE_TEXT[r.state] ?? "" },
    { header: "confirmations", value: (r) => r.confirmations },
    { header: "tx_id", value: (r) => r.txId },
    { header: "from", value: (r) => r.fromAccount },
    { header: "area_code_from", value: (r) => r.areaCodeFrom },
    { header: "to_address", value: (r) => r.toAddress },
    { header: "first_seen_at", value: (r) => r.firstSeenAt },
    { header: "updated_at", value: (r) => r.updatedAt },
  ],
});
