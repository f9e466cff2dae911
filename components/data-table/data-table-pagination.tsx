"use client";
/**
 * Rows per page, "Page X of Y", total rows and the page buttons of a server-paged table. Offset-paged
 * tables get first/previous/next/last; keyset-paged tables (`cursor` given) get first/previous/next,
 * since a cursor can step but not jump, and show a capped total as "10,000+".
 */
import type { RowData } from "@tanstack/react-table";
import { ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import { PAGE_SIZES } from "@/lib/table-state";
import { cn } from "@/lib/utils";
import { cursorTargets, formatCount, type CursorPaging } from "./cursor-paging";
import type { DataTableInstance } from "./features";

interface DataTablePaginationProps<TData extends RowData> {
  table: DataTableInstance<TData>;
  /** Page by keyset cursor instead of by page number. */
  cursor?: CursorPaging;
  /** First load: no count to show yet (not "0 rows"). */
  isLoading?: boolean;
  className?: string;
}

export function DataTablePagination<TData extends RowData>({ table, cursor, isLoading, className }: DataTablePaginationProps<TData>) {
  const t = useT();
  const { number: format } = useFormat();
  const sizeLabelId = useId();
  const { pageIndex, pageSize } = table.state.pagination;
  const pageCount = Math.max(1, table.getPageCount());
  const total = table.getRowCount();
  const exact = cursor?.totalIsExact ?? true;
  // A capped total says "500+ pages"; one may have stepped past that by cursor.
  const pages = exact ? pageCount : Math.max(pageCount, pageIndex + 1);

  return (
    <div className={cn("flex flex-wrap items-center justify-between gap-x-6 gap-y-2 px-1 text-sm", className)}>
      <p className="text-muted-foreground tabular-nums" aria-live="polite">
        {isLoading ? t("common.loading") : t("table.totalRows", { count: formatCount(total, exact, format) })}
      </p>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <div className="flex items-center gap-2">
          <span id={sizeLabelId} className="whitespace-nowrap text-muted-foreground">
            {t("table.rowsPerPage")}
          </span>
          <Select value={String(pageSize)} onValueChange={(value) => table.setPageSize(Number(value))}>
            <SelectTrigger size="sm" className="w-[4.5rem]" aria-labelledby={sizeLabelId}>
              <SelectValue />
            </SelectTrigger>
            <SelectContent side="top">
              {PAGE_SIZES.map((size) => (
                <SelectItem key={size} value={String(size)}>
                  {size}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <span className="min-w-[7rem] text-center font-medium whitespace-nowrap tabular-nums">
          {t("table.pageOf", { page: format(pageIndex + 1), pages: formatCount(pages, exact, format) })}
        </span>
        {cursor ? <CursorButtons page={pageIndex + 1} cursor={cursor} /> : <OffsetButtons table={table} />}
      </div>
    </div>
  );
}

function OffsetButtons<TData extends RowData>({ table }: { table: DataTableInstance<TData> }) {
  const t = useT();
  return (
    <div className="flex items-center gap-1">
      <PageButton label={t("table.firstPage")} disabled={!table.getCanPreviousPage()} onClick={() => table.firstPage()}>
        <ChevronsLeft />
      </PageButton>
      <PageButton label={t("table.previousPage")} disabled={!table.getCanPreviousPage()} onClick={() => table.previousPage()}>
        <ChevronLeft />
      </PageButton>
      <PageButton label={t("table.nextPage")} disabled={!table.getCanNextPage()} onClick={() => table.nextPage()}>
        <ChevronRight />
      </PageButton>
      <PageButton label={t("table.lastPage")} disabled={!table.getCanNextPage()} onClick={() => table.lastPage()}>
        <ChevronsRight />
      </PageButton>
    </div>
  );
}

function CursorButtons({ page, cursor }: { page: number; cursor: CursorPaging }) {
  const t = useT();
  const { first, previous, next } = cursorTargets(page, cursor);
  return (
    <div className="flex items-center gap-1">
      <PageButton label={t("table.firstPage")} disabled={!first} onClick={() => first && cursor.goTo(first)}>
        <ChevronsLeft />
      </PageButton>
      <PageButton label={t("table.previousPage")} disabled={!previous} onClick={() => previous && cursor.goTo(previous)}>
        <ChevronLeft />
      </PageButton>
      <PageButton label={t("table.nextPage")} disabled={!next} onClick={() => next && cursor.goTo(next)}>
        <ChevronRight />
      </PageButton>
    </div>
  );
}

function PageButton({ label, ...props }: React.ComponentProps<typeof Button> & { label: string }) {
  return <Button type="button" variant="outline" size="icon-sm" aria-label={label} title={label} {...props} />;
}
