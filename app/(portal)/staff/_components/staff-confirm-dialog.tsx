"use client";
/**
 * Confirmation for destructive staff actions (disable, reset password, reset 2FA), naming the person.
 * Stays open while the request runs; a reset password continues into the one-time password dialog.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { ConfirmKind, StaffRow } from "./types";

interface StaffConfirmDialogProps {
  action: ConfirmKind;
  user: StaffRow;
  onClose: () => void;
  onPassword: (password: string) => void;
}

const TEXT = {
  disable: { title: "staff.confirm.disableTitle", body: "staff.confirm.disableBody", action: "staff.confirm.disableAction", done: "staff.toast.disabled" },
  resetPassword: {
    title: "staff.confirm.resetPasswordTitle",
    body: "staff.confirm.resetPasswordBody",
    action: "staff.confirm.resetPasswordAction",
    done: "staff.toast.passwordReset",
  },
  resetTotp: { title: "staff.confirm.resetTotpTitle", body: "staff.confirm.resetTotpBody", action: "staff.confirm.resetTotpAction", done: "staff.toast.totpReset" },
} as const;

export function StaffConfirmDialog({ action, user, onClose, onPassword }: StaffConfirmDialogProps) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const text = TEXT[action];
  const vars = { name: user.name, email: user.email };

  const done = () => {
    toast.success(t(text.done, vars));
    return queryClient.invalidateQueries(trpc.staff.list.queryFilter());
  };
  const closeAndRefresh = () => {
    onClose();
    return done();
  };
  const onError = (error: unknown) => toast.error(describeTrpcError(error, t).message);
  const disable = useMutation(trpc.staff.setStatus.mutationOptions({ onSuccess: closeAndRefresh, onError }));
  const resetTotp = useMutation(trpc.staff.resetTotp.mutationOptions({ onSuccess: closeAndRefresh, onError }));
  const resetPassword = useMutation(
    trpc.staff.resetPassword.mutationOptions({
      onSuccess: ({ temporaryPassword }) => {
        onPassword(temporaryPassword); // replaces this dialog with the one-time password
        return done();
      },
      onError,
    }),
  );
  const pending = disable.isPending || resetTotp.isPending || resetPassword.isPending;

  const run = () => {
    if (action === "disable") disable.mutate({ id: user.id, status: "disabled" });
    else if (action === "resetTotp") resetTotp.mutate({ id: user.id });
    else resetPassword.mutate({ id: user.id });
  };

  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      destructive={action === "disable"}
      title={t(text.title, vars)}
      description={t(text.body, vars)}
      confirmLabel={t(text.action)}
      cancelLabel={t("common.cancel")}
      pending={pending}
      onConfirm={run}
    />
  );
}
