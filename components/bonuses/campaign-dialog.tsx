"use client";
/**
 * "New campaign" and "Edit draft": the campaign's rule, currency, eligibility (groups, countries, KYC level),
 * budget, period and validity, checked in the browser by the procedure's own schema (the service checks the
 * cross-field rules again and names the field). Currency, countries and KYC level are chosen from lists,
 * never typed; the dates are read in the reader's time zone (which the pickers state) and sent as instants.
 * The body scrolls under a footer that keeps Cancel and Save in view. A new campaign is saved as a draft and opened; an edit
 * carries the version it started from, so a change made meanwhile is refused rather than overwritten.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { DateField, FormDialog, SelectField, TextField, TextareaField } from "@/components/form-dialog";
import { CountryMultiSelect } from "@/components/kyc/country-picker";
import { Checkbox } from "@/components/ui/checkbox";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { useT } from "@/lib/i18n/client";
import { useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useTRPC } from "@/lib/trpc/client";
import { BONUS_AMOUNT_RULES, BONUS_CAMPAIGN_TYPES, ZCampaignFields } from "@/lib/bonuses/schemas";
import { COMMON_CURRENCIES } from "@/lib/ledger/schemas";
import type { CampaignRow } from "@/server/bonuses/types";
import { placeServerErrors } from "./server-errors";

const KYC_LEVELS = [0, 1, 2, 3] as const;
/** The ledger's common currencies, plus a draft's own if it was saved with another. */
const currencyOptions = (campaign: CampaignRow | undefined) =>
  [...new Set([...COMMON_CURRENCIES, ...(campaign ? [campaign.currency] : [])])].map((code) => ({ value: code, label: code }));
/** The footer stays at the bottom of the scrolling dialog, over the fields passing beneath it. */
const STICKY_FOOTER =
  "[&>[data-slot=dialog-footer]]:sticky [&>[data-slot=dialog-footer]]:bottom-0 [&>[data-slot=dialog-footer]]:z-10 [&>[data-slot=dialog-footer]]:-mx-6 [&>[data-slot=dialog-footer]]:-mb-6 [&>[data-slot=dialog-footer]]:border-t [&>[data-slot=dialog-footer]]:bg-background [&>[data-slot=dialog-footer]]:px-6 [&>[data-slot=dialog-footer]]:py-4";

const ZForm = ZCampaignFields.omit({ eligibleCountries: true }).extend({ countries: ZCampaignFields.shape.eligibleCountries });
type Values = z.input<typeof ZForm>;
/** Each field's message in the reader's language (the schema's own are English). */
const MESSAGES: FieldMessages<Values> = {
  invalid: {
    name: "bonuses.create.invalid.name",
    description: "bonuses.create.invalid.description",
    type: "bonuses.create.invalid.type",
    amountRule: "bonuses.create.invalid.amountRule",
    fixedAmount: "bonuses.create.invalid.amount",
    percent: "bonuses.create.invalid.percent",
    capAmount: "bonuses.create.invalid.amount",
    currency: "bonuses.create.invalid.currency",
    countries: "bonuses.create.invalid.countries",
    eligibleGroupIds: "bonuses.create.invalid.groups",
    minKycLevel: "bonuses.create.invalid.minKycLevel",
    budget: "bonuses.create.invalid.amount",
    startsAt: "bonuses.create.invalid.startsAt",
    endsAt: "bonuses.create.invalid.endsAt",
    validityDays: "bonuses.create.invalid.validityDays",
  },
};
const FIELDS = ["name", "description", "type", "amountRule", "fixedAmount", "percent", "capAmount", "currency", "countries", "eligibleGroupIds", "minKycLevel", "budget", "startsAt", "endsAt", "validityDays"] as const;

/** A date as the date picker's value (the browser's local time, to the minute, as a datetime-local input gives it). */
const localInput = (at: Date) => {
  const d = new Date(at);
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
};

const defaultsOf = (c: CampaignRow | undefined): Values =>
  (c
    ? {
        name: c.name,
        description: c.description,
        type: c.type,
        amountRule: c.amountRule,
        fixedAmount: c.fixedAmount ?? "",
        percent: c.percent ?? "",
        capAmount: c.capAmount ?? "",
        currency: c.currency,
        withdrawable: c.withdrawable,
        countries: c.eligibleCountries,
        eligibleGroupIds: c.eligibleGroupIds,
        minKycLevel: String(c.minKycLevel),
        budget: c.budget,
        startsAt: localInput(c.startsAt),
        endsAt: c.endsAt ? localInput(c.endsAt) : "",
        validityDays: c.validityDays == null ? "" : String(c.validityDays),
      }
    : {
        name: "",
        description: "",
        type: "manual",
        amountRule: "fixed",
        fixedAmount: "",
        percent: "",
        capAmount: "",
        currency: "USDT",
        withdrawable: false,
        countries: [],
        eligibleGroupIds: [],
        minKycLevel: "0",
        budget: "",
        startsAt: localInput(new Date()),
        endsAt: "",
        validityDays: "30",
      }) as Values;

/** Without `campaign`: a new draft. With it (a draft): edits it. */
export function CampaignDialog({ campaign, onClose }: { campaign?: CampaignRow; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof ZForm>>({ resolver: useLocalizedResolver(zodResolver(ZForm), MESSAGES), defaultValues: defaultsOf(campaign) });
  const rule = useWatch({ control: form.control, name: "amountRule" });
  const groups = useQuery(trpc.customerGroup.list.queryOptions());
  const onError = (error: Parameters<typeof placeServerErrors>[1]) => setFormError(placeServerErrors(form.setError, error, FIELDS, t));
  const create = useMutation(
    trpc.bonus.campaign.create.mutationOptions({
      onSuccess: (created) => {
        toast.success(t("bonuses.create.done", { name: created.name }));
        void queryClient.invalidateQueries(trpc.bonus.campaign.pathFilter());
        onClose();
        router.push(`/bonuses/${created.id}`);
      },
      onError,
    }),
  );
  const update = useMutation(
    trpc.bonus.campaign.update.mutationOptions({
      onSuccess: (saved) => {
        toast.success(t("bonuses.create.updated", { name: saved.name }));
        void queryClient.invalidateQueries(trpc.bonus.campaign.pathFilter());
        onClose();
      },
      onError,
    }),
  );
  const saving = create.isPending || update.isPending;
  const text = (name: (typeof FIELDS)[number], label: string, input: React.ComponentProps<typeof Input> = {}, hint?: string) => (
    <TextField control={form.control} name={name as "name"} label={label} hint={hint} input={{ disabled: saving, ...input }} />
  );

  return (
    <FormDialog
      form={form}
      title={campaign ? t("bonuses.create.editTitle", { name: campaign.name }) : t("bonuses.create.title")}
      description={campaign ? t("bonuses.create.editDescription") : t("bonuses.create.description")}
      contentClassName="sm:max-w-2xl"
      className={`grid gap-4 sm:grid-cols-2 ${STICKY_FOOTER}`}
      wide
      pending={saving}
      error={formError}
      onClose={onClose}
      cancelLabel={t("bonuses.cancel")}
      submitLabel={campaign ? t("bonuses.create.saveChanges") : t("bonuses.create.save")}
      onSubmit={form.handleSubmit(({ countries: eligibleCountries, ...values }) => {
        setFormError(null);
        if (campaign) update.mutate({ ...values, eligibleCountries, id: campaign.id, version: campaign.version });
        else create.mutate({ ...values, eligibleCountries });
      })}
    >
      <div className="sm:col-span-2">{text("name", t("bonuses.create.name"), { autoFocus: true, maxLength: 120 })}</div>
      <TextareaField control={form.control} name="description" label={t("bonuses.create.descriptionField")} textarea={{ rows: 2, maxLength: 2000, disabled: saving }} className="sm:col-span-2" />
      <SelectField
        control={form.control}
        name="type"
        label={t("bonuses.create.type")}
        options={BONUS_CAMPAIGN_TYPES.map((v) => ({ value: v, label: t(`bonuses.types.${v}`) }))}
        disabled={saving}
      />
      <SelectField
        control={form.control}
        name="amountRule"
        label={t("bonuses.create.amountRule")}
        options={BONUS_AMOUNT_RULES.map((v) => ({ value: v, label: t(`bonuses.rules.${v}`) }))}
        disabled={saving}
      />
      {rule === "fixed" ? (
        text("fixedAmount", t("bonuses.create.fixedAmount"), { inputMode: "decimal" })
      ) : (
        <>
          {text("percent", t("bonuses.create.percent"), { inputMode: "decimal" })}
          {text("capAmount", t("bonuses.create.capAmount"), { inputMode: "decimal" })}
        </>
      )}
      <SelectField control={form.control} name="currency" label={t("bonuses.create.currency")} options={currencyOptions(campaign)} disabled={saving} />
      {text("budget", t("bonuses.create.budget"), { inputMode: "decimal" })}
      <DateField control={form.control} name="startsAt" label={t("bonuses.create.startsAt")} picker={{ mode: "datetime", disabled: saving }} />
      <DateField control={form.control} name="endsAt" label={t("bonuses.create.endsAt")} picker={{ mode: "datetime", disabled: saving }} />
      {text("validityDays", t("bonuses.create.validityDays"), { inputMode: "numeric" }, t("bonuses.create.validityHint"))}
      <SelectField
        control={form.control}
        name="minKycLevel"
        label={t("bonuses.create.minKycLevel")}
        options={KYC_LEVELS.map((level) => ({ value: String(level), label: t(`bonuses.create.kycLevel.l${level}`) }))}
        disabled={saving}
      />
      <FormField
        control={form.control}
        name="countries"
        render={({ field }) => (
          <FormItem className="sm:col-span-2">
            <FormLabel>{t("bonuses.create.countries")}</FormLabel>
            <FormControl>
              <CountryMultiSelect
                ref={field.ref}
                value={field.value ?? []}
                onChange={field.onChange}
                label={t("bonuses.create.countriesSearch")}
                emptyText={t("bonuses.create.countriesAll")}
                disabled={saving}
              />
            </FormControl>
            <FormDescription>{t("bonuses.create.countriesHint")}</FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
      <FormField
        control={form.control}
        name="eligibleGroupIds"
        render={({ field }) => {
          const chosen = new Set(field.value ?? []);
          const toggle = (id: string, on: boolean) => field.onChange(on ? [...chosen, id] : [...chosen].filter((g) => g !== id));
          return (
            <FormItem className="sm:col-span-2">
              <FormLabel>{t("bonuses.create.groups")}</FormLabel>
              <div role="group" aria-label={t("bonuses.create.groups")} className="grid max-h-36 gap-2 overflow-y-auto rounded-md border p-3 sm:grid-cols-2">
                {groups.isPending && <p className="text-sm text-muted-foreground">{t("bonuses.create.groupsLoading")}</p>}
                {groups.isError && <p className="text-sm text-destructive">{t("bonuses.create.groupsError")}</p>}
                {groups.data?.length === 0 && <p className="text-sm text-muted-foreground">{t("bonuses.create.groupsNone")}</p>}
                {groups.data?.map((g) => (
                  <label key={g.id} className="flex items-center gap-2 text-sm">
                    <Checkbox checked={chosen.has(g.id)} onCheckedChange={(on) => toggle(g.id, on === true)} disabled={saving} />
                    {g.name}
                  </label>
                ))}
              </div>
              <FormDescription>{t("bonuses.create.groupsHint")}</FormDescription>
              <FormMessage />
            </FormItem>
          );
        }}
      />
      <FormField
        control={form.control}
        name="withdrawable"
        render={({ field }) => (
          <FormItem className="sm:col-span-2 flex flex-row items-center justify-between gap-4 rounded-md border p-3">
            <div className="grid gap-1">
              <FormLabel>{t("bonuses.create.withdrawableField")}</FormLabel>
              <FormDescription>{t("bonuses.create.withdrawableHint")}</FormDescription>
            </div>
            <FormControl>
              <Switch checked={Boolean(field.value)} onCheckedChange={field.onChange} disabled={saving} />
            </FormControl>
          </FormItem>
        )}
      />
    </FormDialog>
  );
}
