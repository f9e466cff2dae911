"use client";
/**
 * "Create API key" for one sub-account: seed 001's rules checked as you type (the same checks the server
 * makes), a passphrase of the operator's choosing or generated here, read always on, trade/withdraw
 * optional, bound IPs in one box. On success the credentials go to the caller for the once-only dialog;
 * the mutation is not kept in the query cache (gcTime 0), so the secret lives only in that dialog's state.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { applyServerErrors } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import type { ApiKeyCredentials } from "@/server/apikeys/types";
import { IpsField, LabelField, PassphraseField, PermsField } from "./api-key-fields";
import { CREATE_MESSAGES, createKeyFormSchema, type CreateKeyFormValues } from "./api-key-form";

const EMPTY: CreateKeyFormValues = { label: "", passphrase: "", perms: [], ips: "" };

interface CreateApiKeyDialogProps {
  subaccountId: string;
  subAcct: string;
  onClose: () => void;
  onCreated: (credentials: ApiKeyCredentials) => void;
}

export function CreateApiKeyDialog({ subaccountId, subAcct, onClose, onCreated }: CreateApiKeyDialogProps) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const schema = useMemo(() => createKeyFormSchema(t), [t]);
  const form = useForm<CreateKeyFormValues, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: EMPTY });
  const create = useMutation(
    trpc.apiKey.create.mutationOptions({
      gcTime: 0,
      onSuccess: (credentials) => {
        toast.success(t("apiKeys.toast.created", { label: credentials.key.label }));
        void queryClient.invalidateQueries(trpc.apiKey.pathFilter());
        onCreated(credentials);
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, CREATE_MESSAGES, t)),
    }),
  );
  const busy = create.isPending;

  return (
    <Dialog open onOpenChange={(open) => !open && !busy && onClose()}>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{t("apiKeys.create.title")}</DialogTitle>
          <DialogDescription>{t("apiKeys.create.description", { subAcct })}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form
            noValidate
            className="grid gap-4"
            onSubmit={form.handleSubmit((values) => {
              setFormError(null);
              create.mutate({ subaccountId, ...values });
            })}
          >
            <LabelField autoFocus />
            <PassphraseField />
            <PermsField />
            <IpsField />
            {formError && (
              <Alert variant="destructive" role="alert">
                <TriangleAlert aria-hidden />
                <AlertDescription>{formError}</AlertDescription>
              </Alert>
            )}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={onClose} disabled={busy}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" pending={busy}>
                {t("apiKeys.create.submit")}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
