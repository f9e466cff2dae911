"use client";
/**
 * Approve or reject one inbox item, after confirming, with a note (optional to approve, required to reject:
 * it is the reason the domain records). A refusal stays in the dialog in the server's words — "you asked for
 * this yourself; a different staff member must decide" — and the list reloads when the item changed meanwhile.
 * Success says what changed: "Grant of 5 USDT to 孙军 approved".
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { confirmOnCtrlEnter, RefusalAlert } from "@/components/ui/refusal-alert";
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
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Textarea } from "@/components/ui/textarea";
import { zApprovalNote, zRejectNote } from "@/lib/approvals/schemas";
import { useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useLocale, useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { ApprovalDecision, ApprovalItem } from "@/server/approvals/types";
import { itemTitle, type Decision } from "./approval-columns";

const SCHEMAS = { approve: z.object({ note: zApprovalNote }), reject: z.object({ note: zRejectNote }) };
type NoteValues = { note: string };
const MESSAGES: Record<Decision, FieldMessages<NoteValues>> = {
  approve: { invalid: { note: "approvals.approve.noteInvalid" } },
  reject: { invalid: { note: "approvals.reject.noteInvalid" } },
};

export function DecisionDialog({ item, decision, onClose }: { item: ApprovalItem; decision: Decision; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formId = useId();
  const [refusal, setRefusal] = useState<{ message: string; refreshed: boolean } | null>(null);
  const form = useForm<NoteValues>({ resolver: useLocalizedResolver(zodResolver(SCHEMAS[decision]), MESSAGES[decision]), defaultValues: { note: "" } });

  // Every list that shows the item (the inbox, the bonus pages) reloads after either outcome.
  const reload = () => Promise.all([queryClient.invalidateQueries(trpc.approvals.pathFilter()), queryClient.invalidateQueries(trpc.bonus.pathFilter())]);
  const onSuccess = (done: ApprovalDecision) => {
    const title = itemTitle(t, locale, done);
    toast.success(done.outcome === "approved" ? t("approvals.approve.done", { title }) : t("approvals.reject.done", { title }));
    void reload();
    onClose();
  };
  const onError = (error: unknown) => {
    const { message, code } = describeTrpcError(error, t);
    const stale = code === "CONFLICT" || code === "NOT_FOUND";
    if (stale) void reload();
    setRefusal({ message, refreshed: stale });
  };
  const approve = useMutation(trpc.approvals.approve.mutationOptions({ onSuccess, onError }));
  const reject = useMutation(trpc.approvals.reject.mutationOptions({ onSuccess, onError }));
  const pending = approve.isPending || reject.isPending;

  const submit = form.handleSubmit(({ note }) => {
    setRefusal(null);
    if (decision === "approve") approve.mutate({ kind: item.kind, id: item.id, note: note || undefined });
    else reject.mutate({ kind: item.kind, id: item.id, note });
  });

  const title = itemTitle(t, locale, item);
  const words = decision === "approve" ? "approve" : "reject";
  return (
    <AlertDialog open onOpenChange={(open) => !open && !pending && onClose()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{t(`approvals.${words}.title`)}</AlertDialogTitle>
          <AlertDialogDescription>{t(`approvals.${words}.description`, { title, requester: item.requestedBy?.name ?? t("approvals.system") })}</AlertDialogDescription>
        </AlertDialogHeader>
        <Form {...form}>
          <form id={formId} noValidate onSubmit={submit} className="grid gap-3">
            <FormField
              control={form.control}
              name="note"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t(`approvals.${words}.note`)}</FormLabel>
                  <FormControl>
                    <Textarea
                      rows={3}
                      maxLength={500}
                      autoFocus
                      placeholder={t(`approvals.${words}.notePlaceholder`)}
                      disabled={pending}
                      onKeyDown={confirmOnCtrlEnter(() => void submit())}
                      {...field}
                    />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            {refusal && <RefusalAlert title={t("approvals.refusedTitle")} refusal={refusal} refreshedText={t("approvals.refreshed")} />}
          </form>
        </Form>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>{t("common.cancel")}</AlertDialogCancel>
          <Button type="submit" form={formId} variant={decision === "reject" ? "destructive" : "default"} pending={pending}>
            {t(`approvals.${words}.confirm`)}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
