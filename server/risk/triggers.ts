/**
 * Evaluation after money moved in: the deposit sync (credited deposits) and bonus grants (credit applied)
 * ask for one risk-evaluate job per customer they touched, after their transaction committed, in bulk.
 * Never fails its caller and never keeps it waiting long: with Redis away (or stalling mid-command) nothing
 * is enqueued within the budget and the two-minute sweep finds the breach.
 */
import "server-only";
import { enqueueMany, type RISK_TRIGGERS } from "../queues/registry";

/** The wait for Redis, plus a little per thousand jobs (one round trip each). */
const BUDGET_MS = 1_500;
const PER_THOUSAND_MS = 500;

export async function enqueueEvaluations(brandId: string, customerIds: Iterable<string | null | undefined>, trigger: (typeof RISK_TRIGGERS)[number]): Promise<void> {
  const distinct = [...new Set([...customerIds].filter((id): id is string => !!id))];
  if (!distinct.length) return;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, BUDGET_MS + Math.ceil(distinct.length / 1000) * PER_THOUSAND_MS);
  });
  const work = enqueueMany(
    "risk-evaluate",
    distinct.map((customerId) => ({ brandId, customerId, trigger })),
  ).then(
    () => undefined,
    () => undefined,
  );
  try {
    await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
