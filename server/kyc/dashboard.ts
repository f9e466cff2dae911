/** The compliance desk's dashboard: the review queue, its oldest item, SLA breaches, the caller's claims. */
import "server-only";
import { Prisma } from "../db/client";
import { capped, cappedCountSql, dayRange, DAY_MS, TILE_CAP, tileQuery, toDailyPoints } from "../dashboard/sql";
import type { DashboardChart, DashboardTile, TileFigure } from "../dashboard/types";

/** Waiting for a reviewer (more information is the customer's turn, so it is not counted). */
const WAITING = Prisma.sql`('submitted', 'in_review', 'pending_second_approval')`;
const WAITING_STATUSES = "submitted,in_review,pending_second_approval";

export const kycTiles: DashboardTile[] = [
  {
    id: "kyc.queue",
    roles: ["compliance", "admin"],
    permission: "kyc.read",
    title: "dashboard.tiles.kycQueue.title",
    href: `/kyc?status=${WAITING_STATUSES}`,
    async load(ctx): Promise<TileFigure> {
      // One capped scan of the open part of (brand, status, submitted_at), grouped by level.
      const rows = await tileQuery<{ level: number; n: number }>(ctx, Prisma.sql`
        SELECT level::int AS level, count(*)::int AS n FROM (
          SELECT level FROM kyc_application
          WHERE brand_id = ${ctx.tenantId}::uuid AND status IN ${WAITING} LIMIT ${TILE_CAP + 1}
        ) q GROUP BY level`);
      const n = (level: number) => rows.find((r) => r.level === level)?.n ?? 0;
      const total = rows.reduce((sum, r) => sum + r.n, 0);
      return {
        ...capped(total),
        detail: { key: "dashboard.tiles.kycQueue.detail", params: { l1: n(1), l2: n(2), l3: n(3) } },
        tone: total > 0 ? "warning" : "default",
      };
    },
  },
  {
    id: "kyc.oldest",
    roles: ["compliance"],
    permission: "kyc.read",
    title: "dashboard.tiles.kycOldest.title",
    href: `/kyc?status=${WAITING_STATUSES}&sort=submittedAt&dir=asc`,
    async load(ctx): Promise<TileFigure> {
      const now = new Date();
      // least() of one index probe per status: min() over an IN list would read every open row.
      const probe = (status: string) =>
        Prisma.sql`(SELECT min(submitted_at) FROM kyc_application WHERE brand_id = ${ctx.tenantId}::uuid AND status = ${status}::"KycStatus")`;
      const [row] = await tileQuery<{ oldest: Date | null; sla: number }>(ctx, Prisma.sql`
        SELECT least(${probe("submitted")}, ${probe("in_review")}, ${probe("pending_second_approval")}) AS oldest,
               (SELECT kyc_sla_hours FROM brand WHERE id = ${ctx.tenantId}::uuid) AS sla`);
      if (!row?.oldest) return { value: null, format: "age", detail: { key: "dashboard.tiles.kycOldest.none" } };
      const seconds = Math.max(0, Math.floor((now.getTime() - row.oldest.getTime()) / 1000));
      const over = seconds >= row.sla * 3600;
      return {
        value: seconds,
        format: "age",
        detail: { key: over ? "dashboard.tiles.kycOldest.overSla" : "dashboard.tiles.kycOldest.withinSla", params: { hours: row.sla } },
        tone: over ? "danger" : "default",
      };
    },
  },
  {
    id: "kyc.sla",
    roles: ["compliance", "admin"],
    permission: "kyc.read",
    title: "dashboard.tiles.kycSla.title",
    href: `/kyc?status=${WAITING_STATUSES}`,
    async load(ctx): Promise<TileFigure> {
      const now = new Date();
      const [row] = await tileQuery<{ sla: number; n: number }>(ctx, Prisma.sql`
        WITH b AS (SELECT kyc_sla_hours AS sla FROM brand WHERE id = ${ctx.tenantId}::uuid)
        SELECT b.sla, ${cappedCountSql(Prisma.sql`
          FROM kyc_application WHERE brand_id = ${ctx.tenantId}::uuid AND status IN ${WAITING}
            AND submitted_at <= ${now}::timestamptz - make_interval(hours => b.sla)`)} AS n
        FROM b`);
      const sla = row?.sla ?? 24;
      const count = row?.n ?? 0;
      return {
        ...capped(count),
        detail: { key: "dashboard.tiles.kycSla.detail", params: { hours: sla } },
        tone: count > 0 ? "danger" : "default",
        href: `/kyc?status=${WAITING_STATUSES}&minAgeHours=${sla}`,
      };
    },
  },
  {
    id: "kyc.mine",
    roles: ["compliance"],
    permission: "kyc.review",
    title: "dashboard.tiles.kycMine.title",
    href: "/kyc?assignee=me&status=in_review,pending_second_approval",
    async load(ctx): Promise<TileFigure> {
      const [row] = await tileQuery<{ n: number }>(ctx, Prisma.sql`
        SELECT ${cappedCountSql(Prisma.sql`
          FROM kyc_application WHERE brand_id = ${ctx.tenantId}::uuid AND assignee_id = ${ctx.actor.id}::uuid
            AND status IN ('in_review', 'pending_second_approval')`)} AS n`);
      return { ...capped(row?.n ?? 0), detail: { key: "dashboard.tiles.kycMine.detail" } };
    },
  },
];

export const kycCharts: DashboardChart[] = [
  {
    id: "kyc.decisions",
    roles: ["compliance", "admin"],
    permission: "kyc.read",
    title: "dashboard.charts.kycDecisions.title",
    description: "dashboard.charts.kycDecisions.description",
    kind: "bar",
    series: [
      { key: "approved", label: "dashboard.charts.kycDecisions.approved", color: "var(--chart-2)" },
      { key: "rejected", label: "dashboard.charts.kycDecisions.rejected", color: "var(--chart-5)" },
    ],
    href: "/kyc?status=approved,rejected",
    async load(ctx, days) {
      const now = new Date();
      const range = dayRange(now, days);
      const from = new Date(Date.parse(range[0]));
      const rows = await tileQuery<{ day: string; key: string; value: number }>(ctx, Prisma.sql`
        SELECT to_char(decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, status::text AS key, count(*)::int AS value
        FROM kyc_application
        WHERE brand_id = ${ctx.tenantId}::uuid AND decided_at >= ${from}::timestamptz AND decided_at < ${new Date(from.getTime() + days * DAY_MS)}::timestamptz
          AND status IN ('approved', 'rejected')
        GROUP BY 1, 2`);
      return { points: toDailyPoints(range, ["approved", "rejected"], rows) };
    },
  },
];
