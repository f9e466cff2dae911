/** What the risk procedures return. Client-safe (types only). */
import type { RiskActionKey, RiskEventStatus, RiskKindKey, RiskScope, RiskSeverity } from "@/lib/risk/schemas";
import type { ActionRecord } from "./actions/types";
import type { EventNumbers } from "./evaluate";

export type { ActionRecord, EventNumbers };

export interface RiskLimitRow {
  id: string;
  scope: RiskScope;
  scopeId: string | null;
  /** The group's name or the customer's "uid · name"; null for the brand. */
  scopeLabel: string | null;
  kind: RiskKindKey;
  threshold: string;
  windowMinutes: number;
  severity: RiskSeverity;
  actions: RiskActionKey[];
  enabled: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface RiskEventRow {
  id: string;
  customer: { id: string; uid: string; name: string };
  limitId: string;
  kind: RiskKindKey;
  severity: RiskSeverity;
  windowKey: string;
  observed: string;
  threshold: string;
  status: RiskEventStatus;
  actions: RiskActionKey[];
  createdAt: Date;
  version: number;
  /** Opened while automatic enforcement was off: only the alert was applied. */
  monitorOnly: boolean;
}

export interface RiskEventDetail extends Omit<RiskEventRow, "actions"> {
  limit: RiskLimitRow;
  numbers: EventNumbers;
  actions: (ActionRecord & { undoable: boolean })[];
  /** Withdrawals this event holds for a second person, as they are now. */
  heldWithdrawals: { id: string; amount: string; ccy: string; valueUsdt: string; state: string }[];
  acknowledged: { by: string; at: Date; note: string | null } | null;
  resolved: { by: string; at: Date; note: string | null } | null;
}

/** One risk-control switch (global or the brand's): on or off, and who set it, when and why (null: never set, on). */
export interface RiskSwitch {
  enforce: boolean;
  reason: string | null;
  changedAt: Date | null;
  changedBy: string | null;
}

export interface RiskControlStatus {
  global: RiskSwitch;
  brand: RiskSwitch;
  /** Both on: actions are applied automatically. */
  enforcing: boolean;
}

/** An active snooze: a limit the evaluator skips for one customer until `until`. */
export interface RiskSnoozeRow {
  id: string;
  limitId: string;
  customerId: string;
  kind: RiskKindKey;
  scope: RiskScope;
  until: Date;
  reason: string;
  createdBy: string;
  createdAt: Date;
}

/** The customer page's risk card: per kind, the limits that apply and the scope they come from. */
export interface CustomerRisk {
  kinds: { kind: RiskKindKey; scope: RiskScope | null; limits: RiskLimitRow[] }[];
  snoozes: RiskSnoozeRow[];
  /** Events of this customer still open (not acknowledged, not resolved). */
  openEvents: number;
}
