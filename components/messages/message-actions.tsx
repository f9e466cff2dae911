"use client";
/**
 * What may be done to a message from its page, each confirmed: cancel (scheduled or awaiting approval),
 * retract (sending, sent or failed), resume (failed), approve or reject (awaiting approval; admins, never
 * the writer — the server refuses that too). Each needs the version the page shows; a stale one reloads it.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Ban, Check, Play, Undo2, X } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { ReasonDialog } from "./reason-dialog";
import type { MessageDetail } from "./types";

type Dialog = "cancel" | "retract" | "approve" | "reject" | "resume" | null;

interface MessageActionsProps {
  message: MessageDetail;
  title: string;
  canManage: boolean;
  canApprove: boolean;
  selfId: string;
}

export function MessageActions({ message: m, title, canManage, canApprove, selfId }: MessageActionsProps) {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Dialog>(null);
  const reload = () => queryClient.invalidateQueries(trpc.message.pathFilter());
  const ref = { id: m.id, version: m.version };
  const cancel = useMutation(trpc.message.cancel.mutationOptions());
  const retract = useMutation(trpc.message.retract.mutationOptions());
  const approve = useMutation(trpc.message.approve.mutationOptions());
  const reject = useMutation(trpc.message.reject.mutationOptions());
  const resume = useMutation(
    trpc.message.resume.mutationOptions({
      onSuccess: () => {
        toast.success(t("messages.actions.resumed", { title }));
        setOpen(null);
        void reload();
      },
      onError: (error) => {
        toast.error(describeTrpcError(error, t).message);
        setOpen(null);
        void reload();
      },
    }),
  );
  const done = (message: string) => () => {
    toast.success(message);
    setOpen(null);
    void reload();
  };

  const automatic = m.source === "automatic";
  const own = m.createdById === selfId;
  const show = {
    cancel: canManage && !automatic && (m.status === "scheduled" || m.status === "awaiting_approval"),
    retract: canManage && !automatic && (m.status === "sending" || m.status === "sent" || m.status === "failed"),
    resume: canManage && !automatic && m.status === "failed",
    decide: canApprove && m.status === "awaiting_approval" && !own,
  };
  if (!show.cancel && !show.retract && !show.resume && !show.decide) return null;

  return (
    <div className="flex flex-wrap gap-2">
      {show.decide && (
        <>
          <Button size="sm" onClick={() => setOpen("approve")}>
            <Check />
            {t("messages.actions.approve")}
          </Button>
          <Button size="sm" variant="outline" onClick={() => setOpen("reject")}>
            <X />
            {t("messages.actions.reject")}
          </Button>
        </>
      )}
      {show.resume && (
        <Button size="sm" onClick={() => setOpen("resume")}>
          <Play />
          {t("messages.actions.resume")}
        </Button>
      )}
      {show.cancel && (
        <Button size="sm" variant="outline" onClick={() => setOpen("cancel")}>
          <Ban />
          {t("messages.actions.cancel")}
        </Button>
      )}
      {show.retract && (
        <Button size="sm" variant="outline" onClick={() => setOpen("retract")}>
          <Undo2 />
          {t("messages.actions.retract")}
        </Button>
      )}

      {open === "cancel" && (
        <ReasonDialog
          required
          destructive
          title={t("messages.actions.cancelTitle")}
          description={t("messages.actions.cancelBody", { title })}
          confirmLabel={t("messages.actions.cancel")}
          run={(reason) => cancel.mutateAsync({ ...ref, reason: reason ?? "" })}
          reload={reload}
          onDone={done(t("messages.actions.cancelled", { title }))}
          onClose={() => setOpen(null)}
        />
      )}
      {open === "retract" && (
        <ReasonDialog
          required
          destructive
          title={t("messages.actions.retractTitle")}
          description={t("messages.actions.retractBody", { title })}
          confirmLabel={t("messages.actions.retract")}
          run={(reason) => retract.mutateAsync({ ...ref, reason: reason ?? "" })}
          reload={reload}
          onDone={done(t("messages.actions.retracted", { title }))}
          onClose={() => setOpen(null)}
        />
      )}
      {open === "approve" && (
        <ReasonDialog
          required={false}
          title={t("messages.actions.approveTitle")}
          description={t("messages.actions.approveBody", { title, count: f.number(m.estimatedCount) })}
          confirmLabel={t("messages.actions.approve")}
          run={(note) => approve.mutateAsync({ ...ref, note })}
          reload={reload}
          onDone={done(t("messages.actions.approved", { title }))}
          onClose={() => setOpen(null)}
        />
      )}
      {open === "reject" && (
        <ReasonDialog
          required
          destructive
          title={t("messages.actions.rejectTitle")}
          description={t("messages.actions.rejectBody", { title })}
          confirmLabel={t("messages.actions.reject")}
          run={(note) => reject.mutateAsync({ ...ref, note: note ?? "" })}
          reload={reload}
          onDone={done(t("messages.actions.rejected", { title }))}
          onClose={() => setOpen(null)}
        />
      )}
      <ConfirmDialog
        open={open === "resume"}
        onOpenChange={(next) => !next && setOpen(null)}
        title={t("messages.actions.resume")}
        description={t("messages.actions.resumeBody", { title })}
        confirmLabel={t("messages.actions.resume")}
        cancelLabel={t("messages.actions.keep")}
        pending={resume.isPending}
        onConfirm={() => resume.mutate(ref)}
      />
    </div>
  );
}
