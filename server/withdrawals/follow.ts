/**
 * Following withdrawals to their end, from the sub-account's own withdrawal history (like the deposit
 * sync, but per withdrawal: each is looked up by its wdId). OKX state 2 → completed, -1 → failed,
 * -2 → cancelled; any other state is mirrored in `okxState` and the withdrawal stays "sent". The same
 * run sends queued withdrawals whose send job was lost (Redis down when they were queued) and resumes
 * sends whose worker died mid-way — both through sendWithdrawal, which looks the clientId up first.
 */
import "server-only";
import { systemActor } from "../actor";
import { recordAudit } from "../audit/audit";
import { lockWithdrawal, snapshot } from "./common";
import { withdrawClient } from "./exchange";
import { SEND_CLAIM_MS, sendWithdrawal, syncAfter, type WithdrawalJobDeps } from "./send";

const WHO = { actor: systemActor("withdrawal-follow"), request: { ip: null, userAgent: null } };
/** A queued withdrawal older than this has lost its send job. */
const LEFT_BEHIND_MS = 2 * 60_000;
const BATCH = 200;

const FINAL: Partial<Record<string, "completed" | "failed" | "cancelled">> = { "2": "completed", "-1": "failed", "-2": "cancelled" };

export interface FollowSummary {
  checked: number;
  changed: number;
  resent: number;
  errors: number;
}

/** Reads one sent withdrawal's state on the exchange and records a change (audited). */
export async function followOne(deps: WithdrawalJobDeps, brandId: string, id: string): Promise<boolean> {
  const w = await deps.db.withdrawal.findFirst({ where: { id, brandId } });
  if (!w || w.state !== "sent" || !w.wdId) return false;
  const sc = await withdrawClient(deps.db, brandId, w.subaccountId, deps.clientOptions);
  const rows = await sc.client.withdrawalHistoryOwn({ wdId: w.wdId, ccy: w.ccy });
  const seen = rows.find((r) => r.wdId === w.wdId);
  const now = deps.now?.() ?? new Date();
  if (!seen) {
    await deps.db.withdrawal.update({ where: { id }, data: { lastCheckedAt: now } });
    return false;
  }
  const state: "completed" | "failed" | "cancelled" | "sent" = FINAL[seen.state] ?? "sent";
  const changed = await deps.db.$transaction(async (tx) => {
    const before = await lockWithdrawal(tx, brandId, id);
    if (before.state !== "sent") return false;
    if (before.okxState === seen.state && state === "sent" && (before.txId ?? "") === seen.txId) {
      await tx.withdrawal.update({ where: { id }, data: { lastCheckedAt: now } });
      return false;
    }
    const after = await tx.withdrawal.update({
      where: { id },
      data: {
        state,
        okxState: seen.state,
        txId: seen.txId || before.txId,
        fee: seen.fee ?? before.fee,
        lastCheckedAt: now,
        finishedAt: state === "sent" ? null : now,
        failureKey: state === "failed" ? "withdrawals.failures.exchangeFailed" : before.failureKey,
        version: { increment: 1 },
      },
    });
    await recordAudit(tx, WHO, { brandId, action: state === "completed" ? "withdrawal.complete" : state === "failed" ? "withdrawal.fail" : state === "cancelled" ? "withdrawal.cancelled_on_exchange" : "withdrawal.exchange_state", entityType: "withdrawal", entityId: id, before: snapshot(before), after: snapshot(after) });
    return state !== "sent";
  });
  if (changed) await syncAfter(brandId, w.subaccountId);
  return changed;
}

/** One follow run for a brand (or every brand): sent ones checked, left-behind ones sent. */
export async function followWithdrawals(deps: WithdrawalJobDeps, brandId?: string): Promise<FollowSummary> {
  const now = deps.now?.() ?? new Date();
  const summary: FollowSummary = { checked: 0, changed: 0, resent: 0, errors: 0 };
  const brand = brandId ? { brandId } : {};
  const sent = await deps.db.withdrawal.findMany({ where: { ...brand, state: "sent" }, orderBy: { lastCheckedAt: { sort: "asc", nulls: "first" } }, take: BATCH, select: { id: true, brandId: true } });
  for (const w of sent) {
    summary.checked++;
    try {
      if (await followOne(deps, w.brandId, w.id)) summary.changed++;
    } catch {
      summary.errors++;
    }
  }
  const behind = await deps.db.withdrawal.findMany({
    where: {
      ...brand,
      OR: [
        { state: "queued", updatedAt: { lt: new Date(now.getTime() - LEFT_BEHIND_MS) } },
        { state: "sending", OR: [{ lastCheckedAt: null }, { lastCheckedAt: { lt: new Date(now.getTime() - SEND_CLAIM_MS) } }] },
      ],
    },
    take: BATCH,
    select: { id: true, brandId: true },
  });
  for (const w of behind) {
    try {
      if ((await sendWithdrawal(deps, w.brandId, w.id)) === "sent") summary.resent++;
    } catch {
      summary.errors++;
    }
  }
  return summary;
}
