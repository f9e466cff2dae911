/** Fund locks on the dashboards: how many block transfers now, and which of them end within a week. */
import "server-only";
import { Prisma } from "../db/client";
import { capped, cappedCountSql, DAY_MS, isoDay, startOfUtcDay, tileQuery } from "../dashboard/sql";
import type { DashboardTile, TileFigure } from "../dashboard/types";

const EXPIRING_DAYS = 7;

/** Active as guard.ts sees it: not ended, and no expiry or one still ahead. Reads (brand, ended_at, expires_at). */
const activeFrom = (tenantId: string, now: Date) =>
  Prisma.sql`FROM fund_lock WHERE brand_id = ${tenantId}::uuid AND ended_at IS NULL AND (expires_at IS NULL OR expires_at > ${now}::timestamptz)`;

export const fundLockTiles: DashboardTile[] = [
  {
    id: "fundLocks.active",
    roles: ["operations", "admin"],
    permission: "fundlock.read",
    title: "dashboard.tiles.fundLocksActive.title",
    href: "/fund-locks?status=active",
    async load(ctx): Promise<TileFigure> {
      const now = new Date();
      const [row] = await tileQuery<{ n: number }>(ctx, Prisma.sql`SELECT ${cappedCountSql(activeFrom(ctx.tenantId, now))} AS n`);
      return { ...capped(row?.n ?? 0), detail: { key: "dashboard.tiles.fundLocksActive.detail" } };
    },
  },
  {
    id: "fundLocks.expiring",
    roles: ["operations"],
    permission: "fundlock.read",
    title: "dashboard.tiles.fundLocksExpiring.title",
    href: "/fund-locks?status=active",
    async load(ctx): Promise<TileFigure> {
      const now = new Date();
      // Through the end of the seventh UTC day, as the list's "expires by" date filter reads it.
      const lastDay = new Date(now.getTime() + EXPIRING_DAYS * DAY_MS);
      const until = new Date(startOfUtcDay(lastDay).getTime() + DAY_MS);
      const [row] = await tileQuery<{ n: number }>(ctx, Prisma.sql`
        SELECT ${cappedCountSql(Prisma.sql`FROM fund_lock WHERE brand_id = ${ctx.tenantId}::uuid AND ended_at IS NULL
          AND expires_at > ${now}::timestamptz AND expires_at < ${until}::timestamptz`)} AS n`);
      const n = row?.n ?? 0;
      return {
        ...capped(n),
        detail: { key: "dashboard.tiles.fundLocksExpiring.detail", params: { days: EXPIRING_DAYS } },
        tone: n > 0 ? "warning" : "default",
        href: `/fund-locks?status=active&expiresTo=${isoDay(lastDay)}`,
      };
    },
  },
];
