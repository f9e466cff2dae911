"use client";
/**
 * Table state (page, size, sort, search, filters) lives in the URL so it survives reloads and can be
 * shared. The URL is parsed by the list procedure's own input schema, so `input` can go straight into
 * `trpc.x.list.queryOptions(input)`.
 *
 * Writes use `history.replaceState`, which Next's router picks up (useSearchParams re-renders) without
 * a server round trip: `router.replace` would re-render the server page and delay the data query behind
 * it on every keystroke. Replace, not push, so Back leaves the page instead of undoing each filter.
 */
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { z } from "zod";
import type { TableQuery } from "@/lib/table-state";
import {
  hasActiveFilters,
  parseTableParams,
  patchTableParams,
  resetFilterPatch,
  type PagingKey,
  type TableParamPatch,
  type TableQuerySchema,
} from "./url-state";

/** The params a table may write: its schema's keys (which include page, pageSize, sort, dir and q). */
export type TableParamKey<S extends TableQuerySchema> = Extract<keyof z.output<S>, string>;

export interface TableUrlState<S extends TableQuerySchema> {
  /** The parsed input for the list query (defaults filled in, bad params dropped). */
  input: z.output<S>;
  /** The raw params, e.g. for date inputs that should show exactly what the URL says. */
  searchParams: URLSearchParams;
  /** Change some params; anything but `page` sends the user back to page 1 (and drops a keyset cursor). */
  setParams: (patch: TableParamPatch<TableParamKey<S>> | TableParamPatch<keyof TableQuery | PagingKey>) => void;
  /** Clear search and filters, keeping page size and sort. */
  resetFilters: () => void;
  hasFilters: boolean;
}

export function useTableUrlState<S extends TableQuerySchema>(schema: S, options: { keep?: readonly string[] } = {}): TableUrlState<S> {
  const pathname = usePathname();
  const readOnlyParams = useSearchParams();
  const keepKey = (options.keep ?? []).join(",");

  const searchParams = useMemo(() => new URLSearchParams(readOnlyParams.toString()), [readOnlyParams]);
  const input = useMemo(() => parseTableParams(schema, searchParams), [schema, searchParams]);
  const defaults = useMemo(() => schema.parse({}) as Record<string, unknown>, [schema]);

  const write = useCallback(
    (patch: TableParamPatch) => {
      // A debounced search landing after a click on a row's link must not pull the browser back here.
      if (window.location.pathname !== pathname) return;
      // Read the live URL, not the render's snapshot, so two quick changes don't overwrite each other.
      const next = patchTableParams(new URLSearchParams(window.location.search), patch, defaults);
      const qs = next.toString();
      window.history.replaceState(null, "", qs ? `${pathname}?${qs}` : pathname);
    },
    [defaults, pathname],
  );

  const resetFilters = useCallback(() => {
    write(resetFilterPatch(new URLSearchParams(window.location.search), keepKey ? keepKey.split(",") : []));
  }, [write, keepKey]);

  const hasFilters = useMemo(
    () => hasActiveFilters(searchParams, keepKey ? keepKey.split(",") : []),
    [searchParams, keepKey],
  );

  return { input, searchParams, setParams: write, resetFilters, hasFilters };
}
