/**
 * Keyset cursors for the customer list: the sort, its direction, the sort value and id of the row at the
 * edge of the page, and which way to read from there. Base64url JSON: opaque to callers, and validated
 * on the way in, so a hand-edited cursor is refused rather than turned into a wrong query.
 */
import "server-only";
import { invalid } from "../errors";
import { CUSTOMER_SORTS, type CustomerSort } from "@/lib/customers/schemas";

export type SortDir = "asc" | "desc";

export interface ListCursor {
  sort: CustomerSort;
  dir: SortDir;
  /** The edge row's sort value as text: ISO timestamp, uid digits or name. */
  value: string;
  id: string;
  /** "next": rows after the edge row; "prev": rows before it. */
  direction: "next" | "prev";
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UID = /^[1-9]\d{0,17}$/;

export function encodeCursor(c: ListCursor): string {
  return Buffer.from(JSON.stringify({ s: c.sort, d: c.dir, v: c.value, i: c.id, k: c.direction }), "utf8").toString("base64url");
}

function validValue(sort: CustomerSort, value: unknown): value is string {
  if (typeof value !== "string") return false;
  if (sort === "registeredAt") return ISO_TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
  if (sort === "uid") return UID.test(value);
  return value.length <= 200;
}

/** Reads a cursor made for this sort and direction; anything else is a VALIDATION error on `cursor`. */
export function decodeCursor(text: string, expected: { sort: CustomerSort; dir: SortDir }): ListCursor {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw invalid("cursor", "errors.invalidCursor");
  }
  if (!raw || typeof raw !== "object") throw invalid("cursor", "errors.invalidCursor");
  const { s, d, v, i, k } = raw as Record<string, unknown>;
  if (
    !(CUSTOMER_SORTS as readonly unknown[]).includes(s) ||
    (d !== "asc" && d !== "desc") ||
    (k !== "next" && k !== "prev") ||
    typeof i !== "string" ||
    !UUID.test(i) ||
    !validValue(s as CustomerSort, v)
  ) {
    throw invalid("cursor", "errors.invalidCursor");
  }
  if (s !== expected.sort || d !== expected.dir) throw invalid("cursor", "errors.staleCursor");
  return { sort: s as CustomerSort, dir: d, value: v, id: i.toLowerCase(), direction: k };
}
