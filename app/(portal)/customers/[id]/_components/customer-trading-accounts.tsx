"use client";
/** The customer's trading accounts with balances and the ledger entries behind them (being built). */
import type { Permission } from "@/server/auth/permissions";
import type { CustomerDetail } from "@/server/customers/types";

export function CustomerTradingAccounts(_props: { customer: CustomerDetail; granted: readonly Permission[] }) {
  return null;
}
