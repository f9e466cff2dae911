/**
 * The DMA fills behind a report (the drill-down, its CSV export): the brand's, in the range, narrowed by the
 * report's filters, newest first unless asked otherwise. The fills table has one block-range index on time,
 * so what keeps a page cheap is reading few days: when the daily sums can count the matching fills per day
 * (every filter but an instrument together with a customer or sub-account), the page's days are found from
 * those counts and only they are read — and the total is exact. Otherwise the count stops at TRADE_TOTAL_CAP.
 */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import { Prisma } from "../db/client";
import { type Page } from "@/lib/table-state";
import type { ZDmaTradeListInput } from "@/lib/rebates/schemas";
import { INST_FAMILY_SQL } from "./kinds-dma";
import { pageWindow, tsBounds, type DayRange } from "@/lib/rebates/day-windows";
import { subAcctFilter } from "./report-sources";

type TradeQuery = z.infer<typeof ZDmaTradeListInput>;

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

/** Beyond this many matching trades (counted by reading them) the total reads "10,000+". */
export const TRADE_TOTAL_CAP = 10_000;

/** The fill's time as an exact timestamp (ts is milliseconds). */
export const TRADED_AT = Prisma.sql`(timestamptz 'epoch' + t.ts * interval '1 millisecond')`;
const FAMILY = Prisma.raw(INST_FAMILY_SQL("t.inst_id"));

/** The fills a drill-down or its CSV export selects, within `days` (the query's range unless narrowed). */
export function tradeWhere(ctx: TenantContext, q: TradeQuery, days: DayRange = q): Prisma.Sql {
  const [lo, hi] = tsBounds(days);
  const parts = [Prisma.sql`t.brand_id = ${ctx.tenantId}::uuid`, Prisma.sql`t.ts BETWEEN ${lo} AND ${hi}`];
  // The customer through the sub-account as it is linked now, as the reports read it.
  if (q.customerId) parts.push(subAcctFilter(ctx, Prisma.sql`t.sub_acct`, q.customerId));
  if (q.subAcct) parts.push(Prisma.sql`t.sub_acct = ${q.subAcct}`);
  if (q.instId) parts.push(Prisma.sql`t.inst_id = ${q.instId}`);
  if (q.instFamily) parts.push(Prisma.sql`${FAMILY} = ${q.instFamily}`);
  if (q.execType) parts.push(Prisma.sql`t.exec_type = ${q.execType}`);
  return Prisma.join(parts, " AND ");
}

/** A fill as the drill-down and the export read it (FROM TRADE_FROM). */
export const TRADE_COLUMNS = Prisma.sql`
  t.trade_id AS "tradeId", t.ord_id AS "ordId", t.sub_acct AS "subAcct", t.inst_id AS "instId", ${FAMILY} AS "instFamily",
  t.exec_type AS "execType", t.amount::text AS amount, t.fee::text AS fee, ${TRADED_AT} AS "tradedAt",
  c.id AS "customerId", c.name AS "customerName", c.uid::text AS "customerUid"`;

/** Fills with the customer their sub-account is linked to now (a link made after the import counts). */
export const TRADE_FROM = Prisma.sql`dma_trade t
  LEFT JOIN subaccount sa ON sa.brand_id = t.brand_id AND sa.sub_acct = t.sub_acct
  LEFT JOIN customer c ON c.id = sa.customer_id`;

/** Matching fills per day from the daily sums, in the page's order; null when no sums count this filter. */
async function dayCounts(ctx: TenantContext, q: TradeQuery): Promise<{ day: string; n: number }[] | null> {
  const bySub = Boolean(q.customerId || q.subAcct);
  const byInst = Boolean(q.instId || q.instFamily);
  if (bySub && byInst) return null;
  const dir = Prisma.raw(q.dir === "asc" ? "ASC" : "DESC");
  const range = (alias: string) => Prisma.sql`${Prisma.raw(alias)}.brand_id = ${ctx.tenantId}::uuid AND ${Prisma.raw(alias)}.day BETWEEN ${q.from}::date AND ${q.to}::date`;
  if (bySub) {
    const n = q.execType === "M" ? Prisma.sql`s.maker_trades` : q.execType === "T" ? Prisma.sql`s.taker_trades` : Prisma.sql`s.maker_trades + s.taker_trades`;
    return ctx.db.$queryRaw`
      SELECT to_char(s.day, 'YYYY-MM-DD') AS day, sum(${n})::int AS n FROM dma_sub_daily s
      WHERE ${range("s")} AND ${subAcctFilter(ctx, Prisma.sql`s.sub_acct`, q.customerId)} ${q.subAcct ? Prisma.sql`AND s.sub_acct = ${q.subAcct}` : Prisma.empty}
      GROUP BY s.day HAVING sum(${n}) > 0 ORDER BY s.day ${dir}`;
  }
  const filters = [
    q.instId ? Prisma.sql`d.inst_id = ${q.instId}` : null,
    q.instFamily ? Prisma.sql`d.inst_family = ${q.instFamily}` : null,
    q.execType ? Prisma.sql`d.exec_type = ${q.execType}` : null,
  ].filter((x): x is Prisma.Sql => x !== null);
  return ctx.db.$queryRaw`
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day, sum(d.trades)::int AS n FROM dma_trade_daily d
    WHERE ${range("d")} ${filters.length ? Prisma.sql`AND ${Prisma.join(filters, " AND ")}` : Prisma.empty}
    GROUP BY d.day ORDER BY d.day ${dir}`;
}

/** The fills behind a report, newest first (the drill-down). */
export async function listDmaTrades(ctx: TenantContext, q: TradeQuery): Promise<Page<DmaTradeRow> & { totalIsExact: boolean }> {
  const dir = Prisma.raw(q.dir === "asc" ? "ASC" : "DESC");
  const offset = (q.page - 1) * q.pageSize;
  const page = (where: Prisma.Sql, skip: number) => ctx.db.$queryRaw<DmaTradeRow[]>`
    SELECT ${TRADE_COLUMNS} FROM ${TRADE_FROM} WHERE ${where}
    ORDER BY t.ts ${dir}, t.trade_id ${dir}, t.ord_id ${dir}
    OFFSET ${skip} LIMIT ${q.pageSize}`;
  const counts = await dayCounts(ctx, q);
  if (counts) {
    const total = counts.reduce((n, d) => n + d.n, 0);
    const window = pageWindow(counts, offset, q.pageSize, q.dir === "asc");
    const rows = window ? await page(tradeWhere(ctx, q, window.days), window.skip) : [];
    return { rows, total, totalIsExact: true, page: q.page, pageSize: q.pageSize };
  }
  const where = tradeWhere(ctx, q);
  const [rows, counted] = await Promise.all([
    page(where, offset),
    ctx.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM dma_trade t WHERE ${where} LIMIT ${TRADE_TOTAL_CAP + 1}) x`,
  ]);
  const n = counted[0]?.n ?? 0;
  return { rows, total: Math.min(n, TRADE_TOTAL_CAP), totalIsExact: n <= TRADE_TOTAL_CAP, page: q.page, pageSize: q.pageSize };
}
