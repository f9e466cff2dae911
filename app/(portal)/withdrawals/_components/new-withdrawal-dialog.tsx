"use client";
/**
 * "New withdrawal": a customer (search), one of their sub-accounts, then — read live from the exchange —
 * the chain (with its minimum, fee and decimals) and the available balance, the amount, and an address
 * from the customer's book (entries still cooling off are shown but not offered) or a new one, which goes
 * into the book first and becomes usable after the cooling-off. Checked in the browser by the procedure's
 * own schema; the service's refusals land on the field they name.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { FormDialog, SelectField, TextareaField, TextField } from "@/components/form-dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { checkedBy } from "@/lib/forms/checked-by";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useDebouncedValue } from "@/lib/hooks/use-debounced-value";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { ZRequestWithdrawalInput } from "@/lib/withdrawals/schemas";

const ZForm = checkedBy(
  z.object({ customerId: z.string(), subaccountId: z.string(), ccy: z.string(), chain: z.string(), amount: z.string(), address: z.string(), tag: z.string(), reason: z.string() }),
  ZRequestWithdrawalInput,
);
type Values = z.input<typeof ZForm>;
const MESSAGES: FieldMessages<Values> = { invalid: { customerId: "withdrawals.form.customer", subaccountId: "withdrawals.form.subaccount", ccy: "withdrawals.form.currency", chain: "withdrawals.form.chainPlaceholder", amount: "withdrawals.form.amount", address: "withdrawals.form.address", tag: "withdrawals.form.tag", reason: "withdrawals.form.note" } };
const NEW = "__new__";

export function NewWithdrawalDialog({ onClose, onCreated, customerId }: { onClose: () => void; onCreated?: (id: string) => void; customerId?: string }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dateTime = useDateTimeFormat();
  const [formError, setFormError] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [bookChoice, setBookChoice] = useState("");
  const q = useDebouncedValue(search, 250);
  const form = useForm<Values, unknown, z.output<typeof ZForm>>({
    resolver: useLocalizedResolver(zodResolver(ZForm), MESSAGES),
    defaultValues: { customerId: customerId ?? "", subaccountId: "", ccy: "", chain: "", amount: "", address: "", tag: "", reason: "" },
  });
  const [cust, sub, chainId] = useWatch({ control: form.control, name: ["customerId", "subaccountId", "chain"] });
  const parties = useQuery(trpc.withdrawal.parties.queryOptions({ q: q || undefined }));
  const party = parties.data?.find((p) => p.id === cust);
  const options = useQuery({ ...trpc.withdrawal.options.queryOptions({ customerId: cust, subaccountId: sub }), enabled: !!cust && !!sub });
  const book = useQuery({ ...trpc.withdrawal.addresses.queryOptions({ customerId: cust }), enabled: !!cust });
  const chain = options.data?.chains.find((c) => c.chain === chainId);
  const balance = options.data?.balances.find((b) => b.ccy === chain?.ccy);
  const entries = (book.data ?? []).filter((e) => e.chain === chainId);

  const request = useMutation(
    trpc.withdrawal.request.mutationOptions({
      onSuccess: (w) => {
        toast.success(t(w.state === "pending_approval" ? "withdrawals.form.waiting" : "withdrawals.form.queued"));
        void queryClient.invalidateQueries(trpc.withdrawal.pathFilter());
        onClose();
        onCreated?.(w.id);
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, MESSAGES, t)),
    }),
  );
  const addToBook = useMutation(
    trpc.withdrawal.addAddress.mutationOptions({
      onSuccess: (entry) => {
        toast.success(t("withdrawals.form.added", { time: dateTime.format(entry.usableFrom) }));
        // The entry cools off before it can be chosen; the address stays in its box meanwhile.
        void queryClient.invalidateQueries(trpc.withdrawal.addresses.pathFilter());
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, MESSAGES, t)),
    }),
  );

  const pickEntry = (id: string) => {
    setBookChoice(id);
    const entry = entries.find((e) => e.id === id);
    form.setValue("address", entry?.address ?? "");
    form.setValue("tag", entry?.tag ?? "");
  };

  return (
    <FormDialog
      form={form}
      title={t("withdrawals.form.title")}
      description={t("withdrawals.form.description")}
      contentClassName="sm:max-w-lg"
      pending={request.isPending}
      error={formError}
      onClose={onClose}
      submitLabel={t("withdrawals.form.submit")}
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        request.mutate(values);
      })}
    >
      {!customerId && (
        <Input
          aria-label={t("withdrawals.form.customerPlaceholder")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t("withdrawals.form.customerPlaceholder")}
          autoComplete="off"
        />
      )}
      <SelectField
        control={form.control}
        name="customerId"
        label={t("withdrawals.form.customer")}
        options={(parties.data ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${p.uid}` }))}
        placeholder={parties.data?.length === 0 ? t("withdrawals.form.noCustomers") : t("withdrawals.form.customer")}
        onValueChange={() => {
          form.setValue("subaccountId", "");
          form.setValue("chain", "");
          pickEntry("");
        }}
      />
      <SelectField
        control={form.control}
        name="subaccountId"
        label={t("withdrawals.form.subaccount")}
        options={(party?.subaccounts ?? []).map((s) => ({ value: s.id, label: s.subAcct }))}
        placeholder={party && party.subaccounts.length === 0 ? t("withdrawals.form.noSubaccounts") : t("withdrawals.form.subaccountPlaceholder")}
        disabled={!party}
        onValueChange={() => form.setValue("chain", "")}
      />
      {sub && options.isPending && <p className="text-sm text-muted-foreground">{t("withdrawals.form.loadingOptions")}</p>}
      {sub && options.isError && (
        <p role="alert" className="text-sm text-destructive">
          {t("withdrawals.form.optionsError")}: {describeTrpcError(options.error, t).message}
        </p>
      )}
      <SelectField
        control={form.control}
        name="chain"
        label={t("withdrawals.form.chain")}
        options={(options.data?.chains ?? []).map((c) => ({ value: c.chain, label: c.chain }))}
        placeholder={t("withdrawals.form.chainPlaceholder")}
        disabled={!options.data}
        onValueChange={(value) => {
          form.setValue("ccy", value.split("-")[0] ?? "");
          pickEntry("");
        }}
        hint={chain && t("withdrawals.form.limits", { min: chain.minWd ?? "0", fee: chain.fee ?? "0", decimals: chain.decimals })}
      />
      <TextField
        control={form.control}
        name="amount"
        label={t("withdrawals.form.amount")}
        input={{ inputMode: "decimal", autoComplete: "off" }}
        hint={chain && t("withdrawals.form.available", { amount: balance?.available ?? "0", ccy: chain.ccy })}
      />
      {chainId && (
        <div className="grid gap-2">
          <Label>{t("withdrawals.form.address")}</Label>
          <select
            aria-label={t("withdrawals.form.addressFromBook")}
            className="h-9 rounded-md border bg-transparent px-3 text-sm"
            value={bookChoice}
            onChange={(e) => pickEntry(e.target.value)}
          >
            <option value="">{entries.length ? t("withdrawals.form.addressFromBook") : t("withdrawals.form.noBookAddress")}</option>
            {entries.map((e) => (
              <option key={e.id} value={e.id} disabled={!e.usable}>
                {`${e.label ? `${e.label} · ` : ""}${e.address}${e.tag ? ` · ${e.tag}` : ""}${e.usable ? "" : ` (${t("withdrawals.form.coolingOff", { time: dateTime.format(e.usableFrom) })})`}`}
              </option>
            ))}
            <option value={NEW}>{t("withdrawals.form.addressNew")}</option>
          </select>
        </div>
      )}
      {chainId && (
        <>
          <TextField
            control={form.control}
            name="address"
            label={bookChoice === NEW ? t("withdrawals.form.addressNew") : <span className="sr-only">{t("withdrawals.form.address")}</span>}
            input={{ autoComplete: "off", className: "font-mono", readOnly: bookChoice !== NEW }}
            hint={bookChoice === NEW ? t("withdrawals.form.newAddressHint") : undefined}
          />
          {chain?.needTag && <TextField control={form.control} name="tag" label={t("withdrawals.form.tag")} input={{ autoComplete: "off", readOnly: bookChoice !== NEW }} />}
        </>
      )}
      {bookChoice === NEW && (
        <Button
          type="button"
          variant="outline"
          size="sm"
          className="justify-self-start"
          disabled={addToBook.isPending}
          onClick={() => {
            const v = form.getValues();
            setFormError(null);
            addToBook.mutate({ customerId: v.customerId, ccy: v.ccy, chain: v.chain, address: v.address, tag: v.tag || undefined });
          }}
        >
          {t("withdrawals.form.addToBook")}
        </Button>
      )}
      <TextareaField control={form.control} name="reason" label={t("withdrawals.form.note")} textarea={{ placeholder: t("withdrawals.form.notePlaceholder"), rows: 2 }} />
    </FormDialog>
  );
}
