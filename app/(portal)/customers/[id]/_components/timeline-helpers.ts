/** Pure helpers of the customer timeline, kept out of the components so they can be unit tested. */

export interface FieldChange {
  field: string;
  /** Absent when the entry created something (nothing before). */
  before?: unknown;
  after: unknown;
}

/** Bookkeeping in the snapshots that says nothing to a reader. */
// Ids and checksums: the entry's actor and action already say who and what; the application page has the rest.
const NOISE = new Set([
  "version",
  "uid",
  "noteId",
  "applicationId",
  "updatedAt",
  "createdAt",
  "customerId",
  "documentId",
  "assigneeId",
  "firstApproverId",
  "decidedById",
  "sha256",
  "mimeType",
  "sizeBytes",
  "storageKey",
  "id",
  "journalId",
  "adjustmentId",
  "transferId",
  "tradingAccountId",
  "campaignId",
  "batchId",
  "idempotencyKey",
  "riskRuleId",
]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What an audit entry changed: the fields whose values differ between its before and after snapshots,
 * or, for an entry that created something, the fields it set (empty values left out).
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  if (!isRecord(after)) return [];
  if (!isRecord(before)) {
    return Object.entries(after)
      .filter(([field, value]) => !NOISE.has(field) && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0))
      .map(([field, value]) => ({ field, after: value }));
  }
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields]
    .filter((field) => !NOISE.has(field) && !same(before[field], after[field]))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

/** The dictionary key of an action ("customer.set_group" → "customer_set_group"); dots cannot be keys. */
export const actionKey = (action: string) => action.replace(/[^A-Za-z0-9_]/g, "_");
