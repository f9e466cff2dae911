"use client";
/**
 * "Create API key" for one sub-account: seed 001's rules checked as you type (the same checks the server
 * makes), a passphrase of the operator's choosing or generated here, read always on, trade/withdraw
 * optional, bound IPs in one box. On success the credentials go to the caller for the once-only dialog;
 * the mutation is not kept in the query cache (gcTime 0), so the secret lives only in that dialog's state.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { FormDialog } from "@/components/form-dialog";
import { applyServerErrors } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import type { ApiKeyCredentials } from "@/server/api-keys/types";
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
    <FormDialog
      form={form}
      title={t("apiKeys.create.title")}
      description={t("apiKeys.create.description", { subAcct })}
      contentClassName="sm:max-w-xl"
      pending={busy}
      error={formError}
      onClose={onClose}
      submitLabel={t("apiKeys.create.submit")}
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        create.mutate({ subaccountId, ...values });
      })}
    >
      <LabelField autoFocus />
      <PassphraseField />
      <PermsField />
      <IpsField />
    </FormDialog>
  );
}
