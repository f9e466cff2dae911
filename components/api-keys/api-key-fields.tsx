"use client";
/** The fields the create and edit dialogs share, bound to the surrounding react-hook-form. */
import { Eye, EyeOff, TriangleAlert, WandSparkles } from "lucide-react";
import { useId, useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { API_KEY_MAX_IPS, generateApiKeyPassphrase, isRiskyKey, OPTIONAL_API_KEY_PERMS, parseIpList, type OptionalApiKeyPerm } from "@/lib/api-keys/rules";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";

interface SharedValues {
  label: string;
  perms: OptionalApiKeyPerm[];
  ips: string;
}

export function LabelField({ autoFocus }: { autoFocus?: boolean }) {
  const t = useT();
  const { control } = useFormContext<SharedValues>();
  return (
    <FormField
      control={control}
      name="label"
      render={({ field }) => (
        <FormItem>
          <FormLabel>{t("apiKeys.form.label")}</FormLabel>
          <FormControl>
            <Input autoComplete="off" spellCheck={false} maxLength={60} autoFocus={autoFocus} {...field} />
          </FormControl>
          <FormDescription>{t("apiKeys.form.labelHint")}</FormDescription>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

export function PassphraseField() {
  const t = useT();
  const { control, setValue } = useFormContext<SharedValues & { passphrase: string }>();
  const [visible, setVisible] = useState(false);
  const generate = () => {
    setValue("passphrase", generateApiKeyPassphrase(), { shouldValidate: true, shouldDirty: true });
    setVisible(true);
  };
  return (
    <FormField
      control={control}
      name="passphrase"
      render={({ field }) => (
        <FormItem>
          <FormLabel>{t("apiKeys.form.passphrase")}</FormLabel>
          <div className="flex gap-2">
            <div className="relative flex-1">
              <FormControl>
                <Input
                  type={visible ? "text" : "password"}
                  autoComplete="new-password"
                  spellCheck={false}
                  maxLength={64}
                  className="pr-9 font-mono"
                  {...field}
                />
              </FormControl>
              <Button
                type="button"
                variant="ghost"
                size="icon-sm"
                className="absolute top-0.5 right-0.5 size-8"
                aria-label={visible ? t("apiKeys.form.hidePassphrase") : t("apiKeys.form.showPassphrase")}
                aria-pressed={visible}
                onClick={() => setVisible((v) => !v)}
              >
                {visible ? <EyeOff /> : <Eye />}
              </Button>
            </div>
            <Button type="button" variant="outline" onClick={generate}>
              <WandSparkles />
              {t("apiKeys.form.generate")}
            </Button>
          </div>
          <FormDescription>{t("apiKeys.form.passphraseHint")}</FormDescription>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

/** read_only is always on (and disabled); trade and withdraw are the operator's choice. */
export function PermsField() {
  const t = useT();
  const { control } = useFormContext<SharedValues>();
  const id = useId();
  return (
    <FormField
      control={control}
      name="perms"
      render={({ field }) => (
        <FormItem>
          <fieldset className="grid gap-2">
            <legend className="mb-2 text-sm leading-none font-medium">{t("apiKeys.form.perms")}</legend>
            <div className="flex flex-wrap gap-x-6 gap-y-2">
              <div className="flex items-center gap-2">
                <Checkbox id={`${id}-read_only`} checked disabled />
                <Label htmlFor={`${id}-read_only`} className="font-normal">
                  {t("apiKeys.form.permReadOnly")}
                </Label>
              </div>
              {OPTIONAL_API_KEY_PERMS.map((perm) => (
                <div key={perm} className="flex items-center gap-2">
                  <Checkbox
                    id={`${id}-${perm}`}
                    ref={perm === "trade" ? field.ref : undefined}
                    checked={field.value.includes(perm)}
                    onCheckedChange={(checked) =>
                      field.onChange(checked === true ? OPTIONAL_API_KEY_PERMS.filter((p) => p === perm || field.value.includes(p)) : field.value.filter((p) => p !== perm))
                    }
                    onBlur={field.onBlur}
                  />
                  <Label htmlFor={`${id}-${perm}`} className="font-normal">
                    {t(`apiKeys.perms.${perm}`)}
                  </Label>
                </div>
              ))}
            </div>
          </fieldset>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

/** The bound IPs as one box, with a running count and the 14-day warning for an unbound trade/withdraw key. */
export function IpsField() {
  const t = useT();
  const { control } = useFormContext<SharedValues>();
  const [ipsText, perms] = useWatch({ control, name: ["ips", "perms"] });
  const count = parseIpList(ipsText ?? "").length;
  const risky = isRiskyKey(perms ?? [], count ? ["x"] : []);
  return (
    <>
      <FormField
        control={control}
        name="ips"
        render={({ field }) => (
          <FormItem>
            <div className="flex items-baseline justify-between gap-2">
              <FormLabel>{t("apiKeys.form.ips")}</FormLabel>
              <span
                aria-live="polite"
                data-testid="ip-count"
                className={cn("text-xs tabular-nums text-muted-foreground", count > API_KEY_MAX_IPS && "font-medium text-destructive")}
              >
                {t("apiKeys.form.ipsCount", { count })}
              </span>
            </div>
            <FormControl>
              <Textarea rows={4} spellCheck={false} autoComplete="off" className="font-mono text-sm" placeholder={"203.0.113.10\n2001:db8::1"} {...field} />
            </FormControl>
            <FormDescription>{t("apiKeys.form.ipsHint")}</FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
      {risky && (
        <Alert variant="warning">
          <TriangleAlert aria-hidden />
          <AlertDescription className="text-foreground">{t("apiKeys.form.unboundWarning")}</AlertDescription>
        </Alert>
      )}
    </>
  );
}
