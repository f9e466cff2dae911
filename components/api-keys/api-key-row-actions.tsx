"use client";
/** A key row's menu — Edit, Reveal secret, Delete — and the dialogs they open. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Ellipsis, Eye, Pencil, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import type { ApiKeyCredentials, ApiKeyRow } from "@/server/api-keys/types";
import { ApiKeyCredentialsDialog } from "./api-key-credentials-dialog";
import { EditApiKeyDialog } from "./edit-api-key-dialog";
import { RevealApiKeyDialog } from "./reveal-api-key-dialog";

type Open = "edit" | "reveal" | "delete" | null;

interface ApiKeyRowActionsProps {
  row: ApiKeyRow;
  /** The sub-account is gone from the exchange: its keys cannot be changed (deleting the row still works). */
  readOnly?: boolean;
}

export function ApiKeyRowActions({ row, readOnly = false }: ApiKeyRowActionsProps) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Open>(null);
  const [revealed, setRevealed] = useState<ApiKeyCredentials | null>(null);
  const remove = useMutation(
    trpc.apiKey.remove.mutationOptions({
      onSuccess: () => {
        toast.success(t("apiKeys.toast.deleted", { label: row.label }));
        setOpen(null);
        void queryClient.invalidateQueries(trpc.apiKey.pathFilter());
      },
      onError: (error) => toast.error(describeTrpcError(error, t).message),
    }),
  );

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon-sm" className="size-7 data-[state=open]:bg-accent" aria-label={t("apiKeys.actions.menu", { label: row.label })}>
            <Ellipsis />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem disabled={readOnly} onSelect={() => setOpen("edit")}>
            <Pencil />
            {t("apiKeys.actions.edit")}
          </DropdownMenuItem>
          <DropdownMenuItem disabled={!row.hasStoredSecret} title={row.hasStoredSecret ? undefined : t("apiKeys.secretNotStoredHint")} onSelect={() => setOpen("reveal")}>
            <Eye />
            {t("apiKeys.actions.reveal")}
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem variant="destructive" onSelect={() => setOpen("delete")}>
            <Trash2 />
            {t("apiKeys.actions.delete")}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>

      {open === "edit" && <EditApiKeyDialog row={row} onClose={() => setOpen(null)} />}
      {open === "reveal" && (
        <RevealApiKeyDialog
          row={row}
          onClose={() => setOpen(null)}
          onRevealed={(credentials) => {
            setOpen(null);
            setRevealed(credentials);
            void queryClient.invalidateQueries(trpc.apiKey.pathFilter());
          }}
        />
      )}
      {revealed && <ApiKeyCredentialsDialog credentials={revealed} mode="revealed" onClose={() => setRevealed(null)} />}
      <ConfirmDialog
        open={open === "delete"}
        onOpenChange={(next) => setOpen(next ? "delete" : null)}
        title={t("apiKeys.delete.title")}
        description={t("apiKeys.delete.description", { key: row.apiKeyMasked, label: row.label, subAcct: row.subAcct })}
        confirmLabel={t("apiKeys.delete.confirm")}
        cancelLabel={t("common.cancel")}
        pending={remove.isPending}
        destructive
        onConfirm={() => remove.mutate({ id: row.id, version: row.version })}
      />
    </>
  );
}
