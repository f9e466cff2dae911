"use client";
/** Column definitions of the brands table. Column ids equal the server's sort keys where sortable. */
import { useMemo } from "react";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Badge } from "@/components/ui/badge";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import { BrandRowActions } from "./brand-row-actions";
import type { BrandRow, BrandStatus } from "./types";

const col = createDataTableColumnHelper<BrandRow>();

export function useBrandColumns(onSetStatus: (brand: BrandRow, status: BrandStatus) => void) {
  const t = useT();
  const date = useDateTimeFormat("date");
  const dateTime = useDateTimeFormat();
  const f = useFormat();

  return useMemo(() => {
    const title = {
      name: t("platformBrands.columns.name"),
      slug: t("platformBrands.columns.slug"),
      brokerCode: t("platformBrands.columns.brokerCode"),
      status: t("platformBrands.columns.status"),
      staffCount: t("platformBrands.columns.staffCount"),
      createdAt: t("platformBrands.columns.createdAt"),
    };
    return col.columns([
      col.accessor("name", {
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.name} />,
        cell: ({ getValue }) => <span className="block max-w-64 truncate font-medium">{getValue()}</span>,
        enableHiding: false,
        meta: { label: title.name },
      }),
      col.accessor("slug", {
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.slug} />,
        cell: ({ getValue }) => <span className="font-mono text-xs text-muted-foreground">{getValue()}</span>,
        meta: { label: title.slug },
      }),
      col.accessor("brokerCode", {
        header: title.brokerCode,
        enableSorting: false,
        cell: ({ getValue }) => {
          const code = getValue();
          return code ? (
            <span className="font-mono text-xs">{code}</span>
          ) : (
            <span className="text-muted-foreground">{t("platformBrands.noBrokerCode")}</span>
          );
        },
        meta: { label: title.brokerCode },
      }),
      col.accessor("status", {
        header: title.status,
        enableSorting: false,
        cell: ({ getValue }) =>
          getValue() === "active" ? (
            <Badge variant="success">{t("platformBrands.status.active")}</Badge>
          ) : (
            <Badge variant="outline" className="text-muted-foreground">
              {t("platformBrands.status.disabled")}
            </Badge>
          ),
        meta: { label: title.status },
      }),
      col.accessor("staffCount", {
        header: title.staffCount,
        enableSorting: false,
        cell: ({ getValue }) => f.number(getValue()),
        meta: { label: title.staffCount, className: "text-right tabular-nums" },
      }),
      col.accessor("createdAt", {
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.createdAt} />,
        cell: ({ getValue }) => (
          <time dateTime={getValue().toISOString()} title={dateTime.format(getValue())} className="text-muted-foreground tabular-nums">
            {date.format(getValue())}
          </time>
        ),
        sortDescFirst: true,
        meta: { label: title.createdAt },
      }),
      col.display({
        id: "actions",
        header: () => <span className="sr-only">{t("common.actions")}</span>,
        cell: ({ row }) => <BrandRowActions brand={row.original} onSetStatus={onSetStatus} />,
        enableHiding: false,
        enableSorting: false,
        meta: { className: "w-10 text-right" },
      }),
    ]);
  }, [t, date, dateTime, f, onSetStatus]);
}
