/**
 * Evaluation after money moved in: the deposit sync (credited deposits) and bonus grants (credit applied)
 * ask for one risk-evaluate job per customer they touched, after their transaction committed, in bulk.
 * Never fails its caller: with Redis away nothing is enqueued and the two-minute sweep finds the breach.
 */
import "server-only";
import { enqueueMany, type RISK_TRIGGERS } from "../queues/registry";

export async function enqueueEvaluations(brandId: string, customerIds: Iterable<string | null | undefined>, trigger: (typeof RISK_TRIGGERS)[number]): Promise<void> {
  const distinct = [...new Set([...customerIds].filter((id): id is string => !!id))];
  if (!distinct.length) return;
  await enqueueMany(
    "risk-evaluate",
    distinct.map((customerId) => ({ brandId, customerId, trigger })),
  ).catch(() => undefined);
}
