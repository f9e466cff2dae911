"use client";
/**
 * Retry a failed file, after confirming: it starts over from the request and its refused rows are cleared.
 * A refusal (the file is no longer failed: someone retried it meanwhile) is a toast, and the list reloads.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useLocale, useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { RebateFileRow } from "@/server/rebates/files";
import { fileNames } from "./rebate-file-parts";

export function RetryFileDialog({ file, onClose }: { file: RebateFileRow; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reload = () => queryClient.invalidateQueries(trpc.rebate.files.pathFilter());
  const retry = useMutation(
    trpc.rebate.retry.mutationOptions({
      onSuccess: () => {
        toast.success(t("rebates.retried"));
        onClose();
        return reload();
      },
      onError: (error) => {
        toast.error(describeTrpcError(error, t).message);
        onClose();
        return reload();
      },
    }),
  );

  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t("rebates.retryConfirm.title")}
      description={t("rebates.retryConfirm.body", fileNames(t, locale, file))}
      confirmLabel={t("rebates.retry")}
      cancelLabel={t("common.cancel")}
      pending={retry.isPending}
      onConfirm={() => retry.mutate({ id: file.id })}
    />
  );
}
