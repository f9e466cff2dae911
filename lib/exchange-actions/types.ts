/**
 * What the exchange-action services answer: the preview (what would be cancelled or closed, from the
 * exchange's live state) and the per-item result (what went through, what failed and OKX's code and
 * message). Client-safe: the dialogs render these.
 */
import type { ExchangeAction } from "./schemas";

/** A sub-account the action cannot reach, and why (a key of the dictionaries with its values). */
export interface SkippedSubaccount {
  subaccountId: string;
  subAcct: string;
  reason: string;
  params: Record<string, string | number>;
}

export interface PreviewOrder {
  subaccountId: string;
  subAcct: string;
  instId: string;
  instType: string;
  ordId: string;
  clOrdId: string;
  side: string;
  posSide: string;
  ordType: string;
  /** Decimal strings; px null for a market order. */
  px: string | null;
  sz: string;
  accFillSz: string;
  /** What is left to fill (sz − accFillSz). */
  remainingSz: string;
  /** Estimated value of the unfilled part in the quote currency; null when it cannot be worked out. */
  notional: string | null;
  state: string;
}

export interface PreviewPosition {
  subaccountId: string;
  subAcct: string;
  instId: string;
  instType: string;
  mgnMode: "cross" | "isolated";
  posSide: "long" | "short" | "net";
  /** Contracts (negative: a net short). */
  pos: string;
  avgPx: string | null;
  markPx: string | null;
  upl: string | null;
  /** Estimated notional in USD; null when the exchange gives none and it cannot be worked out. */
  notionalUsd: string | null;
}

export interface ExchangeActionPreview {
  action: ExchangeAction;
  orders: PreviewOrder[];
  positions: PreviewPosition[];
  /** Sum of the items' estimated notional (those that have one). */
  totalNotional: string;
  skipped: SkippedSubaccount[];
  readAt: Date;
}

/**
 * One item's outcome. done: the exchange accepted it (or, after an unclear answer, the live state shows it
 * happened); failed: refused or not done, with OKX's code and message; unknown: no clear answer and the live
 * state could not be read; not_open: no longer open on the exchange, so nothing was sent.
 */
export const ITEM_STATUSES = ["done", "failed", "unknown", "not_open"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export interface ActionItemResult {
  kind: "order" | "position";
  subaccountId: string;
  subAcct: string;
  instId: string;
  ordId: string | null;
  mgnMode: string | null;
  posSide: string | null;
  /** Order size left or position size, as sent. */
  size: string | null;
  status: ItemStatus;
  /** OKX's code ("0" accepted) or a local one (TIMEOUT, HTTP_503); null when nothing was sent. */
  code: string | null;
  /** OKX's message, as it sent it. */
  message: string | null;
  /** The answer was unclear (time-out, 5xx) and the outcome was read back from the live state. */
  checkedAfterUnclearAnswer: boolean;
}

export interface ExchangeActionResult {
  action: ExchangeAction;
  items: ActionItemResult[];
  skipped: SkippedSubaccount[];
  counts: Record<ItemStatus, number>;
}
