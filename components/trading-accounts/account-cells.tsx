"use client";
/** Table cells for trading accounts. */
import { useT } from "@/lib/i18n/client";
import type { TradingAccountRow } from "@/server/ledger/types";

/** The account's type in the reader's language. */
export function AccountLabelCell({ account }: { account: Pick<TradingAccountRow, "type"> }) {
  const t = useT();
  return <span className="font-medium whitespace-nowrap">{t(`tradingAccounts.types.${account.type}`)}</span>;
}
