/** Risk on the dashboards: the brand's open (not yet acknowledged) risk events, one tile per severity. */
import "server-only";
import type { RiskSeverity } from "@/lib/risk/schemas";
import { Prisma } from "../db/client";
import { capped, cappedCountSql, tileQuery } from "../dashboard/sql";
import type { DashboardTile, TileFigure, TileTone } from "../dashboard/types";

const TILES = [
  { severity: "high", id: "risk.openHigh", title: "dashboard.tiles.riskOpenHigh", tone: "danger" },
  { severity: "medium", id: "risk.openMedium", title: "dashboard.tiles.riskOpenMedium", tone: "warning" },
  { severity: "low", id: "risk.openLow", title: "dashboard.tiles.riskOpenLow", tone: "default" },
] as const satisfies readonly { severity: RiskSeverity; id: string; title: string; tone: TileTone }[];

export const riskTiles: DashboardTile[] = TILES.map(({ severity, id, title, tone }) => ({
  id,
  roles: ["operations", "compliance", "admin"],
  permission: "risk.read",
  title: `${title}.title`,
  href: `/risk/events?status=open&severity=${severity}`,
  async load(ctx): Promise<TileFigure> {
    // Index risk_event (brand_id, status, created_at); open events are few, the severity is filtered on them.
    const [row] = await tileQuery<{ n: number }>(
      ctx,
      Prisma.sql`SELECT ${cappedCountSql(Prisma.sql`FROM risk_event WHERE brand_id = ${ctx.tenantId}::uuid AND status = 'open' AND severity = ${severity}::"RiskSeverity"`)} AS n`,
    );
    const n = row?.n ?? 0;
    return { ...capped(n), detail: { key: `${title}.detail` }, tone: n > 0 ? tone : "default" };
  },
}));
