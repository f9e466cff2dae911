"use client";
/**
 * "Grant bonus" to one of a customer's trading accounts: optionally under an active campaign (its rule gives
 * the amount unless one is typed; a percent rule needs the deposit amount), a required reason. The dialog
 * makes one idempotency key when it opens, so a double submit or a retry after a lost answer grants once.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { useWaitingToast } from "@/components/approvals/use-waiting-toast";
import { FormDialog, SelectField, TextField, TextareaField } from "@/components/form-dialog";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { useFormat } from "@/lib/hooks/use-format";
import { useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { ZGrantInput } from "@/lib/bonuses/schemas";
import { placeServerErrors } from "./server-errors";
import { accountLabel } from "@/components/trading-accounts/account-label";
import type { TradingAccountType } from "@/lib/ledger/schemas";

const NONE = "none";
type Values = z.input<typeof ZGrantInput>;
/** Each field's message in the reader's language (the schema's own are English). */
const MESSAGES: FieldMessages<Values> = {
  invalid: {
    tradingAccountId: "bonuses.invalid.tradingAccount",
    amount: "bonuses.create.invalid.amount",
    depositAmount: "bonuses.create.invalid.amount",
    reason: "bonuses.invalid.reason",
  },
};
const FIELDS = ["campaignId", "tradingAccountId", "amount", "depositAmount", "reason", "customerId"] as const;

export interface BonusAccount {
  id: string;
  type: TradingAccountType;
  currency: string;
  demo: boolean;
  status: string;
}

export function GrantDialog({ customer, accounts, onClose }: { customer: { id: string; name: string }; accounts: BonusAccount[]; onClose: () => void }) {
  const t = useT();
  const f = useFormat();
  const waitingToast = useWaitingToast();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const open = accounts.filter((a) => a.status === "active");
  const campaigns = useQuery(trpc.bonus.campaign.list.queryOptions({ page: 1, pageSize: 100, dir: "desc", status: ["active"] }));
  const form = useForm<Values, unknown, z.output<typeof ZGrantInput>>({
    resolver: useLocalizedResolver(zodResolver(ZGrantInput), MESSAGES),
    defaultValues: { customerId: customer.id, campaignId: "", tradingAccountId: open.length === 1 ? open[0].id : "", amount: "", depositAmount: "", withdrawable: false, idempotencyKey, reason: "" },
  });
  const campaignId = useWatch({ control: form.control, name: "campaignId" });
  const campaign = campaigns.data?.rows.find((c) => c.id === campaignId);
  const grant = useMutation(
    trpc.bonus.grant.grant.mutationOptions({
      onSuccess: (g) => {
        const vars = { amount: f.decimal(g.amount), currency: g.currency };
        if (!g.replayed && g.status === "pending_approval") waitingToast(t("bonuses.grant.pending", vars));
        else toast.success(g.replayed ? t("bonuses.grant.replayed") : t("bonuses.grant.done", vars));
        void queryClient.invalidateQueries(trpc.bonus.pathFilter());
        void queryClient.invalidateQueries(trpc.tradingAccount.pathFilter());
        onClose();
      },
      onError: (error) => setFormError(placeServerErrors(form.setError, error, FIELDS, t)),
    }),
  );
  const accountsFor = campaign ? open.filter((a) => a.currency === campaign.currency) : open;

  return (
    <FormDialog
      form={form}
      title={t("bonuses.grant.title")}
      description={t("bonuses.grant.description", { customer: customer.name })}
      contentClassName="sm:max-w-md"
      pending={grant.isPending}
      error={formError}
      onClose={onClose}
      cancelLabel={t("bonuses.cancel")}
      submitLabel={t("bonuses.grant.submit")}
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        grant.mutate(values);
      })}
      empty={open.length === 0 && <p className="text-sm text-muted-foreground">{t("bonuses.grant.noAccounts", { customer: customer.name })}</p>}
    >
      <FormField
        control={form.control}
        name="campaignId"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t("bonuses.grant.campaign")}</FormLabel>
            <Select value={(field.value as string) || NONE} onValueChange={(v) => field.onChange(v === NONE ? "" : v)} disabled={grant.isPending}>
              <FormControl>
                <SelectTrigger className="w-full">
                  <SelectValue />
                </SelectTrigger>
              </FormControl>
              <SelectContent>
                <SelectItem value={NONE}>{t("bonuses.grant.noCampaign")}</SelectItem>
                {(campaigns.data?.rows ?? []).map((c) => (
                  <SelectItem key={c.id} value={c.id}>
                    {c.name} ({c.currency})
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
            <FormMessage />
          </FormItem>
        )}
      />
      <SelectField
        control={form.control}
        name="tradingAccountId"
        label={t("bonuses.grant.account")}
        options={accountsFor.map((a) => ({ value: a.id, label: accountLabel(t, a) }))}
        placeholder={t("bonuses.grant.accountPlaceholder")}
        disabled={grant.isPending}
      />
      <TextField
        control={form.control}
        name="amount"
        label={t("bonuses.grant.amount")}
        hint={campaign && t("bonuses.grant.amountHint")}
        input={{ inputMode: "decimal", disabled: grant.isPending }}
      />
      {campaign?.amountRule === "percent_of_deposit" && (
        <TextField control={form.control} name="depositAmount" label={t("bonuses.grant.depositAmount")} input={{ inputMode: "decimal", disabled: grant.isPending }} />
      )}
      {!campaign && (
        <FormField
          control={form.control}
          name="withdrawable"
          render={({ field }) => (
            <FormItem className="flex flex-row items-center justify-between gap-4 rounded-md border p-3">
              <FormLabel>{t("bonuses.grant.withdrawable")}</FormLabel>
              <FormControl>
                <Switch checked={Boolean(field.value)} onCheckedChange={field.onChange} disabled={grant.isPending} />
              </FormControl>
            </FormItem>
          )}
        />
      )}
      <TextareaField control={form.control} name="reason" label={t("bonuses.grant.reason")} textarea={{ rows: 2, maxLength: 500, placeholder: t("bonuses.reasonPlaceholder"), disabled: grant.isPending }} />
    </FormDialog>
  );
}
