/**
 * The synchronous half of enforcement, race-free by construction: in the withdrawal request's own
 * transaction (the customer's row locked, the new row written), every withdrawal limit with the hold
 * action is checked; a request that breaches one is stored as pending_approval, marked with the event,
 * which is opened in the same transaction. So the send job can never see a queued withdrawal over a hold
 * limit. After commit the event's other actions are applied at once, and the customer's evaluation is
 * requested (./pending.ts) for the limits without hold (the sweep catches up if Redis is down).
 */
import "server-only";
import { recordAudit } from "../audit/audit";
import type { Db, DbTx } from "../db/client";
import { snapshot, WITHDRAWAL_INCLUDE, type WithdrawalRecord } from "../withdrawals/common";
import { limitsFor } from "./applicable";
import { enforcementOn } from "./controls";
import { breachesOf, openEvent, runClaimed, SYSTEM_WHO, type OpenedEvent } from "./evaluate";
import { requestEvaluationsBestEffort } from "./pending";
import { snoozedLimitIds } from "./snoozes";

/** The kinds a withdrawal request itself can breach (deposit_then_withdraw: this withdrawal takes out what just came in). */
const HOLD_KINDS = ["withdrawal_single", "withdrawal_daily", "deposit_then_withdraw"] as const;

/** In the request's transaction, after the withdrawal is written: holds it if it breaches a hold limit. */
export async function holdAtRequest(tx: DbTx, brandId: string, w: WithdrawalRecord): Promise<{ record: WithdrawalRecord; opened: OpenedEvent[] }> {
  const customer = await tx.customer.findFirstOrThrow({ where: { id: w.customerId, brandId }, select: { id: true, groupId: true } });
  const holding = (await limitsFor(tx, brandId, customer, HOLD_KINDS)).filter((l) => l.actions.includes("hold_withdrawals"));
  const snoozed = holding.length ? await snoozedLimitIds(tx, brandId, customer.id, w.createdAt) : new Set<string>();
  const limits = holding.filter((l) => !snoozed.has(l.id));
  const eventIds: string[] = [];
  const opened: OpenedEvent[] = [];
  // Enforcement off: the events open (monitor only) but the withdrawal is not held.
  const enforce = limits.length ? await enforcementOn(tx, brandId) : true;
  for (const limit of limits) {
    for (const o of await breachesOf(tx, limit, w.customerId, w.createdAt)) {
      if (!o.items.some((i) => i.id === w.id)) continue;
      const { id, event } = await openEvent(tx, limit, w.customerId, o, enforce);
      // Enforcing now holds, even when the window's event was opened while enforcement was off (monitor only):
      // the breach is this withdrawal's too, and turning enforcement back on must not leave a window unheld.
      if (enforce) eventIds.push(id);
      if (event) opened.push(event);
    }
  }
  if (!eventIds.length) return { record: w, opened };
  const after = await tx.withdrawal.update({
    where: { id: w.id },
    data: { state: "pending_approval", riskEventId: eventIds[0], version: { increment: 1 } },
    include: WITHDRAWAL_INCLUDE,
  });
  await recordAudit(tx, SYSTEM_WHO, {
    brandId,
    action: "withdrawal.risk_hold",
    entityType: "withdrawal",
    entityId: w.id,
    before: snapshot(w),
    after: { ...snapshot(after), riskEventId: eventIds[0], atRequest: true },
  });
  return { record: after, opened };
}

/** After the request commits: the new events' actions now, and the customer's evaluation requested for everything else. */
export async function afterRequest(db: Db, brandId: string, customerId: string, opened: OpenedEvent[]) {
  // A failure here leaves the actions claimed; the sweep takes the stale claim and applies them.
  for (const event of opened) await runClaimed(db, brandId, event).catch(() => 0);
  // Bounded and never throwing: Redis away, the sweep catches up.
  await requestEvaluationsBestEffort(brandId, [customerId]);
}
