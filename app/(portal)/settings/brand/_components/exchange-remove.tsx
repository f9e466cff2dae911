"use client";
/** "Remove credentials", behind a confirmation: the brand goes back to the built-in simulator. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
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
        toast.error(describeTrpcError(error).message);
      },
    }),
  );

  return (
    <AlertDialog open={open} onOpenChange={(next) => !remove.isPending && setOpen(next)}>
      <AlertDialogTrigger asChild>
        <Button type="button" variant="ghost" className="text-destructive hover:text-destructive">
          <Trash2 />
          {t("exchange.remove.button")}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{t("exchange.remove.title")}</AlertDialogTitle>
          <AlertDialogDescription>{t("exchange.remove.body")}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={remove.isPending}>{t("common.cancel")}</AlertDialogCancel>
          {/* A plain button, not AlertDialogAction: the dialog stays open until the removal is done. */}
          <Button variant="destructive" pending={remove.isPending} onClick={() => remove.mutate()}>
            {t("exchange.remove.confirm")}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
