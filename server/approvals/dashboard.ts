/**
 * The admin dashboard's "waiting for approval" tile: every pending item, of every registered kind, that the
 * viewer may decide (never their own requests). Each kind counts with its own index-backed, capped query.
 */
import "server-only";
import type { DashboardTile } from "../dashboard/types";
import { waitingCount } from "./service";

export const approvalTiles: DashboardTile[] = [
  {
    id: "approvals.waiting",
    roles: ["admin"],
    permission: "approval.decide",
    title: "approvals.tile.title",
    href: "/approvals",
    async load(ctx) {
      const { count, capped } = await waitingCount(ctx);
      return {
        value: count,
        capped,
        detail: { key: "approvals.tile.detail" },
        tone: count > 0 ? "warning" : "default",
      };
    },
  },
];
