"use client";
/**
 * A sortable column title. One click cycles the server sort (first direction, other direction, off);
 * the state is announced through `aria-sort` on the <th> (see `ariaSort`), not by the button label.
 */
import type { CellData, Column, RowData } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import { cn } from "@/lib/utils";
import type { DataTableFeatures } from "./features";

interface DataTableColumnHeaderProps<TData extends RowData, TValue extends CellData> {
  column: Column<DataTableFeatures, TData, TValue>;
  title: string;
  className?: string;
}

export function DataTableColumnHeader<TData extends RowData, TValue extends CellData>({
  column,
  title,
  className,
}: DataTableColumnHeaderProps<TData, TValue>) {
  if (!column.getCanSort()) return <span className={className}>{title}</span>;
  const sorted = column.getIsSorted();
  const Icon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ChevronsUpDown;
  return (
    <button
      type="button"
      onClick={column.getToggleSortingHandler()}
      className={cn(
        "-ml-2 inline-flex h-7 items-center gap-1 rounded-md px-2 font-medium whitespace-nowrap outline-none hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
        sorted && "text-foreground",
        className,
      )}
    >
      {title}
      <Icon aria-hidden className={cn("size-3.5", !sorted && "text-muted-foreground/60")} />
    </button>
  );
}

/** The <th> attribute for a column's sort state. */
export function ariaSort<TData extends RowData, TValue extends CellData>(
  column: Column<DataTableFeatures, TData, TValue>,
): "ascending" | "descending" | undefined {
  const sorted = column.getIsSorted();
  return sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined;
}
