/** What the trading-account procedures return. Amounts are decimal strings; client-safe (types only). */
import type { TradingAccountStatus, TradingAccountType } from "@/lib/ledger/schemas";

export interface TradingAccountRow {
  id: string;
  customerId: string;
  type: TradingAccountType;
  currency: string;
  demo: boolean;
  status: TradingAccountStatus;
  cash: string;
  bonusWithdrawable: string;
  bonusNonWithdrawable: string;
  /** cash + both bonus buckets. */
  total: string;
  /** Whether an active fund lock refuses money coming in / going out. */
  locks: { in: boolean; out: boolean };
  version: number;
  createdAt: Date;
}

export interface LedgerLineRow {
  id: string;
  journalId: string;
  kind: string;
  referenceType: string | null;
  referenceId: string | null;
  memo: string | null;
  bucket: "cash" | "bonus_withdrawable" | "bonus_non_withdrawable";
  /** Signed: positive came in, negative went out. */
  amount: string;
  balanceAfter: string;
  createdAt: Date;
}

export interface LedgerLinesPage {
  rows: LedgerLineRow[];
  nextCursor: string | null;
}

export interface MoneyMovementResult {
  journalId: string;
  /** True when the idempotency key had already been used: this call moved nothing. */
  replayed: boolean;
  /** The accounts it touched, as they are now. */
  accounts: TradingAccountRow[];
}
