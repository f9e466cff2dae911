"use client";
/**
 * "New partner key" and "Edit partner key": the same fields, checked in the browser by the procedure's own
 * schema. Creating hands the key and its secret to the caller for the once-only dialog; the mutation is not
 * kept in the query cache (gcTime 0), so the secret lives only in that dialog's state. Editing sends the
 * version the row was loaded at; a stale version or an ended key is refused and the list reloaded.
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
import type { PartnerKeyRow } from "@/server/partner/types";
import { PartnerKeyFields } from "./partner-key-fields";
import { EMPTY_PARTNER_KEY_FORM, formValuesOf, PARTNER_KEY_MESSAGES, partnerKeyFormSchema, type PartnerKeyFormValues } from "./partner-key-form";
import type { IssuedSecret } from "./partner-key-secret-dialog";

function usePartnerKeyForm(row: PartnerKeyRow | null) {
  const t = useT();
  const current = row?.expiresAt ?? null;
  const schema = useMemo(() => partnerKeyFormSchema(t, current), [t, current]);
  return useForm<PartnerKeyFormValues, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: row ? formValuesOf(row) : EMPTY_PARTNER_KEY_FORM,
  });
}

export function CreatePartnerKeyDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (issued: IssuedSecret) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = usePartnerKeyForm(null);
  const create = useMutation(
    trpc.partnerKey.create.mutationOptions({
      gcTime: 0,
      onSuccess: ({ key, secret }) => {
        toast.success(t("partnerApi.toast.created", { label: key.label }));
        void queryClient.invalidateQueries(trpc.partnerKey.pathFilter());
        onCreated({ key, secret, mode: "created" });
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, PARTNER_KEY_MESSAGES, t)),
    }),
  );

  return (
    <FormDialog
      form={form}
      title={t("partnerApi.create.title")}
      description={t("partnerApi.create.description")}
      contentClassName="sm:max-w-2xl"
      pending={create.isPending}
      error={formError}
      onClose={onClose}
      submitLabel={t("partnerApi.create.submit")}
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        create.mutate(values);
      })}
    >
      <PartnerKeyFields autoFocus />
    </FormDialog>
  );
}

export function EditPartnerKeyDialog({ row, onClose }: { row: PartnerKeyRow; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = usePartnerKeyForm(row);
  const update = useMutation(
    trpc.partnerKey.update.mutationOptions({
      onSuccess: (updated) => {
        toast.success(t("partnerApi.toast.updated", { label: updated.label }));
        void queryClient.invalidateQueries(trpc.partnerKey.pathFilter());
        onClose();
      },
      onError: (error) => {
        const message = applyServerErrors(form.setError, error, PARTNER_KEY_MESSAGES, t);
        // A stale version or an ended key: reload, so the next attempt (or the row) shows the key as it is.
        if (message) void queryClient.invalidateQueries(trpc.partnerKey.pathFilter());
        setFormError(message);
      },
    }),
  );

  return (
    <FormDialog
      form={form}
      title={t("partnerApi.edit.title")}
      description={t("partnerApi.edit.description", { label: row.label, accessKey: row.accessKey })}
      contentClassName="sm:max-w-2xl"
      pending={update.isPending}
      error={formError}
      onClose={onClose}
      submitLabel={t("partnerApi.edit.submit")}
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        update.mutate({ id: row.id, version: row.version, ...values });
      })}
    >
      <PartnerKeyFields autoFocus />
    </FormDialog>
  );
}
