"use client";
/**
 * "Edit profile": the procedure's own input, sent with the version the form started from. If someone
 * else changed the customer meanwhile the server refuses; the form then reloads the current profile and
 * says so, rather than writing over the other change.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { editValues, PROFILE_MESSAGES, ZEditCustomerForm, type EditCustomerValues } from "@/components/customers/customer-form-schemas";
import { CustomerProfileFields } from "@/components/customers/customer-profile-fields";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
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
        setFormError(`${describeTrpcError(error).message} ${fresh ? t("customers.edit.reloaded") : ""}`.trim());
      },
    }),
  );

  return (
    <Dialog open onOpenChange={(open) => !open && !update.isPending && onClose()}>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{t("customers.edit.title", { name: customer.name })}</DialogTitle>
          <DialogDescription>{t("customers.edit.description")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form
            noValidate
            className="grid gap-4"
            onSubmit={form.handleSubmit((values) => {
              setFormError(null);
              update.mutate(values);
            })}
          >
            <CustomerProfileFields exceptId={customer.id} autoFocus />
            {formError && (
              <Alert variant="destructive" role="alert">
                <TriangleAlert aria-hidden />
                <AlertDescription>{formError}</AlertDescription>
              </Alert>
            )}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={onClose} disabled={update.isPending}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" pending={update.isPending} disabled={!form.formState.isDirty}>
                {t("customers.edit.submit")}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
