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
