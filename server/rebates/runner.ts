/**
 * The rebate-files job: each run asks for yesterday's file of every kind each active brand fetches (once
 * per brand, kind and day: a unique index makes a second ask a no-op), then moves every due file along
 * (./pipeline.ts) and attributes FD rows whose order link (./fd-attribution.ts) has since become known (DMA
 * fills need none: their customer is found through the sub-account when read). Files are claimed with a
 * heartbeat, so two workers never drive the same file and a worker that died mid-way is taken over after
 * CLAIM_STALE_MS.
 */
import "server-only";
import { Prisma } from "../db/client";
import { advanceRebateFile, type RebatePipelineDeps } from "./pipeline";
import { attributeLinkedFdRebates } from "./fd-attribution";
import { IMPORTABLE_KINDS } from "./kinds";

const DAY_MS = 86_400_000;
/** A claim older than this belonged to a worker that stopped (a running step refreshes it every second). */
export const CLAIM_STALE_MS = 2 * 60_000;
const FILES_PER_RUN = 20;

export interface RebateRunSummary {
  scheduled: number;
  advanced: number;
  /** FD rows given their customer by an order link that arrived after their import. */
  fdAttributed: number;
}

/** Yesterday's file (UTC) of each kind each active brand fetches; returns how many were new. */
export async function scheduleYesterday(deps: Pick<RebatePipelineDeps, "db" | "now">): Promise<number> {
  const now = deps.now?.() ?? new Date();
  const yesterday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - DAY_MS);
  return deps.db.$executeRaw`
    INSERT INTO rebate_file (id, brand_id, kind, begin_day, end_day, trigger, updated_at)
    SELECT gen_random_uuid(), b.id, k.kind, ${yesterday}::date, ${yesterday}::date, 'schedule', now()
    FROM brand b CROSS JOIN LATERAL unnest(b.rebate_file_kinds) AS k(kind)
    WHERE b.status = 'active' AND k.kind::text IN (${Prisma.join(IMPORTABLE_KINDS)})
    ON CONFLICT (brand_id, kind, begin_day) WHERE trigger = 'schedule' DO NOTHING`;
}

/** Claims up to `limit` due files (optionally of one brand) for this worker. */
async function claimDue(deps: RebatePipelineDeps, brandId: string | undefined, limit: number): Promise<string[]> {
  const now = deps.now?.() ?? new Date();
  const stale = new Date(now.getTime() - CLAIM_STALE_MS);
  const rows = await deps.db.$queryRaw<{ id: string }[]>`
    UPDATE rebate_file SET heartbeat_at = now()
    WHERE id IN (
      SELECT id FROM rebate_file
      WHERE state NOT IN ('imported', 'failed') AND next_check_at <= ${now}
        AND (heartbeat_at IS NULL OR heartbeat_at < ${stale})
        ${brandId ? Prisma.sql`AND brand_id = ${brandId}::uuid` : Prisma.empty}
      ORDER BY next_check_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  return rows.map((r) => r.id);
}

export async function runRebateFiles(deps: RebatePipelineDeps, options: { brandId?: string } = {}): Promise<RebateRunSummary> {
  const scheduled = options.brandId ? 0 : await scheduleYesterday(deps);
  const ids = await claimDue(deps, options.brandId, FILES_PER_RUN);
  for (const id of ids) {
    try {
      await advanceRebateFile(deps, id);
    } finally {
      await deps.db.rebateFile.update({ where: { id }, data: { heartbeatAt: null } }).catch(() => undefined);
    }
  }
  const fdAttributed = await attributeLinkedFdRebates(deps, options.brandId);
  return { scheduled, advanced: ids.length, fdAttributed };
}
