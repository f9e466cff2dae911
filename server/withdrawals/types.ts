/** What the withdrawal procedures return. Client-safe (types only). */
import type { WithdrawalState } from "@/lib/withdrawals/schemas";

export interface StaffRef {
  id: string;
  name: string;
}

export interface WithdrawalRow {
  id: string;
  customer: { id: string; uid: string; name: string };
  subaccount: { id: string; subAcct: string };
  ccy: string;
  chain: string;
  /** Exact decimals as text. */
  amount: string;
  fee: string | null;
  valueUsdt: string;
  address: string;
  tag: string;
  state: WithdrawalState;
  okxState: string | null;
  clientId: string;
  wdId: string | null;
  txId: string | null;
  /** Staff who entered it; null when a partner key asked (then `partnerKey` says which). */
  requestedBy: StaffRef | null;
  partnerKey: { id: string; label: string } | null;
  reason: string;
  approvedBy: StaffRef | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  cancelledBy: StaffRef | null;
  cancelReason: string | null;
  failureKey: string | null;
  failureDetail: string | null;
  sentAt: Date | null;
  finishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Whether Cancel is offered: ours before sending, OKX's while it still accepts one. */
  cancellable: boolean;
  /** The risk event that held it for a second person, if a risk limit did. */
  riskEventId: string | null;
  /** Set on a partner request answered from an earlier identical one. */
  replayed?: boolean;
}

export interface WithdrawalPage {
  rows: WithdrawalRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** One line of a withdrawal's history: an audit entry of it. */
export interface WithdrawalEvent {
  id: string;
  action: string;
  at: Date;
  actor: string;
  state: string | null;
  note: string | null;
}

export interface WithdrawalAddressRow {
  id: string;
  ccy: string;
  chain: string;
  address: string;
  tag: string;
  label: string;
  addedAt: Date;
  usableFrom: Date;
  usable: boolean;
  addedBy: StaffRef | null;
}

export interface WithdrawalSettingsView {
  perWithdrawalLimit: string | null;
  dailyLimit: string | null;
  approvalThreshold: string | null;
  coolingOffHours: number;
  /** Whether the brand has saved its own (false: the defaults). */
  custom: boolean;
  kycLimits: { level: number; perWithdrawal: string; perDay: string }[];
}

/** The dialog's choices for one sub-account: currencies and chains it can withdraw, with balances. */
export interface WithdrawalOptions {
  chains: {
    ccy: string;
    chain: string;
    minWd: string | null;
    maxWd: string | null;
    fee: string | null;
    needTag: boolean;
    decimals: number;
  }[];
  balances: { ccy: string; available: string }[];
}
