"use client";
/**
 * "Create sub-account" for a customer: the name (seed 001: 6–20 letters and digits) and an optional label,
 * checked in the browser by the procedure's own input schema. The exchange's refusal (a name taken there)
 * lands on the name field in the server's words. On success the customer's sub-accounts refresh.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { FormDialog, TextField } from "@/components/form-dialog";
import { checkedBy } from "@/lib/forms/checked-by";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { ZCreateSubaccountInput } from "@/lib/subaccounts/schemas";

const ZCreateSubaccountForm = checkedBy(z.object({ customerId: z.string(), subAcct: z.string(), label: z.string() }), ZCreateSubaccountInput);
type CreateSubaccountValues = z.input<typeof ZCreateSubaccountForm>;

/** Invalid input gets the dictionary's words; a service refusal (no `refused` key) keeps the server's. */
const MESSAGES: FieldMessages<CreateSubaccountValues> = {
  invalid: { subAcct: "subaccounts.create.invalid.subAcct", label: "subaccounts.create.invalid.label" },
};

export function CreateSubaccountDialog({ customer, onClose }: { customer: { id: string; name: string }; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CreateSubaccountValues, unknown, z.output<typeof ZCreateSubaccountForm>>({
    resolver: useLocalizedResolver(zodResolver(ZCreateSubaccountForm), MESSAGES),
    defaultValues: { customerId: customer.id, subAcct: "", label: "" },
  });
  const create = useMutation(
    trpc.subaccount.createForCustomer.mutationOptions({
      onSuccess: (created) => {
        toast.success(t("subaccounts.create.done", { name: created.subAcct, customer: customer.name }));
        void queryClient.invalidateQueries(trpc.subaccount.list.pathFilter());
        onClose();
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, MESSAGES, t)),
    }),
  );

  return (
    <FormDialog
      form={form}
      title={t("subaccounts.create.title")}
      description={t("subaccounts.create.description", { customer: customer.name })}
      contentClassName="sm:max-w-md"
      pending={create.isPending}
      error={formError}
      onClose={onClose}
      submitLabel={t("subaccounts.create.submit")}
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        create.mutate(values);
      })}
    >
      <TextField
        control={form.control}
        name="subAcct"
        label={t("subaccounts.create.name")}
        hint={t("subaccounts.create.nameHint")}
        input={{ autoComplete: "off", autoCapitalize: "off", spellCheck: false, autoFocus: true, maxLength: 20, className: "font-mono" }}
      />
      <TextField
        control={form.control}
        name="label"
        label={t("subaccounts.create.label")}
        hint={t("subaccounts.create.labelHint")}
        input={{ autoComplete: "off", maxLength: 50 }}
      />
    </FormDialog>
  );
}
