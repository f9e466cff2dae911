/** Rebates on the dashboards: yesterday's fees from the trading details, and how the last file fared. */
import "server-only";
import { Prisma } from "../db/client";
import { tileQuery } from "../dashboard/sql";
import type { DashboardTile, TileFigure } from "../dashboard/types";

const isoDay = (offsetDays: number) => new Date(Date.now() - offsetDays * 86_400_000).toISOString().slice(0, 10);

export const rebateTiles: DashboardTile[] = [
  {
    id: "rebates.yesterdayFees",
    roles: ["operations", "admin"],
    permission: "rebate.read",
    title: "dashboard.tiles.rebatesYesterdayFees.title",
    href: "/rebates/reports",
    async load(ctx): Promise<TileFigure> {
      // The daily sums (dma_trade_daily), by the primary key's leading columns: two days of one brand.
      const rows = await tileQuery<{ day: string; fees: string }>(
        ctx,
        Prisma.sql`SELECT to_char(day, 'YYYY-MM-DD') AS day, trim_scale(-sum(fee))::text AS fees FROM dma_trade_daily
                   WHERE brand_id = ${ctx.tenantId}::uuid AND day IN (${isoDay(1)}::date, ${isoDay(2)}::date) GROUP BY day`,
      );
      const of = (day: string) => rows.find((r) => r.day === day)?.fees ?? "0";
      return { value: of(isoDay(1)), format: "money", unit: "USDT", detail: { key: "dashboard.tiles.rebatesYesterdayFees.detail", params: { before: of(isoDay(2)) } } };
    },
  },
  {
    id: "rebates.lastFile",
    roles: ["operations", "admin"],
    permission: "rebate.read",
    title: "dashboard.tiles.rebatesLastFile.title",
    href: "/rebates",
    async load(ctx): Promise<TileFigure> {
      const [last] = await tileQuery<{ state: string; rows: number | null; failed: number }>(
        ctx,
        Prisma.sql`SELECT f.state::text AS state, f.rows_added AS rows,
                     (SELECT count(*)::int FROM rebate_file x WHERE x.brand_id = ${ctx.tenantId}::uuid AND x.state = 'failed') AS failed
                   FROM rebate_file f WHERE f.brand_id = ${ctx.tenantId}::uuid ORDER BY f.created_at DESC LIMIT 1`,
      );
      if (!last) return { value: null, detail: { key: "dashboard.tiles.rebatesLastFile.none" } };
      return {
        value: last.failed,
        detail: { key: `dashboard.tiles.rebatesLastFile.states.${last.state as "imported"}`, params: { rows: last.rows ?? 0 } },
        tone: last.failed > 0 ? "danger" : "default",
        href: last.failed > 0 ? "/rebates?state=failed" : "/rebates",
      };
    },
  },
];
