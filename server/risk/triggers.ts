/**
 * Evaluation after money moved in: the deposit sync (credited deposits) and bonus grants (credit applied)
 * ask for the evaluation of every customer they touched, after their transaction committed, through the
 * brand's pending set (./pending.ts): one SADD and at most one job per slot, batched with every other
 * trigger's requests. Never fails its caller and never keeps it waiting long: with Redis away (or stalling
 * mid-command) nothing is asked for within the budget and the two-minute sweep finds the breach.
 */
import "server-only";
import { requestEvaluationsBestEffort } from "./pending";

export async function enqueueEvaluations(brandId: string, customerIds: Iterable<string | null | undefined>): Promise<void> {
  await requestEvaluationsBestEffort(brandId, customerIds);
}
