"use client";
/**
 * "Open trading account" for a customer: type, currency and real/demo, checked in the browser by the
 * procedure's own input schema. A duplicate (same type, currency and real/demo) lands on the type field in
 * the server's words. On success the customer's accounts refresh.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { FormDialog, SelectField, TextField } from "@/components/form-dialog";
import { Checkbox } from "@/components/ui/checkbox";
import { FormControl, FormDescription, FormField, FormItem, FormLabel } from "@/components/ui/form";
import { checkedBy } from "@/lib/forms/checked-by";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { TRADING_ACCOUNT_TYPES, ZOpenTradingAccountInput } from "@/lib/ledger/schemas";
import { accountLabel } from "./account-label";

const ZOpenForm = checkedBy(z.object({ customerId: z.string(), type: z.string(), currency: z.string(), demo: z.boolean() }), ZOpenTradingAccountInput);
type OpenValues = z.input<typeof ZOpenForm>;

const MESSAGES: FieldMessages<OpenValues> = {
  invalid: { type: "tradingAccounts.open.invalid.type", currency: "tradingAccounts.open.invalid.currency", demo: "tradingAccounts.open.invalid.type" },
};

export function OpenTradingAccountDialog({ customer, onClose }: { customer: { id: string; name: string }; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<OpenValues, unknown, z.output<typeof ZOpenForm>>({
    resolver: useLocalizedResolver(zodResolver(ZOpenForm), MESSAGES),
    defaultValues: { customerId: customer.id, type: "spot", currency: "USDT", demo: false },
  });
  const open = useMutation(
    trpc.tradingAccount.open.mutationOptions({
      onSuccess: (created) => {
        toast.success(t("tradingAccounts.open.done", { account: accountLabel(t, created) }));
        void queryClient.invalidateQueries(trpc.tradingAccount.listForCustomer.pathFilter());
        // The fund-locks tab lists the customer's accounts to lock.
        void queryClient.invalidateQueries(trpc.fundLock.accountsForCustomer.pathFilter());
        onClose();
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, MESSAGES, t)),
    }),
  );

  return (
    <FormDialog
      form={form}
      title={t("tradingAccounts.open.title")}
      description={t("tradingAccounts.open.description", { customer: customer.name })}
      contentClassName="sm:max-w-md"
      pending={open.isPending}
      error={formError}
      onClose={onClose}
      submitLabel={t("tradingAccounts.open.submit")}
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        open.mutate(values);
      })}
    >
      <SelectField
        control={form.control}
        name="type"
        label={t("tradingAccounts.open.type")}
        options={TRADING_ACCOUNT_TYPES.map((type) => ({ value: type, label: t(`tradingAccounts.types.${type}`) }))}
        disabled={open.isPending}
        autoFocus
      />
      <TextField
        control={form.control}
        name="currency"
        label={t("tradingAccounts.open.currency")}
        hint={t("tradingAccounts.open.currencyHint")}
        input={{ autoComplete: "off", autoCapitalize: "characters", spellCheck: false, maxLength: 12, className: "font-mono uppercase" }}
      />
      <FormField
        control={form.control}
        name="demo"
        render={({ field }) => (
          <FormItem className="flex flex-row items-start gap-3">
            <FormControl>
              <Checkbox checked={field.value} onCheckedChange={(v) => field.onChange(v === true)} disabled={open.isPending} />
            </FormControl>
            <div className="grid gap-1">
              <FormLabel>{t("tradingAccounts.open.demo")}</FormLabel>
              <FormDescription>{t("tradingAccounts.open.demoHint")}</FormDescription>
            </div>
          </FormItem>
        )}
      />
    </FormDialog>
  );
}
