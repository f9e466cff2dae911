/**
 * The building blocks of tile queries. A count is taken over a LIMITed subquery, so it stops at the cap
 * however big the table is; the page shows a capped count as "1,000+".
 */
import "server-only";
import { Prisma } from "@/server/db/client";
import type { BrandContext } from "@/server/actor";
import type { ChartPoint, TileFigure } from "./types";

export const TILE_CAP = 1000;
export const DAY_MS = 86_400_000;

/** `(SELECT count(*) FROM (SELECT 1 FROM … LIMIT cap+1))`: a scalar subquery for one statement's select list. */
export const cappedCountSql = (fromWhere: Prisma.Sql, cap = TILE_CAP) =>
  Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 ${fromWhere} LIMIT ${cap + 1}) capped)`;

/** A count read back from cappedCountSql as the tile's figure. */
export const capped = (count: number, cap = TILE_CAP): Pick<TileFigure, "value" | "capped"> =>
  count > cap ? { value: cap, capped: true } : { value: count };

/** Runs one tile statement: every tile goes through here, so the benchmark can replay the same SQL. */
export async function tileQuery<Row>(ctx: BrandContext, sql: Prisma.Sql): Promise<Row[]> {
  return ctx.db.$queryRaw<Row[]>(sql);
}

/** Midnight UTC of the day `now` falls in: "today" on the dashboards is the UTC day. */
export const startOfUtcDay = (now: Date) => new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The last `days` UTC days (today included), oldest first. */
export function dayRange(now: Date, days: number): string[] {
  const today = startOfUtcDay(now).getTime();
  return Array.from({ length: days }, (_, i) => isoDay(new Date(today - (days - 1 - i) * DAY_MS)));
}

/** Rows of (day, series, value) as one point per day, every day present and missing values zero. */
export function toDailyPoints(
  days: string[],
  keys: readonly string[],
  rows: { day: string | Date; key: string; value: number | string }[],
): ChartPoint[] {
  const byDay = new Map(days.map((date) => [date, Object.fromEntries(keys.map((k) => [k, 0])) as Record<string, number>]));
  for (const row of rows) {
    const date = typeof row.day === "string" ? row.day.slice(0, 10) : isoDay(row.day);
    const point = byDay.get(date);
    if (point && row.key in point) point[row.key] += Number(row.value);
  }
  return days.map((date) => ({ date, ...byDay.get(date)! }));
}
