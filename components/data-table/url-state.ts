/**
 * Pure table-state <-> URL logic, kept free of React so it can be unit tested. The hook in
 * `use-table-url-state.ts` wires it to Next's router; the server parses the same params with the same
 * schema (list procedures, CSV export), so a link, a page and an export always mean the same rows.
 */
import type { z } from "zod";
import { searchParamsToObject, type TableQuery } from "@/lib/table-state";

/** Any list-input schema built on ZTableQuery (page, pageSize, sort, dir, q + its own filters). */
export type TableQuerySchema = z.ZodType<TableQuery>;

/** What a filter control may write: arrays become "a,b", dates "yyyy-mm-dd"; null/empty removes the key. */
export type TableParamValue = string | number | boolean | Date | readonly string[] | null | undefined;
export type TableParamPatch<K extends string = string> = Partial<Record<K, TableParamValue>>;

/**
 * Keys that describe which slice of rows is shown rather than which rows match. `cursor` is the keyset
 * position of a cursor-paged table (see `cursor-paging.ts`); it is only valid with the page it was read for.
 */
const PAGING_KEYS = ["page", "pageSize", "cursor"] as const;
export type PagingKey = (typeof PAGING_KEYS)[number];

/**
 * Parses search params with the table's schema. A hand-edited or stale URL must not break the page, so
 * keys that fail validation are dropped (falling back to their defaults) instead of throwing.
 */
export function parseTableParams<S extends TableQuerySchema>(
  schema: S,
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): z.output<S> {
  const raw: Record<string, string> = searchParamsToObject(params);
  // Each pass removes at least one offending key, so this terminates.
  for (let pass = 0; pass <= Object.keys(raw).length; pass++) {
    const result = schema.safeParse(raw);
    if (result.success) return result.data as z.output<S>;
    const bad = new Set(result.error.issues.map((issue) => String(issue.path[0] ?? "")));
    const before = Object.keys(raw).length;
    for (const key of bad) delete raw[key];
    if (Object.keys(raw).length === before) break;
  }
  return schema.parse({}) as z.output<S>;
}

/** A value as it travels in the URL; undefined means "remove the key". */
export function serializeParamValue(value: TableParamValue): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.length ? value.join(",") : undefined;
  const text = String(value).trim();
  return text === "" ? undefined : text;
}

/**
 * The next search params after a change. Any change to what matches (filter, search, sort) or to the page
 * size goes back to page 1, unless the patch sets `page` itself. A keyset cursor belongs to the page it
 * was read for, so every patch that does not set `cursor` drops it. Values equal to the schema's defaults
 * are dropped so URLs stay short and equal states give equal URLs.
 */
export function patchTableParams(
  current: URLSearchParams,
  patch: TableParamPatch,
  defaults: Record<string, unknown> = {},
): URLSearchParams {
  const next = new URLSearchParams(current);
  const keys = Object.keys(patch);
  for (const key of keys) {
    const value = serializeParamValue(patch[key]);
    const fallback = serializeParamValue(defaults[key] as TableParamValue);
    if (value === undefined || value === fallback) next.delete(key);
    else next.set(key, value);
  }
  if (keys.some((key) => key !== "page") && !keys.includes("page")) next.delete("page");
  if (!keys.includes("cursor")) next.delete("cursor");
  if (next.get("page") === "1") next.delete("page");
  next.sort(); // stable order: the same state always gives the same URL
  return next;
}

/** Keys to clear when the user resets filters: everything except paging, sort and keys to keep. */
export function resetFilterPatch(current: URLSearchParams, keep: readonly string[] = []): TableParamPatch {
  const patch: TableParamPatch = {};
  const preserved = new Set<string>([...PAGING_KEYS, "sort", "dir", ...keep]);
  current.forEach((_value, key) => {
    if (!preserved.has(key)) patch[key] = null;
  });
  return patch;
}

/** True when the URL filters or searches (paging and sort alone do not count). */
export function hasActiveFilters(current: URLSearchParams, keep: readonly string[] = []): boolean {
  return Object.keys(resetFilterPatch(current, keep)).length > 0;
}

/** The export link: same filters, search and sort as the page, but the whole set, not one page. */
export function buildExportHref(path: string, current: URLSearchParams): string {
  const params = new URLSearchParams(current);
  for (const key of PAGING_KEYS) params.delete(key);
  params.sort();
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export interface SortState {
  id: string;
  desc: boolean;
}

/** The table's sorting state from the parsed input; a server default is shown when the URL has none. */
export function sortingFromInput(input: Pick<TableQuery, "sort" | "dir">, defaultSort?: SortState): SortState[] {
  if (input.sort) return [{ id: input.sort, desc: input.dir === "desc" }];
  return defaultSort ? [defaultSort] : [];
}

/** The URL change for a new sorting state (single-column sort; an empty state clears it). */
export function sortPatchFromSorting(sorting: readonly SortState[]): TableParamPatch<"sort" | "dir"> {
  const first = sorting[0];
  if (!first) return { sort: null, dir: null };
  return { sort: first.id, dir: first.desc ? "desc" : "asc" };
}
