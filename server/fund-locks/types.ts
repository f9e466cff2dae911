/** What the fund-lock procedures return. Client-safe (types only). */
import type { FundLockDirection, FundLockSource, FundLockStatus } from "@/lib/fund-locks/schemas";

export interface FundLockAccount {
  id: string;
  type: string;
  currency: string;
  demo: boolean;
  status: "active" | "frozen" | "closed";
}

export interface FundLockRow {
  id: string;
  tradingAccountId: string;
  account: FundLockAccount;
  customer: { id: string; uid: string; name: string };
  direction: FundLockDirection;
  reason: string;
  source: FundLockSource;
  riskRuleId: string | null;
  status: FundLockStatus;
  expiresAt: Date | null;
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
  endedAt: Date | null;
  endReason: string | null;
  endNote: string | null;
  endedBy: { id: string; name: string } | null;
  version: number;
}

export interface FundLockPage {
  rows: FundLockRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** A trading account of the customer with the directions locked on it right now. */
export interface CustomerTradingAccount extends FundLockAccount {
  activeLocks: { id: string; direction: FundLockDirection; source: FundLockSource }[];
}
