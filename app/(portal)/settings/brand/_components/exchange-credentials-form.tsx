"use client";
/**
 * Enter or replace the brand's OKX key. The fields are never pre-filled (the server has no secret to
 * give back) and are emptied after saving; password inputs with autofill off, so neither the browser
 * nor a password manager keeps or offers them. Server field errors land on their fields.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import type { OkxMode } from "@/lib/brands/schemas";
import { OKX_MODES, ZExchangeCredentialsForm, type ExchangeCredentialsOutput, type ExchangeCredentialsValues } from "./exchange-schema";

const MESSAGES: FieldMessages<ExchangeCredentialsValues> = {
  invalid: {
    apiKey: "exchange.invalid.apiKey",
    secretKey: "exchange.invalid.secretKey",
    passphrase: "exchange.invalid.passphrase",
    mode: "exchange.invalid.mode",
  },
};

const SECRET_FIELDS = ["apiKey", "secretKey", "passphrase"] as const;
const LABELS = { apiKey: "exchange.form.apiKey", secretKey: "exchange.form.secretKey", passphrase: "exchange.form.passphrase" } as const;
const MAX_LENGTH = { apiKey: 64, secretKey: 128, passphrase: 32 } as const;

const empty = (mode: OkxMode): ExchangeCredentialsValues => ({ apiKey: "", secretKey: "", passphrase: "", mode });

export function ExchangeCredentialsForm({ configured, mode }: { configured: boolean; mode: OkxMode }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<ExchangeCredentialsValues, unknown, ExchangeCredentialsOutput>({
    resolver: useLocalizedResolver(zodResolver(ZExchangeCredentialsForm), MESSAGES),
    defaultValues: empty(mode),
    mode: "onTouched",
  });

  const save = useMutation(
    trpc.brand.setExchangeCredentials.mutationOptions({
      onSuccess: (view) => {
        queryClient.setQueryData(trpc.brand.exchangeCredentials.queryKey(), view);
        form.reset(empty(view.mode)); // the secrets leave the page as soon as they are stored
        toast.success(t("exchange.form.saved"));
      },
      onError: (error) => {
        const unplaced = applyServerErrors(form.setError, error, MESSAGES, t);
        if (unplaced) toast.error(unplaced);
      },
    }),
  );
  const onSubmit = form.handleSubmit((values) => save.mutate(values));

  return (
    <Form {...form}>
      <form onSubmit={onSubmit} noValidate autoComplete="off" className="grid gap-5" aria-label={t(configured ? "exchange.form.replaceTitle" : "exchange.form.title")}>
        <div className="grid gap-1">
          <h3 className="text-sm font-medium">{t(configured ? "exchange.form.replaceTitle" : "exchange.form.title")}</h3>
          <p className="text-sm text-muted-foreground">{t("exchange.form.description")}</p>
        </div>
        <div className="grid gap-5 sm:grid-cols-2">
          {SECRET_FIELDS.map((name) => (
            <FormField
              key={name}
              control={form.control}
              name={name}
              render={({ field }) => (
                <FormItem className={name === "apiKey" ? "content-start sm:col-span-2" : "content-start"}>
                  <FormLabel>{t(LABELS[name])}</FormLabel>
                  <FormControl>
                    <Input
                      {...field}
                      type="password"
                      autoComplete="off"
                      spellCheck={false}
                      maxLength={MAX_LENGTH[name]}
                      className="font-mono"
                      // Password managers would offer to save (or fill) these as a site login.
                      data-1p-ignore
                      data-lpignore="true"
                      data-bwignore
                    />
                  </FormControl>
                  {name === "passphrase" && <FormDescription>{t("exchange.form.passphraseHint")}</FormDescription>}
                  <FormMessage />
                </FormItem>
              )}
            />
          ))}
          <FormField
            control={form.control}
            name="mode"
            render={({ field }) => (
              <FormItem className="content-start">
                <FormLabel>{t("exchange.form.mode")}</FormLabel>
                <Select value={field.value} onValueChange={field.onChange}>
                  <FormControl>
                    <SelectTrigger className="w-full" onBlur={field.onBlur} ref={field.ref}>
                      <SelectValue />
                    </SelectTrigger>
                  </FormControl>
                  <SelectContent>
                    {OKX_MODES.map((m) => (
                      <SelectItem key={m} value={m}>
                        {t(m === "live" ? "exchange.form.modeLive" : "exchange.form.modeDemo")}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
                <FormDescription>{t("exchange.form.modeHint")}</FormDescription>
                <FormMessage />
              </FormItem>
            )}
          />
        </div>
        <div>
          <Button type="submit" pending={save.isPending}>
            {t("exchange.form.save")}
          </Button>
        </div>
      </form>
    </Form>
  );
}
