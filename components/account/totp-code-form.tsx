"use client";
/** One 6-digit authenticator code field with its submit button (enrol confirm, turn off). */
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { ZTotpCodeInput as ZCodeForm } from "@/lib/account/schemas";

const CODE_MESSAGES: FieldMessages<{ code: string }> = { invalid: { code: "account.totp.errors.codeFormat" } };

interface TotpCodeFormProps {
  submitLabel: string;
  pending: boolean;
  onSubmit: (code: string) => void;
  /** A server-side rejection to show on the field (already translated); cleared on the next submit. */
  serverError: string | null;
  variant?: "default" | "destructive";
  children?: React.ReactNode;
}

export function TotpCodeForm({ submitLabel, pending, onSubmit, serverError, variant = "default", children }: TotpCodeFormProps) {
  const t = useT();
  const resolver = useLocalizedResolver(zodResolver(ZCodeForm), CODE_MESSAGES);
  const form = useForm({ resolver, defaultValues: { code: "" } });

  useEffect(() => {
    if (!serverError) return;
    form.setError("code", { type: "server", message: serverError }, { shouldFocus: true });
    form.setValue("code", "");
  }, [serverError, form]);

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(({ code }) => onSubmit(code))} className="grid gap-4" noValidate>
        <FormField
          control={form.control}
          name="code"
          render={({ field }) => (
            <FormItem className="max-w-56">
              <FormLabel>{t("account.totp.code")}</FormLabel>
              <FormControl>
                <Input
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  placeholder="123456"
                  className="font-mono tracking-[0.3em]"
                  autoFocus
                  {...field}
                />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant={variant} pending={pending}>
            {submitLabel}
          </Button>
          {children}
        </div>
      </form>
    </Form>
  );
}
