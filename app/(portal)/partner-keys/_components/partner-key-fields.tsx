"use client";
/** The fields the create and edit dialogs share, bound to the surrounding react-hook-form. */
import { useId } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { DateField, TextField } from "@/components/form-dialog";
import { Checkbox } from "@/components/ui/checkbox";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useT } from "@/lib/i18n/client";
import { DEFAULT_RATE_LIMIT_PER_SECOND, MAX_ALLOWED_IPS, RATE_LIMIT_MAX } from "@/lib/partner-api/schemas";
import { SCOPE_ACCESS, SCOPE_GROUPS, SCOPES, scopeOf, type Scope } from "@/lib/partner-api/scopes";
import { cn } from "@/lib/utils";
import { ipLines, type PartnerKeyFormValues } from "./partner-key-form";

const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
};

export function PartnerKeyFields({ autoFocus }: { autoFocus?: boolean }) {
  const t = useT();
  const { control } = useFormContext<PartnerKeyFormValues>();
  return (
    <>
      <TextField
        control={control}
        name="label"
        label={t("partnerApi.form.label")}
        hint={t("partnerApi.form.labelHint")}
        input={{ autoComplete: "off", maxLength: 60, autoFocus }}
      />
      <ScopesField />
      <IpAllowlistField />
      <div className="grid gap-4 sm:grid-cols-2">
        <DateField
          control={control}
          name="expiresAt"
          label={t("partnerApi.form.expiresAt")}
          hint={t("partnerApi.form.expiresAtHint")}
          picker={{ min: today() }}
        />
        <TextField
          control={control}
          name="rateLimitPerSecond"
          label={t("partnerApi.form.rateLimit")}
          hint={t("partnerApi.form.rateLimitHint", { max: RATE_LIMIT_MAX, default: DEFAULT_RATE_LIMIT_PER_SECOND })}
          input={{ inputMode: "numeric", autoComplete: "off", placeholder: String(DEFAULT_RATE_LIMIT_PER_SECOND), className: "tabular-nums" }}
        />
      </div>
    </>
  );
}

/** One row per endpoint group, a box per access it offers (reference data is read only). */
function ScopesField() {
  const t = useT();
  const { control } = useFormContext<PartnerKeyFormValues>();
  const id = useId();
  return (
    <FormField
      control={control}
      name="scopes"
      render={({ field }) => {
        const toggle = (scope: Scope, on: boolean) => field.onChange(SCOPES.filter((s) => (s === scope ? on : field.value.includes(s))));
        return (
          <FormItem>
            <fieldset className="grid gap-2">
              <legend className="mb-2 text-sm leading-none font-medium">{t("partnerApi.form.scopes")}</legend>
              <div className="divide-y rounded-md border">
                {SCOPE_GROUPS.map((group, index) => (
                  <div
                    key={group}
                    role="group"
                    aria-label={t(`partnerApi.scopeGroups.${group}`)}
                    className="grid grid-cols-[7rem_1fr_1fr] items-center gap-x-4 px-3 py-2 sm:grid-cols-[9rem_1fr_1fr]"
                  >
                    <span className="text-sm font-medium">{t(`partnerApi.scopeGroups.${group}`)}</span>
                    {SCOPE_ACCESS.map((access) => {
                      const scope = scopeOf(group, access);
                      if (!SCOPES.includes(scope)) return <span key={access} aria-hidden />;
                      return (
                        <div key={access} className="flex items-center gap-2">
                          <Checkbox
                            id={`${id}-${scope}`}
                            ref={index === 0 && access === "read" ? field.ref : undefined}
                            checked={field.value.includes(scope)}
                            onCheckedChange={(checked) => toggle(scope, checked === true)}
                            onBlur={field.onBlur}
                          />
                          <Label htmlFor={`${id}-${scope}`} className="font-normal">
                            {t(`partnerApi.scopeAccess.${access}`)}
                          </Label>
                          <code className="hidden text-xs text-muted-foreground sm:inline" aria-hidden>
                            {scope}
                          </code>
                        </div>
                      );
                    })}
                  </div>
                ))}
              </div>
            </fieldset>
            <FormDescription>{t("partnerApi.form.scopesHint")}</FormDescription>
            <FormMessage />
          </FormItem>
        );
      }}
    />
  );
}

/** The allowlist as one box, with a running count. */
function IpAllowlistField() {
  const t = useT();
  const { control } = useFormContext<PartnerKeyFormValues>();
  const text = useWatch({ control, name: "ipAllowlist" });
  const count = ipLines(text ?? "").length;
  return (
    <FormField
      control={control}
      name="ipAllowlist"
      render={({ field }) => (
        <FormItem>
          <div className="flex items-baseline justify-between gap-2">
            <FormLabel>{t("partnerApi.form.ipAllowlist")}</FormLabel>
            <span aria-live="polite" className={cn("text-xs tabular-nums text-muted-foreground", count > MAX_ALLOWED_IPS && "font-medium text-destructive")}>
              {t("partnerApi.form.ipCount", { count, max: MAX_ALLOWED_IPS })}
            </span>
          </div>
          <FormControl>
            <Textarea rows={3} spellCheck={false} autoComplete="off" className="font-mono text-sm" placeholder={"203.0.113.7\n198.51.100.0/24"} {...field} />
          </FormControl>
          <FormDescription>{t("partnerApi.form.ipAllowlistHint", { max: MAX_ALLOWED_IPS })}</FormDescription>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}
