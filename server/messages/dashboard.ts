/** Messages on the dashboards: what is sending or scheduled now, and what waits for an approver. */
import "server-only";
import { Prisma } from "../db/client";
import { capped, cappedCountSql, tileQuery } from "../dashboard/sql";
import type { DashboardTile, TileFigure } from "../dashboard/types";

export const messageTiles: DashboardTile[] = [
  {
    id: "messages.inFlight",
    roles: ["marketing", "admin"],
    permission: "message.read",
    title: "dashboard.tiles.messagesInFlight.title",
    href: "/messages?status=sending,scheduled",
    async load(ctx): Promise<TileFigure> {
      const [row] = await tileQuery<{ n: number }>(
        ctx,
        Prisma.sql`SELECT ${cappedCountSql(Prisma.sql`FROM message WHERE brand_id = ${ctx.tenantId}::uuid AND source <> 'automatic' AND status IN ('sending', 'scheduled')`)} AS n`,
      );
      return { ...capped(row?.n ?? 0), detail: { key: "dashboard.tiles.messagesInFlight.detail" } };
    },
  },
  {
    id: "messages.awaitingApproval",
    roles: ["marketing", "admin"],
    permission: "message.read",
    title: "dashboard.tiles.messagesAwaitingApproval.title",
    href: "/messages?status=awaiting_approval",
    async load(ctx): Promise<TileFigure> {
      const [row] = await tileQuery<{ n: number }>(
        ctx,
        Prisma.sql`SELECT ${cappedCountSql(Prisma.sql`FROM message WHERE brand_id = ${ctx.tenantId}::uuid AND status = 'awaiting_approval'`)} AS n`,
      );
      const n = row?.n ?? 0;
      return { ...capped(n), detail: { key: "dashboard.tiles.messagesAwaitingApproval.detail" }, tone: n > 0 ? "warning" : "default" };
    },
  },
];
