/**
 * Fee reports over the DMA trading details: totals and a series by day, and breakdowns by customer,
 * sub-account, instrument, instrument family and maker/taker (the fills behind them: ./trades.ts). They read
 * the sums the import keeps (./report-sources.ts says which, for what), not the fills — but for one customer
 * by instrument, which no sums cover. Customers come through the sub-account at read time. Fees are reported
 * as paid: OKX writes a charge as a negative fee, so the sum is negated (a maker rebate lowers it). Money
 * leaves as decimal text. Every query starts with the brand.
 */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import { Prisma } from "../db/client";
import Decimal from "decimal.js";
import type { ZRebateBreakdownInput, ZRebateReportInput } from "@/lib/rebates/schemas";
import { INST_FAMILY_SQL } from "./kinds-dma";
import { tsBounds } from "@/lib/rebates/day-windows";
import { INST_SUMS, SUB_SUMS, subAcctFilter, subSums } from "./report-sources";

/** The fills behind a report: ./trades.ts. */
export { listDmaTrades } from "./trades";

type In<T extends z.ZodType> = z.infer<T>;

export interface ReportTotals {
  trades: number;
  volume: string;
  feesPaid: string;
  makerFeesPaid: string;
  takerFeesPaid: string;
}
export interface ReportDay extends ReportTotals {
  day: string;
}
export interface BreakdownRow {
  /** Customer id, sub-account, instrument id, family or T/M; null: trades of sub-accounts not linked to a customer. */
  key: string | null;
  label: string | null;
  uid: string | null;
  trades: number;
  volume: string;
  feesPaid: string;
}

/** Totals of the range and one point per day that had trades (one customer's from their sub-accounts' days). */
export async function rebateReport(ctx: TenantContext, r: In<typeof ZRebateReportInput>): Promise<{ totals: ReportTotals; days: ReportDay[] }> {
  const source = r.customerId
    ? Prisma.sql`SELECT s.day, ${SUB_SUMS} FROM dma_sub_daily s WHERE s.brand_id = ${ctx.tenantId}::uuid
        AND s.day BETWEEN ${r.from}::date AND ${r.to}::date AND ${subAcctFilter(ctx, Prisma.sql`s.sub_acct`, r.customerId)} GROUP BY s.day`
    : Prisma.sql`SELECT d.day, ${INST_SUMS} FROM dma_trade_daily d WHERE d.brand_id = ${ctx.tenantId}::uuid
        AND d.day BETWEEN ${r.from}::date AND ${r.to}::date GROUP BY d.day`;
  const days = await ctx.db.$queryRaw<(ReportDay & { day: string })[]>`
    SELECT to_char(x.day, 'YYYY-MM-DD') AS day, x.trades, x.volume, x."feesPaid", x."makerFeesPaid", x."takerFeesPaid"
    FROM (${source}) x ORDER BY x.day`;
  return { totals: addUp(days), days };
}

/** The range's totals, added up from its days (exact: decimal text through decimal.js, at the columns' 18 places; "0" for none, as SQL's coalesce wrote it). */
function addUp(days: ReportDay[]): ReportTotals {
  const sum = (pick: (d: ReportDay) => string) => (days.length === 0 ? "0" : days.reduce((acc, d) => acc.plus(pick(d)), new Decimal(0)).toFixed(18));
  return {
    trades: days.reduce((n, d) => n + d.trades, 0),
    volume: sum((d) => d.volume),
    feesPaid: sum((d) => d.feesPaid),
    makerFeesPaid: sum((d) => d.makerFeesPaid),
    takerFeesPaid: sum((d) => d.takerFeesPaid),
  };
}

type By = In<typeof ZRebateBreakdownInput>["by"];
/** Rows (key, trades, volume, fee) of one dimension over the range, before labels and ranking. */
function breakdownSource(ctx: TenantContext, r: In<typeof ZRebateBreakdownInput>): Prisma.Sql {
  const perInst = (key: Prisma.Sql) => Prisma.sql`SELECT ${key} AS key, d.trades, d.amount, d.fee FROM dma_trade_daily d
    WHERE d.brand_id = ${ctx.tenantId}::uuid AND d.day BETWEEN ${r.from}::date AND ${r.to}::date`;
  const perSub = Prisma.sql`(${subSums(ctx, r)})`;
  const by: By = r.by;
  if (by === "customer" || by === "subaccount") {
    return Prisma.sql`SELECT s.sub_acct AS key, s.maker_trades + s.taker_trades AS trades, s.maker_amount + s.taker_amount AS amount,
      s.maker_fee + s.taker_fee AS fee FROM ${perSub} s`;
  }
  if (by === "execType") {
    if (!r.customerId) return perInst(Prisma.sql`d.exec_type::text`);
    return Prisma.sql`SELECT 'M' AS key, s.maker_trades AS trades, s.maker_amount AS amount, s.maker_fee AS fee FROM ${perSub} s
      UNION ALL SELECT 'T', s.taker_trades, s.taker_amount, s.taker_fee FROM ${perSub} s`;
  }
  const key = by === "instrument" ? Prisma.sql`inst_id` : Prisma.sql`inst_family`;
  if (!r.customerId) return perInst(Prisma.sql`d.${key}`);
  // One customer's fills by instrument: no sums are kept per sub-account and instrument, so the fills of the range are read.
  const [lo, hi] = tsBounds(r);
  const family = Prisma.raw(INST_FAMILY_SQL("t.inst_id"));
  return Prisma.sql`SELECT ${by === "instrument" ? Prisma.sql`t.inst_id` : family} AS key, 1 AS trades, t.amount, t.fee FROM dma_trade t
    WHERE t.brand_id = ${ctx.tenantId}::uuid AND t.ts BETWEEN ${lo} AND ${hi} AND ${subAcctFilter(ctx, Prisma.sql`t.sub_acct`, r.customerId)}`;
}

/** The largest contributors to fees paid in the range, by one dimension. */
export async function rebateBreakdown(ctx: TenantContext, r: In<typeof ZRebateBreakdownInput>): Promise<BreakdownRow[]> {
  const ranked = Prisma.sql`SELECT x.key, sum(x.trades)::int AS trades, sum(x.amount) AS volume, -sum(x.fee) AS paid
    FROM (${breakdownSource(ctx, r)}) x GROUP BY x.key`;
  if (r.by === "customer") {
    // Sub-accounts summed per customer (those linked to none together, key null).
    return ctx.db.$queryRaw<BreakdownRow[]>`
      SELECT c.id::text AS key, c.name AS label, c.uid::text AS uid, sum(y.trades)::int AS trades, sum(y.volume)::text AS volume, sum(y.paid)::text AS "feesPaid"
      FROM (${ranked}) y
      LEFT JOIN subaccount sa ON sa.brand_id = ${ctx.tenantId}::uuid AND sa.sub_acct = y.key
      LEFT JOIN customer c ON c.id = sa.customer_id
      GROUP BY 1, 2, 3
      ORDER BY sum(y.paid) DESC NULLS LAST, 1
      LIMIT ${r.limit}`;
  }
  return ctx.db.$queryRaw<BreakdownRow[]>`
    SELECT y.key, y.key AS label, NULL::text AS uid, y.trades, y.volume::text AS volume, y.paid::text AS "feesPaid"
    FROM (${ranked}) y
    ORDER BY y.paid DESC NULLS LAST, 1
    LIMIT ${r.limit}`;
}
