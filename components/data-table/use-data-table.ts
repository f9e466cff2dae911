"use client";
/**
 * A TanStack Table v9 instance for one server page of rows. Pagination and sorting are "manual": the
 * server already filtered, sorted and sliced `page.rows`; the table only holds state, and that state is
 * the URL (read from `url.input`, written through `url.setParams`). Column visibility is a personal
 * preference, so it lives in localStorage (per table id) rather than in shareable URLs.
 */
import {
  functionalUpdate,
  useTable,
  type ColumnVisibilityState,
  type PaginationState,
  type RowData,
  type SortingState,
  type TableOptions,
  type Updater,
} from "@tanstack/react-table";
import { useCallback, useEffect, useMemo, useSyncExternalStore } from "react";
import type { Page } from "@/lib/table-state";
import { dataTableFeatures, type DataTableFeatures, type DataTableInstance } from "./features";
import type { TableUrlState } from "./use-table-url-state";
import { sortingFromInput, sortPatchFromSorting, type SortState, type TableQuerySchema } from "./url-state";

export interface UseDataTableOptions<TData extends RowData, S extends TableQuerySchema> {
  /** Stable id of the table, e.g. "staff"; keys the column preference in localStorage. */
  id: string;
  /** Keep stable (module scope or useMemo): new columns rebuild the table model. */
  columns: TableOptions<DataTableFeatures, TData>["columns"];
  /** The current query result; undefined while the first page loads. */
  page: Page<TData> | undefined;
  url: TableUrlState<S>;
  getRowId: (row: TData) => string;
  /** The order the server uses when the URL names none, so the header shows it. */
  defaultSort?: SortState;
  /** Columns hidden until the user shows them from "View". */
  defaultHidden?: readonly string[];
  /** "keyset" for tables paged by cursor (see `cursor-paging.ts`); "offset" (default) pages by number. */
  paging?: "offset" | "keyset";
}

const EMPTY: never[] = [];

export function useDataTable<TData extends RowData, S extends TableQuerySchema>(
  options: UseDataTableOptions<TData, S>,
): DataTableInstance<TData> {
  const { id, columns, page, url, getRowId, defaultSort, defaultHidden, paging = "offset" } = options;
  const { input, setParams } = url;

  const pagination = useMemo<PaginationState>(
    () => ({ pageIndex: input.page - 1, pageSize: input.pageSize }),
    [input.page, input.pageSize],
  );
  const defaultSortId = defaultSort?.id;
  const defaultSortDesc = defaultSort?.desc;
  const sorting = useMemo<SortingState>(
    () =>
      sortingFromInput(
        { sort: input.sort, dir: input.dir },
        defaultSortId ? { id: defaultSortId, desc: defaultSortDesc ?? true } : undefined,
      ),
    [input.sort, input.dir, defaultSortId, defaultSortDesc],
  );
  const [columnVisibility, setColumnVisibility] = useStoredVisibility(`bd.table.${id}.columns`, defaultHidden);

  const onPaginationChange = useCallback(
    (updater: Updater<PaginationState>) => {
      const next = functionalUpdate(updater, pagination);
      // A new page size means a new slicing: go back to page 1 (setParams does that for non-page keys).
      if (next.pageSize !== pagination.pageSize) setParams({ pageSize: next.pageSize });
      else if (next.pageIndex !== pagination.pageIndex) setParams({ page: next.pageIndex + 1 });
    },
    [pagination, setParams],
  );
  const onSortingChange = useCallback(
    (updater: Updater<SortingState>) => setParams(sortPatchFromSorting(functionalUpdate(updater, sorting))),
    [sorting, setParams],
  );

  // A bookmarked page beyond the end (rows were deleted, filters narrowed elsewhere): go to the last page,
  // or, when paging by cursor (which cannot jump to the end), back to the first.
  const total = page?.total ?? 0;
  const emptyPage = page !== undefined && page.rows.length === 0;
  useEffect(() => {
    const last = paging === "keyset" ? 1 : Math.max(1, Math.ceil(total / input.pageSize));
    if (emptyPage && total > 0 && input.page > last) setParams({ page: last });
  }, [emptyPage, total, input.page, input.pageSize, setParams, paging]);

  return useTable({
    features: dataTableFeatures,
    columns,
    data: page?.rows ?? EMPTY,
    getRowId,
    rowCount: total,
    manualPagination: true,
    manualSorting: true,
    autoResetPageIndex: false, // the page is the URL's; new data must not move it
    enableMultiSort: false,
    state: { pagination, sorting, columnVisibility },
    onPaginationChange,
    onSortingChange,
    onColumnVisibilityChange: setColumnVisibility,
  });
}

/* Column visibility in localStorage, read through useSyncExternalStore so the server render and the
   first client render agree (defaults) and the stored choice applies right after hydration. */

const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage disabled (privacy mode): fall back to defaults
  }
}

function parseVisibility(raw: string | null, defaultHidden: readonly string[] = []): ColumnVisibilityState {
  const base: ColumnVisibilityState = Object.fromEntries(defaultHidden.map((column) => [column, false]));
  if (!raw) return base;
  try {
    const stored: unknown = JSON.parse(raw);
    if (!stored || typeof stored !== "object" || Array.isArray(stored)) return base;
    for (const [column, visible] of Object.entries(stored)) if (typeof visible === "boolean") base[column] = visible;
  } catch {
    // a corrupt preference is not worth an error: use the defaults
  }
  return base;
}

function useStoredVisibility(key: string, defaultHidden?: readonly string[]) {
  const raw = useSyncExternalStore(
    subscribe,
    () => readStored(key),
    () => null,
  );
  const hiddenKey = (defaultHidden ?? []).join(",");
  const visibility = useMemo(() => parseVisibility(raw, hiddenKey ? hiddenKey.split(",") : []), [raw, hiddenKey]);
  const setVisibility = useCallback(
    (updater: Updater<ColumnVisibilityState>) => {
      const next = functionalUpdate(updater, visibility);
      try {
        window.localStorage.setItem(key, JSON.stringify(next));
      } catch {
        return;
      }
      listeners.forEach((listener) => listener());
    },
    [key, visibility],
  );
  return [visibility, setVisibility] as const;
}
