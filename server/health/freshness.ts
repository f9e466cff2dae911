/**
 * How fresh each brand's exchange data is, per data kind, read from what the syncs already record:
 *  - sub-accounts and deposits: the newest sync run's audit row (ok or failed, last 7 days) and the
 *    tables' own stamps (subaccount.last_synced_at, deposit_sync_state.last_completed_at);
 *  - balances, positions, orders, fills, bills: exchange_sync_kind_state over the brand's live
 *    sub-accounts — the oldest last success (the stalest sub-account) and the ones whose last read failed;
 *  - rebate files: the newest import and the files that failed in the last 7 days.
 * Nothing is asked of the exchange: the page shows what the workers last saw.
 */
import "server-only";
import { Prisma, type Db } from "../db/client";
import { DATA_KINDS, type DataKind, type KindFreshness } from "@/lib/health/types";

/** Audit rows and failed files are looked for this far back (keeps the audit scan bounded). */
const LOOKBACK = Prisma.sql`now() - interval '7 days'`;

type Row = Omit<KindFreshness, "kind"> & { brandId: string; kind: DataKind };
type Key = `${string}/${DataKind}`;

interface RunRow {
  brand_id: string;
  kind: "subaccounts" | "deposits";
  ok_at: Date | null;
  failed_at: Date | null;
  error: string | null;
  stamp: Date | null;
}

/** The newest ok and failed run of the sub-account and deposit syncs, and each table's own stamp. */
const runs = (db: Db, ids: string[]) => db.$queryRaw<RunRow[]>`
  SELECT b.id AS brand_id, e.kind,
    (SELECT max(a.created_at) FROM audit_log a
      WHERE a.brand_id = b.id AND a.entity_type = e.entity AND a.action = e.ok AND a.created_at > ${LOOKBACK}) AS ok_at,
    f.created_at AS failed_at, f.error,
    CASE e.kind
      WHEN 'subaccounts' THEN (SELECT max(s.last_synced_at) FROM subaccount s WHERE s.brand_id = b.id)
      ELSE (SELECT d.last_completed_at FROM deposit_sync_state d WHERE d.brand_id = b.id)
    END AS stamp
  FROM brand b
  CROSS JOIN (VALUES ('subaccounts', 'subaccount_sync', 'subaccount.sync', 'subaccount.sync_failed'),
                     ('deposits', 'deposit_sync', 'deposit.sync', 'deposit.sync_failed')) AS e(kind, entity, ok, failed)
  LEFT JOIN LATERAL (
    SELECT a.created_at, a.after->>'error' AS error FROM audit_log a
    WHERE a.brand_id = b.id AND a.entity_type = e.entity AND a.action = e.failed AND a.created_at > ${LOOKBACK}
    ORDER BY a.created_at DESC LIMIT 1
  ) f ON true
  WHERE b.id = ANY(${ids}::uuid[])`;

interface KindRow {
  brand_id: string;
  kind: string;
  oldest_success: Date | null;
  last_failure: Date | null;
  failing: bigint;
  items: bigint;
  never: bigint;
  error: string | null;
}

const exchangeKinds = (db: Db, ids: string[]) => db.$queryRaw<KindRow[]>`
  SELECT k.brand_id, k.kind::text AS kind,
    min(k.last_success_at) AS oldest_success,
    max(k.last_failure_at) FILTER (WHERE k.error_code IS NOT NULL) AS last_failure,
    count(*) FILTER (WHERE k.error_code IS NOT NULL) AS failing,
    count(*) AS items,
    count(*) FILTER (WHERE k.last_success_at IS NULL) AS never,
    (array_agg(concat_ws(' ', k.error_code, k.error_message) ORDER BY k.last_failure_at DESC NULLS LAST)
      FILTER (WHERE k.error_code IS NOT NULL))[1] AS error
  FROM exchange_sync_kind_state k
  JOIN subaccount s ON s.id = k.subaccount_id AND s.removed_at IS NULL
  WHERE k.brand_id = ANY(${ids}::uuid[])
  GROUP BY k.brand_id, k.kind`;

interface FileRow {
  brand_id: string;
  imported_at: Date | null;
  failed_at: Date | null;
  failing: bigint;
  error: string | null;
}

const rebateFiles = (db: Db, ids: string[]) => db.$queryRaw<FileRow[]>`
  SELECT r.brand_id,
    max(r.imported_at) AS imported_at,
    max(r.updated_at) FILTER (WHERE r.state = 'failed' AND r.updated_at > ${LOOKBACK}) AS failed_at,
    count(*) FILTER (WHERE r.state = 'failed' AND r.updated_at > ${LOOKBACK}) AS failing,
    (array_agg(coalesce(r.error_detail, r.error_key) ORDER BY r.updated_at DESC)
      FILTER (WHERE r.state = 'failed' AND r.updated_at > ${LOOKBACK}))[1] AS error
  FROM rebate_file r
  WHERE r.brand_id = ANY(${ids}::uuid[])
  GROUP BY r.brand_id`;

const newest = (a: Date | null, b: Date | null) => (!a ? b : !b ? a : a > b ? a : b);

/** Every kind of every brand in `ids`, a row per kind even when nothing was ever synced. */
export async function freshnessOf(db: Db, ids: string[]): Promise<Map<string, KindFreshness[]>> {
  if (ids.length === 0) return new Map();
  const [runRows, kindRows, fileRows] = await Promise.all([runs(db, ids), exchangeKinds(db, ids), rebateFiles(db, ids)]);
  const found = new Map<Key, Row>();
  for (const r of runRows) {
    const lastSuccessAt = newest(r.ok_at, r.stamp);
    // A failed run counts only when no good run came after it.
    const failing = r.failed_at !== null && (!lastSuccessAt || r.failed_at > lastSuccessAt);
    found.set(`${r.brand_id}/${r.kind}`, {
      brandId: r.brand_id, kind: r.kind, lastSuccessAt, lastFailureAt: r.failed_at,
      failing: failing ? 1 : 0, items: null, never: lastSuccessAt ? 0 : 1, error: failing ? r.error : null,
    });
  }
  for (const r of kindRows) {
    const kind = r.kind as DataKind;
    found.set(`${r.brand_id}/${kind}`, {
      brandId: r.brand_id, kind, lastSuccessAt: r.oldest_success, lastFailureAt: r.last_failure,
      failing: Number(r.failing), items: Number(r.items), never: Number(r.never), error: r.error,
    });
  }
  for (const r of fileRows) {
    found.set(`${r.brand_id}/rebateFiles`, {
      brandId: r.brand_id, kind: "rebateFiles", lastSuccessAt: r.imported_at, lastFailureAt: r.failed_at,
      failing: Number(r.failing), items: null, never: r.imported_at ? 0 : 1, error: r.error,
    });
  }
  const result = new Map<string, KindFreshness[]>();
  for (const brandId of ids) {
    result.set(
      brandId,
      DATA_KINDS.map((kind) => {
        const row = found.get(`${brandId}/${kind}`);
        if (!row) return { kind, lastSuccessAt: null, lastFailureAt: null, failing: 0, items: kind === "subaccounts" || kind === "deposits" || kind === "rebateFiles" ? null : 0, never: 0, error: null };
        const { brandId: _b, ...rest } = row;
        return rest;
      }),
    );
  }
  return result;
}
