/**
 * Turns a before/after snapshot into plain JSON for the audit log: secrets replaced, binary summarised,
 * decimals, big integers and dates as strings. Keys are sorted so the stored form hashes the same
 * after PostgreSQL's jsonb reorders them.
 */
import "server-only";
import { REDACTED, SECRET_FIELD as SECRET_KEY } from "@/lib/audit/present";

export { REDACTED };

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export function toAuditJson(value: unknown, key = ""): JsonValue {
  if (key && SECRET_KEY.test(key) && value !== null && value !== undefined) return REDACTED;
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Uint8Array) return `<binary ${value.byteLength} bytes>`;
  if (Array.isArray(value)) return value.map((item) => toAuditJson(item));
  if (typeof value === "object") {
    // Decimal (decimal.js / Prisma.Decimal) and similar value objects serialise through toJSON/toString.
    const maybe = value as { toJSON?: () => unknown; constructor?: { name?: string } };
    if (typeof maybe.toJSON === "function" && maybe.constructor?.name !== "Object") return String(maybe.toJSON());
    const out: { [key: string]: JsonValue } = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = toAuditJson(v, k);
    }
    return out;
  }
  return String(value);
}

/** Stable JSON text: object keys sorted at every depth. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
