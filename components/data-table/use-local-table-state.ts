"use client";
/**
 * Table state kept in component state instead of the URL, for a table that shares its page with others
 * (a sub-account's deposits on the sub-account page): the same parsing and patching rules as
 * `useTableUrlState`, so `useDataTable`, the toolbar and the filters work unchanged.
 */
import { useCallback, useMemo, useState } from "react";
import type { TableUrlState } from "@/components/data-table/use-table-url-state";
import { hasActiveFilters, parseTableParams, patchTableParams, resetFilterPatch, type TableParamPatch, type TableQuerySchema } from "@/components/data-table/url-state";

export function useLocalTableState<S extends TableQuerySchema>(schema: S, fixed: Record<string, string> = {}): TableUrlState<S> {
  const fixedKey = JSON.stringify(fixed);
  const [params, setParamsState] = useState(() => new URLSearchParams(fixed));
  const defaults = useMemo(() => schema.parse({}) as Record<string, unknown>, [schema]);
  const keep = useMemo(() => Object.keys(JSON.parse(fixedKey) as Record<string, string>), [fixedKey]);

  const searchParams = useMemo(() => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(JSON.parse(fixedKey) as Record<string, string>)) merged.set(key, value);
    return merged;
  }, [params, fixedKey]);
  const input = useMemo(() => parseTableParams(schema, searchParams), [schema, searchParams]);

  const setParams = useCallback((patch: TableParamPatch) => setParamsState((current) => patchTableParams(current, patch, defaults)), [defaults]);
  const resetFilters = useCallback(() => setParamsState((current) => patchTableParams(current, resetFilterPatch(current, keep), defaults)), [defaults, keep]);
  const hasFilters = useMemo(() => hasActiveFilters(searchParams, keep), [searchParams, keep]);

  return { input, searchParams, setParams, resetFilters, hasFilters };
}
