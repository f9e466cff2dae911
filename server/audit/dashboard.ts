/**
 * The audit chain's health on the admin dashboard. The nightly job recomputes whole chains; the tile
 * re-checks only the newest links, so it stays one bounded read however long the chain is.
 */
import "server-only";
import { Prisma } from "../db/client";
import { tileQuery } from "../dashboard/sql";
import type { DashboardTile, TileFigure } from "../dashboard/types";
import { auditHash, GENESIS_HASH, type ChainedFields } from "./chain";

export const AUDIT_TILE_WINDOW = 200;

type ChainRow = ChainedFields & { hash: string };

/** The first newest-links problem, as the seq it was found at; null when the window holds. */
export function firstBreak(rowsNewestFirst: ChainRow[]): number | null {
  const rows = [...rowsNewestFirst].reverse();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (auditHash(row) !== row.hash) return row.seq;
    const prev = rows[i - 1];
    if (prev && (row.seq !== prev.seq + 1 || row.prevHash !== prev.hash)) return row.seq;
    if (!prev && row.seq === 1 && row.prevHash !== GENESIS_HASH) return row.seq;
  }
  return null;
}

export const auditTiles: DashboardTile[] = [
  {
    id: "audit.chain",
    roles: ["admin"],
    permission: "audit.read",
    title: "dashboard.tiles.auditChain.title",
    href: "/audit",
    async load(ctx): Promise<TileFigure> {
      // The unique (chain, seq) index serves the newest links of the brand's chain.
      const rows = await tileQuery<ChainRow>(ctx, Prisma.sql`
        SELECT chain, seq, brand_id AS "brandId", actor_type AS "actorType", actor_id AS "actorId", actor_label AS "actorLabel",
               action, entity_type AS "entityType", entity_id AS "entityId", before, after, ip, user_agent AS "userAgent",
               created_at AS "createdAt", prev_hash AS "prevHash", hash
        FROM audit_log WHERE chain = ${ctx.tenantId} ORDER BY seq DESC LIMIT ${AUDIT_TILE_WINDOW}`);
      const broken = firstBreak(rows);
      if (broken !== null) {
        return { value: 1, detail: { key: "dashboard.tiles.auditChain.broken", params: { seq: broken } }, tone: "danger" };
      }
      return { value: 0, detail: { key: "dashboard.tiles.auditChain.intact", params: { checked: rows.length } } };
    },
  },
];
