/**
 * The trades CSV of the fee reports: the drill-down's filters (the same schema as the reports page's trades
 * table), every matching trade streamed in keyset batches, newest first unless asked otherwise. Amounts and
 * fees are the stored exact decimals: the fee as paid (what the reports sum) and as the exchange wrote it.
 */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import { Prisma } from "../db/client";
import { defineExporter, exportColumns } from "../export/exporter";
import { negateDecimal, ZRebateTradeQuery, type EXEC_TYPES, type INST_FAMILIES } from "@/lib/rebates/report-query";
import { TRADE_COLUMNS, TRADE_FROM, tradeWhere, type DmaTradeRow } from "./trades";

const BATCH = 1000;
type InstFamily = (typeof INST_FAMILIES)[number];
type ExecType = (typeof EXEC_TYPES)[number];

/** Every trade the query selects, in batches after the last one read (time, trade id, order id). */
export async function* iterateDmaTrades(ctx: TenantContext, q: z.infer<typeof ZRebateTradeQuery>, batchSize = BATCH): AsyncGenerator<DmaTradeRow> {
  const where = tradeWhere(ctx, q);
  const asc = q.dir === "asc";
  const dir = Prisma.raw(asc ? "ASC" : "DESC");
  let after: DmaTradeRow | undefined;
  for (;;) {
    const past = after
      ? asc
        ? Prisma.sql`AND (t.ts, t.trade_id, t.ord_id) > (${after.tradedAt.getTime()}, ${after.tradeId}, ${after.ordId})`
        : Prisma.sql`AND (t.ts, t.trade_id, t.ord_id) < (${after.tradedAt.getTime()}, ${after.tradeId}, ${after.ordId})`
      : Prisma.empty;
    const rows = await ctx.db.$queryRaw<DmaTradeRow[]>`
      SELECT ${TRADE_COLUMNS}
      FROM ${TRADE_FROM}
      WHERE ${where} ${past}
      ORDER BY t.ts ${dir}, t.trade_id ${dir}, t.ord_id ${dir}
      LIMIT ${batchSize}`;
    yield* rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1];
  }
}

const c = exportColumns<DmaTradeRow>();
const h = "rebateReports.trades.columns";

export const rebateTradesExporter = defineExporter({
  permission: "rebate.read",
  schema: ZRebateTradeQuery,
  rows: iterateDmaTrades,
  columns: [
    c.col("traded_at", `${h}.tradedAt`, (r) => r.tradedAt),
    c.digits("customer_uid", "rebateReports.trades.exportCustomerUid", (r) => r.customerUid),
    c.col("customer_name", `${h}.customer`, (r) => r.customerName),
    c.col("sub_account", `${h}.subAcct`, (r) => r.subAcct),
    c.col("instrument", `${h}.instId`, (r) => r.instId),
    ...c.coded("family", `${h}.instFamily`, (r) => r.instFamily as InstFamily, (code) => `rebateReports.families.${code}`),
    ...c.coded("exec_type", `${h}.execType`, (r) => r.execType as ExecType, (code) => `rebateReports.execTypes.${code}`),
    c.col("amount", `${h}.amount`, (r) => r.amount),
    c.col("fee_paid", `${h}.feePaid`, (r) => negateDecimal(r.fee)),
    c.col("fee", "rebateReports.trades.exportFee", (r) => r.fee),
    c.digits("trade_id", `${h}.tradeId`, (r) => r.tradeId),
    c.digits("order_id", `${h}.ordId`, (r) => r.ordId),
    c.id("customer_id", (r) => r.customerId),
  ],
});
