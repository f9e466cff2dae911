"use client";
/**
 * The profile fields of the register and edit forms (name, email, area code + phone, country, language,
 * tags), read from the surrounding <Form>. While staff type an email or phone, the brand's customers are
 * checked (debounced) and a hint says when it already belongs to someone, before the server refuses it.
 */
import { useQuery, skipToken } from "@tanstack/react-query";
import { UserRoundSearch } from "lucide-react";
import { useFormContext, useWatch } from "react-hook-form";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useDebouncedValue } from "@/lib/hooks/use-debounced-value";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { CUSTOMER_LANGUAGES, ZCustomerExistsInput } from "@/lib/customers/schemas";
import { CountrySelect } from "./country-select";
import type { ProfileValues } from "./customer-form-schemas";
import { TagsInput } from "./tags-input";

const LOOKUP_DELAY_MS = 400;

export function CustomerProfileFields({ exceptId, autoFocus }: { exceptId?: string; autoFocus?: boolean }) {
  const t = useT();
  const form = useFormContext<ProfileValues>();
  const existing = useExistingContact(exceptId);

  return (
    <>
      <FormField
        control={form.control}
        name="name"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t("customers.form.name")}</FormLabel>
            <FormControl>
              <Input autoComplete="off" autoFocus={autoFocus} maxLength={100} {...field} />
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
      <FormField
        control={form.control}
        name="email"
        render={({ field, fieldState }) => (
          <FormItem>
            <FormLabel>{t("customers.form.email")}</FormLabel>
            <FormControl>
              <Input type="email" autoComplete="off" inputMode="email" {...field} />
            </FormControl>
            {existing.email && !fieldState.error && <ExistsHint text={t("customers.form.exists.email")} />}
            <FormMessage />
          </FormItem>
        )}
      />
      <div className="grid grid-cols-[7rem_1fr] gap-3">
        <FormField
          control={form.control}
          name="phoneCountryCode"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t("customers.form.areaCode")}</FormLabel>
              <FormControl>
                <Input autoComplete="off" inputMode="tel" placeholder="+86" maxLength={5} {...field} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="phone"
          render={({ field, fieldState }) => (
            <FormItem>
              <FormLabel>{t("customers.form.phone")}</FormLabel>
              <FormControl>
                <Input autoComplete="off" inputMode="tel" maxLength={20} {...field} />
              </FormControl>
              {existing.phone && !fieldState.error && <ExistsHint text={t("customers.form.exists.phone")} />}
              <FormMessage />
            </FormItem>
          )}
        />
      </div>
      <p className="-mt-2 text-xs text-muted-foreground">{t("customers.form.contactHint")}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField
          control={form.control}
          name="country"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t("customers.form.country")}</FormLabel>
              <FormControl>
                <CountrySelect
                  ref={field.ref}
                  value={field.value}
                  onChange={field.onChange}
                  placeholder={t("customers.form.countryPlaceholder")}
                />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="language"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t("customers.form.language")}</FormLabel>
              <Select value={field.value} onValueChange={field.onChange}>
                <FormControl>
                  <SelectTrigger className="w-full" ref={field.ref} onBlur={field.onBlur}>
                    <SelectValue placeholder={t("customers.form.languagePlaceholder")} />
                  </SelectTrigger>
                </FormControl>
                <SelectContent>
                  {CUSTOMER_LANGUAGES.map((language) => (
                    <SelectItem key={language} value={language}>
                      {t(`customers.languages.${language}`)}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
              <FormMessage />
            </FormItem>
          )}
        />
      </div>
      <FormField
        control={form.control}
        name="tags"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t("customers.form.tags")}</FormLabel>
            <FormControl>
              <TagsInput
                ref={field.ref}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                placeholder={t("customers.form.tagsPlaceholder")}
              />
            </FormControl>
            <FormDescription>{t("customers.form.tagsHint")}</FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
    </>
  );
}

function ExistsHint({ text }: { text: string }) {
  return (
    <p role="status" className="flex items-center gap-1.5 text-xs text-foreground">
      <UserRoundSearch aria-hidden className="size-3.5 shrink-0 text-warning" />
      {text}
    </p>
  );
}

/** Whether the email / phone typed so far already belongs to another customer of the brand. */
function useExistingContact(exceptId: string | undefined) {
  const trpc = useTRPC();
  const { control } = useFormContext<ProfileValues>();
  const [email, phoneCountryCode, phone] = useWatch({ control, name: ["email", "phoneCountryCode", "phone"] });
  const debouncedEmail = useDebouncedValue(email, LOOKUP_DELAY_MS);
  const debouncedPhone = useDebouncedValue(`${phoneCountryCode}|${phone}`, LOOKUP_DELAY_MS);

  // Only complete values are looked up: half an email is nobody's.
  const emailInput = ZCustomerExistsInput.safeParse({ email: debouncedEmail, exceptId });
  const [code, number] = debouncedPhone.split("|");
  const phoneInput = ZCustomerExistsInput.safeParse({ phoneCountryCode: code, phone: number, exceptId });
  const options = { staleTime: 30_000, retry: false } as const;
  const emailQuery = useQuery(trpc.customer.exists.queryOptions(emailInput.success ? emailInput.data : skipToken, options));
  const phoneQuery = useQuery(trpc.customer.exists.queryOptions(phoneInput.success ? phoneInput.data : skipToken, options));

  // A stale answer for a value no longer in the box must not show.
  const emailCurrent = emailInput.success && email === debouncedEmail;
  const phoneCurrent = phoneInput.success && `${phoneCountryCode}|${phone}` === debouncedPhone;
  return {
    email: emailCurrent && emailQuery.data?.exists === true,
    phone: phoneCurrent && phoneQuery.data?.exists === true,
  };
}
