"use client";
/**
 * Renders one server page of a `useDataTable` table: header with sort state, rows, a skeleton for the
 * first load, an empty state, and the pagination bar. While the next page loads the previous rows stay
 * (the query uses placeholder data) under a thin progress bar, so paging never shifts the layout.
 */
import type { RowData } from "@tanstack/react-table";
import { SearchX, TriangleAlert } from "lucide-react";
import type { KeyboardEvent, MouseEvent, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";
import type { CursorPaging } from "./cursor-paging";
import { ariaSort } from "./data-table-column-header";
import { DataTablePagination } from "./data-table-pagination";
import type { DataTableInstance } from "./features";

export interface DataTableProps<TData extends RowData> {
  table: DataTableInstance<TData>;
  /** No data yet (first load): show skeleton rows. */
  isLoading?: boolean;
  /** A request is running (page change or background refresh): show the thin progress bar. */
  isFetching?: boolean;
  /** The rows shown belong to the previous request (placeholder data while paging or filtering): dim them. */
  isPlaceholder?: boolean;
  /** The query failed and there is nothing to show. */
  error?: string | null;
  onRetry?: () => void;
  /** Makes rows clickable and keyboard-activatable (Enter / Space). */
  onRowClick?: (row: TData) => void;
  /** Whether filters are active: changes the empty-state wording. */
  filtered?: boolean;
  /** Replaces the default empty state (e.g. with a "create the first one" action). */
  empty?: ReactNode;
  /** Accessible caption of the table. */
  caption?: string;
  /** Keyset paging (from `useCursorPaging`); without it the table pages by number. */
  cursorPaging?: CursorPaging;
  /** A line under a row, across all its columns (e.g. why a file failed); null for none. */
  rowDetail?: (row: TData) => ReactNode;
  className?: string;
}

const SKELETON_ROWS = 10;

/** Clicks on controls inside a row (menus, links, buttons) must not also activate the row. */
function fromInteractive(event: MouseEvent | KeyboardEvent) {
  const target = event.target as HTMLElement;
  return target !== event.currentTarget && Boolean(target.closest("a,button,input,select,textarea,[role=menuitem]"));
}

export function DataTable<TData extends RowData>({
  table,
  isLoading,
  isFetching,
  isPlaceholder,
  error,
  onRetry,
  onRowClick,
  filtered,
  empty,
  caption,
  cursorPaging,
  rowDetail,
  className,
}: DataTableProps<TData>) {
  const t = useT();
  const rows = table.getRowModel().rows;
  const columnCount = table.getVisibleLeafColumns().length;
  const pageSize = table.state.pagination.pageSize;

  let body: ReactNode;
  if (isLoading) {
    body = Array.from({ length: Math.min(pageSize, SKELETON_ROWS) }, (_, i) => (
      <TableRow key={`skeleton-${i}`} className="h-10 hover:bg-transparent">
        {table.getVisibleLeafColumns().map((column) => (
          <TableCell key={column.id} className={column.columnDef.meta?.className}>
            <Skeleton className="h-4 w-full max-w-32" />
          </TableCell>
        ))}
      </TableRow>
    ));
  } else if (error && rows.length === 0) {
    body = (
      <TableRow className="hover:bg-transparent">
        <TableCell colSpan={columnCount} className="p-4">
          <EmptyState
            icon={TriangleAlert}
            title={t("table.loadError")}
            description={error}
            className="border-0"
            action={
              onRetry && (
                <Button variant="outline" size="sm" onClick={onRetry}>
                  {t("table.retry")}
                </Button>
              )
            }
          />
        </TableCell>
      </TableRow>
    );
  } else if (rows.length === 0) {
    body = (
      <TableRow className="hover:bg-transparent">
        <TableCell colSpan={columnCount} className="p-4 whitespace-normal">
          {empty ?? (
            <EmptyState
              icon={SearchX}
              className="border-0"
              title={filtered ? t("table.emptyFiltered") : t("table.empty")}
              description={filtered ? t("table.emptyFilteredHint") : undefined}
            />
          )}
        </TableCell>
      </TableRow>
    );
  } else {
    body = rows.map((row) => {
      const detail = rowDetail?.(row.original) ?? null;
      const main = (
        <TableRow
          key={row.id}
          className={cn("h-10", onRowClick && "cursor-pointer focus-visible:bg-muted/50 focus-visible:outline-none", detail && "border-b-0")}
          tabIndex={onRowClick ? 0 : undefined}
          onClick={onRowClick ? (event) => !fromInteractive(event) && onRowClick(row.original) : undefined}
          onKeyDown={
            onRowClick
              ? (event) => {
                  if ((event.key === "Enter" || event.key === " ") && !fromInteractive(event)) {
                    event.preventDefault();
                    onRowClick(row.original);
                  }
                }
              : undefined
          }
        >
          {row.getVisibleCells().map((cell) => (
            <TableCell key={cell.id} className={cell.column.columnDef.meta?.className}>
              <table.FlexRender cell={cell} />
            </TableCell>
          ))}
        </TableRow>
      );
      if (!detail) return main;
      return [
        main,
        <TableRow key={`${row.id}-detail`} className="hover:bg-transparent">
          <TableCell colSpan={columnCount} className="pt-0 whitespace-normal">
            {detail}
          </TableCell>
        </TableRow>,
      ];
    });
  }

  const busy = Boolean(isFetching && !isLoading);
  return (
    <div className={cn("flex flex-col gap-3", className)}>
      <div className="relative overflow-hidden rounded-md border bg-card">
        <div
          aria-hidden
          className={cn(
            "absolute inset-x-0 top-0 z-10 h-0.5 overflow-hidden transition-opacity",
            busy ? "opacity-100" : "opacity-0",
          )}
        >
          <div className="h-full w-full animate-pulse bg-primary/60" />
        </div>
        <Table aria-busy={isLoading || isPlaceholder || undefined}>
          {caption && <caption className="sr-only">{caption}</caption>}
          <TableHeader className="bg-muted/40">
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id} className="hover:bg-transparent">
                {group.headers.map((header) => (
                  <TableHead
                    key={header.id}
                    colSpan={header.colSpan}
                    aria-sort={ariaSort(header.column)}
                    className={cn("h-9 text-xs text-muted-foreground", header.column.columnDef.meta?.className)}
                  >
                    {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                  </TableHead>
                ))}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody className={cn("transition-opacity", isPlaceholder && "opacity-60")}>{body}</TableBody>
        </Table>
      </div>
      <DataTablePagination table={table} cursor={cursorPaging} isLoading={isLoading} />
    </div>
  );
}
