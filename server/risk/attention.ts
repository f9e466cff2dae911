/**
 * The count next to "Risk events" in the navigation: the brand's open high and medium events. One
 * index-backed query (risk_event (brand_id, status, created_at)), kept per brand for a short while so
 * every page load of every staff member does not ask again.
 */
import "server-only";
import type { Db } from "../db/client";

const TTL_MS = 30_000;
const cache = new Map<string, { at: number; value: RiskAttention }>();

export interface RiskAttention {
  high: number;
  medium: number;
}

export async function riskAttention(db: Db, brandId: string, now = Date.now()): Promise<RiskAttention> {
  const hit = cache.get(brandId);
  if (hit && now - hit.at < TTL_MS) return hit.value;
  const rows = await db.riskEvent.groupBy({ by: ["severity"], where: { brandId, status: "open", severity: { in: ["high", "medium"] } }, _count: { _all: true } });
  const value = { high: 0, medium: 0 };
  for (const r of rows) value[r.severity as keyof RiskAttention] = r._count._all;
  cache.set(brandId, { at: now, value });
  return value;
}

/** Tests read the figure fresh. */
export const forgetRiskAttention = () => cache.clear();
