"use client";
/**
 * "New application" on the customer's KYC tab (the B-end channel): staff open an application on the
 * customer's behalf. The form is `ZSubmitKycInput` itself; the choices mirror its rules (only levels above
 * the current one, a corporate account is level 3 from an accepted country, an address from level 2) and
 * the server still decides. On success the application's page opens, where the documents are uploaded.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FileText, TriangleAlert } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { CountrySelect } from "@/components/customers/country-select";
import { textValue } from "@/components/kyc/kyc-format";
import { FormDialog, SelectField, TextField } from "@/components/form-dialog";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { DatePicker, formatDateValue } from "@/components/ui/date-picker";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useLocale, useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { KYC_APPLICATION_LEVELS, KYC_SCENARIOS, requiredDocuments, ZKycApplicant, ZSubmitKycInput, type KycScenario } from "@/lib/kyc/schemas";

type SubmitValues = z.input<typeof ZSubmitKycInput>;
type Level = (typeof KYC_APPLICATION_LEVELS)[number];
const ID_TYPES = ZKycApplicant.shape.idType.options;

const MESSAGES: FieldMessages<SubmitValues> = {
  invalid: {
    scenario: "kyc.newApplication.invalid.scenario",
    level: "kyc.newApplication.invalid.level",
    country: "kyc.newApplication.invalid.country",
    "applicant.fullName": "kyc.newApplication.invalid.fullName",
    "applicant.dateOfBirth": "kyc.newApplication.invalid.dateOfBirth",
    "applicant.idType": "kyc.newApplication.invalid.idType",
    "applicant.idNumber": "kyc.newApplication.invalid.idNumber",
    "applicant.address": "kyc.newApplication.invalid.address",
    "applicant.companyName": "kyc.newApplication.invalid.companyName",
    "applicant.companyRegistrationNumber": "kyc.newApplication.invalid.companyRegistrationNumber",
  },
  refused: {
    level: "kyc.newApplication.refused.level",
    country: "kyc.newApplication.refused.country",
  },
};

export interface NewApplicationCustomer {
  id: string;
  name: string;
  country: string;
  kycLevel: number;
}

export function NewKycApplicationDialog({ customer, onClose }: { customer: NewApplicationCustomer; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const corporateCountries = useQuery(trpc.kyc.settings.queryOptions(undefined, { staleTime: 5 * 60_000 })).data?.corporateCountries;
  const [formError, setFormError] = useState<string | null>(null);
  const levels = KYC_APPLICATION_LEVELS.filter((level) => level > customer.kycLevel);

  const form = useForm<SubmitValues, unknown, z.output<typeof ZSubmitKycInput>>({
    resolver: useLocalizedResolver(zodResolver(ZSubmitKycInput), MESSAGES),
    defaultValues: {
      customerId: customer.id,
      level: levels[0],
      country: customer.country,
      applicant: { fullName: customer.name, idNumber: "", address: "", companyName: "", companyRegistrationNumber: "" },
    },
  });
  const [scenario, level] = useWatch({ control: form.control, name: ["scenario", "level"] });
  const corporate = scenario === "corporate_account";

  const submit = useMutation(
    trpc.kyc.submit.mutationOptions({
      onSuccess: (detail) => {
        queryClient.setQueryData(trpc.kyc.get.queryKey({ id: detail.id }), detail);
        void queryClient.invalidateQueries(trpc.kyc.forCustomer.queryFilter({ customerId: customer.id }));
        void queryClient.invalidateQueries(trpc.customer.get.queryFilter({ id: customer.id }));
        void queryClient.invalidateQueries(trpc.customer.timeline.queryFilter());
        void queryClient.invalidateQueries(trpc.kyc.queue.queryFilter());
        toast.success(t("kyc.toast.submitted", { name: customer.name }));
        router.push(`/kyc/${detail.id}`);
      },
      onError: (error) => {
        // An open application created meanwhile (another desk, another tab): show it on the tab behind.
        if (describeTrpcError(error, t).code === "CONFLICT") {
          void queryClient.invalidateQueries(trpc.kyc.forCustomer.queryFilter({ customerId: customer.id }));
        }
        setFormError(applyServerErrors(form.setError, error, MESSAGES, t));
      },
    }),
  );
  // After success the dialog stays (disabled) until the application's page replaces this one.
  const busy = submit.isPending || submit.isSuccess;

  const onScenarioChange = (next: KycScenario) => {
    form.setValue("scenario", next, { shouldValidate: form.formState.isSubmitted });
    if (next === "corporate_account") {
      form.setValue("level", 3, { shouldValidate: form.formState.isSubmitted });
      const country = form.getValues("country");
      if (corporateCountries && !corporateCountries.includes(country)) form.setValue("country", "");
    }
  };

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    // Company details belong to the corporate scenario only; anything typed before switching away is dropped.
    const applicant = corporate ? values.applicant : { ...values.applicant, companyName: undefined, companyRegistrationNumber: undefined };
    submit.mutate({ ...values, applicant });
  });

  const documents =
    scenario && typeof level === "number"
      ? new Intl.ListFormat(locale).format(requiredDocuments(level, scenario).map((kind) => t(`kyc.documentKind.${kind}`)))
      : null;
  const noCorporateCountries = corporate && corporateCountries !== undefined && corporateCountries.length === 0;

  return (
    <FormDialog
      form={form}
      title={t("kyc.newApplication.title")}
      description={t("kyc.newApplication.description", { name: customer.name })}
      contentClassName="sm:max-w-xl"
      pending={busy}
      error={formError}
      onClose={onClose}
      submitLabel={t("kyc.newApplication.submit")}
      submitDisabled={noCorporateCountries}
      onSubmit={onSubmit}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          control={form.control}
          name="scenario"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t("kyc.newApplication.scenario")}</FormLabel>
              <Select
                value={field.value ?? ""}
                onValueChange={(value) => {
                  const next = KYC_SCENARIOS.find((s) => s === value);
                  if (next) onScenarioChange(next);
                }}
                disabled={busy}
              >
                <FormControl>
                  <SelectTrigger className="w-full" onBlur={field.onBlur} ref={field.ref} autoFocus>
                    <SelectValue placeholder={t("kyc.newApplication.scenarioPlaceholder")} />
                  </SelectTrigger>
                </FormControl>
                <SelectContent>
                  {KYC_SCENARIOS.map((value) => (
                    <SelectItem key={value} value={value}>
                      {t(`kyc.scenario.${value}`)}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="level"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t("kyc.newApplication.level")}</FormLabel>
              <Select
                value={field.value === undefined ? "" : String(field.value)}
                onValueChange={(value) => field.onChange(levels.find((l: Level) => String(l) === value))}
                disabled={busy || corporate}
              >
                <FormControl>
                  <SelectTrigger className="w-full" onBlur={field.onBlur} ref={field.ref}>
                    <SelectValue placeholder={t("kyc.newApplication.levelPlaceholder")} />
                  </SelectTrigger>
                </FormControl>
                <SelectContent>
                  {levels.map((value) => (
                    <SelectItem key={value} value={String(value)}>
                      {t("kyc.newApplication.levelOption", { level: value, name: t(`kyc.levelName.l${value}`) })}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
              <FormDescription>
                {corporate ? t("kyc.newApplication.corporateLevel") : t("kyc.newApplication.levelHint", { current: customer.kycLevel })}
              </FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
      </div>

      <FormField
        control={form.control}
        name="country"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t("kyc.newApplication.country")}</FormLabel>
            <FormControl>
              <CountrySelect
                ref={field.ref}
                value={field.value || undefined}
                onChange={field.onChange}
                onBlur={field.onBlur}
                only={corporate ? (corporateCountries ?? []) : undefined}
                placeholder={t("kyc.country.placeholder")}
                disabled={busy || noCorporateCountries}
              />
            </FormControl>
            {corporate && <FormDescription>{t("kyc.newApplication.corporateCountryHint")}</FormDescription>}
            <FormMessage />
          </FormItem>
        )}
      />
      {noCorporateCountries && (
        <Alert variant="warning">
          <TriangleAlert aria-hidden />
          <AlertDescription>{t("kyc.newApplication.noCorporateCountries")}</AlertDescription>
        </Alert>
      )}

      <fieldset className="grid gap-4 rounded-lg border p-4" disabled={busy}>
        <legend className="px-1 text-sm font-medium">{t("kyc.newApplication.applicantTitle")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField control={form.control} name="applicant.fullName" label={t("kyc.applicant.fullName")} input={{ autoComplete: "off", maxLength: 120 }} />
          <FormField
            control={form.control}
            name="applicant.dateOfBirth"
            render={({ field: { value, onChange, ...field } }) => (
              <FormItem>
                <FormLabel>{t("kyc.applicant.dateOfBirth")}</FormLabel>
                <FormControl>
                  <DatePicker
                    {...field}
                    value={value ?? ""}
                    max={formatDateValue(new Date(), "date")}
                    // Optional: an empty box is "not given", not an invalid date.
                    onChange={(day) => onChange(day === "" ? undefined : day)}
                  />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
          <SelectField
            control={form.control}
            name="applicant.idType"
            label={t("kyc.applicant.idType")}
            options={ID_TYPES.map((type) => ({ value: type, label: t(`kyc.idType.${type}`) }))}
            placeholder={t("kyc.newApplication.idTypePlaceholder")}
            disabled={busy}
          />
          <TextField
            control={form.control}
            name="applicant.idNumber"
            label={t("kyc.applicant.idNumber")}
            input={{ autoComplete: "off", spellCheck: false, maxLength: 40, className: "font-mono" }}
          />
        </div>
        <FormField
          control={form.control}
          name="applicant.address"
          render={({ field: { value, ...field } }) => (
            <FormItem>
              <FormLabel>{t("kyc.applicant.address")}</FormLabel>
              <FormControl>
                <Textarea {...field} value={textValue(value)} rows={2} maxLength={300} />
              </FormControl>
              {(level ?? 0) >= 2 && <FormDescription>{t("kyc.newApplication.addressRequired")}</FormDescription>}
              <FormMessage />
            </FormItem>
          )}
        />
        {corporate && (
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              control={form.control}
              name="applicant.companyName"
              label={t("kyc.applicant.companyName")}
              input={{ autoComplete: "off", maxLength: 200 }}
            />
            <TextField
              control={form.control}
              name="applicant.companyRegistrationNumber"
              label={t("kyc.applicant.companyRegistrationNumber")}
              input={{ autoComplete: "off", spellCheck: false, maxLength: 60, className: "font-mono" }}
            />
          </div>
        )}
      </fieldset>

      {documents && (
        <p className="flex items-start gap-2 text-sm text-muted-foreground" data-testid="kyc-documents-next">
          <FileText aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>{t("kyc.newApplication.documentsNext", { documents })}</span>
        </p>
      )}
    </FormDialog>
  );
}
