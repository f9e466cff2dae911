/**
 * risk-evaluate: a brand's pending evaluations in batches (server/risk/pending.ts `evaluatePending`), one
 * customer's risk limits (`evaluateCustomer`: jobs enqueued before batching), or, without a brand, the
 * sweep of every brand's recently active customers (`sweep`). Idempotent: an event is unique per limit,
 * customer and window, and actions are claimed before they are applied.
 */
import type { Db } from "@/server/db/client";
import { ZRiskEvaluatePayload } from "@/server/queues/registry";
import { evaluateCustomer, sweep } from "@/server/risk/evaluate";
import { evaluatePending } from "@/server/risk/pending";

export async function processRiskEvaluate(data: unknown, db: Db) {
  const payload = ZRiskEvaluatePayload.parse(data);
  if (payload.brandId && payload.customerId) return evaluateCustomer(db, payload.brandId, payload.customerId);
  if (payload.brandId && payload.trigger === "pending") return evaluatePending(db, payload.brandId);
  return sweep(db);
}
