"use client";
/** "Edit API key": label, trade/withdraw and bound IPs, sent to the exchange with the version the row was loaded at. */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { FormDialog } from "@/components/form-dialog";
import { OPTIONAL_API_KEY_PERMS, type OptionalApiKeyPerm } from "@/lib/api-keys/rules";
import { applyServerErrors } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import type { ApiKeyRow } from "@/server/api-keys/types";
import { IpsField, LabelField, PermsField } from "./api-key-fields";
import { EDIT_MESSAGES, editKeyFormSchema, type EditKeyFormValues } from "./api-key-form";

export function EditApiKeyDialog({ row, onClose }: { row: ApiKeyRow; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const schema = useMemo(() => editKeyFormSchema(t, row.ips.length > 0), [t, row.ips.length]);
  const form = useForm<EditKeyFormValues, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: {
      label: row.label,
      perms: OPTIONAL_API_KEY_PERMS.filter((p): p is OptionalApiKeyPerm => row.perms.includes(p)),
      ips: row.ips.join("\n"),
    },
  });
  const modify = useMutation(
    trpc.apiKey.modify.mutationOptions({
      onSuccess: (updated) => {
        toast.success(t("apiKeys.toast.updated", { label: updated.label }));
        void queryClient.invalidateQueries(trpc.apiKey.pathFilter());
        onClose();
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, EDIT_MESSAGES, t)),
    }),
  );
  const busy = modify.isPending;

  return (
    <FormDialog
      form={form}
      title={t("apiKeys.edit.title")}
      description={t("apiKeys.edit.description", { key: row.apiKeyMasked, subAcct: row.subAcct })}
      contentClassName="sm:max-w-xl"
      pending={busy}
      error={formError}
      onClose={onClose}
      submitLabel={t("apiKeys.edit.submit")}
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        modify.mutate({ id: row.id, version: row.version, ...values });
      })}
    >
      <LabelField autoFocus />
      <PermsField />
      <IpsField />
    </FormDialog>
  );
}
