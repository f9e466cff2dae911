"use client";
/**
 * "Register customer" (the B-end registration): staff register a customer on their behalf. The form is
 * the procedure's own input; an email or phone already in use is hinted while typing and, if submitted
 * anyway, refused by the server onto its field. On success the new customer's page opens.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import {
  EMPTY_REGISTRATION,
  REGISTER_MESSAGES,
  ZRegisterCustomerForm,
  type RegisterCustomerValues,
} from "@/components/customers/customer-form-schemas";
import { CustomerProfileFields } from "@/components/customers/customer-profile-fields";
import { GroupSelect } from "@/components/customers/group-select";
import { FormDialog } from "@/components/form-dialog";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { applyServerErrors, useLocalizedResolver } from "@/lib/forms/field-errors";
import { useLocale, useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { customerHref } from "./customer-columns";

export function RegisterCustomerDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<RegisterCustomerValues, unknown, z.output<typeof ZRegisterCustomerForm>>({
    resolver: useLocalizedResolver(zodResolver(ZRegisterCustomerForm), REGISTER_MESSAGES),
    // Staff mostly register customers who read what they read; the field stays changeable.
    defaultValues: { ...EMPTY_REGISTRATION, language: locale },
  });
  const register = useMutation(
    trpc.customer.register.mutationOptions({
      onSuccess: (customer) => {
        toast.success(t("customers.toast.registered", { name: customer.name, uid: customer.uid }));
        void queryClient.invalidateQueries(trpc.customer.list.queryFilter());
        void queryClient.invalidateQueries(trpc.customerGroup.list.queryFilter());
        router.push(customerHref(customer.id));
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, REGISTER_MESSAGES, t)),
    }),
  );
  // After success the dialog stays (disabled) until the customer's page replaces this one.
  const busy = register.isPending || register.isSuccess;

  return (
    <FormDialog
      form={form}
      title={t("customers.register.title")}
      description={t("customers.register.description")}
      contentClassName="sm:max-w-xl"
      pending={busy}
      error={formError}
      onClose={onClose}
      submitLabel={t("customers.register.submit")}
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        register.mutate(values);
      })}
    >
      <CustomerProfileFields autoFocus />
      <FormField
        control={form.control}
        name="groupId"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t("customers.form.group")}</FormLabel>
            <FormControl>
              <GroupSelect ref={field.ref} value={field.value} onChange={field.onChange} />
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
    </FormDialog>
  );
}
