"use client";
/**
 * The automatic messages: one row per event the product tells customers about, with its type, its text
 * (the brand's or the built-in one), a switch to send it or not, and "Edit" for the text.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Pencil } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { LoadError } from "@/components/load-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useLocale, useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { useMessageWords } from "../message-badges";
import type { AutomaticTemplateRow } from "../types";
import { AutomaticTemplateDialog } from "./automatic-template-dialog";

export function AutomaticList({ canManage }: { canManage: boolean }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const words = useMessageWords();
  const queryClient = useQueryClient();
  const rows = useQuery(trpc.message.automaticTemplates.queryOptions());
  const [editing, setEditing] = useState<AutomaticTemplateRow | null>(null);
  const reload = () => queryClient.invalidateQueries(trpc.message.automaticTemplates.queryFilter());
  const toggle = useMutation(
    trpc.message.saveAutomaticTemplate.mutationOptions({
      onSuccess: (saved) => {
        const event = words.event(saved.event ?? "");
        toast.success(t(saved.enabled ? "messages.templates.automatic.switchedOn" : "messages.templates.automatic.switchedOff", { event }));
        void reload();
      },
      onError: (error) => {
        toast.error(describeTrpcError(error, t).message);
        void reload();
      },
    }),
  );

  if (rows.isPending) return <Skeleton className="h-64 w-full" />;
  if (rows.isError) return <LoadError title={t("messages.templates.loadError")} error={rows.error} onRetry={() => void rows.refetch()} />;
  return (
    <div className="grid gap-3">
      <p className="text-sm text-muted-foreground">{t("messages.templates.automatic.description")}</p>
      <div className="overflow-x-auto rounded-md border">
        <Table>
          <TableCaption className="sr-only">{t("messages.templates.tabs.automatic")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("messages.templates.automatic.event")}</TableHead>
              <TableHead>{t("messages.templates.automatic.type")}</TableHead>
              <TableHead>{t("messages.templates.automatic.text")}</TableHead>
              <TableHead>{t("messages.templates.automatic.on")}</TableHead>
              {canManage && (
                <TableHead>
                  <span className="sr-only">{t("messages.templates.columns.actions")}</span>
                </TableHead>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.data.map((row) => {
              const event = words.event(row.event);
              const text = row.content[locale] ?? row.content.en ?? row.content["zh-CN"];
              return (
                <TableRow key={row.event}>
                  <TableCell className="font-medium whitespace-nowrap">{event}</TableCell>
                  <TableCell className="whitespace-nowrap">{words.type(row.type)}</TableCell>
                  <TableCell>
                    <span className="flex max-w-[36rem] flex-col gap-0.5">
                      <span className="flex items-center gap-2">
                        <span className="truncate">{text?.title}</span>
                        <Badge variant="outline" className="font-normal">
                          {row.customised ? t("messages.templates.automatic.customised") : t("messages.templates.automatic.builtIn")}
                        </Badge>
                      </span>
                      <span className="truncate text-xs text-muted-foreground" title={text?.body}>
                        {text?.body}
                      </span>
                    </span>
                  </TableCell>
                  <TableCell>
                    <Switch
                      checked={row.enabled}
                      disabled={!canManage || toggle.isPending}
                      aria-label={t("messages.templates.automatic.switchLabel", { event })}
                      onCheckedChange={(enabled) => toggle.mutate({ event: row.event, content: row.content, enabled, version: row.version })}
                    />
                  </TableCell>
                  {canManage && (
                    <TableCell className="text-right">
                      <Button variant="ghost" size="sm" className="h-7" aria-label={t("messages.templates.automatic.editLabel", { event })} onClick={() => setEditing(row)}>
                        <Pencil />
                        {t("messages.templates.edit")}
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      {editing && <AutomaticTemplateDialog row={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
