/**
 * The exchange files Brokerdesk imports, one entry per kind: how to ask for it, what its CSV holds, how
 * each value is checked (as the file streams by, ./line-checks.ts) and how checked rows land in their table. The
 * pipeline (./pipeline.ts) and the import (./import.ts) work for any kind registered here.
 */
import "server-only";
import type { RebateFileKind } from "../db/generated/enums";
import { DMA_TRADES_MAX_DAYS } from "../exchange/okx";

/** One CSV column: its header name, its staging column and the check of a value as written. */
export interface FileColumn {
  header: string;
  column: string;
  /** Why the value (the field's text, unquoted) is refused, or null when it is fine. */
  check: (value: string) => RebateRowReason | null;
}

export type RebateRowReason = "missing" | "invalid" | "tooPrecise" | "outOfRange";

export interface FileKindDef {
  kind: RebateFileKind;
  /** The CSV header, in the file's order. */
  columns: FileColumn[];
  /** The endpoints that create and list the files, and whether `end` is exclusive on the wire. */
  createEndpoint: "createDmaTradesFile" | "createRebateFile";
  listEndpoint: "getDmaTradesFile" | "getRebateFile";
  endExclusive: boolean;
  /** Longest range one request may cover, in days. */
  maxDays: number;
  /**
   * The merge: inserts the staged rows of file $1 for brand $2 (from temp table `stage`, already checked)
   * into the kind's table, ON CONFLICT (its natural key) DO NOTHING — which also skips a row's second
   * occurrence in the same file — and
   * RETURNS one row per row added with `matched` (true when it was attributed to a customer) and the
   * columns `rollupSql` reads.
   */
  mergeSql: string;
  /** Adds the rows just merged (CTE `ins`) to the kind's daily sums, in the same statement. */
  rollupSql: string;
}

/** A value matching `regex`, required. */
const pattern =
  (regex: RegExp) =>
  (v: string): RebateRowReason | null =>
    v === "" ? "missing" : regex.test(v) ? null : "invalid";
const DECIMAL = /^-?[0-9]{1,18}(\.[0-9]+)?$/;
/** A decimal as OKX writes it: optional sign, digits, optional fraction; no exponent, NaN or Infinity. */
const decimal =
  (scale = 18) =>
  (v: string): RebateRowReason | null => {
    if (v === "") return "missing";
    if (!DECIMAL.test(v)) return "invalid";
    const dot = v.indexOf(".");
    return dot >= 0 && v.length - dot - 1 > scale ? "tooPrecise" : null;
  };
const EPOCH_MS = /^[0-9]{13}$/;
/** Milliseconds since the epoch, between 2017 (OKX's V5 did not exist before) and 2100. */
const epochMs = (v: string): RebateRowReason | null => {
  if (v === "") return "missing";
  if (!EPOCH_MS.test(v)) return "invalid";
  const n = Number(v);
  return n < 1483228800000 || n >= 4102444800000 ? "outOfRange" : null;
};
const SUB_ACCT = pattern(/^[A-Za-z0-9]{1,32}$/);
const DIGITS = pattern(/^[0-9]{1,32}$/);

/** The instrument family from an OKX instrument id: BTC-USDT spot, …-SWAP, …-YYMMDD futures, …-C/-P options. */
export const INST_FAMILY_SQL = (column: string) => `CASE
  WHEN ${column} ~ '-SWAP$' THEN 'SWAP'
  WHEN ${column} ~ '-[0-9]{6}-[0-9.]+-[CP]$' THEN 'OPTION'
  WHEN ${column} ~ '-[0-9]{6}$' THEN 'FUTURES'
  ELSE 'SPOT' END`;

const DMA_TRADES: FileKindDef = {
  kind: "dma_trades",
  createEndpoint: "createDmaTradesFile",
  listEndpoint: "getDmaTradesFile",
  endExclusive: true,
  maxDays: DMA_TRADES_MAX_DAYS,
  columns: [
    { header: "subAcct", column: "sub_acct", check: SUB_ACCT },
    { header: "subAcctLv", column: "sub_acct_lv", check: pattern(/^[12]$/) },
    { header: "firstLvSubAcct", column: "first_lv_sub_acct", check: SUB_ACCT },
    { header: "instId", column: "inst_id", check: pattern(/^[A-Z0-9]{1,20}(-[A-Z0-9.]{1,20}){1,4}$/) },
    { header: "ordId", column: "ord_id", check: DIGITS },
    { header: "tradeId", column: "trade_id", check: DIGITS },
    { header: "amt", column: "amt", check: decimal() },
    { header: "fee", column: "fee", check: decimal() },
    { header: "execType", column: "exec_type", check: pattern(/^[TM]$/) },
    { header: "ts", column: "ts", check: epochMs },
  ],
  mergeSql: `
    INSERT INTO dma_trade (brand_id, trade_id, ord_id, sub_acct, sub_acct_level, first_lv_sub_acct, inst_id, inst_family,
                           amount, fee, exec_type, traded_at, day, file_id, subaccount_id, customer_id)
    SELECT $2::uuid, s.trade_id, s.ord_id, s.sub_acct, s.sub_acct_lv::smallint, s.first_lv_sub_acct, s.inst_id,
           ${INST_FAMILY_SQL("s.inst_id")}, s.amt::numeric, s.fee::numeric, s.exec_type,
           to_timestamp(s.ts::bigint / 1000.0), (to_timestamp(s.ts::bigint / 1000.0) AT TIME ZONE 'UTC')::date,
           $1::uuid, sa.id, sa.customer_id
    FROM stage s
    LEFT JOIN subaccount sa ON sa.brand_id = $2::uuid AND sa.sub_acct = s.sub_acct
    ON CONFLICT (brand_id, trade_id, ord_id) DO NOTHING
    RETURNING customer_id IS NOT NULL AS matched, day, sub_acct, inst_id, inst_family, exec_type, amount, fee`,
  rollupSql: `
    INSERT INTO dma_trade_daily AS d (brand_id, day, sub_acct, inst_id, inst_family, exec_type, trades, amount, fee)
    SELECT $2::uuid, day, sub_acct, inst_id, inst_family, exec_type, count(*), sum(amount), sum(fee)
    FROM ins GROUP BY day, sub_acct, inst_id, inst_family, exec_type
    ON CONFLICT (brand_id, day, sub_acct, inst_id, exec_type)
    DO UPDATE SET trades = d.trades + excluded.trades, amount = d.amount + excluded.amount, fee = d.fee + excluded.fee`,
};

export const FILE_KINDS: Partial<Record<RebateFileKind, FileKindDef>> = {
  dma_trades: DMA_TRADES,
};

/** The kinds the pipeline can fetch and import now. */
export const IMPORTABLE_KINDS = Object.keys(FILE_KINDS) as RebateFileKind[];

export function fileKind(kind: RebateFileKind): FileKindDef {
  const def = FILE_KINDS[kind];
  if (!def) throw new Error(`No importer for rebate file kind ${kind}`);
  return def;
}
