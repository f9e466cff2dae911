/**
 * Sending a withdrawal once. Its `clientId` was stored when it was requested; the send job claims the row
 * (queued → sending, in a transaction), re-checks what may have changed since approval (customer status,
 * transfer-out locks, the emergency stop), and sends with that clientId. When the answer is lost
 * (time-out, dropped connection: OkxError.outcomeUnknown) or a retry finds the row already "sending", it
 * first looks the clientId up in the sub-account's withdrawal history, and sends only if it is not there.
 * OKX itself refuses a second withdrawal with the same clientId, so the two guards are independent — and
 * that refusal (50071) means "sent already", never "failed". A row an earlier attempt may have sent is
 * looked up BEFORE the re-checks: a withdrawal that left must be recorded as sent, not refused. Only an
 * answer in which OKX itself refused the request (its own code, not a time-out, 5xx, 429 or an unreadable
 * body) marks a withdrawal failed; anything else is looked up first.
 */
import "server-only";
import { systemActor } from "../actor";
import { recordAudit } from "../audit/audit";
import type { Db, DbTx } from "../db/client";
import { AppError } from "../errors";
import type { BrandClientOptions } from "../exchange/brand-client";
import { isOkxError, LOCAL_CODES, type OkxError } from "../exchange/okx";
import { assertCustomerMoneyAllowed, isCustomerBreaker } from "../emergency/customer-breaker";
import { assertMoneyMovementAllowed, isEmergencyStop as isStop } from "../emergency/guard";
import { assertExchangeMutationsAllowed } from "../exchange-actions/mutation-guard";
import { requestSubaccountSync } from "../exchange-accounts/sync-queue";
import { enqueue } from "../queues/registry";
import { assertNoTransferOutLock, checkParties } from "./checks";
import { lockWithdrawal, snapshot, type WithdrawalRecord } from "./common";
import { withdrawClient } from "./exchange";

export interface WithdrawalJobDeps {
  db: Db;
  clientOptions?: BrandClientOptions;
  now?: () => Date;
}

/** A claim older than this is a send that died mid-way (worker killed): another attempt may take over. */
export const SEND_CLAIM_MS = 60_000;
/** When the follow job first looks at a withdrawal just sent. */
const FIRST_LOOK_MS = 8_000;

const WHO = { actor: systemActor("withdrawal-send"), request: { ip: null, userAgent: null } };

/** "held": an emergency stop applies; the withdrawal stays queued and goes once the stop is reset. */
export type SendOutcome = "sent" | "refused" | "failed" | "skipped" | "busy" | "held";

/** Marks a claimed withdrawal as refused by a re-check (nothing left), with the refusal's reason. */
async function refuse(deps: WithdrawalJobDeps, brandId: string, id: string, error: AppError) {
  await deps.db.$transaction(async (tx) => {
    const before = await lockWithdrawal(tx, brandId, id);
    if (before.state !== "queued" && before.state !== "sending") return;
    const after = await tx.withdrawal.update({
      where: { id },
      data: { state: "refused", failureKey: error.reason, failureDetail: error.message, finishedAt: new Date(), version: { increment: 1 } },
    });
    await recordAudit(tx, WHO, { brandId, action: "withdrawal.refuse", entityType: "withdrawal", entityId: id, before: snapshot(before), after: snapshot(after) });
  });
}

/** Records OKX's wdId: the withdrawal is on the exchange now (once — a second answer finds it sent). */
export async function markSent(deps: WithdrawalJobDeps, brandId: string, id: string, found: { wdId: string; state?: string; txId?: string }) {
  const changed = await deps.db.$transaction(async (tx) => {
    const before = await lockWithdrawal(tx, brandId, id);
    if (before.state !== "sending" && before.state !== "queued") return null;
    const after = await tx.withdrawal.update({
      where: { id },
      data: { state: "sent", wdId: found.wdId, okxState: found.state ?? null, txId: found.txId || null, sentAt: new Date(), lastCheckedAt: new Date(), version: { increment: 1 } },
    });
    await recordAudit(tx, WHO, { brandId, action: "withdrawal.sent", entityType: "withdrawal", entityId: id, before: snapshot(before), after: snapshot(after) });
    return after;
  });
  if (changed) {
    await syncAfter(brandId, changed.subaccountId);
    // A first look soon after sending (the schedule follows it every minute after that).
    await enqueue("withdrawal-follow", { brandId }, { delay: FIRST_LOOK_MS, jobId: `withdrawal-follow.${brandId}.after.${id}` }).catch(() => undefined);
  }
}

/** Asks for the sub-account's balances to be read again; a queue outage is no reason to fail the send. */
export async function syncAfter(brandId: string, subaccountId: string) {
  await requestSubaccountSync(brandId, subaccountId, "action").catch(() => undefined);
}

async function markFailed(deps: WithdrawalJobDeps, brandId: string, id: string, error: OkxError) {
  await deps.db.$transaction(async (tx) => {
    const before = await lockWithdrawal(tx, brandId, id);
    if (before.state !== "sending") return;
    const after = await tx.withdrawal.update({
      where: { id },
      data: { state: "failed", failureKey: "withdrawals.failures.exchangeRefused", failureDetail: `${error.code} ${error.msg}`.trim().slice(0, 500), finishedAt: new Date(), version: { increment: 1 } },
    });
    await recordAudit(tx, WHO, { brandId, action: "withdrawal.fail", entityType: "withdrawal", entityId: id, before: snapshot(before), after: snapshot(after) });
  });
}

/**
 * OKX answered and refused the request itself (its own numeric code: a parameter, balance or permission
 * refusal). Not: a time-out, a 5xx, a 429, an unreadable or unexpected answer, or a duplicate clientId.
 */
const refusedByOkx = (e: OkxError) =>
  /^\d+$/.test(e.code) && e.code !== DUPLICATE_CLIENT_ID && !e.outcomeUnknown && e.kind !== "transient" && e.kind !== "rate_limited";

/** The withdrawal with this clientId in the sub-account's own history, if the exchange has it. */
async function findByClientId(deps: WithdrawalJobDeps, w: WithdrawalRecord) {
  const sc = await withdrawClient(deps.db, w.brandId, w.subaccountId, deps.clientOptions);
  const rows = await sc.client.withdrawalHistoryOwn({ clientId: w.clientId, ccy: w.ccy });
  return rows.find((r) => r.clientId === w.clientId) ?? null;
}

/** OKX's answer to a second withdrawal with a clientId it has seen: the first one went out. */
const DUPLICATE_CLIENT_ID = "50071";

/**
 * What may have changed since approval: the customer's status, the sub-account (removed, or frozen for
 * withdrawals), the address still in the book, transfer-out locks, the emergency stop.
 */
async function recheck(tx: DbTx, w: WithdrawalRecord, now: Date) {
  await checkParties(tx, w.brandId, w);
  const entry = w.addressBookId ? await tx.withdrawalAddress.findFirst({ where: { id: w.addressBookId, brandId: w.brandId, removedAt: null }, select: { id: true } }) : null;
  if (!entry) throw new AppError("CONFLICT", "withdrawals.errors.notInBook", { field: "address" });
  await assertNoTransferOutLock(tx, w.customerId, now);
  await assertMoneyMovementAllowed(tx, w.brandId);
  await assertCustomerMoneyAllowed(tx, w.brandId, [w.customerId]);
}

/** A stop or the customer's breaker: the withdrawal waits (queued) until it is reset, nothing is sent. */
const isEmergencyStop = (error: unknown) => isStop(error) || isCustomerBreaker(error);

/**
 * An emergency stop met after the claim: the row goes back to queued (nothing was sent by this attempt),
 * so the follow job's sweep sends it once the stop is reset. Not a failure, and no retry meanwhile.
 */
async function hold(deps: WithdrawalJobDeps, brandId: string, id: string, error?: unknown): Promise<SendOutcome> {
  await deps.db.$transaction(async (tx) => {
    const before = await lockWithdrawal(tx, brandId, id);
    if (before.state !== "sending") return;
    const after = await tx.withdrawal.update({ where: { id }, data: { state: "queued", lastCheckedAt: null, version: { increment: 1 } } });
    await recordAudit(tx, WHO, { brandId, action: "withdrawal.send_held", entityType: "withdrawal", entityId: id, before: snapshot(before), after: { ...snapshot(after), reason: isCustomerBreaker(error) ? "customer_breaker" : "emergency_stop" } });
  });
  return "held";
}

/**
 * Claims the row for this attempt. A queued row is re-checked first; a row already "sending" (an earlier
 * attempt's outcome unknown) is claimed as it is and re-checked only after its clientId was looked up.
 */
async function claim(deps: WithdrawalJobDeps, brandId: string, id: string): Promise<{ w: WithdrawalRecord; resumed: boolean } | SendOutcome> {
  const now = deps.now?.() ?? new Date();
  return deps.db.$transaction(async (tx) => {
    const w = await lockWithdrawal(tx, brandId, id);
    if (w.state !== "queued" && w.state !== "sending") return "skipped";
    if (w.state === "sending" && w.lastCheckedAt && now.getTime() - w.lastCheckedAt.getTime() < SEND_CLAIM_MS) return "busy";
    if (w.state === "queued") await recheck(tx, w, now);
    const after = await tx.withdrawal.update({ where: { id }, data: { state: "sending", sendAttempts: { increment: 1 }, lastCheckedAt: now, version: { increment: 1 } }, include: { customer: { select: { id: true, uid: true, name: true } }, subaccount: { select: { id: true, subAcct: true } } } });
    if (w.state === "queued") {
      await recordAudit(tx, WHO, { brandId, action: "withdrawal.send_start", entityType: "withdrawal", entityId: id, before: snapshot(w), after: snapshot(after) });
    }
    return { w: after, resumed: w.state === "sending" };
  });
}

/**
 * The send job: sends a queued withdrawal, or resolves one whose earlier attempt has no known outcome.
 * Throws (so BullMQ retries) only when the outcome is still unknown or the exchange is unavailable.
 */
export async function sendWithdrawal(deps: WithdrawalJobDeps, brandId: string, id: string): Promise<SendOutcome> {
  let claimed: Awaited<ReturnType<typeof claim>>;
  try {
    claimed = await claim(deps, brandId, id);
  } catch (error) {
    // The emergency stop: the row was not claimed and stays queued; it goes after the reset.
    if (isEmergencyStop(error)) return "held";
    // A re-check refused it: a lock or the customer's status. Nothing was sent; it will not be.
    if (error instanceof AppError && error.code === "CONFLICT") {
      await refuse(deps, brandId, id, error);
      return "refused";
    }
    throw error;
  }
  if (typeof claimed === "string") return claimed;
  const { w, resumed } = claimed;

  if (resumed) {
    const found = await findByClientId(deps, w);
    if (found) {
      await markSent(deps, brandId, id, { wdId: found.wdId, state: found.state, txId: found.txId });
      return "sent";
    }
    // Not on the exchange: nothing left, so what changed since approval may still stop it.
    try {
      await deps.db.$transaction((tx) => recheck(tx, w, deps.now?.() ?? new Date()));
    } catch (error) {
      if (isEmergencyStop(error)) return hold(deps, brandId, id, error);
      if (error instanceof AppError && error.code === "CONFLICT") {
        await refuse(deps, brandId, id, error);
        return "refused";
      }
      throw error;
    }
  }
  const sc = await withdrawClient(deps.db, brandId, w.subaccountId, deps.clientOptions);
  // Right before the send: a stop — or the customer's breaker — triggered since the claim holds it back
  // (queued again, nothing sent).
  try {
    await assertExchangeMutationsAllowed(deps.db, brandId);
    await assertCustomerMoneyAllowed(deps.db, brandId, [w.customerId]);
  } catch (error) {
    if (isEmergencyStop(error)) return hold(deps, brandId, id, error);
    throw error;
  }
  try {
    const ack = await sc.client.withdraw({
      ccy: w.ccy,
      amt: w.amount.toFixed(),
      dest: "4",
      toAddr: w.tag ? `${w.address}:${w.tag}` : w.address,
      chain: w.chain,
      clientId: w.clientId,
    });
    await markSent(deps, brandId, id, { wdId: ack.wdId });
    return "sent";
  } catch (error) {
    if (!isOkxError(error)) throw error;
    if (error.code === LOCAL_CODES.circuitOpen) {
      // The breaker sent nothing (and would refuse the look-up too): free the claim, so the retry sends at
      // once once it closes, with the same clientId.
      await deps.db.withdrawal.updateMany({ where: { id, brandId, state: "sending" }, data: { lastCheckedAt: null } });
      throw error;
    }
    if (!refusedByOkx(error)) {
      // The request may have reached OKX (or did: a duplicate clientId): look before anyone sends again.
      const found = await findByClientId(deps, w);
      if (found) {
        await markSent(deps, brandId, id, { wdId: found.wdId, state: found.state, txId: found.txId });
        return "sent";
      }
      // Not there yet. A duplicate stays claimed until the history shows it (the follow job looks again);
      // otherwise the claim is freed so the retry sends at once, with the same clientId.
      if (error.code !== DUPLICATE_CLIENT_ID) await deps.db.withdrawal.updateMany({ where: { id, brandId, state: "sending" }, data: { lastCheckedAt: null } });
      throw error;
    }
    await markFailed(deps, brandId, id, error);
    return "failed";
  }
}
