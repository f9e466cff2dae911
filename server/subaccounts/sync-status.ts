/** What the sub-accounts page says about the exchange sync: its newest run and the newest confirmation. */
import "server-only";
import type { TenantContext } from "../actor";
import type { SubaccountSyncStatus } from "@/lib/subaccounts/schemas";

const SYNC_ACTIONS = ["subaccount.sync", "subaccount.sync_failed"];
const count = (v: unknown) => (typeof v === "number" ? v : null);

/** The newest sync run of the brand (from its audit row) and the newest confirmation of any row. */
export async function subaccountSyncStatus(ctx: TenantContext): Promise<SubaccountSyncStatus> {
  const [run, stamp] = await Promise.all([
    ctx.db.auditLog.findFirst({
      where: { brandId: ctx.tenantId, entityType: "subaccount_sync", action: { in: SYNC_ACTIONS } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { action: true, createdAt: true, after: true },
    }),
    ctx.db.subaccount.aggregate({ where: { brandId: ctx.tenantId }, _max: { lastSyncedAt: true } }),
  ]);
  const after = (run?.after ?? {}) as Record<string, unknown>;
  return {
    lastRun: run
      ? {
          at: run.createdAt,
          ok: run.action === "subaccount.sync",
          error: run.action === "subaccount.sync" ? null : typeof after.error === "string" ? after.error : "The sync did not finish",
          seen: count(after.seen),
          created: count(after.created),
          updated: count(after.updated),
          removed: count(after.removed),
        }
      : null,
    lastSyncedAt: stamp._max.lastSyncedAt,
  };
}
