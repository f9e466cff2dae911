/** Staff locked out by failed sign-ins, for the admin dashboard. */
import "server-only";
import { Prisma } from "../db/client";
import { capped, cappedCountSql, tileQuery } from "../dashboard/sql";
import type { DashboardTile, TileFigure } from "../dashboard/types";

export const staffTiles: DashboardTile[] = [
  {
    id: "staff.lockedOut",
    roles: ["admin"],
    permission: "staff.read",
    title: "dashboard.tiles.lockedOut.title",
    href: "/staff?status=locked",
    async load(ctx): Promise<TileFigure> {
      const [row] = await tileQuery<{ n: number }>(ctx, Prisma.sql`
        SELECT ${cappedCountSql(Prisma.sql`FROM staff_user WHERE brand_id = ${ctx.tenantId}::uuid AND locked_until > ${new Date()}::timestamptz`)} AS n`);
      const n = row?.n ?? 0;
      return { ...capped(n), detail: { key: "dashboard.tiles.lockedOut.detail" }, tone: n > 0 ? "warning" : "default" };
    },
  },
];
