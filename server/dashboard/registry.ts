/**
 * Every tile and chart on the dashboards. Domains own their definitions (server/<domain>/dashboard.ts);
 * this file only lists them, in the order they appear.
 */
import "server-only";
import type { Permission, Role } from "@/lib/auth/permissions";
import { apiKeyTiles } from "@/server/api-keys/dashboard";
import { approvalTiles } from "@/server/approvals/dashboard";
import { auditTiles } from "@/server/audit/dashboard";
import { bonusCharts, bonusTiles } from "@/server/bonuses/dashboard";
import { customerCharts, customerTiles } from "@/server/customers/dashboard";
import { fundLockTiles } from "@/server/fund-locks/dashboard";
import { withdrawalTiles } from "@/server/withdrawals/dashboard";
import { jobTiles } from "@/server/jobs/dashboard";
import { kycCharts, kycTiles } from "@/server/kyc/dashboard";
import { messageTiles } from "@/server/messages/dashboard";
import { rebateTiles } from "@/server/rebates/dashboard";
import { riskTiles } from "@/server/risk/dashboard";
import { staffTiles } from "@/server/staff/dashboard";
import { subaccountTiles } from "@/server/subaccounts/dashboard";
import type { DashboardChart, DashboardTile } from "./types";

// Domains add their arrays here as they are written, in the order the page shows them.
const TILE_GROUPS: readonly (readonly DashboardTile[])[] = [
  // Everything waiting for a checker comes first on the admin's board.
  approvalTiles,
  riskTiles,
  kycTiles,
  customerTiles,
  fundLockTiles,
  withdrawalTiles,
  jobTiles,
  subaccountTiles,
  apiKeyTiles,
  rebateTiles,
  bonusTiles,
  messageTiles,
  staffTiles,
  auditTiles,
];

const CHART_GROUPS: readonly (readonly DashboardChart[])[] = [customerCharts, kycCharts, bonusCharts];

export const DASHBOARD_TILES: readonly DashboardTile[] = TILE_GROUPS.flat();
export const DASHBOARD_CHARTS: readonly DashboardChart[] = CHART_GROUPS.flat();

for (const items of [DASHBOARD_TILES, DASHBOARD_CHARTS]) {
  const ids = items.map((item) => item.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new Error(`Dashboard item ${duplicate} is registered twice`);
}

/** platform_admin sees the admin dashboard. */
function dashboardRole(role: Role): Role {
  return role === "platform_admin" ? "admin" : role;
}

/** Anything that answers "is this permission granted": the shell's list, or a role check. */
type Granted = { includes(permission: Permission): boolean };

function visible<T extends { roles: readonly Role[]; permission: Permission }>(items: readonly T[], role: Role, permissions: Granted): T[] {
  const board = dashboardRole(role);
  return items.filter((item) => item.roles.includes(board) && permissions.includes(item.permission));
}

export const tilesFor = (role: Role, permissions: Granted) => visible(DASHBOARD_TILES, role, permissions);
export const chartsFor = (role: Role, permissions: Granted) => visible(DASHBOARD_CHARTS, role, permissions);
