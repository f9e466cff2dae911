/** Withdrawals on the dashboards: how many are on their way out, and which failed this week. */
import "server-only";
import { Prisma } from "../db/client";
import { capped, cappedCountSql, DAY_MS, isoDay, tileQuery } from "../dashboard/sql";
import type { DashboardTile, TileFigure } from "../dashboard/types";

const FAILED_DAYS = 7;

export const withdrawalTiles: DashboardTile[] = [
  {
    id: "withdrawals.inProgress",
    roles: ["operations", "admin"],
    permission: "withdrawal.read",
    title: "dashboard.tiles.withdrawalsInProgress.title",
    href: "/withdrawals?state=queued,sending,sent",
    async load(ctx): Promise<TileFigure> {
      const [row] = await tileQuery<{ n: number }>(
        ctx,
        Prisma.sql`SELECT ${cappedCountSql(Prisma.sql`FROM withdrawal WHERE brand_id = ${ctx.tenantId}::uuid AND state IN ('queued', 'sending', 'sent')`)} AS n`,
      );
      return { ...capped(row?.n ?? 0), detail: { key: "dashboard.tiles.withdrawalsInProgress.detail" } };
    },
  },
  {
    id: "withdrawals.failed",
    roles: ["operations", "admin"],
    permission: "withdrawal.read",
    title: "dashboard.tiles.withdrawalsFailed.title",
    href: "/withdrawals?state=failed",
    async load(ctx): Promise<TileFigure> {
      // From the start of the UTC day six days ago, as the list's "created from" date filter reads it.
      const from = new Date(Date.now() - (FAILED_DAYS - 1) * DAY_MS);
      const day = isoDay(from);
      const [row] = await tileQuery<{ n: number }>(
        ctx,
        Prisma.sql`SELECT ${cappedCountSql(Prisma.sql`FROM withdrawal WHERE brand_id = ${ctx.tenantId}::uuid AND state = 'failed' AND created_at >= ${`${day}T00:00:00Z`}::timestamptz`)} AS n`,
      );
      const n = row?.n ?? 0;
      return {
        ...capped(n),
        detail: { key: "dashboard.tiles.withdrawalsFailed.detail", params: { days: FAILED_DAYS } },
        tone: n > 0 ? "danger" : "default",
        href: `/withdrawals?state=failed&createdFrom=${day}`,
      };
    },
  },
];
