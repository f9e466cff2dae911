"use client";
/**
 * Every brand of the installation: URL state → `platform.listBrands` → one server page, with search,
 * a status filter and server sorting. The "New brand" button and the dialogs live here so only one is
 * open at a time. No CSV export: the export route has no brands exporter.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Building2, Plus } from "lucide-react";
import { useCallback, useMemo, useState } from "react";
import { dataTableQueryProps } from "@/components/data-table/query-props";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableFacetedFilter, type FacetOption } from "@/components/data-table/data-table-faceted-filter";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { useBrandColumns } from "./brand-columns";
import { BrandCreatedDialog } from "./brand-created-dialog";
import { BrandStatusDialog } from "./brand-status-dialog";
import { CreateBrandDialog } from "./create-brand-dialog";
import { ZBrandListInput } from "./schemas";
import type { BrandRow, BrandStatus, BrandsDialogState } from "./types";

const STATUSES: readonly BrandStatus[] = ["active", "disabled"];

export function BrandsTable() {
  const t = useT();
  const trpc = useTRPC();
  const url = useTableUrlState(ZBrandListInput);
  const query = useQuery(trpc.platform.listBrands.queryOptions(url.input, { placeholderData: keepPreviousData }));

  const [dialog, setDialog] = useState<BrandsDialogState | null>(null);
  const onSetStatus = useCallback((brand: BrandRow, status: BrandStatus) => setDialog({ kind: "status", brand, status }), []);
  const columns = useBrandColumns(onSetStatus);
  const table = useDataTable({
    id: "platform-brands",
    columns,
    page: query.data,
    url,
    getRowId: (row) => row.id,
    // What the server does without a sort in the URL (ZBrandListInput: name, A→Z).
    defaultSort: { id: "name", desc: false },
  });

  const statusOptions = useMemo<FacetOption<BrandStatus>[]>(
    () => STATUSES.map((value) => ({ value, label: t(`platformBrands.status.${value}`) })),
    [t],
  );
  const openCreate = () => setDialog({ kind: "create" });
  const newBrand = (
    <Button size="sm" className="h-8" onClick={openCreate}>
      <Plus />
      {t("platformBrands.create.open")}
    </Button>
  );

  return (
    <div className="flex flex-col gap-3">
      <DataTableToolbar table={table} url={url} searchPlaceholder={t("platformBrands.searchPlaceholder")} actions={newBrand}>
        <DataTableFacetedFilter
          title={t("platformBrands.columns.status")}
          options={statusOptions}
          value={url.input.status}
          onChange={(value) => url.setParams({ status: value })}
        />
      </DataTableToolbar>

      <DataTable
        table={table}
        caption={t("platformBrands.tableCaption")}
        {...dataTableQueryProps(query, t)}
        filtered={url.hasFilters}
        empty={
          url.hasFilters ? undefined : (
            <EmptyState
              icon={Building2}
              className="border-0"
              title={t("platformBrands.empty")}
              description={t("platformBrands.emptyHint")}
              action={newBrand}
            />
          )
        }
      />

      {dialog?.kind === "create" && (
        <CreateBrandDialog onClose={() => setDialog(null)} onCreated={(result) => setDialog({ kind: "created", result })} />
      )}
      {dialog?.kind === "created" && <BrandCreatedDialog result={dialog.result} onClose={() => setDialog(null)} />}
      {dialog?.kind === "status" && (
        <BrandStatusDialog brand={dialog.brand} status={dialog.status} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
