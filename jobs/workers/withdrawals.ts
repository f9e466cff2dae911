/**
 * withdrawal-send: sends one queued withdrawal once (server/withdrawals/send.ts — a retry looks its
 * clientId up before sending again). withdrawal-follow: follows sent withdrawals to their end and sends
 * any left behind (server/withdrawals/follow.ts). Both re-validate their payload and may run twice.
 */
import { producerConnection } from "@/server/queues/connection";
import { ZWithdrawalFollowPayload, ZWithdrawalSendPayload } from "@/server/queues/registry";
import { followWithdrawals } from "@/server/withdrawals/follow";
import { sendWithdrawal, type WithdrawalJobDeps } from "@/server/withdrawals/send";

export async function processWithdrawalSend(data: unknown, deps: WithdrawalJobDeps) {
  const payload = ZWithdrawalSendPayload.parse(data);
  return { outcome: await sendWithdrawal(deps, payload.brandId, payload.withdrawalId) };
}

export async function processWithdrawalFollow(data: unknown, deps: WithdrawalJobDeps) {
  const payload = ZWithdrawalFollowPayload.parse(data);
  return followWithdrawals(deps, payload.brandId);
}

/** Exchange rate limits shared through Redis with every other process. */
export const workerWithdrawalDeps = (db: WithdrawalJobDeps["db"]): WithdrawalJobDeps => ({ db, clientOptions: { redis: producerConnection() } });
