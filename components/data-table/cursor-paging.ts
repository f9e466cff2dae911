/**
 * Keyset ("cursor") paging for tables too large for OFFSET and COUNT(*): the list procedure returns the
 * cursors of the neighbouring pages and a total that may be a lower bound. The URL holds `cursor` (what
 * the server reads) next to `page` (only the number shown), so a link reopens the same page. There is
 * no "last page": a keyset can walk forward and back, not jump.
 */
import type { Page } from "@/lib/table-state";

export interface CursorPageInfo {
  /** Cursor of the page after this one; null on the last page. */
  nextCursor: string | null;
  /** Cursor of the page before this one; null on the first page. */
  prevCursor: string | null;
  /** False when `total` is a cap ("10,000+") rather than an exact count. */
  totalIsExact: boolean;
}

export type CursorPage<Row> = Page<Row> & CursorPageInfo;

/** A page to go to: its number (for display) and the cursor that reads it; null reads from the start. */
export interface CursorTarget {
  page: number;
  cursor: string | null;
}

export interface CursorPaging extends CursorPageInfo {
  goTo: (target: CursorTarget) => void;
}

/**
 * Where First / Previous / Next lead from `page` (1-based); null where the button is disabled. Back to
 * page 1 always clears the cursor, so the first page is read the same way however one gets there.
 */
export function cursorTargets(page: number, info: CursorPageInfo) {
  const first: CursorTarget = { page: 1, cursor: null };
  let previous: CursorTarget | null = null;
  if (page === 2) previous = first;
  else if (page > 2 && info.prevCursor) previous = { page: page - 1, cursor: info.prevCursor };
  return {
    first: page > 1 ? first : null,
    previous,
    next: info.nextCursor ? { page: page + 1, cursor: info.nextCursor } : null,
  };
}

/** "10,000" or "10,000+" for a capped total. */
export function formatCount(n: number, exact: boolean, format: (n: number) => string): string {
  return exact ? format(n) : `${format(n)}+`;
}
