/** Trade or withdraw keys bound to no IP address: the exchange deletes them after 14 idle days. */
import "server-only";
import { Prisma } from "../db/client";
import { capped, cappedCountSql, tileQuery } from "../dashboard/sql";
import type { DashboardTile, TileFigure } from "../dashboard/types";

export const apiKeyTiles: DashboardTile[] = [
  {
    id: "apiKeys.unbound",
    roles: ["operations", "admin"],
    permission: "apikey.read",
    title: "dashboard.tiles.unboundKeys.title",
    href: "/api-keys?risky=1",
    async load(ctx): Promise<TileFigure> {
      // The same rule as the list's risky filter (service.ts RISKY_WHERE).
      const [row] = await tileQuery<{ n: number }>(ctx, Prisma.sql`
        SELECT ${cappedCountSql(Prisma.sql`FROM subaccount_api_key WHERE brand_id = ${ctx.tenantId}::uuid
          AND cardinality(ips) = 0 AND perms && ARRAY['trade', 'withdraw']::text[]`)} AS n`);
      const n = row?.n ?? 0;
      return { ...capped(n), detail: { key: "dashboard.tiles.unboundKeys.detail" }, tone: n > 0 ? "warning" : "default" };
    },
  },
];
