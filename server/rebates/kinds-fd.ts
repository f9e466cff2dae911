/**
 * FD rebates (seed 001: POST then GET broker/fd/rebate-per-orders): one row per order and UTC day it traded,
 * with its fees and the rebates they earned. `end` is inclusive on the wire (records before the day after
 * it). The row names no customer — only the order — so it is attributed through the order links the
 * brand's systems report (fd_order_link, ./order-links.ts), now or when a link arrives later
 * (./fd-attribution.ts). Every row must carry the brand's broker code.
 */
import "server-only";
import type { FileKindDef } from "./kinds";
import { INST_FAMILY_SQL } from "./kinds-dma";
import { BOOLEAN, brandBrokerCode, decimal, DIGITS, epochMs, INST_ID, pattern } from "./value-checks";

/** Longest range one request covers, in days: the seed sets none for FD; the issue's 180, as for DMA. */
export const FD_REBATES_MAX_DAYS = 180;

/** The money columns, in the file's order: staging column → table column. */
const AMOUNTS = [
  ["spot_trade_amt", "spot_trade_amt"],
  ["derivative_trade_amt", "derivative_trade_amt"],
  ["fee", "fee"],
  ["net_fee", "net_fee"],
  ["settlement_fee", "settlement_fee"],
  ["broker_rebate", "broker_rebate"],
  ["su_broker_rebate", "sub_broker_rebate"],
  ["user_rebate", "user_rebate"],
] as const;
const SUMMED = AMOUNTS.map(([, column]) => column);

/** A staged ms timestamp as a timestamptz. */
const tsOf = (column: string) => `to_timestamp(${column}::bigint / 1000.0)`;

export const FD_REBATES: FileKindDef = {
  kind: "fd_rebates",
  createEndpoint: "createRebateFile",
  listEndpoint: "getRebateFile",
  endExclusive: false,
  maxDays: FD_REBATES_MAX_DAYS,
  columns: [
    { header: "brokerCode", column: "broker_code", check: brandBrokerCode },
    { header: "level", column: "level", check: pattern(/^[A-Za-z0-9]{1,16}$/) },
    { header: "instId", column: "inst_id", check: INST_ID },
    { header: "ordId", column: "ord_id", check: DIGITS },
    { header: "spotTradeAmt", column: "spot_trade_amt", check: decimal() },
    { header: "derivativeTradeAmt", column: "derivative_trade_amt", check: decimal() },
    { header: "fee", column: "fee", check: decimal() },
    { header: "netFee", column: "net_fee", check: decimal() },
    { header: "settlementFee", column: "settlement_fee", check: decimal() },
    { header: "brokerRebate", column: "broker_rebate", check: decimal() },
    { header: "suBrokerRebate", column: "su_broker_rebate", check: decimal() },
    { header: "userRebate", column: "user_rebate", check: decimal() },
    { header: "affiliated", column: "affiliated", check: BOOLEAN },
    { header: "ts", column: "ts", check: epochMs },
  ],
  mergeSql: `
    INSERT INTO fd_rebate (brand_id, ord_id, day, broker_code, level, inst_id, inst_family, ${SUMMED.join(", ")},
                           affiliated, last_fill_at, file_id, customer_id)
    SELECT $2::uuid, s.ord_id, (${tsOf("s.ts")} AT TIME ZONE 'UTC')::date, s.broker_code, s.level, s.inst_id, ${INST_FAMILY_SQL("s.inst_id")},
           ${AMOUNTS.map(([staged]) => `s.${staged}::numeric`).join(", ")},
           s.affiliated::boolean, ${tsOf("s.ts")}, $1::uuid, l.customer_id
    FROM stage s
    LEFT JOIN fd_order_link l ON l.brand_id = $2::uuid AND l.ord_id = s.ord_id
    ON CONFLICT (brand_id, ord_id, day) DO NOTHING
    RETURNING customer_id IS NOT NULL AS matched, day, inst_id, inst_family, affiliated, customer_id, ${SUMMED.join(", ")}`,
  rollupSql: `
    INSERT INTO fd_rebate_daily AS d (brand_id, day, inst_id, inst_family, affiliated, customer_id, orders, ${SUMMED.join(", ")})
    SELECT $2::uuid, day, inst_id, inst_family, affiliated, customer_id, count(*), ${SUMMED.map((c) => `sum(${c})`).join(", ")}
    FROM ins GROUP BY day, inst_id, inst_family, affiliated, customer_id
    ON CONFLICT (brand_id, day, inst_id, affiliated, customer_id)
    DO UPDATE SET orders = d.orders + excluded.orders, ${SUMMED.map((c) => `${c} = d.${c} + excluded.${c}`).join(", ")}`,
};
