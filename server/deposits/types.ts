/** What the deposit procedures return. Client-safe (types only). */
import type { DepositStateCode, ReceivingAccount } from "@/lib/deposits/schemas";

export interface DepositAddressRow {
  id: string;
  ccy: string;
  chain: string;
  /**
   * The address as the exchange identifies it: "address:tag" on chains whose addresses share one account
   * and differ by memo / tag / comment / payment id (send this back as `addr` to change the receiving account).
   */
  addr: string;
  /** The plain address to show and copy (beside its memo / tag). */
  address: string;
  /** Extra identifiers some chains need (EOS memo, XRP tag, XMR payment id, TON comment); null when not needed. */
  memo: string | null;
  tag: string | null;
  pmtId: string | null;
  comment: string | null;
  /** "6" funding, "18" trading: one setting for all of the sub-account's addresses. */
  receivingAccount: string;
  /** The exchange's currently selected address of its chain. */
  selected: boolean;
  exchangeCreatedAt: Date | null;
  syncedAt: Date;
}

export interface StoredAddresses {
  subaccount: { id: string; subAcct: string; removed: boolean };
  /** The sub-account's receiving account as last seen (null before any address is stored). */
  receivingAccount: ReceivingAccount | null;
  rows: DepositAddressRow[];
}

export interface AddressesResult {
  ccy: string;
  receivingAccount: ReceivingAccount | null;
  rows: DepositAddressRow[];
}

export interface SetReceivingAccountResult {
  receivingAccount: ReceivingAccount;
  /** Stored addresses of the sub-account now showing the new setting. */
  addresses: number;
}

export interface DepositRow {
  id: string;
  depId: string;
  subAcct: string;
  subaccountId: string | null;
  customerId: string | null;
  customerUid: string | null;
  customerName: string | null;
  ccy: string;
  chain: string;
  /** Exact decimal, no trailing zeros. */
  amount: string;
  fromAccount: string;
  areaCodeFrom: string | null;
  toAddress: string;
  txId: string;
  /** The seed's state code ("0" … "14"). */
  state: DepositStateCode;
  confirmations: number | null;
  exchangeTs: Date;
  firstSeenAt: Date;
  updatedAt: Date;
}

/** A page of deposits; totals above the cap are not counted exactly (`totalIsExact` false: "10,000+"). */
export interface DepositPage {
  rows: DepositRow[];
  page: number;
  pageSize: number;
  total: number;
  totalIsExact: boolean;
  nextCursor: string | null;
  prevCursor: string | null;
}

export interface DepositSyncStatus {
  /** Deposits up to here have been read (held back to the oldest pending one); null before the first run. */
  cursorTs: Date | null;
  lastCompletedAt: Date | null;
  lastRun: {
    at: Date;
    complete: boolean;
    seen: number | null;
    created: number | null;
    updated: number | null;
    error: string | null;
  } | null;
}

export interface SyncNowResult {
  jobId: string;
  /** Server time of the request: a run recorded after it is the one asked for (or a newer one). */
  requestedAt: Date;
  /** A sync for this brand was already requested within the same minute. */
  duplicate: boolean;
}
