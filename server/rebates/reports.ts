/**
 * Fee reports over the DMA trading details: totals and a series by day, breakdowns by customer, sub-account,
 * instrument, instrument family and maker/taker, and the trades behind any of them. Totals and breakdowns
 * read the daily sums the import keeps (dma_trade_daily), never the trades, so a year over ten million
 * trades stays a scan of at most days × sub-accounts × instruments rows. Customers come through the
 * sub-account at read time. Fees are reported as paid: OKX writes a charge as a negative fee, so the sum is
 * negated (a maker rebate lowers it). Money leaves as decimal text. Every query starts with the brand.
 */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import { Prisma } from "../db/client";
import { type Page } from "@/lib/table-state";
import { UNLINKED_CUSTOMER, type ZDmaTradeListInput, type ZRebateBreakdownInput, type ZRebateReportInput } from "@/lib/rebates/schemas";

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

/** The daily sums of the range, narrowed to one customer's sub-accounts when asked. */
function dailyWhere(ctx: TenantContext, r: { from: string; to: string; customerId?: string }): Prisma.Sql {
  const parts = [Prisma.sql`d.brand_id = ${ctx.tenantId}::uuid`, Prisma.sql`d.day BETWEEN ${r.from}::date AND ${r.to}::date`];
  if (r.customerId) {
    parts.push(Prisma.sql`d.sub_acct IN (SELECT s.sub_acct FROM subaccount s WHERE s.brand_id = ${ctx.tenantId}::uuid AND s.customer_id = ${r.customerId}::uuid)`);
  }
  return Prisma.join(parts, " AND ");
}

const SUMS = Prisma.sql`
  coalesce(sum(d.trades), 0)::int AS trades,
  coalesce(sum(d.amount), 0)::text AS volume,
  coalesce(-sum(d.fee), 0)::text AS "feesPaid",
  coalesce(-sum(d.fee) FILTER (WHERE d.exec_type = 'M'), 0)::text AS "makerFeesPaid",
  coalesce(-sum(d.fee) FILTER (WHERE d.exec_type = 'T'), 0)::text AS "takerFeesPaid"`;

/** Totals of the range and one point per day that had trades. */
export async function rebateReport(ctx: TenantContext, r: In<typeof ZRebateReportInput>): Promise<{ totals: ReportTotals; days: ReportDay[] }> {
  const where = dailyWhere(ctx, r);
  const [totals, days] = await Promise.all([
    ctx.db.$queryRaw<ReportTotals[]>`SELECT ${SUMS} FROM dma_trade_daily d WHERE ${where}`,
    ctx.db.$queryRaw<ReportDay[]>`SELECT to_char(d.day, 'YYYY-MM-DD') AS day, ${SUMS} FROM dma_trade_daily d WHERE ${where} GROUP BY d.day ORDER BY d.day`,
  ]);
  return { totals: totals[0], days };
}

const GROUPS: Record<In<typeof ZRebateBreakdownInput>["by"], { key: Prisma.Sql; label: Prisma.Sql; uid: Prisma.Sql; join: Prisma.Sql }> = {
  customer: {
    key: Prisma.sql`c.id::text`,
    label: Prisma.sql`c.name`,
    uid: Prisma.sql`c.uid::text`,
    join: Prisma.sql`LEFT JOIN subaccount s ON s.brand_id = d.brand_id AND s.sub_acct = d.sub_acct LEFT JOIN customer c ON c.id = s.customer_id`,
  },
  subaccount: { key: Prisma.sql`d.sub_acct`, label: Prisma.sql`d.sub_acct`, uid: Prisma.sql`NULL::text`, join: Prisma.empty },
  instrument: { key: Prisma.sql`d.inst_id`, label: Prisma.sql`d.inst_id`, uid: Prisma.sql`NULL::text`, join: Prisma.empty },
  family: { key: Prisma.sql`d.inst_family`, label: Prisma.sql`d.inst_family`, uid: Prisma.sql`NULL::text`, join: Prisma.empty },
  execType: { key: Prisma.sql`d.exec_type::text`, label: Prisma.sql`d.exec_type::text`, uid: Prisma.sql`NULL::text`, join: Prisma.empty },
};

/** The largest contributors to fees paid in the range, by one dimension. */
export async function rebateBreakdown(ctx: TenantContext, r: In<typeof ZRebateBreakdownInput>): Promise<BreakdownRow[]> {
  const g = GROUPS[r.by];
  return ctx.db.$queryRaw<BreakdownRow[]>`
    SELECT ${g.key} AS key, ${g.label} AS label, ${g.uid} AS uid,
           coalesce(sum(d.trades), 0)::int AS trades, coalesce(sum(d.amount), 0)::text AS volume, coalesce(-sum(d.fee), 0)::text AS "feesPaid"
    FROM dma_trade_daily d ${g.join}
    WHERE ${dailyWhere(ctx, r)}
    GROUP BY 1, 2, 3
    ORDER BY -sum(d.fee) DESC NULLS LAST, 1
    LIMIT ${r.limit}`;
}

export interface DmaTradeRow {
  tradeId: string;
  ordId: string;
  subAcct: string;
  instId: string;
  instFamily: string;
  execType: string;
  amount: string;
  fee: string;
  tradedAt: Date;
  customerId: string | null;
  customerName: string | null;
  customerUid: string | null;
}

/** Beyond this many matching trades the total reads "10,000+". */
export const TRADE_TOTAL_CAP = 10_000;

/** The trades a drill-down or its CSV export selects: the brand's, in the range, narrowed by its filters. */
export function tradeWhere(ctx: TenantContext, q: In<typeof ZDmaTradeListInput>): Prisma.Sql {
  const parts = [
    Prisma.sql`t.brand_id = ${ctx.tenantId}::uuid`,
    Prisma.sql`t.day BETWEEN ${q.from}::date AND ${q.to}::date`,
  ];
  // The customer through the sub-account as it is linked now, as the report and its breakdown read it.
  const linked = Prisma.sql`SELECT s.sub_acct FROM subaccount s WHERE s.brand_id = ${ctx.tenantId}::uuid`;
  if (q.customerId === UNLINKED_CUSTOMER) parts.push(Prisma.sql`t.sub_acct NOT IN (${linked} AND s.customer_id IS NOT NULL)`);
  else if (q.customerId) parts.push(Prisma.sql`t.sub_acct IN (${linked} AND s.customer_id = ${q.customerId}::uuid)`);
  if (q.subAcct) parts.push(Prisma.sql`t.sub_acct = ${q.subAcct}`);
  if (q.instId) parts.push(Prisma.sql`t.inst_id = ${q.instId}`);
  if (q.instFamily) parts.push(Prisma.sql`t.inst_family = ${q.instFamily}`);
  if (q.execType) parts.push(Prisma.sql`t.exec_type = ${q.execType}`);
  return Prisma.join(parts, " AND ");
}

/** A trade as the drill-down and the export read it (FROM TRADE_FROM). */
export const TRADE_COLUMNS = Prisma.sql`
  t.trade_id AS "tradeId", t.ord_id AS "ordId", t.sub_acct AS "subAcct", t.inst_id AS "instId", t.inst_family AS "instFamily",
  t.exec_type AS "execType", t.amount::text AS amount, t.fee::text AS fee, t.traded_at AS "tradedAt",
  c.id AS "customerId", c.name AS "customerName", c.uid::text AS "customerUid"`;

/** Trades with the customer their sub-account is linked to now (a link made after the import counts). */
export const TRADE_FROM = Prisma.sql`dma_trade t
  LEFT JOIN subaccount sa ON sa.brand_id = t.brand_id AND sa.sub_acct = t.sub_acct
  LEFT JOIN customer c ON c.id = sa.customer_id`;

/** The trades behind a report, newest first (the drill-down). */
export async function listDmaTrades(ctx: TenantContext, q: In<typeof ZDmaTradeListInput>): Promise<Page<DmaTradeRow> & { totalIsExact: boolean }> {
  const where = tradeWhere(ctx, q);
  const dir = Prisma.raw(q.dir === "asc" ? "ASC" : "DESC");
  const [rows, counted] = await Promise.all([
    ctx.db.$queryRaw<DmaTradeRow[]>`
      SELECT ${TRADE_COLUMNS}
      FROM ${TRADE_FROM}
      WHERE ${where}
      ORDER BY t.traded_at ${dir}, t.trade_id ${dir}
      OFFSET ${(q.page - 1) * q.pageSize} LIMIT ${q.pageSize}`,
    ctx.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM dma_trade t WHERE ${where} LIMIT ${TRADE_TOTAL_CAP + 1}) x`,
  ]);
  const n = counted[0]?.n ?? 0;
  return { rows, total: Math.min(n, TRADE_TOTAL_CAP), totalIsExact: n <= TRADE_TOTAL_CAP, page: q.page, pageSize: q.pageSize };
}
