/**
 * Reading and writing keyset cursors: base64url JSON objects of text fields. A cursor that is not one is
 * refused on `cursor` (a 400), and so must be each field the caller then checks — a time that is not a real
 * instant in range (lib/validation/dates.ts), an id that is not a uuid or overflows int8 (lib/validation/ids.ts):
 * whatever passes here goes into SQL, where a bad value is a 500.
 */
import "server-only";
import { invalid, type ErrorReason } from "../errors";

export const writeCursor = (fields: Record<string, string>) => Buffer.from(JSON.stringify(fields), "utf8").toString("base64url");

/** The cursor's fields, or a VALIDATION error on `cursor` with `reason`. */
export function readCursor(text: string, reason: ErrorReason = "errors.invalidCursor"): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw invalid("cursor", reason);
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw invalid("cursor", reason);
  return raw as Record<string, unknown>;
}
