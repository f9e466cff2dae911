/**
 * Loading a dashboard: the caller's tiles and charts, each on its own. A tile that fails or is slow is
 * reported as failed and the others still show; nothing here writes.
 */
import "server-only";
import { can, type Role } from "@/lib/auth/permissions";
import type { TenantContext } from "@/server/actor";
import { chartsFor, tilesFor } from "./registry";
import type { ChartData, DashboardChart, DashboardTile, TileFigure } from "./types";

/** A tile slower than this shows its error state rather than holding the page. */
export const TILE_TIMEOUT_MS = 5_000;
export const CHART_DAYS = 30;

export type Loaded<T> = { ok: true; data: T } | { ok: false };

async function settle<T>(id: string, work: () => Promise<T>): Promise<Loaded<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`dashboard ${id} took longer than ${TILE_TIMEOUT_MS} ms`)), TILE_TIMEOUT_MS);
  });
  try {
    return { ok: true, data: await Promise.race([work(), timeout]) };
  } catch (error) {
    console.error(`[dashboard] ${id} failed`, error);
    return { ok: false };
  } finally {
    clearTimeout(timer);
  }
}

/** The dashboard a staff member sees: their role's board, filtered by their permissions. */
export const visibleTiles = (ctx: TenantContext) => tilesFor(ctx.actor.role, permissionsOfRole(ctx.actor.role));
export const visibleCharts = (ctx: TenantContext) => chartsFor(ctx.actor.role, permissionsOfRole(ctx.actor.role));

const permissionsOfRole = (role: Role) => ({ includes: (p: Parameters<typeof can>[1]) => can(role, p) });

/** One tile's figure; the permission is checked again here, not only when the page picks the tiles. */
export function loadTile(ctx: TenantContext, tile: DashboardTile): Promise<Loaded<TileFigure>> {
  if (!can(ctx.actor.role, tile.permission)) return Promise.resolve({ ok: false });
  return settle(tile.id, () => tile.load(ctx));
}

export function loadChart(ctx: TenantContext, chart: DashboardChart, days = CHART_DAYS): Promise<Loaded<ChartData>> {
  if (!can(ctx.actor.role, chart.permission)) return Promise.resolve({ ok: false });
  return settle(chart.id, () => chart.load(ctx, days));
}

/** Every tile of the caller's dashboard, in parallel (what the page does, and what the benchmark times). */
export async function loadDashboard(ctx: TenantContext) {
  const tiles = visibleTiles(ctx);
  const charts = visibleCharts(ctx);
  const [tileResults, chartResults] = await Promise.all([
    Promise.all(tiles.map((tile) => loadTile(ctx, tile))),
    Promise.all(charts.map((chart) => loadChart(ctx, chart))),
  ]);
  return {
    tiles: tiles.map((tile, i) => ({ id: tile.id, result: tileResults[i] })),
    charts: charts.map((chart, i) => ({ id: chart.id, result: chartResults[i] })),
  };
}
