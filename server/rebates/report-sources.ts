/**
 * Where each DMA report reads from, so that a year stays a few thousand rows whatever the number of fills:
 *  - dma_trade_daily: per day, instrument and side — totals, the day series, instrument/family/side splits;
 *  - dma_sub_daily: per day and sub-account (maker and taker side by side) — one customer's report;
 *  - dma_sub_monthly: the same per calendar month — a range's sub-account sums are its whole months from here
 *    and its ragged ends (the days before the first whole month and after the last) from dma_sub_daily.
 * Customers are found through the sub-accounts as they are linked now.
 */
import "server-only";
import type { TenantContext } from "../actor";
import { Prisma } from "../db/client";
import { splitByMonths, type DayRange } from "@/lib/rebates/day-windows";
import { UNLINKED_CUSTOMER } from "@/lib/rebates/schemas";

/** The brand's sub-accounts linked to this customer now, or (`none`) the condition that a sub-account is linked to none. */
export function subAcctFilter(ctx: TenantContext, column: Prisma.Sql, customerId: string | undefined): Prisma.Sql {
  if (!customerId) return Prisma.sql`TRUE`;
  const linked = Prisma.sql`SELECT s.sub_acct FROM subaccount s WHERE s.brand_id = ${ctx.tenantId}::uuid AND s.customer_id`;
  if (customerId === UNLINKED_CUSTOMER) return Prisma.sql`${column} NOT IN (${linked} IS NOT NULL)`;
  return Prisma.sql`${column} IN (${linked} = ${customerId}::uuid)`;
}

/**
 * The range's sums per sub-account row (sub_acct, maker_/taker_ trades, amount, fee), several rows per
 * sub-account: whole months from the monthly sums, the rest from the daily ones. For FROM (…) AS x.
 */
export function subSums(ctx: TenantContext, r: DayRange & { customerId?: string }): Prisma.Sql {
  const { months, days } = splitByMonths(r);
  const cols = Prisma.sql`sub_acct, maker_trades, taker_trades, maker_amount, taker_amount, maker_fee, taker_fee`;
  const parts: Prisma.Sql[] = [];
  if (months) {
    parts.push(Prisma.sql`SELECT ${cols} FROM dma_sub_monthly m WHERE m.brand_id = ${ctx.tenantId}::uuid
      AND m.month BETWEEN ${months.from}::date AND ${months.to}::date AND ${subAcctFilter(ctx, Prisma.sql`m.sub_acct`, r.customerId)}`);
  }
  for (const d of days) {
    parts.push(Prisma.sql`SELECT ${cols} FROM dma_sub_daily d WHERE d.brand_id = ${ctx.tenantId}::uuid
      AND d.day BETWEEN ${d.from}::date AND ${d.to}::date AND ${subAcctFilter(ctx, Prisma.sql`d.sub_acct`, r.customerId)}`);
  }
  return Prisma.join(parts, " UNION ALL ");
}

/** Totals over rows of the sub-account sums (alias s). */
export const SUB_SUMS = Prisma.sql`
  coalesce(sum(s.maker_trades + s.taker_trades), 0)::int AS trades,
  coalesce(sum(s.maker_amount + s.taker_amount), 0)::text AS volume,
  coalesce(-sum(s.maker_fee + s.taker_fee), 0)::text AS "feesPaid",
  coalesce(-sum(s.maker_fee), 0)::text AS "makerFeesPaid",
  coalesce(-sum(s.taker_fee), 0)::text AS "takerFeesPaid"`;

/** Totals over rows of the per-instrument daily sums (alias d). */
export const INST_SUMS = Prisma.sql`
  coalesce(sum(d.trades), 0)::int AS trades,
  coalesce(sum(d.amount), 0)::text AS volume,
  coalesce(-sum(d.fee), 0)::text AS "feesPaid",
  coalesce(-sum(d.fee) FILTER (WHERE d.exec_type = 'M'), 0)::text AS "makerFeesPaid",
  coalesce(-sum(d.fee) FILTER (WHERE d.exec_type = 'T'), 0)::text AS "takerFeesPaid"`;

