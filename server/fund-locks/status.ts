/** A lock's status as the desk sees it. Pure, client-safe. */
import "server-only";
import { isLockActive } from "./guard";
import type { FundLockStatus } from "@/lib/fund-locks/schemas";

/** "expired" also covers a lock past its expiry that the job has not ended yet: it no longer blocks. */
export function statusOf(lock: { endedAt: Date | null; endReason: string | null; expiresAt: Date | null }, now: Date): FundLockStatus {
  if (lock.endedAt) return lock.endReason === "expired" ? "expired" : "released";
  return isLockActive(lock, now) ? "active" : "expired";
}
