"use client";
/**
 * The brand's customer groups (few enough to list whole): name, description, how many customers, when
 * created. The count links to the customers list filtered by the group. Operations create, edit and
 * delete; the server refuses to delete a group that still has customers, and its message is shown.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FolderPlus, FolderTree, Pencil, Trash2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { LoadError } from "@/components/load-error";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { CustomerGroupRow } from "@/server/customers/types";
import { GroupFormDialog } from "./group-form-dialog";

type DialogState = { kind: "form"; group: CustomerGroupRow | null } | { kind: "delete"; group: CustomerGroupRow };

export function GroupsTable({ canManage }: { canManage: boolean }) {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const dateTime = useDateTimeFormat("date");
  const query = useQuery(trpc.customerGroup.list.queryOptions());
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const columnCount = canManage ? 5 : 4;
  const openCreate = () => setDialog({ kind: "form", group: null });

  let body: React.ReactNode;
  if (query.isPending) {
    body = Array.from({ length: 4 }, (_, i) => (
      <TableRow key={i} className="h-10 hover:bg-transparent">
        {Array.from({ length: columnCount }, (_, j) => (
          <TableCell key={j}>
            <Skeleton className="h-4 w-full max-w-32" />
          </TableCell>
        ))}
      </TableRow>
    ));
  } else if (query.isError) {
    body = (
      <FullRow span={columnCount}>
        <LoadError title={t("customers.groups.loadError")} error={query.error} onRetry={() => void query.refetch()} className="border-0" />
      </FullRow>
    );
  } else if (query.data.length === 0) {
    body = (
      <FullRow span={columnCount}>
        <EmptyState
          icon={FolderTree}
          className="border-0"
          title={t("customers.groups.empty")}
          description={t("customers.groups.emptyHint")}
          action={
            canManage && (
              <Button size="sm" onClick={openCreate}>
                <FolderPlus />
                {t("customers.groups.new")}
              </Button>
            )
          }
        />
      </FullRow>
    );
  } else {
    body = query.data.map((group) => (
      <TableRow key={group.id} className="h-10">
        <TableCell className="font-medium">{group.name}</TableCell>
        <TableCell className="max-w-md whitespace-normal text-muted-foreground">{group.description ?? t("customers.none")}</TableCell>
        <TableCell className="text-right tabular-nums">
          <Link
            href={`/customers?group=${group.id}`}
            className="underline-offset-4 hover:underline focus-visible:underline focus-visible:outline-none"
            aria-label={t("customers.groups.showCustomers", { count: f.number(group.customerCount), name: group.name })}
          >
            {f.number(group.customerCount)}
          </Link>
        </TableCell>
        <TableCell className="tabular-nums text-muted-foreground">
          <time dateTime={group.createdAt.toISOString()}>{dateTime.format(group.createdAt)}</time>
        </TableCell>
        {canManage && (
          <TableCell className="text-right">
            <div className="flex justify-end gap-1">
              <Button
                variant="ghost"
                size="icon-sm"
                className="size-7"
                aria-label={t("customers.groups.edit", { name: group.name })}
                title={t("customers.groups.edit", { name: group.name })}
                onClick={() => setDialog({ kind: "form", group })}
              >
                <Pencil />
              </Button>
              <Button
                variant="ghost"
                size="icon-sm"
                className="size-7 text-destructive hover:text-destructive"
                aria-label={t("customers.groups.delete", { name: group.name })}
                title={t("customers.groups.delete", { name: group.name })}
                onClick={() => setDialog({ kind: "delete", group })}
              >
                <Trash2 />
              </Button>
            </div>
          </TableCell>
        )}
      </TableRow>
    ));
  }

  return (
    <div className="flex flex-col gap-3">
      {canManage && (
        <div className="flex justify-end">
          <Button size="sm" className="h-8" onClick={openCreate}>
            <FolderPlus />
            {t("customers.groups.new")}
          </Button>
        </div>
      )}
      <div className="overflow-hidden rounded-md border bg-card">
        <Table aria-busy={query.isPending || undefined}>
          <caption className="sr-only">{t("customers.groups.title")}</caption>
          <TableHeader className="bg-muted/40">
            <TableRow className="hover:bg-transparent">
              <TableHead className="h-9 text-xs text-muted-foreground">{t("customers.groups.columns.name")}</TableHead>
              <TableHead className="h-9 text-xs text-muted-foreground">{t("customers.groups.columns.description")}</TableHead>
              <TableHead className="h-9 w-28 text-right text-xs text-muted-foreground">{t("customers.groups.columns.customers")}</TableHead>
              <TableHead className="h-9 w-36 text-xs text-muted-foreground">{t("customers.groups.columns.createdAt")}</TableHead>
              {canManage && (
                <TableHead className="h-9 w-24">
                  <span className="sr-only">{t("common.actions")}</span>
                </TableHead>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>{body}</TableBody>
        </Table>
      </div>

      {dialog?.kind === "form" && <GroupFormDialog group={dialog.group} onClose={() => setDialog(null)} />}
      {dialog?.kind === "delete" && <DeleteGroupDialog group={dialog.group} onClose={() => setDialog(null)} />}
    </div>
  );
}

function FullRow({ span, children }: { span: number; children: React.ReactNode }) {
  return (
    <TableRow className="hover:bg-transparent">
      <TableCell colSpan={span} className="p-4 whitespace-normal">
        {children}
      </TableCell>
    </TableRow>
  );
}

function DeleteGroupDialog({ group, onClose }: { group: CustomerGroupRow; onClose: () => void }) {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.customerGroup.delete.mutationOptions({
      onSuccess: () => {
        toast.success(t("customers.groups.toast.deleted", { name: group.name }));
        onClose();
        return queryClient.invalidateQueries(trpc.customerGroup.list.queryFilter());
      },
      // The count may be stale (customers moved meanwhile): refresh it alongside the refusal.
      onError: () => queryClient.invalidateQueries(trpc.customerGroup.list.queryFilter()),
    }),
  );
  const refusal = remove.isError ? describeTrpcError(remove.error, t).message : null;
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      destructive
      title={t("customers.groups.confirmDelete.title", { name: group.name })}
      description={
        <>
          {group.customerCount > 0
            ? t("customers.groups.confirmDelete.bodyInUse", { count: f.number(group.customerCount) })
            : t("customers.groups.confirmDelete.body")}
          {refusal && (
            <span role="alert" className="mt-3 block font-medium text-destructive">
              {refusal}
            </span>
          )}
        </>
      }
      confirmLabel={t("customers.groups.confirmDelete.action")}
      cancelLabel={t("common.cancel")}
      pending={remove.isPending}
      onConfirm={() => remove.mutate({ id: group.id })}
    />
  );
}
