"use client";
/**
 * "Edit profile": the procedure's own input, sent with the version the form started from. If someone
 * else changed the customer meanwhile the server refuses; the form then reloads the current profile and
 * says so, rather than writing over the other change.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { editValues, PROFILE_MESSAGES, ZEditCustomerForm, type EditCustomerValues } from "@/components/customers/customer-form-schemas";
import { CustomerProfileFields } from "@/components/customers/customer-profile-fields";
import { FormDialog } from "@/components/form-dialog";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { CustomerDetail } from "@/server/customers/types";
import { isConflict, useCustomerCache } from "./use-customer-cache";

const MESSAGES: FieldMessages<EditCustomerValues> = PROFILE_MESSAGES;

export function EditCustomerDialog({ customer, onClose }: { customer: CustomerDetail; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const cache = useCustomerCache(customer.id);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<EditCustomerValues, unknown, z.output<typeof ZEditCustomerForm>>({
    resolver: useLocalizedResolver(zodResolver(ZEditCustomerForm), MESSAGES),
    defaultValues: editValues(customer),
  });
  const update = useMutation(
    trpc.customer.update.mutationOptions({
      onSuccess: (updated) => {
        cache.applied(updated);
        toast.success(t("customers.toast.updated", { name: updated.name }));
        onClose();
      },
      onError: async (error) => {
        if (!isConflict(error)) {
          setFormError(applyServerErrors(form.setError, error, MESSAGES, t));
          return;
        }
        const fresh = await cache.reload();
        if (fresh) form.reset(editValues(fresh));
        setFormError(`${describeTrpcError(error, t).message} ${fresh ? t("customers.edit.reloaded") : ""}`.trim());
      },
    }),
  );

  return (
    <FormDialog
      form={form}
      title={t("customers.edit.title", { name: customer.name })}
      description={t("customers.edit.description")}
      contentClassName="sm:max-w-xl"
      pending={update.isPending}
      error={formError}
      onClose={onClose}
      submitLabel={t("customers.edit.submit")}
      submitDisabled={!form.formState.isDirty}
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        update.mutate(values);
      })}
    >
      <CustomerProfileFields exceptId={customer.id} autoFocus />
    </FormDialog>
  );
}
