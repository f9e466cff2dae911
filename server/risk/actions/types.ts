/**
 * A risk action: what the system does to a customer when a limit with it is breached, and how staff undo
 * it. Each action plugs in here (alert, hold, lock, freeze now; read-only keys, cancel orders, close
 * positions later). Apply runs as the system's own actor and must be safe to run twice (a crash between
 * applying and recording means the sweep applies it again): a second run finds the work done and skips.
 */
import "server-only";
import type { BrandContext } from "../../actor";
import { RISK_KINDS_BELOW, type RiskActionKey, type RiskKindKey, type RiskUnit } from "@/lib/risk/schemas";

/** One thing an action touched (a withdrawal, a fund lock, the customer) and what came of it. */
export interface ItemResult {
  type: string;
  id: string;
  result: "applied" | "skipped" | "failed";
  /** Why skipped or failed: a message key (or the exchange's/database's words for a failure). */
  detail?: string;
  /** What the item was before the action changed it, for its undo (a key's permissions). */
  previous?: { perms?: string[] };
}

export interface ActionRecord {
  action: RiskActionKey;
  /** skipped: the event opened while enforcement was off (monitor only); never applied. */
  status: "pending" | "applying" | "applied" | "failed" | "skipped";
  claimedAt?: string;
  appliedAt?: string;
  items: ItemResult[];
  error?: string;
  undo?: { at: string; byId: string; byName: string; reason: string; items: ItemResult[] };
}

/** The event an action answers: who, which limit, and the numbers that triggered it (for its audit). */
export interface ActionEvent {
  id: string;
  limitId: string;
  customerId: string;
  kind: string;
  numbers: { observed: string; threshold: string; windowMinutes: number; unit: RiskUnit };
}

export interface RiskAction {
  key: RiskActionKey;
  /** False: nothing to take back automatically (an alert; a hold, which the approver decides). */
  undoable: boolean;
  apply(ctx: BrandContext, event: ActionEvent): Promise<ItemResult[]>;
  undo?(ctx: BrandContext, event: ActionEvent, applied: ItemResult[], reason: string): Promise<ItemResult[]>;
}

/** The reason written on what an action places (a lock, a freeze): the rule and its numbers. */
export const ruleReason = (e: ActionEvent) =>
  `Risk limit ${e.kind}: ${withUnit(e.numbers.observed, e.numbers.unit)} ${RISK_KINDS_BELOW.includes(e.kind as RiskKindKey) ? "under" : "over"} ${withUnit(e.numbers.threshold, e.numbers.unit)} in ${e.numbers.windowMinutes} min (risk event ${e.id})`;

const withUnit = (value: string, unit: RiskUnit) => (unit === "USDT" ? `${value} USDT` : unit === "percent" ? `${value} %` : value);
