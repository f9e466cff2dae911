/**
 * Ids at the edge. Rows are keyed by UUIDs (PostgreSQL `uuid`); audit entries by a `bigint` sequence, which
 * only travels inside keyset cursors. A value that is neither must be refused before a query casts it —
 * `'-'::uuid` or a 20-digit bigint is a database error, not "not found". Client-safe.
 */
import { z } from "zod";

/** Any text PostgreSQL reads as a uuid (zod's z.uuid is stricter, which is fine at the edge). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

/** A row id; the message names what is unknown ("Unknown customer"). */
export const zId = (error?: string) => z.uuid(error ? { error } : undefined);

/** PostgreSQL's int8 upper bound. */
export const INT8_MAX = 9_223_372_036_854_775_807n;
/** A non-negative bigint id as decimal text, within int8. */
export const isInt8Text = (value: unknown): value is string => typeof value === "string" && /^\d{1,19}$/.test(value) && BigInt(value) <= INT8_MAX;
