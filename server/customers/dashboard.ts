/** Customers on the dashboards: who was frozen today, and sign-ups per day. */
import "server-only";
import { Prisma } from "../db/client";
import { capped, cappedCountSql, dayRange, DAY_MS, isoDay, startOfUtcDay, TILE_CAP, tileQuery, toDailyPoints } from "../dashboard/sql";
import type { DashboardChart, DashboardTile, TileFigure } from "../dashboard/types";

export const customerTiles: DashboardTile[] = [
  {
    id: "customers.frozenToday",
    roles: ["operations", "admin"],
    permission: "customer.read",
    title: "dashboard.tiles.frozenToday.title",
    href: "/customers?status=frozen",
    async load(ctx): Promise<TileFigure> {
      const today = startOfUtcDay(new Date());
      const frozen = Prisma.sql`FROM customer WHERE brand_id = ${ctx.tenantId}::uuid AND status = 'frozen'`;
      // (brand, status, status_changed_at) serves both counts.
      const yesterday = new Date(today.getTime() - DAY_MS);
      const [row] = await tileQuery<{ today: number; yesterday: number; total: number }>(ctx, Prisma.sql`
        SELECT ${cappedCountSql(Prisma.sql`${frozen} AND status_changed_at >= ${today}::timestamptz`)} AS today,
               ${cappedCountSql(Prisma.sql`${frozen} AND status_changed_at >= ${yesterday}::timestamptz AND status_changed_at < ${today}::timestamptz`)} AS yesterday,
               ${cappedCountSql(frozen)} AS total`);
      const total = capped(row?.total ?? 0);
      return {
        ...capped(row?.today ?? 0),
        detail: { key: total.capped ? "dashboard.tiles.frozenToday.detailCapped" : "dashboard.tiles.frozenToday.detail", params: { total: Number(total.value) } },
        // Yesterday's freezes that still stand: a rise is worth a look.
        trend: { previous: Math.min(row?.yesterday ?? 0, TILE_CAP), label: "dashboard.yesterday" },
        tone: (row?.today ?? 0) > 0 ? "warning" : "default",
        href: `/customers?status=frozen&statusChangedFrom=${isoDay(today)}`,
      };
    },
  },
];

export const customerCharts: DashboardChart[] = [
  {
    id: "customers.newPerDay",
    roles: ["operations", "marketing", "admin"],
    permission: "customer.read",
    title: "dashboard.charts.newCustomers.title",
    description: "dashboard.charts.newCustomers.description",
    kind: "area",
    series: [{ key: "registered", label: "dashboard.charts.newCustomers.registered", color: "var(--chart-1)" }],
    href: "/customers",
    async load(ctx, days) {
      const range = dayRange(new Date(), days);
      const from = new Date(Date.parse(range[0]));
      // An index-only range scan of (brand, registered_at, id): only the chart's days are read.
      const rows = await tileQuery<{ day: string; key: string; value: number }>(ctx, Prisma.sql`
        SELECT to_char(registered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, 'registered' AS key, count(*)::int AS value
        FROM customer
        WHERE brand_id = ${ctx.tenantId}::uuid AND registered_at >= ${from}::timestamptz
          AND registered_at < ${new Date(from.getTime() + days * DAY_MS)}::timestamptz
        GROUP BY 1`);
      return { points: toDailyPoints(range, ["registered"], rows) };
    },
  },
];
