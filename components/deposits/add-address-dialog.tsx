"use client";
/**
 * "Add deposit address": currency (any code; the brand's exchange's depositable currencies offered), chain
 * (empty = main chain; the currency's listed chains offered), address type and — optionally — the receiving account,
 * which is one setting for all of the sub-account's addresses. Exchange refusals land on their field.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { FormDialog, SelectField } from "@/components/form-dialog";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { applyServerErrors, useLocalizedResolver } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { findCurrency } from "@/lib/deposits/currencies";
import { RECEIVING_ACCOUNTS } from "@/lib/deposits/schemas";
import { CREATE_MESSAGES, KEEP, ZCreateAddressForm, type CreateAddressValues } from "./address-form-schemas";
import { useDepositCurrencies } from "./use-deposit-currencies";

export function AddAddressDialog({ subaccountId, initialCcy, onClose }: { subaccountId: string; initialCcy?: string; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = { currencies: useId(), chains: useId() };
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CreateAddressValues, unknown, z.output<typeof ZCreateAddressForm>>({
    resolver: useLocalizedResolver(zodResolver(ZCreateAddressForm), CREATE_MESSAGES),
    defaultValues: { subaccountId, ccy: initialCcy ?? "", chain: "", addrType: "1", to: KEEP },
  });
  const ccy = useWatch({ control: form.control, name: "ccy" });
  const currencies = useDepositCurrencies();
  const known = findCurrency(currencies.list, ccy ?? "");

  const create = useMutation(
    trpc.deposit.createAddress.mutationOptions({
      onSuccess: (row) => {
        toast.success(t("deposits.create.created", { ccy: row.ccy, chain: row.chain }));
        void queryClient.invalidateQueries(trpc.deposit.storedAddresses.queryFilter({ subaccountId }));
        onClose();
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, CREATE_MESSAGES, t)),
    }),
  );

  return (
    <FormDialog
      form={form}
      title={t("deposits.create.title")}
      description={t("deposits.create.description")}
      contentClassName="sm:max-w-lg"
      pending={create.isPending}
      error={formError}
      onClose={onClose}
      submitLabel={t("deposits.create.submit")}
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        create.mutate(values);
      })}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          control={form.control}
          name="ccy"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t("deposits.create.currency")}</FormLabel>
              <FormControl>
                <Input
                  autoFocus
                  autoComplete="off"
                  spellCheck={false}
                  className="uppercase"
                  list={ids.currencies}
                  aria-busy={currencies.loading}
                  placeholder={t("deposits.addresses.currencyPlaceholder")}
                  {...field}
                />
              </FormControl>
              <datalist id={ids.currencies}>
                {currencies.list.map((c) => (
                  <option key={c.ccy} value={c.ccy} />
                ))}
              </datalist>
              <FormDescription aria-live="polite">
                {currencies.loading
                  ? t("deposits.create.currenciesLoading")
                  : currencies.failed
                    ? t("deposits.create.currenciesFailed")
                    : t("deposits.create.currencyHint")}
              </FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="chain"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t("deposits.create.chain")}</FormLabel>
              <FormControl>
                <Input autoComplete="off" spellCheck={false} list={ids.chains} placeholder={known?.chains[0] ?? t("deposits.create.chainPlaceholder")} {...field} />
              </FormControl>
              <datalist id={ids.chains}>
                {(known?.chains ?? []).map((chain) => (
                  <option key={chain} value={chain} />
                ))}
              </datalist>
              <FormDescription>{t("deposits.create.chainHint")}</FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
      </div>
      <SelectField
        control={form.control}
        name="addrType"
        label={t("deposits.create.addrType")}
        options={[
          { value: "1", label: t("deposits.create.addrTypes.1") },
          { value: "2", label: t("deposits.create.addrTypes.2"), disabled: Boolean(known && !known.segwit) },
        ]}
      />
      <SelectField
        control={form.control}
        name="to"
        label={t("deposits.create.receiving")}
        options={[
          { value: KEEP, label: t("deposits.create.keepReceiving") },
          ...RECEIVING_ACCOUNTS.map((account) => ({ value: account, label: t(`deposits.receiving.${account}`) })),
        ]}
        hint={t("deposits.create.receivingHint")}
      />
    </FormDialog>
  );
}
