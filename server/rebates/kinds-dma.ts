/** DMA trading details (broker/dma/trades, then broker/dma/rebate-per-orders): one row per fill of a sub-account. */
import "server-only";
import { DMA_TRADES_MAX_DAYS } from "../exchange/okx";
import type { FileKindDef } from "./kinds";
import { decimal, DIGITS, epochMs, pattern, SUB_ACCT } from "./value-checks";

/** The instrument family from an OKX instrument id: BTC-USDT spot, …-SWAP, …-YYMMDD futures, …-C/-P options. */
export const INST_FAMILY_SQL = (column: string) => `CASE
  WHEN ${column} ~ '-SWAP$' THEN 'SWAP'
  WHEN ${column} ~ '-[0-9]{6}-[0-9.]+-[CP]$' THEN 'OPTION'
  WHEN ${column} ~ '-[0-9]{6}$' THEN 'FUTURES'
  ELSE 'SPOT' END`;

const side = (col: string, side: "M" | "T") => `coalesce(sum(${col}) FILTER (WHERE exec_type = '${side}'), 0)`;

/**
 * The file's fills, just copied (the brand's rows of the days this file brought, $4), summed in one pass two
 * ways — per day, sub-account and side, per day, instrument and side — with three sums each (every numeric
 * sum costs: measured 2.0 s for a million rows with the sides as six filtered sums, 0.8 s like this). The
 * sub-account rows are then put side by side per day, in the key's order, and added to their months.
 * Nothing else of the brand can be in those days: each day has one file. Text is grouped byte-wise (COLLATE "C"):
 * the names are ASCII and the order is never shown.
 */
const DMA_ROLLUP_SQL = `
  WITH g AS MATERIALIZED (
    SELECT t.d, t.sub_acct, t.inst_id, t.exec_type, GROUPING(t.sub_acct) AS by_inst, count(*) AS n, sum(t.amount) AS a, sum(t.fee) AS f
    FROM (SELECT (ts / ${86_400_000})::int AS d, sub_acct COLLATE "C" AS sub_acct, inst_id COLLATE "C" AS inst_id, exec_type, amount, fee
          FROM dma_trade
          WHERE brand_id = $1::uuid AND ts BETWEEN $2::bigint AND $3::bigint AND (ts / ${86_400_000})::int = ANY($4::int[])) t
    GROUP BY GROUPING SETS ((t.d, t.sub_acct, t.exec_type), (t.d, t.inst_id, t.exec_type))
  ),
  subs AS (
    INSERT INTO dma_sub_daily (brand_id, sub_acct, day, maker_trades, taker_trades, maker_amount, taker_amount, maker_fee, taker_fee)
    SELECT $1::uuid, sub_acct, date '1970-01-01' + d, ${side("n", "M")}, ${side("n", "T")}, ${side("a", "M")}, ${side("a", "T")}, ${side("f", "M")}, ${side("f", "T")}
    FROM g WHERE by_inst = 0 GROUP BY sub_acct, d ORDER BY sub_acct, d
    RETURNING sub_acct, day, maker_trades, taker_trades, maker_amount, taker_amount, maker_fee, taker_fee
  ),
  months AS (
    INSERT INTO dma_sub_monthly AS m (brand_id, sub_acct, month, maker_trades, taker_trades, maker_amount, taker_amount, maker_fee, taker_fee)
    SELECT $1::uuid, sub_acct, date_trunc('month', day)::date, sum(maker_trades), sum(taker_trades), sum(maker_amount), sum(taker_amount), sum(maker_fee), sum(taker_fee)
    FROM subs GROUP BY 2, 3
    ON CONFLICT (brand_id, month, sub_acct) DO UPDATE SET
      maker_trades = m.maker_trades + excluded.maker_trades, taker_trades = m.taker_trades + excluded.taker_trades,
      maker_amount = m.maker_amount + excluded.maker_amount, taker_amount = m.taker_amount + excluded.taker_amount,
      maker_fee = m.maker_fee + excluded.maker_fee, taker_fee = m.taker_fee + excluded.taker_fee
  ),
  insts AS (
    INSERT INTO dma_trade_daily (brand_id, day, inst_id, inst_family, exec_type, trades, amount, fee)
    SELECT $1::uuid, date '1970-01-01' + d, inst_id, ${INST_FAMILY_SQL("inst_id")}, exec_type, n, a, f FROM g WHERE by_inst = 1
  )
  SELECT coalesce(sum(x.n), 0)::bigint AS unmatched
  FROM (SELECT sub_acct, sum(n) AS n FROM g WHERE by_inst = 0 GROUP BY sub_acct) x
  WHERE NOT EXISTS (SELECT 1 FROM subaccount s WHERE s.brand_id = $1::uuid AND s.sub_acct = x.sub_acct AND s.customer_id IS NOT NULL)`;

export const DMA_TRADES: FileKindDef = {
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
  direct: {
    table: "dma_trade",
    dayTable: "dma_trade_day",
    timeIndex: "dma_trade_brand_id_ts_idx",
    tableColumns: ["brand_id", "sub_acct", "sub_acct_level", "first_lv_sub_acct", "inst_id", "ord_id", "trade_id", "amount", "fee", "exec_type", "ts"],
    // The columns' checks above, as one expression for the whole line (kinds-dma.test.ts holds them to agree).
    line: /^[A-Za-z0-9]{1,32},[12],[A-Za-z0-9]{1,32},[A-Z0-9]{1,20}(?:-[A-Z0-9.]{1,20}){1,4},[0-9]{1,32},[0-9]{1,32},-?[0-9]{1,18}(?:\.[0-9]{1,18})?,-?[0-9]{1,18}(?:\.[0-9]{1,18})?,[TM],[0-9]{13}$/,
    tsField: 9,
    keyFields: [4, 5],
    rollupSql: DMA_ROLLUP_SQL,
  },
};
