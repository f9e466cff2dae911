"use client";
/**
 * "Adjust cash" on one trading account: credit or debit against the outside world, an amount (decimal text,
 * never a float) and a required reason. The dialog holds one idempotency key for its lifetime, so a double
 * submit or a retry after a lost response posts once. A refusal (not enough cash, a fund lock) is shown in
 * the server's words.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { FormDialog, SelectField, TextField, TextareaField } from "@/components/form-dialog";
import { checkedBy } from "@/lib/forms/checked-by";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { ZAdjustCashInput } from "@/lib/ledger/schemas";
import type { TradingAccountRow } from "@/server/ledger/types";
import { accountLabel } from "./account-label";
import { useFormat } from "@/lib/hooks/use-format";

const ZAdjustForm = checkedBy(
  z.object({ tradingAccountId: z.string(), direction: z.string(), amount: z.string(), reason: z.string(), idempotencyKey: z.string() }),
  ZAdjustCashInput,
);
type AdjustValues = z.input<typeof ZAdjustForm>;

const MESSAGES: FieldMessages<AdjustValues> = {
  invalid: { amount: "tradingAccounts.adjust.invalid.amount", reason: "tradingAccounts.adjust.invalid.reason" },
};

export function AdjustCashDialog({ account, onClose }: { account: TradingAccountRow; onClose: () => void }) {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const name = accountLabel(t, account);
  const form = useForm<AdjustValues, unknown, z.output<typeof ZAdjustForm>>({
    resolver: useLocalizedResolver(zodResolver(ZAdjustForm), MESSAGES),
    defaultValues: { tradingAccountId: account.id, direction: "credit", amount: "", reason: "", idempotencyKey },
  });
  const adjust = useMutation(
    trpc.tradingAccount.adjustCash.mutationOptions({
      onSuccess: (done) => {
        const now = done.accounts[0];
        toast.success(t("tradingAccounts.adjust.done", { account: name, cash: f.decimal(now.cash), currency: now.currency }));
        void queryClient.invalidateQueries(trpc.tradingAccount.pathFilter());
        onClose();
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, MESSAGES, t)),
    }),
  );

  return (
    <FormDialog
      form={form}
      title={t("tradingAccounts.adjust.title")}
      description={t("tradingAccounts.adjust.description", { account: name })}
      contentClassName="sm:max-w-md"
      pending={adjust.isPending}
      error={formError}
      onClose={onClose}
      submitLabel={t("tradingAccounts.adjust.submit")}
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        adjust.mutate(values);
      })}
    >
      <SelectField
        control={form.control}
        name="direction"
        label={t("tradingAccounts.adjust.direction")}
        options={[
          { value: "credit", label: t("tradingAccounts.adjust.credit") },
          { value: "debit", label: t("tradingAccounts.adjust.debit") },
        ]}
        disabled={adjust.isPending}
      />
      <TextField
        control={form.control}
        name="amount"
        label={t("tradingAccounts.adjust.amount")}
        hint={t("tradingAccounts.adjust.amountHint", { cash: f.decimal(account.cash), currency: account.currency })}
        input={{ inputMode: "decimal", autoComplete: "off", autoFocus: true, className: "font-mono tabular-nums", disabled: adjust.isPending }}
      />
      <TextareaField control={form.control} name="reason" label={t("tradingAccounts.adjust.reason")} hint={t("tradingAccounts.adjust.reasonHint")} textarea={{ rows: 3, maxLength: 500, disabled: adjust.isPending }} />
    </FormDialog>
  );
}
