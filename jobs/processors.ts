/** One processor per registered queue. Each re-validates its payload and may safely run twice. */
import type { Job } from "bullmq";
import { db } from "@/server/db/client";
import type { QueueName } from "@/server/queues/registry";
import { processAuditVerify } from "./workers/audit-verify";
import { processBonusAutoGrants } from "./workers/bonus-auto-grants";
import { processBonusExpiry } from "./workers/bonus-expiry";
import { processEmergencyCancelOrders } from "./workers/emergency-cancel-orders";
import { processFundLockExpiry } from "./workers/fund-lock-expiry";
import { processMessageDispatch } from "./workers/message-dispatch";
import { processMessageFanout } from "./workers/message-fanout";
import { processDepositSync, workerDepositSyncDeps } from "./workers/deposit-sync";
import { processExchangeAccountSync, workerExchangeSyncDeps } from "./workers/exchange-account-sync";
import { processRebateFiles } from "./workers/rebate-files";
import { processRebateReconciliation } from "./workers/rebate-reconciliation";
import { processRiskEvaluate } from "./workers/risk-evaluate";
import { processSubaccountSync, workerSyncDeps } from "./workers/subaccount-sync";
import { processWithdrawalFollow, processWithdrawalSend, workerWithdrawalDeps } from "./workers/withdrawals";

export type Processor = (job: Job) => Promise<unknown>;

export const PROCESSORS: Record<QueueName, Processor> = {
  "audit-verify": (job) => processAuditVerify(job.data, db),
  "subaccount-sync": (job) => processSubaccountSync(job.data, workerSyncDeps(db)),
  "deposit-sync": (job) => processDepositSync(job.data, workerDepositSyncDeps(db)),
  "fund-lock-expiry": (job) => processFundLockExpiry(job.data, db),
  "bonus-expiry": (job) => processBonusExpiry(job.data, db),
  "bonus-auto-grants": (job) => processBonusAutoGrants(job.data, db),
  "message-dispatch": (job) => processMessageDispatch(job.data, db),
  "exchange-account-sync": (job) => processExchangeAccountSync(job.data, workerExchangeSyncDeps(db)),
  "message-fanout": (job) => processMessageFanout(job.data, db, job),
  "rebate-files": (job) => processRebateFiles(job.data, db),
  "rebate-reconciliation": (job) => processRebateReconciliation(job.data, db),
  "withdrawal-send": (job) => processWithdrawalSend(job.data, workerWithdrawalDeps(db)),
  "withdrawal-follow": (job) => processWithdrawalFollow(job.data, workerWithdrawalDeps(db)),
  "risk-evaluate": (job) => processRiskEvaluate(job.data, db),
  "emergency-cancel-orders": (job) => processEmergencyCancelOrders(job.data, db),
};
