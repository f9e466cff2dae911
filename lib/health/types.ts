/**
 * What the system health page receives (server/health/service.ts) and how old each kind of data may get
 * before the page calls it stale. Client-safe. Dates arrive as Dates (superjson).
 */

/** The data kinds whose freshness is shown per brand, in the page's order. */
export const DATA_KINDS = ["subaccounts", "deposits", "balances", "positions", "orders", "fills", "bills", "rebateFiles"] as const;
export type DataKind = (typeof DATA_KINDS)[number];

const MINUTE_MS = 60_000;

/**
 * Three schedule periods: sub-accounts sync every 15 minutes, deposits and exchange accounts every 5,
 * rebate files once a day (03:15 UTC). Older than this, a kind's data is stale.
 */
export const STALE_AFTER_MS: Record<DataKind, number> = {
  subaccounts: 45 * MINUTE_MS,
  deposits: 15 * MINUTE_MS,
  balances: 15 * MINUTE_MS,
  positions: 15 * MINUTE_MS,
  orders: 15 * MINUTE_MS,
  fills: 15 * MINUTE_MS,
  bills: 15 * MINUTE_MS,
  rebateFiles: 3 * 24 * 60 * MINUTE_MS,
};

export interface ProbeView {
  up: boolean;
  latencyMs: number | null;
  /** Why it is down: platform admins only (it may name a host); null for everyone else. */
  error: string | null;
}

export interface QueueHealth {
  name: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  oldestWaitingAt: Date | null;
}

export interface KindFreshness {
  kind: DataKind;
  /**
   * The oldest "last success" across the brand's items (sub-accounts for exchange kinds): how stale the
   * stalest is. For sub-accounts, deposits and rebate files, the brand's last successful run or import.
   */
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
  /** Items whose last attempt failed (exchange kinds: sub-accounts; rebate files: failed files; runs: 0 or 1). */
  failing: number;
  /** Items tracked (exchange kinds: sub-accounts with a sync state); null where the kind has no items. */
  items: number | null;
  /** Items never read successfully. */
  never: number;
  /** The newest failure's code or message. */
  error: string | null;
}

export type Connectivity = "ok" | "failing" | "unknown";

export interface BrandHealth {
  brandId: string;
  brandName: string;
  /** Where the brand's exchange calls go: its own key (live or demo trading) or the built-in simulator. */
  destination: "simulator" | "live" | "demo";
  /** The brand settings' last "Test connection". */
  lastTest: { at: Date; ok: boolean } | null;
  /** From the newest exchange-backed outcome: a failure newer than every success is "failing". */
  connectivity: Connectivity;
  kinds: KindFreshness[];
  /**
   * The brand's exchange circuit breakers that are not closed (open or half-open), by endpoint family;
   * null when Redis did not answer. `enabled` false: calls do not consult them (OKX_BREAKERS=off).
   */
  breakers: { enabled: boolean; notClosed: { family: string; state: "open" | "half_open" }[] } | null;
  /** The emergency stop that applies to the brand (a global one first), or null (server/emergency). */
  emergency: { scope: "global" | "brand"; triggeredAt: Date } | null;
}

export interface SystemHealth {
  checkedAt: Date;
  /** "platform": every brand (a platform admin); "brand": the caller's brand only. */
  scope: "platform" | "brand";
  postgres: ProbeView;
  redis: ProbeView;
  /** Null when Redis did not answer in time. */
  queues: QueueHealth[] | null;
  brands: BrandHealth[];
  /** The global emergency stop, when active. */
  emergency: { scope: "global" | "brand"; triggeredAt: Date } | null;
}

/** Stale when its last success is older than the kind allows, or it never succeeded. */
export function isStale(row: Pick<KindFreshness, "kind" | "lastSuccessAt">, now: number): boolean {
  return !row.lastSuccessAt || now - row.lastSuccessAt.getTime() > STALE_AFTER_MS[row.kind];
}
