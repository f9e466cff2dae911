/**
 * risk-evaluate: one customer's risk limits after an event (server/risk/evaluate.ts `evaluateCustomer`),
 * or, without a customer, the sweep of every brand's recently active customers (`sweep`). Idempotent: an
 * event is unique per limit, customer and window, and actions are claimed before they are applied.
 */
import type { Db } from "@/server/db/client";
import { ZRiskEvaluatePayload } from "@/server/queues/registry";
import { evaluateCustomer, sweep } from "@/server/risk/evaluate";

export async function processRiskEvaluate(data: unknown, db: Db) {
  const payload = ZRiskEvaluatePayload.parse(data);
  if (payload.brandId && payload.customerId) return evaluateCustomer(db, payload.brandId, payload.customerId);
  return sweep(db);
}
