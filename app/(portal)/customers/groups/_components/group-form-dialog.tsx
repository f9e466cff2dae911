"use client";
/** Create and edit a customer group; the form is the procedure's own input, a taken name lands on its field. */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { FormDialog, TextField, TextareaField } from "@/components/form-dialog";
import { checkedBy } from "@/lib/forms/checked-by";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { ZCreateCustomerGroupInput } from "@/lib/customers/schemas";
import type { CustomerGroupRow } from "@/server/customers/types";

const ZGroupForm = checkedBy(z.object({ name: z.string(), description: z.string() }), ZCreateCustomerGroupInput);
type GroupValues = z.input<typeof ZGroupForm>;
const MESSAGES: FieldMessages<GroupValues> = {
  invalid: { name: "customers.groups.form.invalid.name", description: "customers.groups.form.invalid.description" },
  refused: { name: "customers.groups.form.refused.name" },
};

/** `group` given: edit it; otherwise create a new one. */
export function GroupFormDialog({ group, onClose }: { group: CustomerGroupRow | null; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<GroupValues, unknown, z.output<typeof ZGroupForm>>({
    resolver: useLocalizedResolver(zodResolver(ZGroupForm), MESSAGES),
    defaultValues: { name: group?.name ?? "", description: group?.description ?? "" },
  });
  const handlers = {
    onSuccess: (saved: CustomerGroupRow) => {
      toast.success(t(group ? "customers.groups.toast.updated" : "customers.groups.toast.created", { name: saved.name }));
      onClose();
      return queryClient.invalidateQueries(trpc.customerGroup.list.queryFilter());
    },
    onError: (error: unknown) => setFormError(applyServerErrors(form.setError, error, MESSAGES, t)),
  };
  const create = useMutation(trpc.customerGroup.create.mutationOptions(handlers));
  const update = useMutation(trpc.customerGroup.update.mutationOptions(handlers));
  const pending = create.isPending || update.isPending;

  return (
    <FormDialog
      form={form}
      title={group ? t("customers.groups.form.editTitle", { name: group.name }) : t("customers.groups.form.createTitle")}
      description={t("customers.groups.form.description")}
      pending={pending}
      error={formError}
      onClose={onClose}
      submitLabel={group ? t("common.save") : t("common.create")}
      submitDisabled={Boolean(group) && !form.formState.isDirty}
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        if (group) update.mutate({ id: group.id, ...values });
        else create.mutate(values);
      })}
    >
      <TextField control={form.control} name="name" label={t("customers.groups.form.name")} input={{ autoComplete: "off", autoFocus: true, maxLength: 60 }} />
      <TextareaField control={form.control} name="description" label={t("customers.groups.form.descriptionLabel")} textarea={{ rows: 3, maxLength: 300 }} />
    </FormDialog>
  );
}
