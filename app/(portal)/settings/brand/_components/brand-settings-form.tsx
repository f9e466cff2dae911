"use client";
/**
 * Identity, appearance and security of the brand, saved together through `brand.update`. The logo card
 * sits between them (it saves on its own). Save is enabled only when something changed; server field
 * errors land on their fields; after saving, the page refreshes so the shell shows the new name and colour.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, type ReactNode } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import type { BrandSettings } from "@/server/brands/service";
import { BrandPreview } from "./brand-preview";
import { BrokerCodeHint } from "./broker-code-hint";
import { ColourInput } from "./colour-input";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { ZBrandSettingsForm, type BrandSettingsOutput, type BrandSettingsValues } from "./schema";

const toValues = (brand: BrandSettings): BrandSettingsValues => ({
  name: brand.name,
  brokerCode: brand.brokerCode ?? "",
  primaryColor: brand.primaryColor,
  accentColor: brand.accentColor,
  require2fa: brand.require2fa,
});

const MESSAGES: FieldMessages<BrandSettingsValues> = {
  invalid: {
    name: "brandSettings.invalid.name",
    brokerCode: "brandSettings.invalid.brokerCode",
    primaryColor: "brandSettings.invalid.colour",
    accentColor: "brandSettings.invalid.colour",
  },
};

interface BrandSettingsFormProps {
  brand: BrandSettings;
  canManage: boolean;
  /** The logo card, placed between appearance and security. */
  logo: ReactNode;
}

export function BrandSettingsForm({ brand, canManage, logo }: BrandSettingsFormProps) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const slugId = useId();
  const readOnly = !canManage;

  const form = useForm<BrandSettingsValues, unknown, BrandSettingsOutput>({
    resolver: useLocalizedResolver(zodResolver(ZBrandSettingsForm), MESSAGES),
    defaultValues: toValues(brand),
    mode: "onTouched",
  });
  const [name, primaryColor, accentColor] = useWatch({ control: form.control, name: ["name", "primaryColor", "accentColor"] });

  const update = useMutation(
    trpc.brand.update.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.brand.get.queryKey(), saved);
        form.reset(toValues(saved));
        toast.success(t("brandSettings.saved"));
        router.refresh(); // the shell (name, colour) is rendered on the server
      },
      onError: (error) => {
        const unplaced = applyServerErrors(form.setError, error, MESSAGES, t);
        if (unplaced) toast.error(unplaced);
      },
    }),
  );

  const { isDirty } = form.formState;
  const onSubmit = form.handleSubmit((values) => update.mutate(values));

  return (
    <Form {...form}>
      <form onSubmit={onSubmit} noValidate className="grid gap-6" aria-label={t("brandSettings.title")}>
        <Card>
          <CardHeader>
            <CardTitle>{t("brandSettings.identity.title")}</CardTitle>
            <CardDescription>{t("brandSettings.identity.description")}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-5 sm:grid-cols-2">
            <FormField
              control={form.control}
              name="name"
              render={({ field }) => (
                <FormItem className="sm:col-span-2">
                  <FormLabel>{t("brandSettings.identity.name")}</FormLabel>
                  <FormControl>
                    <Input {...field} disabled={readOnly} autoComplete="organization" maxLength={80} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <div className="grid content-start gap-2">
              <Label htmlFor={slugId}>{t("brandSettings.identity.slug")}</Label>
              <Input
                id={slugId}
                value={brand.slug}
                readOnly
                aria-describedby={`${slugId}-hint`}
                className="bg-muted/50 font-mono text-muted-foreground"
              />
              <p id={`${slugId}-hint`} className="text-sm text-muted-foreground">
                {t("brandSettings.identity.slugHint")}
              </p>
            </div>
            <FormField
              control={form.control}
              name="brokerCode"
              render={({ field }) => (
                <FormItem className="content-start">
                  <FormLabel>{t("brandSettings.identity.brokerCode")}</FormLabel>
                  <FormControl>
                    <Input {...field} disabled={readOnly} spellCheck={false} autoComplete="off" maxLength={32} className="font-mono" />
                  </FormControl>
                  <FormDescription>
                    <BrokerCodeHint messageKey="brandSettings.identity.brokerCodeHint" />
                  </FormDescription>
                  <FormMessage />
                </FormItem>
              )}
            />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("brandSettings.appearance.title")}</CardTitle>
            <CardDescription>{t("brandSettings.appearance.description")}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-6 md:grid-cols-[minmax(0,16rem)_minmax(0,1fr)]">
            <div className="grid content-start gap-5">
              {(["primaryColor", "accentColor"] as const).map((fieldName) => {
                const key = fieldName === "primaryColor" ? "primary" : "accent";
                const label = t(`brandSettings.appearance.${key}`);
                return (
                  <FormField
                    key={fieldName}
                    control={form.control}
                    name={fieldName}
                    render={({ field }) => (
                      <FormItem>
                        <FormLabel>{label}</FormLabel>
                        <ColourInput
                          {...field}
                          disabled={readOnly}
                          pickerLabel={t("brandSettings.appearance.pickColour", { label })}
                          fallback={brand[fieldName]}
                        />
                        <FormDescription>{t(`brandSettings.appearance.${key}Hint`)}</FormDescription>
                        <FormMessage />
                      </FormItem>
                    )}
                  />
                );
              })}
            </div>
            <BrandPreview
              brand={{
                id: brand.id,
                slug: brand.slug,
                name,
                primaryColor,
                accentColor,
                hasLogo: brand.hasLogo,
                logoVersion: brand.logoVersion,
              }}
            />
          </CardContent>
        </Card>

        {logo}

        <Card>
          <CardHeader>
            <CardTitle>{t("brandSettings.security.title")}</CardTitle>
            <CardDescription>{t("brandSettings.security.description")}</CardDescription>
          </CardHeader>
          <CardContent>
            <FormField
              control={form.control}
              name="require2fa"
              render={({ field }) => (
                <FormItem className="flex flex-row items-start justify-between gap-6 rounded-lg border p-4">
                  <div className="grid gap-1.5">
                    <FormLabel className="leading-snug">{t("brandSettings.security.require2fa")}</FormLabel>
                    <FormDescription>{t("brandSettings.security.require2faHint")}</FormDescription>
                  </div>
                  <FormControl>
                    <Switch
                      ref={field.ref}
                      name={field.name}
                      checked={field.value}
                      onCheckedChange={field.onChange}
                      onBlur={field.onBlur}
                      disabled={readOnly}
                    />
                  </FormControl>
                </FormItem>
              )}
            />
          </CardContent>
        </Card>

        {canManage && (
          // Sticky, so Save stays reachable from any card; it says whether there is anything to save.
          <div className="sticky bottom-0 z-10 -mx-1 flex flex-wrap items-center justify-between gap-3 border-t bg-background/95 px-1 py-3 backdrop-blur supports-[backdrop-filter]:bg-background/80">
            <p className="text-sm text-muted-foreground" aria-live="polite">
              {isDirty ? t("brandSettings.unsaved") : t("brandSettings.noChanges")}
            </p>
            <div className="flex gap-2">
              <Button type="button" variant="outline" disabled={!isDirty || update.isPending} onClick={() => form.reset()}>
                {t("brandSettings.reset")}
              </Button>
              <Button type="submit" disabled={!isDirty} pending={update.isPending}>
                {t("brandSettings.save")}
              </Button>
            </div>
          </div>
        )}
      </form>
    </Form>
  );
}
