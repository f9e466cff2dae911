"use client";
/**
 * The brand's queue and corporate settings, saved together through `kyc.updateSettings`: the review SLA
 * (the queue flags applications waiting longer) and the countries a corporate account may come from
 * (submissions for other countries are refused). The form is the procedure's own input schema.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { LoadError } from "@/components/load-error";
import { CountryMultiSelect } from "@/components/kyc/country-picker";
import { useKycText } from "@/components/kyc/use-kyc-text";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { ZKycSettingsInput } from "@/lib/kyc/schemas";
import type { KycSettings } from "@/server/kyc/types";

type SettingsValues = z.input<typeof ZKycSettingsInput>;

const MESSAGES: FieldMessages<SettingsValues> = {
  invalid: {
    slaHours: "kyc.settings.general.invalid.slaHours",
    corporateCountries: "kyc.settings.general.invalid.corporateCountries",
  },
};

const toValues = (settings: KycSettings): SettingsValues => ({
  slaHours: settings.slaHours,
  corporateCountries: [...settings.corporateCountries].sort(),
});

export function KycGeneralSettings() {
  const t = useT();
  const trpc = useTRPC();
  const settings = useQuery(trpc.kyc.settings.queryOptions());

  return (
    <Card className="gap-4">
      <CardHeader>
        <CardTitle>{t("kyc.settings.general.title")}</CardTitle>
        <CardDescription>{t("kyc.settings.general.description")}</CardDescription>
      </CardHeader>
      {settings.data ? (
        <GeneralSettingsForm settings={settings.data} />
      ) : settings.isError ? (
        <CardContent>
          <LoadError title={t("kyc.settings.loadError")} error={settings.error} onRetry={() => void settings.refetch()} className="border-0" />
        </CardContent>
      ) : (
        <CardContent className="grid gap-5" aria-busy="true">
          <span className="sr-only" role="status">
            {t("common.loading")}
          </span>
          <div className="grid gap-2">
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-9 w-32" />
          </div>
          <div className="grid gap-2">
            <Skeleton className="h-4 w-64" />
            <Skeleton className="h-20 w-full" />
          </div>
        </CardContent>
      )}
    </Card>
  );
}

function GeneralSettingsForm({ settings }: { settings: KycSettings }) {
  const t = useT();
  const text = useKycText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<SettingsValues, unknown, z.output<typeof ZKycSettingsInput>>({
    resolver: useLocalizedResolver(zodResolver(ZKycSettingsInput), MESSAGES),
    defaultValues: toValues(settings),
    mode: "onTouched",
  });
  const slaHours = useWatch({ control: form.control, name: "slaHours" });

  const update = useMutation(
    trpc.kyc.updateSettings.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.kyc.settings.queryKey(), saved);
        form.reset(toValues(saved));
        toast.success(t("kyc.settings.general.saved"));
        // Over-SLA flags in the queue depend on the target.
        void queryClient.invalidateQueries(trpc.kyc.queue.queryFilter());
      },
      onError: (error) => {
        const unplaced = applyServerErrors(form.setError, error, MESSAGES, t);
        if (unplaced) toast.error(unplaced);
      },
    }),
  );
  const { isDirty } = form.formState;
  const validHours = typeof slaHours === "number" && Number.isInteger(slaHours) && slaHours >= 24;

  return (
    <Form {...form}>
      <form noValidate aria-label={t("kyc.settings.general.title")} onSubmit={form.handleSubmit((values) => update.mutate(values))}>
        <CardContent className="grid gap-6">
          <FormField
            control={form.control}
            name="slaHours"
            render={({ field: { value, onChange, ...field } }) => (
              <FormItem>
                <FormLabel>{t("kyc.settings.general.slaHours")}</FormLabel>
                <div className="flex items-center gap-3">
                  <FormControl>
                    <Input
                      {...field}
                      type="number"
                      inputMode="numeric"
                      min={1}
                      max={720}
                      step={1}
                      value={typeof value === "number" && !Number.isNaN(value) ? value : ""}
                      // An empty box is "no number", which the schema reports, rather than 0.
                      onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.valueAsNumber)}
                      className="w-32 tabular-nums"
                    />
                  </FormControl>
                  {validHours && (
                    <span className="text-sm text-muted-foreground">{t("kyc.settings.general.slaHoursEquivalent", { age: text.age(slaHours) })}</span>
                  )}
                </div>
                <FormDescription>{t("kyc.settings.general.slaHoursHint")}</FormDescription>
                <FormMessage />
              </FormItem>
            )}
          />
          <FormField
            control={form.control}
            name="corporateCountries"
            render={({ field }) => (
              <FormItem>
                <FormLabel>{t("kyc.settings.general.corporateCountries")}</FormLabel>
                <FormControl>
                  <CountryMultiSelect
                    ref={field.ref}
                    value={field.value}
                    onChange={(codes) => field.onChange([...codes].sort())}
                    label={t("kyc.settings.general.corporateCountries")}
                    emptyText={t("kyc.settings.general.noCountries")}
                    disabled={update.isPending}
                  />
                </FormControl>
                <FormDescription>{t("kyc.settings.general.corporateCountriesHint")}</FormDescription>
                <FormMessage />
              </FormItem>
            )}
          />
        </CardContent>
        <CardFooter className="mt-6 flex-wrap justify-between gap-3 border-t">
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {isDirty ? t("kyc.settings.general.unsaved") : t("kyc.settings.general.noChanges")}
          </p>
          <div className="flex gap-2">
            <Button type="button" variant="outline" disabled={!isDirty || update.isPending} onClick={() => form.reset()}>
              {t("kyc.settings.general.reset")}
            </Button>
            <Button type="submit" disabled={!isDirty} pending={update.isPending}>
              {t("kyc.settings.general.save")}
            </Button>
          </div>
        </CardFooter>
      </form>
    </Form>
  );
}
