/**
 * How an audit entry is put into words, shared by the page, the export and the server: the dictionary
 * key of an action, which fields are secret, and the table of fields an entry changed.
 */

/** The dictionary key of an action code ("customer.freeze" → "customer_freeze"); dots cannot be keys. */
export const actionKey = (action: string) => action.replace(/[^A-Za-z0-9_]/g, "_");

/** Field names whose values are secrets: never stored, shown or exported, at any depth. */
export const SECRET_FIELD = /(password|secret|passphrase|totp|token|apikey|api_key|privatekey|private_key|credential)/i;
export const REDACTED = "[REDACTED]";

/** Bookkeeping that every change moves and no reader needs in the table (the raw record keeps it). */
const BOOKKEEPING = new Set(["id", "version", "updatedAt"]);

export interface FieldDiffRow {
  field: string;
  /** `undefined` when the entry has no before snapshot (something created) or lacked the field. */
  before: unknown;
  after: unknown;
  /** A secret: the page shows "redacted" for whichever side holds a value. */
  redacted: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const empty = (v: unknown) => v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);

/**
 * The fields an entry changed, sorted by name: those that differ between before and after; for an entry
 * that created (or removed) something, the fields it set (or had), empty ones left out.
 */
export function fieldDiff(before: unknown, after: unknown): FieldDiffRow[] {
  const b = isRecord(before) ? before : null;
  const a = isRecord(after) ? after : null;
  if (!a && !b) return [];
  const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((f) => !BOOKKEEPING.has(f)).sort();
  return fields
    .filter((field) => (a && b ? !same(b[field], a[field]) : !empty((a ?? b)![field])))
    .map((field) => {
      const beforeValue = b ? b[field] : undefined;
      const afterValue = a ? a[field] : undefined;
      const redacted = SECRET_FIELD.test(field) || beforeValue === REDACTED || afterValue === REDACTED;
      return { field, before: beforeValue, after: afterValue, redacted };
    });
}

/**
 * Dictionaries that put a coded value into words, by field and, where kinds of record share a field name
 * with different codes (status), by kind. `*` applies to every kind.
 */
export const AUDIT_VALUE_WORDS: Record<string, Record<string, string>> = {
  status: {
    customer: "customers.status",
    kyc_application: "customers.kyc.statuses",
    bonus_campaign: "bonuses.campaignStatuses",
    bonus_grant: "bonuses.grantStatuses",
    bonus_grant_batch: "bonuses.batchStatuses",
    staff_user: "staff.status",
    brand: "platformBrands.status",
    trading_account: "tradingAccounts.statuses",
  },
  role: { "*": "shell.roles" },
  scenario: { "*": "customers.kyc.scenarios" },
  kind: { "*": "kyc.documentKind" },
  registrationSource: { "*": "customers.sources" },
  language: { "*": "customers.languages" },
};

/** The dictionary key that puts `value` of `field` into words for this kind of record, if any. */
export function valueWordsKey(entityType: string, field: string, value: unknown): string | null {
  if (typeof value !== "string") return null;
  const byKind = AUDIT_VALUE_WORDS[field];
  const prefix = byKind?.[entityType] ?? byKind?.["*"];
  return prefix ? `${prefix}.${value}` : null;
}

/** A record an entry is about, or a customer it belongs to, as the page links it. */
export interface AuditRef {
  label: string;
  href: string | null;
}

/** Where each kind of record is shown; kinds without a page of their own link to their list. */
export const AUDIT_ENTITY_PAGES: Record<string, (id: string) => string> = {
  customer: (id) => `/customers/${id}`,
  kyc_application: (id) => `/kyc/${id}`,
  bonus_campaign: (id) => `/bonuses/${id}`,
  subaccount: (id) => `/sub-accounts/${id}`,
  customer_group: () => "/customers/groups",
  kyc_rejection_reason: () => "/kyc/settings",
  staff_user: () => "/staff",
  fund_lock: () => "/fund-locks",
  partner_key: () => "/partner-keys",
  announcement: (id) => `/messages/announcements/${id}`,
  job: () => "/jobs",
  job_queue: () => "/jobs",
};

export const auditEntityHref = (entityType: string, id: string | null): string | null =>
  id && AUDIT_ENTITY_PAGES[entityType] ? AUDIT_ENTITY_PAGES[entityType](id) : null;

/** Who acted, in words: staff by name (their email when the name is unknown), the system as such. */
export function actorInWords(
  entry: { actorType: string; actorName: string | null; actorLabel: string | null },
  words: { system: string; unknown: string },
): string {
  if (entry.actorType === "system") return words.system;
  return entry.actorName ?? entry.actorLabel ?? words.unknown;
}
