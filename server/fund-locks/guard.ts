/**
 * The fund-lock guard every money movement path calls inside its own transaction, before it moves money.
 * A lock is active while it has not ended and its expiry (if any) is still ahead: a lock whose expiry has
 * passed stops blocking at once, even before the expiry job has written it off.
 */
import "server-only";
import type { DbTx } from "@/server/db/client";
import { AppError, type ErrorReason } from "@/server/errors";
import type { FundLockDirection } from "@/lib/fund-locks/schemas";

/** Which side of a transfer an account is on: money leaving it ("out") or arriving ("in"). */
export type TransferSide = "out" | "in";

/** Active while not ended and not yet past its expiry (an expiry equal to `now` has passed). */
export function isLockActive(lock: { endedAt: Date | null; expiresAt: Date | null }, now: Date): boolean {
  return lock.endedAt === null && (lock.expiresAt === null || lock.expiresAt.getTime() > now.getTime());
}

/** Whether a lock of `direction` refuses money moving on `side` of the account. */
export function blocks(direction: FundLockDirection, side: TransferSide): boolean {
  return direction === "both" || (side === "out" ? direction === "transfer_out" : direction === "transfer_in");
}

/** The lock directions that refuse `side`. */
export const directionsBlocking = (side: TransferSide): FundLockDirection[] =>
  side === "out" ? ["transfer_out", "both"] : ["transfer_in", "both"];

/** The refusal per side, real/demo account and whether a risk rule placed the lock. */
const LOCKED = {
  out: {
    real: "fundLocks.errors.transfersOutLocked.real",
    demo: "fundLocks.errors.transfersOutLocked.demo",
    realByRiskRule: "fundLocks.errors.transfersOutLocked.realByRiskRule",
    demoByRiskRule: "fundLocks.errors.transfersOutLocked.demoByRiskRule",
  },
  in: {
    real: "fundLocks.errors.transfersInLocked.real",
    demo: "fundLocks.errors.transfersInLocked.demo",
    realByRiskRule: "fundLocks.errors.transfersInLocked.realByRiskRule",
    demoByRiskRule: "fundLocks.errors.transfersInLocked.demoByRiskRule",
  },
} as const satisfies Record<TransferSide, Record<string, ErrorReason>>;

/**
 * Refuses (CONFLICT) a transfer out of `out` or into `in` when an active lock covers that direction. The
 * message names the account, the direction and the lock's reason, so staff can act on it.
 *
 * Takes the accounts' row locks (FOR NO KEY UPDATE, the mode the ledger's own balance update takes, in id
 * order so two transfers between the same pair cannot deadlock): `lock()` takes the same row lock before
 * it inserts, so a lock placed while a transfer is in flight either waits for it or is seen by it — never
 * missed by a transfer that commits after the lock.
 */
export async function assertTransferAllowed(tx: DbTx, tradingAccountIds: { out?: string; in?: string }): Promise<void> {
  const sides = (["out", "in"] as const).filter((s) => tradingAccountIds[s] !== undefined);
  if (sides.length === 0) return;
  const ids = [...new Set(sides.map((s) => tradingAccountIds[s] as string))].sort();
  await tx.$queryRaw`SELECT id FROM trading_account WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR NO KEY UPDATE`;

  const now = new Date();
  for (const side of sides) {
    const tradingAccountId = tradingAccountIds[side] as string;
    const lock = await tx.fundLock.findFirst({
      where: {
        tradingAccountId,
        endedAt: null,
        OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
        direction: { in: directionsBlocking(side) },
      },
      orderBy: { createdAt: "asc" },
      select: { reason: true, source: true, direction: true, tradingAccount: { select: { type: true, currency: true, demo: true } } },
    });
    if (!lock) continue;
    const { type, currency, demo } = lock.tradingAccount;
    const variant = `${demo ? "demo" : "real"}${lock.source === "risk_rule" ? "ByRiskRule" : ""}` as const;
    throw new AppError("CONFLICT", LOCKED[side][variant], { params: { type, currency, reason: lock.reason } });
  }
}
