"use client";
/**
 * "Create sub-account" for a customer: the name (seed 001: 6–20 letters and digits) and an optional label,
 * checked in the browser by the procedure's own input schema. The exchange's refusal (a name taken there)
 * lands on the name field in the server's words. On success the customer's sub-accounts refresh.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { checkedBy } from "@/components/customers/customer-form-schemas";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { ZCreateSubaccountInput } from "@/server/subaccounts/schemas";

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
    <Dialog open onOpenChange={(open) => !open && !create.isPending && onClose()}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{t("subaccounts.create.title")}</DialogTitle>
          <DialogDescription>{t("subaccounts.create.description", { customer: customer.name })}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form
            noValidate
            className="grid gap-4"
            onSubmit={form.handleSubmit((values) => {
              setFormError(null);
              create.mutate(values);
            })}
          >
            <FormField
              control={form.control}
              name="subAcct"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t("subaccounts.create.name")}</FormLabel>
                  <FormControl>
                    <Input autoComplete="off" autoCapitalize="off" spellCheck={false} autoFocus maxLength={20} className="font-mono" {...field} />
                  </FormControl>
                  <FormDescription>{t("subaccounts.create.nameHint")}</FormDescription>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="label"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t("subaccounts.create.label")}</FormLabel>
                  <FormControl>
                    <Input autoComplete="off" maxLength={50} {...field} />
                  </FormControl>
                  <FormDescription>{t("subaccounts.create.labelHint")}</FormDescription>
                  <FormMessage />
                </FormItem>
              )}
            />
            {formError && (
              <Alert variant="destructive" role="alert">
                <TriangleAlert aria-hidden />
                <AlertDescription>{formError}</AlertDescription>
              </Alert>
            )}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={onClose} disabled={create.isPending}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" pending={create.isPending}>
                {t("subaccounts.create.submit")}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
