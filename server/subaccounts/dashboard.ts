/** How fresh the brand's copy of the exchange is: the newest sub-account and deposit syncs. */
import "server-only";
import { Prisma } from "../db/client";
import { tileQuery } from "../dashboard/sql";
import type { DashboardTile, TileFigure } from "../dashboard/types";

/** The syncs run every quarter hour; two missed runs is worth a look, a day is a problem. */
const STALE_SECONDS = 45 * 60;
const BROKEN_SECONDS = 24 * 3600;

export const subaccountTiles: DashboardTile[] = [
  {
    id: "exchange.syncFreshness",
    roles: ["operations", "admin"],
    permission: "subaccount.read",
    title: "dashboard.tiles.syncFreshness.title",
    href: "/jobs?queue=subaccount-sync&state=failed",
    async load(ctx): Promise<TileFigure> {
      // max(last_synced_at) is one probe of (brand, last_synced_at); the deposit sync keeps one row per brand.
      const [row] = await tileQuery<{ subaccounts: Date | null; deposits: Date | null }>(ctx, Prisma.sql`
        SELECT (SELECT max(last_synced_at) FROM subaccount WHERE brand_id = ${ctx.tenantId}::uuid) AS subaccounts,
               (SELECT last_completed_at FROM deposit_sync_state WHERE brand_id = ${ctx.tenantId}::uuid) AS deposits`);
      const times = [row?.subaccounts, row?.deposits].filter((d): d is Date => d instanceof Date);
      if (times.length === 0) return { value: null, format: "age", detail: { key: "dashboard.tiles.syncFreshness.never" }, tone: "warning" };
      // The older of the two is what the desk can rely on.
      const oldest = Math.min(...times.map((d) => d.getTime()));
      const seconds = Math.max(0, Math.floor((Date.now() - oldest) / 1000));
      return {
        value: seconds,
        format: "age",
        detail: { key: row?.deposits ? "dashboard.tiles.syncFreshness.detail" : "dashboard.tiles.syncFreshness.noDeposits" },
        tone: seconds >= BROKEN_SECONDS ? "danger" : seconds >= STALE_SECONDS ? "warning" : "default",
      };
    },
  },
];
