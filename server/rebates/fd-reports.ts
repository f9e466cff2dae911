/**
 * Reports over the FD rebate files: the rebates the brand's customers' orders earned, split into the
 * broker's, its sub-broker's and the users' own, and affiliated (an affiliate rebate applied) or not —
 * totals and a series by day, breakdowns by customer, instrument, instrument family and affiliate flag,
 * and the rows behind any of them. Totals and breakdowns read the daily sums the import keeps
 * (fd_rebate_daily, per day, instrument, affiliate flag and customer), never the rows. Money leaves as
 * decimal text, as the exchange wrote it. Every query starts with the brand.
 */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import { Prisma } from "../db/client";
import { type Page } from "@/lib/table-state";
import type { ZFdBreakdownInput, ZFdRebateListInput, ZFdReportInput } from "@/lib/rebates/fd-schemas";
import { UNLINKED_CUSTOMER } from "@/lib/rebates/schemas";

type In<T extends z.ZodType> = z.infer<T>;

export interface FdTotals {
  orders: number;
  /** Spot and derivatives traded, USDT. */
  volume: string;
  fee: string;
  netFee: string;
  settlementFee: string;
  brokerRebate: string;
  subBrokerRebate: string;
  userRebate: string;
  /** The broker's rebate on orders where an affiliate rebate applied, and how many they were. */
  affiliatedBrokerRebate: string;
  affiliatedOrders: number;
}
export interface FdDay extends FdTotals {
  day: string;
}
export interface FdBreakdownRow {
  /** Customer id, instrument id, family or yes/no (affiliated); null: rows attributed to no customer. */
  key: string | null;
  label: string | null;
  uid: string | null;
  orders: number;
  volume: string;
  fee: string;
  brokerRebate: string;
  subBrokerRebate: string;
  userRebate: string;
}

const money = (expr: string, as: string) => Prisma.raw(`coalesce(sum(${expr}), 0)::text AS "${as}"`);
const SUMS = Prisma.join(
  [
    Prisma.raw(`coalesce(sum(d.orders), 0)::int AS orders`),
    money("d.spot_trade_amt + d.derivative_trade_amt", "volume"),
    money("d.fee", "fee"),
    money("d.net_fee", "netFee"),
    money("d.settlement_fee", "settlementFee"),
    money("d.broker_rebate", "brokerRebate"),
    money("d.sub_broker_rebate", "subBrokerRebate"),
    money("d.user_rebate", "userRebate"),
    Prisma.raw(`coalesce(sum(d.broker_rebate) FILTER (WHERE d.affiliated), 0)::text AS "affiliatedBrokerRebate"`),
    Prisma.raw(`coalesce(sum(d.orders) FILTER (WHERE d.affiliated), 0)::int AS "affiliatedOrders"`),
  ],
  ", ",
);

function dailyWhere(ctx: TenantContext, r: { from: string; to: string; customerId?: string }): Prisma.Sql {
  const parts = [Prisma.sql`d.brand_id = ${ctx.tenantId}::uuid`, Prisma.sql`d.day BETWEEN ${r.from}::date AND ${r.to}::date`];
  if (r.customerId) parts.push(Prisma.sql`d.customer_id = ${r.customerId}::uuid`);
  return Prisma.join(parts, " AND ");
}

/** Totals of the range and one point per day that had rebated orders (the brand's, or one customer's). */
export async function fdRebateReport(ctx: TenantContext, r: In<typeof ZFdReportInput>): Promise<{ totals: FdTotals; days: FdDay[] }> {
  const where = dailyWhere(ctx, r);
  const [totals, days] = await Promise.all([
    ctx.db.$queryRaw<FdTotals[]>`SELECT ${SUMS} FROM fd_rebate_daily d WHERE ${where}`,
    ctx.db.$queryRaw<FdDay[]>`SELECT to_char(d.day, 'YYYY-MM-DD') AS day, ${SUMS} FROM fd_rebate_daily d WHERE ${where} GROUP BY d.day ORDER BY d.day`,
  ]);
  return { totals: totals[0], days };
}

const GROUPS: Record<In<typeof ZFdBreakdownInput>["by"], { key: Prisma.Sql; label: Prisma.Sql; uid: Prisma.Sql; join: Prisma.Sql }> = {
  customer: { key: Prisma.sql`c.id::text`, label: Prisma.sql`c.name`, uid: Prisma.sql`c.uid::text`, join: Prisma.sql`LEFT JOIN customer c ON c.id = d.customer_id` },
  instrument: { key: Prisma.sql`d.inst_id`, label: Prisma.sql`d.inst_id`, uid: Prisma.sql`NULL::text`, join: Prisma.empty },
  family: { key: Prisma.sql`d.inst_family`, label: Prisma.sql`d.inst_family`, uid: Prisma.sql`NULL::text`, join: Prisma.empty },
  affiliated: {
    key: Prisma.sql`CASE WHEN d.affiliated THEN 'yes' ELSE 'no' END`,
    label: Prisma.sql`CASE WHEN d.affiliated THEN 'yes' ELSE 'no' END`,
    uid: Prisma.sql`NULL::text`,
    join: Prisma.empty,
  },
};

/** The largest contributors to the broker's rebate in the range, by one dimension. */
export async function fdRebateBreakdown(ctx: TenantContext, r: In<typeof ZFdBreakdownInput>): Promise<FdBreakdownRow[]> {
  const g = GROUPS[r.by];
  return ctx.db.$queryRaw<FdBreakdownRow[]>`
    SELECT ${g.key} AS key, ${g.label} AS label, ${g.uid} AS uid,
           coalesce(sum(d.orders), 0)::int AS orders, coalesce(sum(d.spot_trade_amt + d.derivative_trade_amt), 0)::text AS volume,
           coalesce(sum(d.fee), 0)::text AS fee, coalesce(sum(d.broker_rebate), 0)::text AS "brokerRebate",
           coalesce(sum(d.sub_broker_rebate), 0)::text AS "subBrokerRebate", coalesce(sum(d.user_rebate), 0)::text AS "userRebate"
    FROM fd_rebate_daily d ${g.join}
    WHERE ${dailyWhere(ctx, r)}
    GROUP BY 1, 2, 3
    ORDER BY sum(d.broker_rebate) DESC NULLS LAST, 1
    LIMIT ${r.limit}`;
}

export interface FdRebateRow {
  ordId: string;
  day: string;
  level: string;
  instId: string;
  instFamily: string;
  spotTradeAmt: string;
  derivativeTradeAmt: string;
  fee: string;
  netFee: string;
  settlementFee: string;
  brokerRebate: string;
  subBrokerRebate: string;
  userRebate: string;
  affiliated: boolean;
  lastFillAt: Date;
  customerId: string | null;
  customerName: string | null;
  customerUid: string | null;
}

/** Beyond this many matching rows the total reads "10,000+". */
export const FD_ROW_TOTAL_CAP = 10_000;

/** The rows a drill-down or its CSV export selects: the brand's, in the range, narrowed by its filters. */
export function fdRowWhere(ctx: TenantContext, q: In<typeof ZFdRebateListInput>): Prisma.Sql {
  const parts = [Prisma.sql`r.brand_id = ${ctx.tenantId}::uuid`, Prisma.sql`r.day BETWEEN ${q.from}::date AND ${q.to}::date`];
  if (q.customerId === UNLINKED_CUSTOMER) parts.push(Prisma.sql`r.customer_id IS NULL`);
  else if (q.customerId) parts.push(Prisma.sql`r.customer_id = ${q.customerId}::uuid`);
  if (q.instId) parts.push(Prisma.sql`r.inst_id = ${q.instId}`);
  if (q.instFamily) parts.push(Prisma.sql`r.inst_family = ${q.instFamily}`);
  if (q.affiliated) parts.push(Prisma.sql`r.affiliated = ${q.affiliated === "yes"}`);
  if (q.ordId) parts.push(Prisma.sql`r.ord_id = ${q.ordId}`);
  return Prisma.join(parts, " AND ");
}

/** A row as the drill-down and the export read it (FROM FD_ROW_FROM). */
export const FD_ROW_COLUMNS = Prisma.sql`
  r.ord_id AS "ordId", to_char(r.day, 'YYYY-MM-DD') AS day, r.level, r.inst_id AS "instId", r.inst_family AS "instFamily",
  r.spot_trade_amt::text AS "spotTradeAmt", r.derivative_trade_amt::text AS "derivativeTradeAmt", r.fee::text AS fee,
  r.net_fee::text AS "netFee", r.settlement_fee::text AS "settlementFee", r.broker_rebate::text AS "brokerRebate",
  r.sub_broker_rebate::text AS "subBrokerRebate", r.user_rebate::text AS "userRebate", r.affiliated, r.last_fill_at AS "lastFillAt",
  c.id AS "customerId", c.name AS "customerName", c.uid::text AS "customerUid"`;

export const FD_ROW_FROM = Prisma.sql`fd_rebate r LEFT JOIN customer c ON c.id = r.customer_id`;

/** The rows behind a report, newest first (the drill-down). */
export async function listFdRebates(ctx: TenantContext, q: In<typeof ZFdRebateListInput>): Promise<Page<FdRebateRow> & { totalIsExact: boolean }> {
  const where = fdRowWhere(ctx, q);
  const dir = Prisma.raw(q.dir === "asc" ? "ASC" : "DESC");
  const [rows, counted] = await Promise.all([
    ctx.db.$queryRaw<FdRebateRow[]>`
      SELECT ${FD_ROW_COLUMNS}
      FROM ${FD_ROW_FROM}
      WHERE ${where}
      ORDER BY r.last_fill_at ${dir}, r.ord_id ${dir}
      OFFSET ${(q.page - 1) * q.pageSize} LIMIT ${q.pageSize}`,
    ctx.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM fd_rebate r WHERE ${where} LIMIT ${FD_ROW_TOTAL_CAP + 1}) x`,
  ]);
  const n = counted[0]?.n ?? 0;
  return { rows, total: Math.min(n, FD_ROW_TOTAL_CAP), totalIsExact: n <= FD_ROW_TOTAL_CAP, page: q.page, pageSize: q.pageSize };
}
