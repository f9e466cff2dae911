"use client";
/**
 * "Change receiving account": where the sub-account's deposits are credited (funding 6 / trading 18).
 * The dialog says plainly that this is one setting for the whole sub-account — every address, every
 * currency — and the exchange takes it through one of the addresses, chosen here.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { FormDialog, SelectField } from "@/components/form-dialog";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { applyServerErrors, useLocalizedResolver } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { RECEIVING_ACCOUNTS, type ReceivingAccount } from "@/lib/deposits/schemas";
import type { DepositAddressRow } from "@/server/deposits/types";
import { CHANGE_MESSAGES, ZChangeReceivingForm, type ChangeReceivingValues } from "./address-form-schemas";

interface ChangeReceivingDialogProps {
  subaccountId: string;
  addresses: DepositAddressRow[];
  current: ReceivingAccount | null;
  onClose: () => void;
}

const shortAddress = (a: string) => (a.length > 24 ? `${a.slice(0, 10)}…${a.slice(-8)}` : a);

export function ChangeReceivingDialog({ subaccountId, addresses, current, onClose }: ChangeReceivingDialogProps) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const first = addresses.find((a) => a.selected) ?? addresses[0];
  const form = useForm<ChangeReceivingValues, unknown, z.output<typeof ZChangeReceivingForm>>({
    resolver: useLocalizedResolver(zodResolver(ZChangeReceivingForm), CHANGE_MESSAGES),
    defaultValues: { subaccountId, ccy: first?.ccy ?? "", chain: first?.chain ?? "", addr: first?.addr ?? "", to: current === "18" ? "6" : "18" },
  });
  const change = useMutation(
    trpc.deposit.setReceivingAccount.mutationOptions({
      onSuccess: (result) => {
        toast.success(t("deposits.change.changed", { account: t(`deposits.receiving.${result.receivingAccount}`) }));
        void queryClient.invalidateQueries(trpc.deposit.storedAddresses.queryFilter({ subaccountId }));
        onClose();
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, CHANGE_MESSAGES, t)),
    }),
  );

  return (
    <FormDialog
      form={form}
      title={t("deposits.change.title")}
      description={t("deposits.change.description")}
      contentClassName="sm:max-w-lg"
      pending={change.isPending}
      error={formError}
      onClose={onClose}
      submitLabel={t("deposits.change.confirm")}
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        change.mutate(values);
      })}
    >
      <SelectField
        control={form.control}
        name="to"
        label={t("deposits.change.account")}
        options={RECEIVING_ACCOUNTS.map((account) => ({ value: account, label: t(`deposits.receiving.${account}`) }))}
      />
      <FormField
        control={form.control}
        name="addr"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t("deposits.change.address")}</FormLabel>
            <Select
              // The select holds the row id; the form sends that row's ccy, chain and exchange address.
              value={addresses.find((a) => a.addr === field.value)?.id ?? field.value}
              onValueChange={(id) => {
                const row = addresses.find((a) => a.id === id);
                if (!row) return;
                form.setValue("ccy", row.ccy);
                form.setValue("chain", row.chain);
                field.onChange(row.addr);
              }}
            >
              <FormControl>
                <SelectTrigger className="w-full" ref={field.ref} onBlur={field.onBlur}>
                  <SelectValue />
                </SelectTrigger>
              </FormControl>
              <SelectContent>
                {addresses.map((a) => (
                  <SelectItem key={a.id} value={a.id}>
                    <span className="font-medium">{a.ccy}</span>
                    <span className="text-muted-foreground">{a.chain}</span>
                    <span className="font-mono text-xs">{shortAddress(a.address)}</span>
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
            <FormDescription>{t("deposits.change.addressHint")}</FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
    </FormDialog>
  );
}
