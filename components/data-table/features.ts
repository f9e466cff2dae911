/**
 * The one feature set every server-side table uses: sorting and pagination state (processing stays on
 * the server, so no row-model slots) and column visibility. One shared set keeps the kit's components
 * fully typed without generics over features.
 */
import {
  columnVisibilityFeature,
  createColumnHelper,
  metaHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  type Cell,
  type Column,
  type Header,
  type Row,
  type RowData,
} from "@tanstack/react-table";
import type { ReactTable } from "@tanstack/react-table";

export interface DataTableColumnMeta {
  /** Name shown in the column-visibility menu (and the header's default title). */
  label?: string;
  /** Extra classes for the header and body cells, e.g. widths or `text-right tabular-nums`. */
  className?: string;
}

export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
});
export type DataTableFeatures = typeof dataTableFeatures;

/** `const col = createDataTableColumnHelper<StaffRow>(); col.columns([col.accessor("name", {...})])` */
export const createDataTableColumnHelper = <TData extends RowData>() => createColumnHelper<DataTableFeatures, TData>();

export type DataTableInstance<TData extends RowData> = ReactTable<DataTableFeatures, TData>;
export type DataTableColumn<TData extends RowData> = Column<DataTableFeatures, TData, unknown>;
export type DataTableHeader<TData extends RowData> = Header<DataTableFeatures, TData, unknown>;
export type DataTableRow<TData extends RowData> = Row<DataTableFeatures, TData>;
export type DataTableCell<TData extends RowData> = Cell<DataTableFeatures, TData, unknown>;
