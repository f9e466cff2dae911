/**
 * Storing a sync's snapshots and outcome in ONE statement: the sub-account's sync state, each snapshot read
 * (balances, positions, open orders) replaced whole — rows the exchange no longer lists deleted, the others
 * upserted on their natural key — and every kind's outcome. A single statement is atomic on its own, and
 * one round trip instead of a dozen ORM operations is what lets a refresh keep pace with the exchange
 * (bench/exchange-accounts). A kind that failed is left as it was. Every row is scoped by brand and
 * sub-account; the input travels as JSON (jsonb_to_recordset), never spliced into the SQL.
 */
import "server-only";
import Decimal from "decimal.js";
import type { Db, DbTx } from "@/server/db/client";
import type { ExchangeDataKind } from "@/server/db/generated/enums";
import type { Order, Position } from "@/server/exchange/okx/schemas";
import { SYNCED_ACCOUNT_KINDS } from "@/lib/risk/schemas";
import type { Balances } from "./sync-read";
import type { KindFailure, Scope } from "./sync-store";

export type SnapshotKind = "balances" | "positions" | "orders";

export interface Snapshots {
  balances?: Balances;
  positions?: { rows: Position[]; contractValues: Map<string, Decimal> };
  orders?: Order[];
}

/** |notional| in USD: OKX's notionalUsd, else |pos| × contract value (1 when unknown) × mark price. */
export function exposureOf(p: Position, contractValues: Map<string, Decimal>): string {
  if (p.notionalUsd !== null) return new Decimal(p.notionalUsd).abs().toFixed(18);
  const mark = p.markPx ?? p.avgPx ?? "0";
  return new Decimal(p.pos).abs().mul(contractValues.get(p.instId) ?? 1).mul(mark).toFixed(18);
}

/** The last row per key: a list read page by page can show a row twice when it moves between pages. */
const lastPerKey = <T>(rows: T[], key: (r: T) => string) => [...new Map(rows.map((r) => [key(r), r])).values()];

function balanceRows(b: Balances) {
  const value = (ccy: string, total: string) => {
    const price = b.prices.get(ccy);
    return price ? new Decimal(total).mul(price).toFixed(18) : null;
  };
  const trading = b.trading.details.map((d) => ({ account: "trading", ccy: d.ccy, total: d.eq, available: d.availBal, frozen: d.frozenBal ?? d.ordFrozen, upl: d.upl, value_usdt: value(d.ccy, d.eq), exchange_updated_at: d.uTime }));
  const funding = b.funding.map((f) => ({ account: "funding", ccy: f.ccy, total: f.bal, available: f.availBal, frozen: f.frozenBal, upl: null, value_usdt: value(f.ccy, f.bal), exchange_updated_at: null }));
  return lastPerKey([...trading, ...funding], (r) => `${r.account}|${r.ccy}`);
}

const positionRows = (positions: Position[], values: Map<string, Decimal>) =>
  lastPerKey(positions, (p) => p.posId).map((p) => ({
    pos_id: p.posId, inst_type: p.instType, inst_id: p.instId, pos_side: p.posSide, mgn_mode: p.mgnMode, pos: p.pos, avg_px: p.avgPx, mark_px: p.markPx,
    upl: p.upl, upl_ratio: p.uplRatio, lever: p.lever, liq_px: p.liqPx, mgn_ratio: p.mgnRatio, imr: p.imr, notional_usd: p.notionalUsd,
    exposure_usd: exposureOf(p, values), ccy: p.ccy, exchange_created_at: p.cTime, exchange_updated_at: p.uTime,
  }));

const orderRows = (orders: Order[]) =>
  lastPerKey(orders, (o) => o.ordId).map((o) => ({
    ord_id: o.ordId, cl_ord_id: o.clOrdId, inst_type: o.instType, inst_id: o.instId, side: o.side, pos_side: o.posSide, ord_type: o.ordType, td_mode: o.tdMode,
    px: o.px, sz: o.sz, acc_fill_sz: o.accFillSz, avg_px: o.avgPx, state: o.state, lever: o.lever, reduce_only: o.reduceOnly,
    exchange_created_at: o.cTime, exchange_updated_at: o.uTime,
  }));

/** One snapshot table: its columns (with their SQL types), its natural key, and how rows are made. */
const TABLES = {
  balances: {
    table: "exchange_balance",
    columns: { account: '"ExchangeAccountKind"', ccy: "text", total: "numeric", available: "numeric", frozen: "numeric", upl: "numeric", value_usdt: "numeric", exchange_updated_at: "timestamptz" },
    key: ["account", "ccy"],
  },
  positions: {
    table: "exchange_position",
    columns: {
      pos_id: "text", inst_type: "text", inst_id: "text", pos_side: "text", mgn_mode: "text", pos: "numeric", avg_px: "numeric", mark_px: "numeric", upl: "numeric",
      upl_ratio: "numeric", lever: "text", liq_px: "numeric", mgn_ratio: "numeric", imr: "numeric", notional_usd: "numeric", exposure_usd: "numeric", ccy: "text",
      exchange_created_at: "timestamptz", exchange_updated_at: "timestamptz",
    },
    key: ["pos_id"],
  },
  orders: {
    table: "exchange_open_order",
    columns: {
      ord_id: "text", cl_ord_id: "text", inst_type: "text", inst_id: "text", side: "text", pos_side: "text", ord_type: "text", td_mode: "text", px: "numeric", sz: "numeric",
      acc_fill_sz: "numeric", avg_px: "numeric", state: "text", lever: "text", reduce_only: "boolean", exchange_created_at: "timestamptz", exchange_updated_at: "timestamptz",
    },
    key: ["ord_id"],
  },
} as const satisfies Record<SnapshotKind, { table: string; columns: Record<string, string>; key: readonly string[] }>;

/** The CTEs replacing one snapshot: $1 brand, $2 sub-account, $3 the time, `param` the rows as JSON. */
function snapshotSql(kind: SnapshotKind, param: number): string {
  const { table, columns, key } = TABLES[kind];
  const names = Object.keys(columns);
  const typed = names.map((n) => `${n} ${columns[n as keyof typeof columns]}`).join(", ");
  const keyMatch = key.map((k) => `i.${k} = t.${k}`).join(" AND ");
  const updates = names.filter((n) => !(key as readonly string[]).includes(n)).map((n) => `${n} = EXCLUDED.${n}`);
  return `${kind}_in AS (SELECT * FROM jsonb_to_recordset($${param}::jsonb) AS i(${typed})),
  ${kind}_gone AS (DELETE FROM ${table} t WHERE t.brand_id = $1::uuid AND t.subaccount_id = $2::uuid AND NOT EXISTS (SELECT 1 FROM ${kind}_in i WHERE ${keyMatch})),
  ${kind}_up AS (
    INSERT INTO ${table} (id, brand_id, subaccount_id, ${names.join(", ")}, synced_at)
    SELECT gen_random_uuid(), $1::uuid, $2::uuid, ${names.join(", ")}, $3::timestamptz FROM ${kind}_in
    ON CONFLICT (subaccount_id, ${key.join(", ")}) DO UPDATE SET ${[...updates, "synced_at = EXCLUDED.synced_at"].join(", ")}
    RETURNING 1)`;
}

/**
 * Writes the sync state (last run now, a usable key), the snapshots given, and each kind's outcome — a
 * success clears the kind's last error, a failure keeps its last success. Returns the rows now held per
 * snapshot written, and — read in the same statement, for the risk trigger — the sub-account's customer
 * when the brand has an enabled risk limit of a kind that reads these snapshots (else null: nothing to ask).
 */
export async function writeSync(
  db: Db | DbTx,
  s: Scope,
  at: Date,
  snapshots: Snapshots,
  outcomes: { kind: ExchangeDataKind; failure: KindFailure | null }[],
): Promise<{ held: Partial<Record<SnapshotKind, number>>; riskCustomerId: string | null }> {
  const parts: { kind: SnapshotKind; rows: unknown[] }[] = [];
  if (snapshots.balances) parts.push({ kind: "balances", rows: balanceRows(snapshots.balances) });
  if (snapshots.positions) parts.push({ kind: "positions", rows: positionRows(snapshots.positions.rows, snapshots.positions.contractValues) });
  if (snapshots.orders) parts.push({ kind: "orders", rows: orderRows(snapshots.orders) });
  const kinds = outcomes.map((o) => ({ kind: o.kind, ok: o.failure === null, error_code: o.failure?.code ?? null, error_message: o.failure?.message ?? null }));

  const sql = `WITH
  state AS (
    INSERT INTO exchange_sync_state (subaccount_id, brand_id, no_key_reason, last_run_at, updated_at) VALUES ($2::uuid, $1::uuid, NULL, $3::timestamptz, now())
    ON CONFLICT (subaccount_id) DO UPDATE SET no_key_reason = NULL, last_run_at = EXCLUDED.last_run_at, updated_at = now()
    RETURNING 1),
  kinds AS (
    INSERT INTO exchange_sync_kind_state (subaccount_id, kind, brand_id, last_success_at, last_failure_at, error_code, error_message)
    SELECT $2::uuid, k.kind::"ExchangeDataKind", $1::uuid, CASE WHEN k.ok THEN $3::timestamptz END, CASE WHEN NOT k.ok THEN $3::timestamptz END, k.error_code, k.error_message
    FROM jsonb_to_recordset($4::jsonb) AS k(kind text, ok boolean, error_code text, error_message text)
    ON CONFLICT (subaccount_id, kind) DO UPDATE SET
      last_success_at = COALESCE(EXCLUDED.last_success_at, exchange_sync_kind_state.last_success_at),
      last_failure_at = COALESCE(EXCLUDED.last_failure_at, exchange_sync_kind_state.last_failure_at),
      error_code = EXCLUDED.error_code, error_message = EXCLUDED.error_message
    RETURNING 1)${parts.map((p, i) => `,\n  ${snapshotSql(p.kind, 5 + i)}`).join("")}
  SELECT json_build_object(${parts.map((p) => `'${p.kind}', (SELECT count(*) FROM ${p.kind}_up)`).join(", ") || "'none', 0"}) AS held,
    (SELECT s.customer_id::text FROM subaccount s WHERE s.id = $2::uuid AND s.brand_id = $1::uuid
      AND EXISTS (SELECT 1 FROM risk_limit r WHERE r.brand_id = $1::uuid AND r.enabled AND r.kind = ANY($${5 + parts.length}::text[]))) AS customer_id`;
  const [row] = await db.$queryRawUnsafe<{ held: Record<string, number>; customer_id: string | null }[]>(
    sql,
    s.brandId,
    s.subaccountId,
    at,
    JSON.stringify(kinds),
    ...parts.map((p) => JSON.stringify(p.rows)),
    [...SYNCED_ACCOUNT_KINDS],
  );
  return { held: Object.fromEntries(parts.map((p) => [p.kind, Number(row!.held[p.kind] ?? 0)])), riskCustomerId: row!.customer_id };
}
