"use client";
/** The brand's own templates: name, type, languages, whether the composer offers it; new, edit, delete. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FileText, Pencil, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { LoadError } from "@/components/load-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { useMessageWords } from "../message-badges";
import type { MessageTemplateRow } from "../types";
import { TemplateDialog } from "./template-dialog";

export function TemplatesList({ canManage }: { canManage: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const words = useMessageWords();
  const dateTime = useDateTimeFormat();
  const queryClient = useQueryClient();
  const templates = useQuery(trpc.message.templates.queryOptions());
  const [editing, setEditing] = useState<MessageTemplateRow | "new" | null>(null);
  const [deleting, setDeleting] = useState<MessageTemplateRow | null>(null);
  const remove = useMutation(
    trpc.message.deleteTemplate.mutationOptions({
      onSuccess: () => {
        toast.success(t("messages.templates.deleted", { name: deleting?.name ?? "" }));
        setDeleting(null);
        void queryClient.invalidateQueries(trpc.message.templates.queryFilter());
      },
      onError: (error) => {
        toast.error(describeTrpcError(error, t).message);
        setDeleting(null);
        void queryClient.invalidateQueries(trpc.message.templates.queryFilter());
      },
    }),
  );
  const newButton = canManage && (
    <Button size="sm" onClick={() => setEditing("new")}>
      <Plus />
      {t("messages.templates.new")}
    </Button>
  );

  let body;
  if (templates.isPending) body = <Skeleton className="h-32 w-full" />;
  else if (templates.isError) body = <LoadError title={t("messages.templates.loadError")} error={templates.error} onRetry={() => void templates.refetch()} />;
  else if (templates.data.length === 0)
    body = <EmptyState icon={FileText} title={t("messages.templates.empty.title")} description={t("messages.templates.empty.hint")} action={newButton} />;
  else
    body = (
      <div className="overflow-x-auto rounded-md border">
        <Table>
          <TableCaption className="sr-only">{t("messages.templates.tabs.own")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("messages.templates.columns.name")}</TableHead>
              <TableHead>{t("messages.templates.columns.type")}</TableHead>
              <TableHead>{t("messages.templates.columns.languages")}</TableHead>
              <TableHead>{t("messages.templates.columns.status")}</TableHead>
              <TableHead>{t("messages.templates.columns.updatedAt")}</TableHead>
              {canManage && (
                <TableHead>
                  <span className="sr-only">{t("messages.templates.columns.actions")}</span>
                </TableHead>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {templates.data.map((tpl) => (
              <TableRow key={tpl.id}>
                <TableCell className="max-w-72 truncate font-medium" title={tpl.name}>
                  {tpl.name}
                </TableCell>
                <TableCell>{words.type(tpl.type)}</TableCell>
                <TableCell>{tpl.locales.map((l) => t(`messages.languages.${l}`)).join(" · ")}</TableCell>
                <TableCell>
                  <Badge variant={tpl.enabled ? "success" : "outline"}>{tpl.enabled ? t("messages.templates.enabled") : t("messages.templates.disabled")}</Badge>
                </TableCell>
                <TableCell className="whitespace-nowrap text-muted-foreground tabular-nums">{dateTime.format(tpl.updatedAt)}</TableCell>
                {canManage && (
                  <TableCell className="text-right whitespace-nowrap">
                    <Button variant="ghost" size="sm" className="h-7" aria-label={t("messages.templates.editLabel", { name: tpl.name })} onClick={() => setEditing(tpl)}>
                      <Pencil />
                      {t("messages.templates.edit")}
                    </Button>
                    <Button variant="ghost" size="sm" className="h-7 text-destructive" aria-label={t("messages.templates.deleteLabel", { name: tpl.name })} onClick={() => setDeleting(tpl)}>
                      <Trash2 />
                      {t("messages.templates.delete")}
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    );

  return (
    <div className="grid gap-3">
      {templates.data && templates.data.length > 0 && <div className="flex justify-end">{newButton}</div>}
      {body}
      {editing && <TemplateDialog template={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={t("messages.templates.deleteTitle")}
        description={t("messages.templates.deleteBody", { name: deleting?.name ?? "" })}
        confirmLabel={t("messages.templates.delete")}
        cancelLabel={t("common.cancel")}
        destructive
        pending={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
      />
    </div>
  );
}
