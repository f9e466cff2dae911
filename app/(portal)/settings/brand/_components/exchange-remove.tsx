"use client";
/** "Remove credentials", behind a confirmation: the brand goes back to the built-in simulator. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";

export function ExchangeRemove() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useMutation(
    trpc.brand.clearExchangeCredentials.mutationOptions({
      onSuccess: (view) => {
        queryClient.setQueryData(trpc.brand.exchangeCredentials.queryKey(), view);
        setOpen(false);
        toast.success(t("exchange.remove.done"));
      },
      onError: (error) => {
        setOpen(false);
        toast.error(describeTrpcError(error, t).message);
      },
    }),
  );

  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      destructive
      trigger={
        <Button type="button" variant="ghost" className="text-destructive hover:text-destructive">
          <Trash2 />
          {t("exchange.remove.button")}
        </Button>
      }
      title={t("exchange.remove.title")}
      description={t("exchange.remove.body")}
      confirmLabel={t("exchange.remove.confirm")}
      cancelLabel={t("common.cancel")}
      pending={remove.isPending}
      onConfirm={() => remove.mutate()}
    />
  );
}
