"use client";
/** The brand's segments (customer-list filters saved by name): what each filters on, and delete for writers. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { LoadError } from "@/components/load-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { useSegmentFilterWords } from "../segment-filter";
import type { MessageSegmentRow } from "../types";

export function SegmentsList({ canManage }: { canManage: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const dateTime = useDateTimeFormat();
  const describe = useSegmentFilterWords();
  const queryClient = useQueryClient();
  const segments = useQuery(trpc.message.segments.queryOptions());
  const [deleting, setDeleting] = useState<MessageSegmentRow | null>(null);
  const reload = () => queryClient.invalidateQueries(trpc.message.segments.queryFilter());
  const remove = useMutation(
    trpc.message.deleteSegment.mutationOptions({
      onSuccess: () => {
        toast.success(t("messages.segments.deleted", { name: deleting?.name ?? "" }));
        setDeleting(null);
        void reload();
      },
      onError: (error) => {
        toast.error(describeTrpcError(error, t).message);
        setDeleting(null);
        void reload();
      },
    }),
  );

  let body;
  if (segments.isPending) body = <Skeleton className="h-32 w-full" />;
  else if (segments.isError) body = <LoadError title={t("messages.templates.loadError")} error={segments.error} onRetry={() => void segments.refetch()} />;
  else if (segments.data.length === 0)
    body = (
      <p className="rounded-md border border-dashed p-6 text-center text-sm text-muted-foreground">
        {t("messages.segments.empty")}{" "}
        <Link href="/customers" className="font-medium text-primary underline-offset-4 hover:underline">
          {t("messages.composer.customersLink")}
        </Link>
      </p>
    );
  else
    body = (
      <div className="overflow-x-auto rounded-md border">
        <Table>
          <TableCaption className="sr-only">{t("messages.segments.title")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("messages.segments.columns.name")}</TableHead>
              <TableHead>{t("messages.segments.columns.filter")}</TableHead>
              <TableHead>{t("messages.segments.columns.createdAt")}</TableHead>
              {canManage && (
                <TableHead>
                  <span className="sr-only">{t("messages.segments.columns.actions")}</span>
                </TableHead>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {segments.data.map((s) => (
              <TableRow key={s.id}>
                <TableCell className="font-medium">{s.name}</TableCell>
                <TableCell>
                  <span className="flex max-w-[40rem] flex-wrap gap-1">
                    {describe(s.filter).map((part) => (
                      <Badge key={part} variant="outline" className="font-normal">
                        {part}
                      </Badge>
                    ))}
                  </span>
                </TableCell>
                <TableCell className="whitespace-nowrap text-muted-foreground tabular-nums">{dateTime.format(s.createdAt)}</TableCell>
                {canManage && (
                  <TableCell className="text-right">
                    <Button variant="ghost" size="sm" className="h-7 text-destructive" aria-label={t("messages.segments.deleteLabel", { name: s.name })} onClick={() => setDeleting(s)}>
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
      <p className="text-sm text-muted-foreground">{t("messages.segments.description")}</p>
      {body}
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={t("messages.segments.deleteTitle")}
        description={t("messages.segments.deleteBody", { name: deleting?.name ?? "" })}
        confirmLabel={t("messages.templates.delete")}
        cancelLabel={t("common.cancel")}
        destructive
        pending={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
      />
    </div>
  );
}
