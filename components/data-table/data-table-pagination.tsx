"use client";
/** Rows per page, "Page X of Y", total rows and first/previous/next/last, for a server-paged table. */
import type { RowData } from "@tanstack/react-table";
import { ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useT } from "@/lib/i18n/client";
import { PAGE_SIZES } from "@/lib/table-state";
import { cn } from "@/lib/utils";
import type { DataTableInstance } from "./features";

interface DataTablePaginationProps<TData extends RowData> {
  table: DataTableInstance<TData>;
  className?: string;
}

export function DataTablePagination<TData extends RowData>({ table, className }: DataTablePaginationProps<TData>) {
  const t = useT();
  const sizeLabelId = useId();
  const { pageIndex, pageSize } = table.state.pagination;
  const pageCount = Math.max(1, table.getPageCount());
  const total = table.getRowCount();
  const format = (n: number) => n.toLocaleString();

  return (
    <div className={cn("flex flex-wrap items-center justify-between gap-x-6 gap-y-2 px-1 text-sm", className)}>
      <p className="text-muted-foreground tabular-nums" aria-live="polite">
        {t("table.totalRows", { count: format(total) })}
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
          {t("table.pageOf", { page: format(pageIndex + 1), pages: format(pageCount) })}
        </span>
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
      </div>
    </div>
  );
}

function PageButton({ label, ...props }: React.ComponentProps<typeof Button> & { label: string }) {
  return <Button type="button" variant="outline" size="icon-sm" aria-label={label} title={label} {...props} />;
}
