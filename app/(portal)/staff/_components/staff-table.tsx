"use client";
/**
 * The staff table: URL state → `staff.list` → one server page. Admins (staff.manage) also get the
 * "New staff member" button and a row menu; the dialogs live here so only one is open at a time.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { UserPlus, Users } from "lucide-react";
import { useCallback, useMemo, useState } from "react";
import { toast } from "sonner";
import { dataTableQueryProps } from "@/components/data-table/query-props";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableFacetedFilter, type FacetOption } from "@/components/data-table/data-table-faceted-filter";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { BRAND_ROLES, can, type Role } from "@/lib/auth/permissions";
import { STAFF_STATUS_FILTERS, ZStaffListInput, type StaffStatusFilter } from "@/lib/staff/schemas";
import { useStaffColumns } from "./staff-columns";
import { StaffConfirmDialog } from "./staff-confirm-dialog";
import { CreateStaffDialog, EditStaffDialog } from "./staff-form-dialog";
import { TemporaryPasswordDialog } from "./temporary-password-dialog";
import type { StaffAction, StaffDialogState, StaffRow } from "./types";

const getRowId = (row: StaffRow) => row.id;
const STATUSES: readonly StaffStatusFilter[] = STAFF_STATUS_FILTERS;

interface StaffTableProps {
  role: Role | null;
  currentUserId: string;
}

export function StaffTable({ role, currentUserId }: StaffTableProps) {
  const t = useT();
  const trpc = useTRPC();
  const canManage = can(role, "staff.manage");
  const url = useTableUrlState(ZStaffListInput);
  const query = useQuery(trpc.staff.list.queryOptions(url.input, { placeholderData: keepPreviousData }));

  const [dialog, setDialog] = useState<StaffDialogState | null>(null);
  const quick = useQuickActions();
  const onAction = useCallback(
    (action: StaffAction, user: StaffRow) => {
      if (action === "enable") quick.enable(user);
      else if (action === "unlock") quick.unlock(user);
      else if (action === "edit") setDialog({ kind: "edit", user });
      else setDialog({ kind: "confirm", action, user });
    },
    [quick],
  );

  const columns = useStaffColumns({ canManage, currentUserId, onAction });
  const table = useDataTable({
    id: "staff",
    columns,
    page: query.data,
    url,
    getRowId,
    defaultSort: { id: "createdAt", desc: true },
  });

  const roleOptions = useMemo<FacetOption<Role>[]>(
    () => BRAND_ROLES.map((value) => ({ value, label: t(`shell.roles.${value}`) })),
    [t],
  );
  const statusOptions = useMemo<FacetOption<StaffStatusFilter>[]>(
    () => STATUSES.map((value) => ({ value, label: t(`staff.status.${value}`) })),
    [t],
  );
  const openCreate = () => setDialog({ kind: "create" });

  return (
    <div className="flex flex-col gap-3">
      <DataTableToolbar
        table={table}
        url={url}
        searchPlaceholder={t("staff.searchPlaceholder")}
        exportHref="/api/export/staff"
        actions={
          canManage && (
            <Button size="sm" className="h-8" onClick={openCreate}>
              <UserPlus />
              {t("staff.actions.new")}
            </Button>
          )
        }
      >
        <DataTableFacetedFilter
          title={t("staff.filters.role")}
          options={roleOptions}
          value={url.input.role}
          onChange={(value) => url.setParams({ role: value })}
        />
        <DataTableFacetedFilter
          title={t("staff.filters.status")}
          options={statusOptions}
          value={url.input.status}
          onChange={(value) => url.setParams({ status: value })}
        />
      </DataTableToolbar>

      <DataTable
        table={table}
        caption={t("staff.title")}
        {...dataTableQueryProps(query, t)}
        filtered={url.hasFilters}
        empty={
          url.hasFilters ? undefined : (
            <EmptyState
              icon={Users}
              className="border-0"
              title={t("staff.empty")}
              action={
                canManage && (
                  <Button size="sm" onClick={openCreate}>
                    <UserPlus />
                    {t("staff.actions.new")}
                  </Button>
                )
              }
            />
          )
        }
      />

      {dialog?.kind === "create" && (
        <CreateStaffDialog
          onClose={() => setDialog(null)}
          onCreated={(user, password) => setDialog({ kind: "password", reason: "created", user, password })}
        />
      )}
      {dialog?.kind === "edit" && (
        <EditStaffDialog user={dialog.user} isSelf={dialog.user.id === currentUserId} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === "confirm" && (
        <StaffConfirmDialog
          action={dialog.action}
          user={dialog.user}
          onClose={() => setDialog(null)}
          onPassword={(password) => setDialog({ kind: "password", reason: "reset", user: dialog.user, password })}
        />
      )}
      {dialog?.kind === "password" && (
        <TemporaryPasswordDialog reason={dialog.reason} user={dialog.user} password={dialog.password} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}

/** Enable and unlock are not destructive: they run straight from the menu, with a toast. */
function useQuickActions() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = {
    onSuccess: () => queryClient.invalidateQueries(trpc.staff.list.queryFilter()),
    onError: (error: unknown) => toast.error(describeTrpcError(error, t).message),
  };
  const { mutate: setStatus } = useMutation(trpc.staff.setStatus.mutationOptions(options));
  const { mutate: unlock } = useMutation(trpc.staff.unlock.mutationOptions(options));
  return useMemo(
    () => ({
      enable: (user: StaffRow) =>
        setStatus({ id: user.id, status: "active" }, { onSuccess: () => toast.success(t("staff.toast.enabled", { name: user.name })) }),
      unlock: (user: StaffRow) =>
        unlock({ id: user.id }, { onSuccess: () => toast.success(t("staff.toast.unlocked", { name: user.name })) }),
    }),
    [setStatus, unlock, t],
  );
}
