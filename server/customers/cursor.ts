/**
 * Keyset cursors for the customer list: the sort, its direction, the sort value and id of the row at the
 * edge of the page, and which way to read from there. Base64url JSON: opaque to callers, and validated
 * on the way in, so a hand-edited cursor is refused rather than turned into a wrong query.
 */
import "server-only";
import { readCursor, writeCursor } from "../db/cursor";
import { invalid } from "../errors";
import { CUSTOMER_SORTS, type CustomerSort } from "@/lib/customers/schemas";
import { isIsoTimestamp } from "@/lib/validation/dates";
import { isUuid } from "@/lib/validation/ids";
import { isPlainText } from "@/lib/validation/text";

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

const UID = /^[1-9]\d{0,17}$/;

export const encodeCursor = (c: ListCursor): string => writeCursor({ s: c.sort, d: c.dir, v: c.value, i: c.id, k: c.direction });

/** The sort value as its column can compare it: a real instant, a uid, or a name PostgreSQL can hold. */
function validValue(sort: CustomerSort, value: unknown): value is string {
  if (typeof value !== "string") return false;
  if (sort === "registeredAt") return isIsoTimestamp(value);
  if (sort === "uid") return UID.test(value);
  return value.length <= 200 && isPlainText(value);
}

/** Reads a cursor made for this sort and direction; anything else is a VALIDATION error on `cursor`. */
export function decodeCursor(text: string, expected: { sort: CustomerSort; dir: SortDir }): ListCursor {
  const { s, d, v, i, k } = readCursor(text);
  if (
    !(CUSTOMER_SORTS as readonly unknown[]).includes(s) ||
    (d !== "asc" && d !== "desc") ||
    (k !== "next" && k !== "prev") ||
    !isUuid(i) ||
    !validValue(s as CustomerSort, v)
  ) {
    throw invalid("cursor", "errors.invalidCursor");
  }
  if (s !== expected.sort || d !== expected.dir) throw invalid("cursor", "errors.staleCursor");
  return { sort: s as CustomerSort, dir: d, value: v, id: i.toLowerCase(), direction: k };
}
