/**
 * The FD rebate rows CSV of the fee reports: the drill-down's filters (the same schema as the FD tab's rows
 * table), every matching row streamed in keyset batches, newest first unless asked otherwise. Amounts are
 * the stored exact decimals, as the exchange wrote them.
 */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import { Prisma } from "../db/client";
import { defineExporter, exportColumns } from "../export/exporter";
import { ZFdRebateQuery } from "@/lib/rebates/fd-schemas";
import type { INST_FAMILIES } from "@/lib/rebates/schemas";
import { FD_ROW_COLUMNS, FD_ROW_FROM, fdRowWhere, type FdRebateRow } from "./fd-reports";

const BATCH = 1000;
type InstFamily = (typeof INST_FAMILIES)[number];

/** Every row the query selects, in batches after the last one read (last fill, order id, day). */
export async function* iterateFdRebates(ctx: TenantContext, q: z.infer<typeof ZFdRebateQuery>, batchSize = BATCH): AsyncGenerator<FdRebateRow> {
  const where = fdRowWhere(ctx, q);
  const asc = q.dir === "asc";
  const dir = Prisma.raw(asc ? "ASC" : "DESC");
  let after: FdRebateRow | undefined;
  for (;;) {
    const past = after
      ? asc
        ? Prisma.sql`AND (r.last_fill_at, r.ord_id, r.day) > (${after.lastFillAt}, ${after.ordId}, ${after.day}::date)`
        : Prisma.sql`AND (r.last_fill_at, r.ord_id, r.day) < (${after.lastFillAt}, ${after.ordId}, ${after.day}::date)`
      : Prisma.empty;
    const rows = await ctx.db.$queryRaw<FdRebateRow[]>`
      SELECT ${FD_ROW_COLUMNS}
      FROM ${FD_ROW_FROM}
      WHERE ${where} ${past}
      ORDER BY r.last_fill_at ${dir}, r.ord_id ${dir}, r.day ${dir}
      LIMIT ${batchSize}`;
    yield* rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1];
  }
}

const c = exportColumns<FdRebateRow>();
const h = "fdReports.rows.columns";

export const fdRebatesExporter = defineExporter({
  permission: "rebate.read",
  schema: ZFdRebateQuery,
  rows: iterateFdRebates,
  columns: [
    c.col("day", `${h}.day`, (r) => r.day),
    c.col("last_fill_at", `${h}.lastFillAt`, (r) => r.lastFillAt),
    c.digits("customer_uid", "fdReports.rows.exportCustomerUid", (r) => r.customerUid),
    c.col("customer_name", `${h}.customer`, (r) => r.customerName),
    c.digits("order_id", `${h}.ordId`, (r) => r.ordId),
    c.col("instrument", `${h}.instId`, (r) => r.instId),
    ...c.coded("family", `${h}.instFamily`, (r) => r.instFamily as InstFamily, (code) => `rebateReports.families.${code}`),
    c.col("level", `${h}.level`, (r) => r.level),
    c.col("spot_trade_amount", `${h}.spotTradeAmt`, (r) => r.spotTradeAmt),
    c.col("derivative_trade_amount", `${h}.derivativeTradeAmt`, (r) => r.derivativeTradeAmt),
    c.col("fee", `${h}.fee`, (r) => r.fee),
    c.col("net_fee", `${h}.netFee`, (r) => r.netFee),
    c.col("settlement_fee", `${h}.settlementFee`, (r) => r.settlementFee),
    c.col("broker_rebate", `${h}.brokerRebate`, (r) => r.brokerRebate),
    c.col("sub_broker_rebate", `${h}.subBrokerRebate`, (r) => r.subBrokerRebate),
    c.col("user_rebate", `${h}.userRebate`, (r) => r.userRebate),
    ...c.coded("affiliated", `${h}.affiliated`, (r) => (r.affiliated ? "yes" : "no"), (code) => `fdReports.affiliated.${code}`),
    c.id("customer_id", (r) => r.customerId),
  ],
});
