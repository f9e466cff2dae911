/**
 * Reconciles a brand's UTC days of one file kind: per day, three accounts of the same fills —
 *  1. the file: what the exchange's downloaded file itself held that day (./file-days.ts), from the file
 *     imported last that covered it; when several files cover the day and disagree, the day differs too;
 *  2. imported: what the import added to the daily sums the reports read (dma_trade_daily);
 *  3. the exchange: ND rebate-daily, Σ vol and Σ totalCommission over the day's sub-account rows, read
 *     through the brand's exchange client (1 request a second, 100 rows a page, ≤ 31 days a request) —
 *     where the exchange offers it: a broker it refuses outright (not a limit, not an outage, not bad
 *     credentials) gets the file and import compared alone and "not available" for the exchange.
 * A day differs when the import's trades, volume or fees are not the file's, or the exchange's volume is
 * not the file's volume (the import's when no file covers the day). The commission is shown, not compared:
 * it is the broker's contracted share of the fees, which Brokerdesk does not know. Everything compares
 * exactly: the exchange writes amounts as decimals, and so do we.
 * One row per day (rebate_reconciliation), replaced on every reconciliation, in one transaction with its
 * audit entry.
 */
import "server-only";
import Decimal from "decimal.js";
import { systemActor } from "../actor";
import { recordAudit } from "../audit/audit";
import type { Db } from "../db/client";
import type { RebateFileKind } from "../db/generated/enums";
import { brandExchange, type BrandClientOptions } from "../exchange/brand-client";
import { isOkxError, type OkxClient } from "../exchange/okx";

const DAY_MS = 86_400_000;
/** Days one rebate-daily request covers (OKX's docs give no limit; a month keeps each request modest). */
const EXCHANGE_WINDOW_DAYS = 31;
/** How long one request may wait for its turn under the 1-a-second limit shared through Redis. */
const RATE_WAIT_MS = 15_000;

export const RECONCILIATION_JOB = "rebate-reconciliation";
const WHO = { actor: systemActor(RECONCILIATION_JOB), request: { ip: null, userAgent: null } };

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const yyyymmdd = (ms: number) => new Date(ms).toISOString().slice(0, 10).replaceAll("-", "");

/** The imported daily sums of a kind, per day of $2…$3 for brand $1: (day, trades, amount, fee). */
const IMPORTED_SQL: Partial<Record<RebateFileKind, string>> = {
  dma_trades: `SELECT day, sum(trades)::int AS trades, sum(amount) AS amount, sum(fee) AS fee
               FROM dma_trade_daily WHERE brand_id = $1::uuid AND day BETWEEN $2::date AND $3::date GROUP BY day`,
};

/** Which kinds can be reconciled now. */
export const RECONCILABLE_KINDS = Object.keys(IMPORTED_SQL) as RebateFileKind[];

export interface ExchangeDay {
  volume: Decimal;
  commission: Decimal;
}

/**
 * rebate-daily over [from, to] summed per day ("2026-12-06" → vol, commission); null when the exchange
 * refuses the endpoint to this broker. Limits, outages and refused credentials are thrown (the run is tried
 * again later, or fails saying why).
 */
export async function exchangeDays(client: OkxClient, from: Date, to: Date): Promise<{ days: Map<string, ExchangeDay> } | { unavailable: string }> {
  const days = new Map<string, ExchangeDay>();
  try {
    for (let start = from.getTime(); start <= to.getTime(); start += EXCHANGE_WINDOW_DAYS * DAY_MS) {
      const end = Math.min(to.getTime(), start + (EXCHANGE_WINDOW_DAYS - 1) * DAY_MS);
      for (let page = 1; ; page++) {
        const answer = await client.rebateDaily({ begin: yyyymmdd(start), end: yyyymmdd(end), page, limit: 100 }, { maxRateWaitMs: RATE_WAIT_MS });
        for (const row of answer.details) {
          const key = isoDay(row.ts);
          const day = days.get(key) ?? { volume: new Decimal(0), commission: new Decimal(0) };
          days.set(key, { volume: day.volume.plus(row.vol), commission: day.commission.plus(row.totalCommission) });
        }
        if (page >= answer.totalPage || answer.details.length === 0) break;
      }
    }
  } catch (error) {
    if (isOkxError(error) && error.kind === "permanent") return { unavailable: `${error.code}: ${error.msg}`.slice(0, 500) };
    throw error;
  }
  return { days };
}

interface DayFigures {
  day: Date;
  fileId: string | null;
  fileTrades: number | null;
  fileAmount: string | null;
  fileFee: string | null;
  fileVariants: number;
  importedTrades: number;
  importedAmount: string;
  importedFee: string;
}

const diff = (a: string | Decimal, b: string | Decimal) => new Decimal(a).minus(b);

/** One day's row: the figures, their differences and the verdict. */
export function compareDay(f: DayFigures, exchange: ExchangeDay | null) {
  const hasFile = f.fileTrades !== null;
  const tradesDifference = hasFile ? f.importedTrades - f.fileTrades! : null;
  const amountDifference = hasFile ? diff(f.importedAmount, f.fileAmount!) : null;
  const feeDifference = hasFile ? diff(f.importedFee, f.fileFee!) : null;
  const exchangeDifference = exchange ? exchange.volume.minus(hasFile ? f.fileAmount! : f.importedAmount) : null;
  const differs =
    f.fileVariants > 1 || (tradesDifference ?? 0) !== 0 || !(amountDifference?.isZero() ?? true) || !(feeDifference?.isZero() ?? true) || !(exchangeDifference?.isZero() ?? true);
  const status = differs ? "different" : hasFile || exchange ? "matched" : "incomplete";
  return {
    ...f,
    status,
    filesAgree: f.fileVariants <= 1,
    exchangeVolume: exchange?.volume.toFixed() ?? null,
    exchangeCommission: exchange?.commission.toFixed() ?? null,
    tradesDifference,
    amountDifference: amountDifference?.toFixed() ?? null,
    feeDifference: feeDifference?.toFixed() ?? null,
    exchangeDifference: exchangeDifference?.toFixed() ?? null,
  } as const;
}

export interface ReconcileOptions {
  db: Db;
  clientOptions?: BrandClientOptions;
  now?: () => Date;
}

export interface ReconcileOutcome {
  days: number;
  differences: number;
  /** Whether the exchange's figures were read, and what it said when it refused them. */
  exchange: "checked" | "unavailable";
  exchangeDetail: string | null;
}

/** Reconciles `from`…`to` (UTC days, both included) of a brand's `kind` and stores one row per day. */
export async function reconcileRange(deps: ReconcileOptions, run: { id?: string; brandId: string; kind: RebateFileKind; from: Date; to: Date }): Promise<ReconcileOutcome> {
  const importedSql = IMPORTED_SQL[run.kind];
  if (!importedSql) throw new Error(`No reconciliation for rebate file kind ${run.kind}`);
  const { client } = await brandExchange(deps.db, run.brandId, deps.clientOptions);
  const exchange = await exchangeDays(client, run.from, run.to);

  const figures = await deps.db.$queryRawUnsafe<DayFigures[]>(
    `WITH days AS (SELECT g::date AS day FROM generate_series($2::date, $3::date, interval '1 day') g),
     own AS (
       SELECT fd.day, fd.file_id, fd.rows, fd.amount, fd.fee, rf.imported_at
       FROM rebate_file_day fd JOIN rebate_file rf ON rf.id = fd.file_id
       WHERE fd.brand_id = $1::uuid AND fd.day BETWEEN $2::date AND $3::date AND rf.kind = $4::"RebateFileKind" AND rf.state = 'imported'
     ),
     latest AS (SELECT DISTINCT ON (day) day, file_id, rows, amount, fee FROM own ORDER BY day, imported_at DESC NULLS LAST, file_id),
     variants AS (SELECT day, count(DISTINCT (rows, amount, fee))::int AS n FROM own GROUP BY day),
     imported AS (${importedSql})
     SELECT d.day, l.file_id AS "fileId", l.rows AS "fileTrades", l.amount::text AS "fileAmount", l.fee::text AS "fileFee",
            coalesce(v.n, 0) AS "fileVariants", coalesce(i.trades, 0) AS "importedTrades",
            coalesce(i.amount, 0)::text AS "importedAmount", coalesce(i.fee, 0)::text AS "importedFee"
     FROM days d LEFT JOIN latest l USING (day) LEFT JOIN variants v USING (day) LEFT JOIN imported i USING (day)
     ORDER BY d.day`,
    run.brandId,
    run.from,
    run.to,
    run.kind,
  );
  const rows = figures.map((f) => compareDay(f, "days" in exchange ? (exchange.days.get(isoDay(f.day)) ?? { volume: new Decimal(0), commission: new Decimal(0) }) : null));
  const outcome: ReconcileOutcome = {
    days: rows.length,
    differences: rows.filter((r) => r.status === "different").length,
    exchange: "days" in exchange ? "checked" : "unavailable",
    exchangeDetail: "unavailable" in exchange ? exchange.unavailable : null,
  };
  const checkedAt = deps.now?.() ?? new Date();
  await deps.db.$transaction(async (tx) => {
    const col = <T>(pick: (r: (typeof rows)[number]) => T) => rows.map(pick);
    await tx.$executeRawUnsafe(
      `INSERT INTO rebate_reconciliation AS r (brand_id, kind, day, status, file_id, file_trades, file_amount, file_fee, files_agree,
         imported_trades, imported_amount, imported_fee, exchange_volume, exchange_commission,
         trades_difference, amount_difference, fee_difference, exchange_difference, checked_at, run_id)
       SELECT $1::uuid, $2::"RebateFileKind", x.day, x.status::"RebateReconciliationStatus", x.file_id, x.file_trades, x.file_amount, x.file_fee, x.files_agree,
              x.imported_trades, x.imported_amount, x.imported_fee, x.exchange_volume, x.exchange_commission,
              x.trades_difference, x.amount_difference, x.fee_difference, x.exchange_difference, $3::timestamptz, $4::uuid
       FROM unnest($5::date[], $6::text[], $7::uuid[], $8::int[], $9::numeric[], $10::numeric[], $11::boolean[], $12::int[], $13::numeric[], $14::numeric[],
                   $15::numeric[], $16::numeric[], $17::int[], $18::numeric[], $19::numeric[], $20::numeric[])
         AS x(day, status, file_id, file_trades, file_amount, file_fee, files_agree, imported_trades, imported_amount, imported_fee,
              exchange_volume, exchange_commission, trades_difference, amount_difference, fee_difference, exchange_difference)
       ON CONFLICT (brand_id, kind, day) DO UPDATE SET
         status = excluded.status, file_id = excluded.file_id, file_trades = excluded.file_trades, file_amount = excluded.file_amount,
         file_fee = excluded.file_fee, files_agree = excluded.files_agree, imported_trades = excluded.imported_trades,
         imported_amount = excluded.imported_amount, imported_fee = excluded.imported_fee, exchange_volume = excluded.exchange_volume,
         exchange_commission = excluded.exchange_commission, trades_difference = excluded.trades_difference,
         amount_difference = excluded.amount_difference, fee_difference = excluded.fee_difference,
         exchange_difference = excluded.exchange_difference, checked_at = excluded.checked_at, run_id = excluded.run_id`,
      run.brandId,
      run.kind,
      checkedAt,
      run.id ?? null,
      col((r) => isoDay(r.day)),
      col((r) => r.status),
      col((r) => r.fileId),
      col((r) => r.fileTrades),
      col((r) => r.fileAmount),
      col((r) => r.fileFee),
      col((r) => r.filesAgree),
      col((r) => r.importedTrades),
      col((r) => r.importedAmount),
      col((r) => r.importedFee),
      col((r) => r.exchangeVolume),
      col((r) => r.exchangeCommission),
      col((r) => r.tradesDifference),
      col((r) => r.amountDifference),
      col((r) => r.feeDifference),
      col((r) => r.exchangeDifference),
    );
    await recordAudit(tx, WHO, {
      brandId: run.brandId,
      action: "rebate.reconciled",
      entityType: "rebate_reconciliation",
      entityId: run.id ?? null,
      after: { kind: run.kind, from: isoDay(run.from), to: isoDay(run.to), ...outcome },
    });
  });
  return outcome;
}
