/**
 * A kind of risk limit: how to compute the observed number for one customer in one window. Each kind
 * plugs in here (withdrawal amounts, deposit anomalies, deposits withdrawn again, bonus per period; exposure later) and the
 * evaluator (../evaluate.ts) stays the same: it asks the kind for breaches, opens one event per window key.
 */
import "server-only";
import type { Decimal } from "decimal.js";
import type { Db, DbTx } from "../../db/client";
import type { RiskKindKey } from "@/lib/risk/schemas";

/** One thing the observed number counted: a withdrawal, a deposit, a bonus grant (a position later). */
export type CountedItem = {
  type: string;
  id: string;
  /** What to call it when its id says nothing to a reader (a position: its instrument). */
  label?: string;
  /** Its value in USDT, as decimal text; "" when it has none (a deposit in a currency without a price, counted by number). */
  value: string;
  at: string;
  state?: string;
};

/** A breach the kind found: the number against the threshold in one window, and what it counted. */
export interface Observation {
  /** Stable for the breach window: the event's unique key with the limit and the customer. */
  windowKey: string;
  observed: Decimal;
  windowStart: Date;
  windowEnd: Date;
  items: CountedItem[];
}

export interface KindArgs {
  brandId: string;
  customerId: string;
  threshold: Decimal;
  windowMinutes: number;
  at: Date;
}

/** One (customer, limit) pair of a batch: the limit's numbers, as `breaches` gets them. */
export interface BatchItem {
  customerId: string;
  limit: { id: string; threshold: Decimal; windowMinutes: number };
}

export interface RiskKind {
  key: RiskKindKey;
  /** Every breach of the threshold for the customer in the window(s) around `at` (none: within the limit). */
  breaches(db: Db | DbTx, args: KindArgs): Promise<Observation[]>;
  /**
   * Optional, for throughput: `breaches` of many (customer, limit) pairs of one brand in a fixed number of
   * queries; result i answers items[i], exactly as `breaches` would. Without it, the evaluator calls
   * `breaches` per pair.
   */
  breachesMany?(db: Db | DbTx, brandId: string, items: readonly BatchItem[], at: Date): Promise<Observation[][]>;
  /** The brand's customers with activity since `since`, for the sweep (who might be in breach). */
  activeCustomers(db: Db | DbTx, brandId: string, since: Date): Promise<string[]>;
}

/**
 * Tumbling windows aligned to the epoch: a 1,440-minute window is the UTC day, as the withdrawal limits
 * count it. Every evaluation of the same moment lands in the same window, hence the same event.
 */
export function windowOf(at: Date, windowMinutes: number) {
  const ms = windowMinutes * 60_000;
  const start = new Date(Math.floor(at.getTime() / ms) * ms);
  return { start, end: new Date(start.getTime() + ms), key: `${start.toISOString()}/${windowMinutes}m` };
}
