/**
 * Every tile and chart on the dashboards. Domains own their definitions (server/<domain>/dashboard.ts);
 * this file only lists them, in the order they appear.
 */
import "server-only";
import type { Permission, Role } from "@/lib/auth/permissions";
import type { DashboardChart, DashboardTile } from "./types";

// Domains add their arrays here as they are written.
const TILE_GROUPS: readonly (readonly DashboardTile[])[] = [
  // --- approvals: the admin tile "waiting for approval" (server/approvals/dashboard.ts) goes first ---
];

const CHART_GROUPS: readonly (readonly DashboardChart[])[] = [];

export const DASHBOARD_TILES: readonly DashboardTile[] = TILE_GROUPS.flat();
export const DASHBOARD_CHARTS: readonly DashboardChart[] = CHART_GROUPS.flat();

/** platform_admin sees the admin dashboard. */
function dashboardRole(role: Role): Role {
  return role === "platform_admin" ? "admin" : role;
}

function visible<T extends { roles: readonly Role[]; permission: Permission }>(
  items: readonly T[],
  role: Role,
  permissions: readonly Permission[],
): T[] {
  const board = dashboardRole(role);
  return items.filter((item) => item.roles.includes(board) && permissions.includes(item.permission));
}

export const tilesFor = (role: Role, permissions: readonly Permission[]) => visible(DASHBOARD_TILES, role, permissions);
export const chartsFor = (role: Role, permissions: readonly Permission[]) => visible(DASHBOARD_CHARTS, role, permissions);
