"use client";
/**
 * The cursor-paging state of a keyset-paged table (see `cursor-paging.ts`), for `<DataTable cursorPaging>`.
 * While the rows shown still belong to the previous request, their cursors would lead from the wrong
 * page, so they are withheld until the new page arrives (Next / Previous stay disabled meanwhile).
 */
import { useCallback, useMemo } from "react";
import type { CursorPageInfo, CursorPaging, CursorTarget } from "./cursor-paging";
import type { TableUrlState } from "./use-table-url-state";
import type { TableQuerySchema } from "./url-state";

export function useCursorPaging<S extends TableQuerySchema>(
  page: CursorPageInfo | undefined,
  url: TableUrlState<S>,
  { stale }: { stale: boolean },
): CursorPaging {
  const { setParams } = url;
  const goTo = useCallback((target: CursorTarget) => setParams({ page: target.page, cursor: target.cursor }), [setParams]);
  const current = stale ? undefined : page;
  const nextCursor = current?.nextCursor ?? null;
  const prevCursor = current?.prevCursor ?? null;
  const totalIsExact = page?.totalIsExact ?? true;
  return useMemo(() => ({ nextCursor, prevCursor, totalIsExact, goTo }), [nextCursor, prevCursor, totalIsExact, goTo]);
}
