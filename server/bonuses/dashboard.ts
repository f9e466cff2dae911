/** The marketing desk's dashboard: live campaigns and their budgets, grants waiting, credit about to expire. */
import "server-only";
import { Prisma } from "../db/client";
import { capped, cappedCountSql, dayRange, DAY_MS, tileQuery, toDailyPoints } from "../dashboard/sql";
import type { DashboardChart, DashboardTile, TileFigure } from "../dashboard/types";

const EXPIRING_DAYS = 7;

export const bonusTiles: DashboardTile[] = [
  {
    id: "bonuses.activeCampaigns",
    roles: ["marketing", "admin"],
    permission: "bonus.read",
    title: "dashboard.tiles.activeCampaigns.title",
    href: "/bonuses?status=active",
    async load(ctx): Promise<TileFigure> {
      // Campaigns are few per brand; (brand, status, created_at) finds the active ones.
      const rows = await tileQuery<{ name: string; used: number; n: number }>(ctx, Prisma.sql`
        SELECT name, CASE WHEN budget > 0 THEN round(granted / budget * 100)::int ELSE 0 END AS used, count(*) OVER ()::int AS n
        FROM bonus_campaign WHERE brand_id = ${ctx.tenantId}::uuid AND status = 'active'
        ORDER BY granted / NULLIF(budget, 0) DESC NULLS LAST, name LIMIT 1`);
      const top = rows[0];
      if (!top) return { value: 0, detail: { key: "dashboard.tiles.activeCampaigns.none" } };
      return {
        ...capped(top.n),
        detail: { key: "dashboard.tiles.activeCampaigns.detail", params: { name: top.name, percent: top.used } },
        tone: top.used >= 90 ? "warning" : "default",
      };
    },
  },
  {
    id: "bonuses.pendingGrants",
    roles: ["marketing"],
    permission: "bonus.read",
    title: "dashboard.tiles.pendingGrants.title",
    href: "/approvals?kind=bonus.grant",
    async load(ctx): Promise<TileFigure> {
      const [row] = await tileQuery<{ grants: number; batches: number }>(ctx, Prisma.sql`
        SELECT ${cappedCountSql(Prisma.sql`FROM bonus_grant WHERE brand_id = ${ctx.tenantId}::uuid AND status = 'pending_approval' AND batch_id IS NULL`)} AS grants,
               ${cappedCountSql(Prisma.sql`FROM bonus_grant_batch WHERE brand_id = ${ctx.tenantId}::uuid AND status = 'pending_approval'`)} AS batches`);
      const grants = row?.grants ?? 0;
      const batches = row?.batches ?? 0;
      return {
        ...capped(grants),
        detail: { key: "dashboard.tiles.pendingGrants.detail", params: { batches } },
        tone: grants + batches > 0 ? "warning" : "default",
      };
    },
  },
  {
    id: "bonuses.expiringCredit",
    roles: ["marketing"],
    permission: "bonus.read",
    title: "dashboard.tiles.expiringCredit.title",
    // Applied grants are the ones holding credit; the list has no expiry filter yet.
    href: "/bonuses/grants?status=applied",
    async load(ctx): Promise<TileFigure> {
      const now = new Date();
      // (brand, status, expires_at): only the week's applied grants are read.
      const rows = await tileQuery<{ currency: string; remaining: string; n: number }>(ctx, Prisma.sql`
        SELECT currency, sum(remaining)::text AS remaining, count(*)::int AS n
        FROM bonus_grant
        WHERE brand_id = ${ctx.tenantId}::uuid AND status = 'applied' AND remaining > 0
          AND expires_at > ${now}::timestamptz AND expires_at <= ${new Date(now.getTime() + EXPIRING_DAYS * DAY_MS)}::timestamptz
        GROUP BY currency ORDER BY sum(remaining) DESC`);
      const top = rows[0];
      if (!top) return { value: 0, detail: { key: "dashboard.tiles.expiringCredit.none", params: { days: EXPIRING_DAYS } } };
      const grants = rows.reduce((sum, r) => sum + r.n, 0);
      return {
        value: top.remaining,
        format: "money",
        unit: top.currency,
        detail: {
          key: rows.length > 1 ? "dashboard.tiles.expiringCredit.detailMore" : "dashboard.tiles.expiringCredit.detail",
          params: { grants, days: EXPIRING_DAYS, currencies: rows.length - 1 },
        },
        tone: "warning",
      };
    },
  },
];

const BONUS_SERIES = { bonus_grant: "granted", bonus_release: "released", bonus_expire: "expired" } as const;

export const bonusCharts: DashboardChart[] = [
  {
    id: "bonuses.creditPerDay",
    roles: ["marketing", "admin"],
    permission: "bonus.read",
    title: "dashboard.charts.bonusCredit.title",
    description: "dashboard.charts.bonusCredit.description",
    kind: "bar",
    series: [
      { key: "granted", label: "dashboard.charts.bonusCredit.granted", color: "var(--chart-1)" },
      { key: "released", label: "dashboard.charts.bonusCredit.released", color: "var(--chart-2)" },
      { key: "expired", label: "dashboard.charts.bonusCredit.expired", color: "var(--chart-4)" },
    ],
    href: "/bonuses",
    async load(ctx, days) {
      const range = dayRange(new Date(), days);
      const from = new Date(Date.parse(range[0]));
      // A journal's positive lines sum to its amount. Amounts of different currencies do not add up, so
      // the chart shows the currency with the most credit granted in the period.
      const rows = await tileQuery<{ day: string; kind: keyof typeof BONUS_SERIES; currency: string; value: string }>(ctx, Prisma.sql`
        SELECT to_char(j.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, j.kind, a.currency, sum(l.amount)::text AS value
        FROM ledger_journal j
        JOIN ledger_line l ON l.journal_id = j.id AND l.amount > 0
        JOIN ledger_account a ON a.id = l.ledger_account_id AND NOT a.demo
        WHERE j.brand_id = ${ctx.tenantId}::uuid AND j.created_at >= ${from}::timestamptz
          AND j.kind IN ('bonus_grant', 'bonus_release', 'bonus_expire')
        GROUP BY 1, 2, 3`);
      const totals = new Map<string, number>();
      for (const r of rows) if (r.kind === "bonus_grant") totals.set(r.currency, (totals.get(r.currency) ?? 0) + Number(r.value));
      const currency = [...totals.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? rows[0]?.currency;
      const mine = rows.filter((r) => r.currency === currency).map((r) => ({ day: r.day, key: BONUS_SERIES[r.kind], value: r.value }));
      return { points: toDailyPoints(range, Object.values(BONUS_SERIES), mine), unit: currency };
    },
  },
];
