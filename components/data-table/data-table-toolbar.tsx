"use client";
/**
 * The row above a table: debounced search, filter controls (passed as children), a reset button when
 * anything is filtered, then page actions, the column menu and the CSV export on the right.
 */
import type { RowData } from "@tanstack/react-table";
import { X } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";
import { DataTableExportButton } from "./data-table-export-button";
import { DataTableTextFilter } from "./data-table-text-filter";
import { DataTableViewOptions } from "./data-table-view-options";
import type { DataTableInstance } from "./features";
import type { TableUrlState } from "./use-table-url-state";
import type { TableQuerySchema } from "./url-state";

interface DataTableToolbarProps<TData extends RowData, S extends TableQuerySchema> {
  table: DataTableInstance<TData>;
  url: TableUrlState<S>;
  /** Placeholder naming what the search matches, e.g. "Search name or email…". */
  searchPlaceholder?: string;
  /** Set false for tables without free-text search. */
  search?: boolean;
  /** Export route, e.g. "/api/export/staff"; omit to hide the button. */
  exportHref?: string;
  /** Filter controls (faceted filters, selects, date range). */
  children?: ReactNode;
  /** Page actions shown before the column menu, e.g. "New staff member". */
  actions?: ReactNode;
  className?: string;
}

export function DataTableToolbar<TData extends RowData, S extends TableQuerySchema>({
  table,
  url,
  searchPlaceholder,
  search = true,
  exportHref,
  children,
  actions,
  className,
}: DataTableToolbarProps<TData, S>) {
  const t = useT();
  return (
    <div className={cn("flex flex-wrap items-center justify-between gap-2", className)}>
      <div className="flex flex-1 flex-wrap items-center gap-2">
        {search && (
          <DataTableTextFilter
            value={url.input.q ?? ""}
            label={t("table.searchLabel")}
            placeholder={searchPlaceholder ?? t("table.search")}
            onChange={(q) => url.setParams({ q })}
          />
        )}
        {children}
        {url.hasFilters && (
          <Button variant="ghost" size="sm" className="h-8 px-2" onClick={url.resetFilters}>
            {t("table.resetFilters")}
            <X />
          </Button>
        )}
      </div>
      {/* self-start: when the filters wrap onto two lines, the actions stay level with the first. */}
      <div className="flex items-center gap-2 self-start">
        {actions}
        <DataTableViewOptions table={table} />
        {exportHref && <DataTableExportButton href={exportHref} searchParams={url.searchParams} />}
      </div>
    </div>
  );
}
