"use client";
/**
 * Publish, unpublish and delete, each confirmed in a dialog that stays open while the request runs. Publishing
 * says who will see it, when and in which languages. A refusal (changed meanwhile, end passed, default
 * language missing) shows in the dialog, and the announcement is reloaded so the next attempt uses it as it is.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useState } from "react";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { RefusalAlert, type Refusal } from "@/components/ui/refusal-alert";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import type { AnnouncementRow } from "@/server/announcements/types";
import { audienceText, useTitleOf } from "./announcement-badges";

export type AnnouncementAction = "publish" | "unpublish" | "delete";

const DESTRUCTIVE: Record<AnnouncementAction, boolean> = { publish: false, unpublish: true, delete: true };

/** The dialog of `action` on `row`; `onDone` after it succeeded (the row's new state, or null once deleted). */
export function AnnouncementActionDialog({
  action,
  row,
  onClose,
  onDone,
}: {
  action: AnnouncementAction;
  row: AnnouncementRow;
  onClose: () => void;
  onDone?: (row: AnnouncementRow | null) => void;
}) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const titleOf = useTitleOf();
  const dateTime = useDateTimeFormat();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const title = titleOf(row);
  const reload = () => queryClient.invalidateQueries(trpc.announcement.pathFilter());
  const handlers = {
    onSuccess: (result: AnnouncementRow | { id: string }) => {
      toast.success(t(`announcements.toast.${action === "delete" ? "deleted" : action === "publish" ? "published" : "unpublished"}`, { title }));
      void reload();
      onDone?.("version" in result ? result : null);
      onClose();
    },
    onError: async (error: unknown) => {
      const { message, code } = describeTrpcError(error, t);
      const refreshed = code === "CONFLICT" || code === "NOT_FOUND";
      if (refreshed) await reload();
      setRefusal({ message, refreshed });
    },
  };
  const publish = useMutation(trpc.announcement.publish.mutationOptions(handlers));
  const unpublish = useMutation(trpc.announcement.unpublish.mutationOptions(handlers));
  const remove = useMutation(trpc.announcement.delete.mutationOptions(handlers));
  const mutation = { publish, unpublish, delete: remove }[action];

  const window = row.endsAt
    ? t("announcements.publish.windowFromTo", { start: dateTime.format(row.startsAt), end: dateTime.format(row.endsAt) })
    : t("announcements.publish.windowFrom", { start: dateTime.format(row.startsAt) });
  const description =
    action === "publish"
      ? t("announcements.publish.description", { audience: audienceText(row, t), window, languages: row.locales.map((l) => t(`announcements.languages.${l}`)).join(", ") })
      : t(`announcements.${action}.description`);

  return (
    <AlertDialog open onOpenChange={(open) => !open && !mutation.isPending && onClose()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{t(`announcements.${action}.title`, { title })}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        {refusal && <RefusalAlert title={t(`announcements.${action}.refusedTitle`)} refusal={refusal} refreshedText={t("announcements.reloaded")} />}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={mutation.isPending}>{t("common.cancel")}</AlertDialogCancel>
          <Button
            variant={DESTRUCTIVE[action] ? "destructive" : "default"}
            pending={mutation.isPending}
            onClick={() => {
              setRefusal(null);
              mutation.mutate({ id: row.id, version: row.version });
            }}
          >
            {t(`announcements.${action}.confirm`)}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
