"use client";
/**
 * Change password (account page) and choose a new one (forced change after an admin reset).
 * Validation is the server's: the form extends the procedure's own input schema with the confirmation.
 */
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { z } from "zod";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password";
import { ZChangePasswordInput } from "@/lib/account/schemas";

const PASSWORD_MAX_LENGTH = 128;

const ZChangePasswordForm = ZChangePasswordInput.extend({ confirmPassword: z.string() })
  .refine((values) => values.newPassword === values.confirmPassword, { path: ["confirmPassword"] });

type FormValues = z.infer<typeof ZChangePasswordForm>;

/** The checks' messages in the reader's language, by rule for the new password. */
const MESSAGES: FieldMessages<FormValues> = {
  invalid: {
    currentPassword: "account.password.errors.currentRequired",
    newPassword: {
      too_small: "account.password.errors.tooShort",
      too_big: "account.password.errors.tooLong",
      "*": "account.password.errors.complexity",
    },
    confirmPassword: "account.password.errors.mismatch",
  },
  vars: { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH },
};
type FieldName = keyof FormValues;

interface ChangePasswordFormProps {
  /** Runs after the toast; the forced-change page leaves for the dashboard. */
  onChanged?: () => void;
  successMessage?: string;
}

export function ChangePasswordForm({ onChanged, successMessage }: ChangePasswordFormProps) {
  const t = useT();
  const trpc = useTRPC();
  const [formError, setFormError] = useState<string | null>(null);

  const resolver = useLocalizedResolver(zodResolver(ZChangePasswordForm), MESSAGES);
  const form = useForm<FormValues>({
    resolver,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });

  // What the server says about a field, in the user's language (the service's messages are English).
  const serverFieldMessages: Partial<Record<FieldName, string>> = {
    currentPassword: t("account.password.errors.currentWrong"),
    newPassword: t("account.password.errors.sameAsCurrent"),
  };

  const mutation = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: () => {
        form.reset();
        toast.success(successMessage ?? t("account.password.success"));
        onChanged?.();
      },
      onError: (error) => {
        const { fieldErrors } = describeTrpcError(error, t);
        const fields = Object.keys(fieldErrors).filter((name): name is FieldName => name in serverFieldMessages);
        if (fields.length === 0) {
          setFormError(t("account.genericError"));
          return;
        }
        fields.forEach((name, index) =>
          form.setError(name, { type: "server", message: serverFieldMessages[name] }, { shouldFocus: index === 0 }),
        );
      },
    }),
  );

  function submit(values: FormValues) {
    setFormError(null);
    mutation.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword });
  }

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(submit)} className="grid max-w-md gap-4" noValidate data-testid="change-password-form">
        {formError && (
          <Alert variant="destructive" role="alert">
            <AlertDescription>{formError}</AlertDescription>
          </Alert>
        )}
        <FormField
          control={form.control}
          name="currentPassword"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t("account.password.current")}</FormLabel>
              <FormControl>
                <Input type="password" autoComplete="current-password" {...field} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="newPassword"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t("account.password.new")}</FormLabel>
              <FormControl>
                <Input type="password" autoComplete="new-password" {...field} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="confirmPassword"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t("account.password.confirm")}</FormLabel>
              <FormControl>
                <Input type="password" autoComplete="new-password" {...field} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <div>
          <Button type="submit" pending={mutation.isPending}>
            {t("account.password.submit")}
          </Button>
        </div>
      </form>
    </Form>
  );
}
