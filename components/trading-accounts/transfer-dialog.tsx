"use client";
/**
 * "Transfer" from one trading account to another of the same customer, currency and real/demo. The dialog
 * holds one idempotency key for its lifetime, so a double submit posts once. A fund lock or too little cash
 * is refused by the server and shown in its words.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { FormDialog, SelectField, TextField } from "@/components/form-dialog";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { checkedBy } from "@/lib/forms/checked-by";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { ZTransferInput } from "@/lib/ledger/schemas";
import type { TradingAccountRow } from "@/server/ledger/types";
import { accountLabel } from "./account-label";
import { useFormat } from "@/lib/hooks/use-format";

const ZTransferForm = checkedBy(
  z.object({ fromTradingAccountId: z.string(), toTradingAccountId: z.string(), amount: z.string(), memo: z.string(), idempotencyKey: z.string() }),
  ZTransferInput,
);
type TransferValues = z.input<typeof ZTransferForm>;

const MESSAGES: FieldMessages<TransferValues> = {
  invalid: { toTradingAccountId: "tradingAccounts.transfer.invalid.toTradingAccountId", amount: "tradingAccounts.transfer.invalid.amount" },
};

/** `accounts` are all the customer's accounts; only open ones in the same currency and real/demo are offered. */
export function TransferDialog({ from, accounts, onClose }: { from: TradingAccountRow; accounts: TradingAccountRow[]; onClose: () => void }) {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const targets = accounts.filter((a) => a.id !== from.id && a.currency === from.currency && a.demo === from.demo && a.status !== "closed");
  const form = useForm<TransferValues, unknown, z.output<typeof ZTransferForm>>({
    resolver: useLocalizedResolver(zodResolver(ZTransferForm), MESSAGES),
    defaultValues: { fromTradingAccountId: from.id, toTradingAccountId: targets.length === 1 ? targets[0].id : "", amount: "", memo: "", idempotencyKey },
  });
  const move = useMutation(
    trpc.tradingAccount.transfer.mutationOptions({
      onSuccess: (_done, values) => {
        toast.success(t("tradingAccounts.transfer.done", { amount: f.decimal(values.amount), currency: from.currency }));
        void queryClient.invalidateQueries(trpc.tradingAccount.pathFilter());
        onClose();
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, MESSAGES, t)),
    }),
  );

  return (
    <FormDialog
      form={form}
      title={t("tradingAccounts.transfer.title")}
      description={t("tradingAccounts.transfer.description", { account: accountLabel(t, from) })}
      contentClassName="sm:max-w-md"
      pending={move.isPending}
      error={formError}
      onClose={onClose}
      submitLabel={t("tradingAccounts.transfer.submit")}
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        move.mutate(values);
      })}
      empty={
        targets.length === 0 && (
          <Alert>
            <TriangleAlert aria-hidden />
            <AlertDescription>{t("tradingAccounts.transfer.noTargets", { currency: from.currency })}</AlertDescription>
          </Alert>
        )
      }
    >
      <SelectField
        control={form.control}
        name="toTradingAccountId"
        label={t("tradingAccounts.transfer.to")}
        options={targets.map((a) => ({ value: a.id, label: `${accountLabel(t, a)} · ${f.decimal(a.cash)}` }))}
        placeholder={t("tradingAccounts.transfer.toPlaceholder")}
        disabled={move.isPending}
      />
      <TextField
        control={form.control}
        name="amount"
        label={t("tradingAccounts.transfer.amount")}
        hint={t("tradingAccounts.transfer.amountHint", { cash: f.decimal(from.cash), currency: from.currency })}
        input={{ inputMode: "decimal", autoComplete: "off", autoFocus: true, className: "font-mono tabular-nums", disabled: move.isPending }}
      />
      <TextField
        control={form.control}
        name="memo"
        label={t("tradingAccounts.transfer.memo")}
        input={{ autoComplete: "off", maxLength: 500, disabled: move.isPending }}
      />
    </FormDialog>
  );
}
