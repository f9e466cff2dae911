"use client";
/**
 * "New brand": the brand (name, slug suggested from the name until the admin edits it, broker code,
 * primary colour) and its first admin. The schema is the procedure's own input; a taken slug or email
 * comes back from the server onto its field. On success the caller shows the one-time password.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormDialog, TextField } from "@/components/form-dialog";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { BrokerCodeHint } from "../../../settings/brand/_components/broker-code-hint";
import { ColourInput } from "../../../settings/brand/_components/colour-input";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { DEFAULT_PRIMARY_COLOR, ZCreateBrandForm, type CreateBrandOutput, type CreateBrandValues } from "./schemas";
import { SLUG_MAX, suggestSlug } from "./slug";
import type { CreatedBrand } from "./types";

const MESSAGES: FieldMessages<CreateBrandValues> = {
  invalid: {
    name: "platformBrands.create.invalid.name",
    slug: "platformBrands.create.invalid.slug",
    brokerCode: "platformBrands.create.invalid.brokerCode",
    primaryColor: "platformBrands.create.invalid.colour",
    "admin.name": "platformBrands.create.invalid.adminName",
    "admin.email": "platformBrands.create.invalid.adminEmail",
  },
  refused: {
    slug: "platformBrands.create.refused.slug",
    "admin.email": "platformBrands.create.refused.adminEmail",
  },
};

const EMPTY: CreateBrandValues = {
  name: "",
  slug: "",
  brokerCode: "",
  primaryColor: DEFAULT_PRIMARY_COLOR,
  admin: { name: "", email: "" },
};

interface CreateBrandDialogProps {
  onClose: () => void;
  onCreated: (result: CreatedBrand) => void;
}

export function CreateBrandDialog({ onClose, onCreated }: CreateBrandDialogProps) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  // Once the admin types a slug of their own, the name no longer overwrites it (clearing it resumes).
  const [slugEdited, setSlugEdited] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<CreateBrandValues, unknown, CreateBrandOutput>({
    resolver: useLocalizedResolver(zodResolver(ZCreateBrandForm), MESSAGES),
    defaultValues: EMPTY,
    mode: "onTouched",
  });

  const create = useMutation(
    trpc.platform.createBrand.mutationOptions({
      onSuccess: (result) => {
        onCreated(result);
        router.refresh(); // the shell's brand picker lists the new brand
        return queryClient.invalidateQueries(trpc.platform.listBrands.queryFilter());
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, MESSAGES, t)),
    }),
  );

  const submit = form.handleSubmit((values) => {
    setFormError(null);
    create.mutate(values);
  });

  return (
    <FormDialog
      form={form}
      title={t("platformBrands.create.title")}
      description={t("platformBrands.create.description")}
      contentClassName="sm:max-w-xl"
      className="grid gap-5"
      pending={create.isPending}
      error={formError}
      onClose={onClose}
      submitLabel={t("platformBrands.create.submit")}
      onSubmit={submit}
    >
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-3 text-sm font-semibold">{t("platformBrands.create.brandSection")}</legend>
        <FormField
          control={form.control}
          name="name"
          render={({ field }) => (
            <FormItem className="sm:col-span-2">
              <FormLabel>{t("platformBrands.create.name")}</FormLabel>
              <FormControl>
                <Input
                  {...field}
                  autoFocus
                  autoComplete="off"
                  maxLength={80}
                  onChange={(event) => {
                    field.onChange(event);
                    if (!slugEdited) {
                      form.setValue("slug", suggestSlug(event.target.value), {
                        shouldValidate: form.getFieldState("slug").isTouched,
                      });
                    }
                  }}
                />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="slug"
          render={({ field }) => (
            <FormItem className="sm:col-span-2">
              <FormLabel>{t("platformBrands.create.slug")}</FormLabel>
              <FormControl>
                <Input
                  {...field}
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={SLUG_MAX}
                  className="font-mono"
                  onChange={(event) => {
                    const value = event.target.value.toLowerCase();
                    setSlugEdited(value !== "");
                    field.onChange(value);
                  }}
                />
              </FormControl>
              <FormDescription>{t("platformBrands.create.slugHint")}</FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        <TextField
          control={form.control}
          name="brokerCode"
          label={t("platformBrands.create.brokerCode")}
          hint={<BrokerCodeHint messageKey="platformBrands.create.brokerCodeHint" />}
          input={{ autoComplete: "off", spellCheck: false, maxLength: 32, className: "font-mono" }}
          className="content-start"
        />
        <FormField
          control={form.control}
          name="primaryColor"
          render={({ field }) => (
            <FormItem className="content-start">
              <FormLabel>{t("platformBrands.create.primaryColor")}</FormLabel>
              <ColourInput {...field} pickerLabel={t("platformBrands.create.pickColour")} fallback={DEFAULT_PRIMARY_COLOR} />
              <FormMessage />
            </FormItem>
          )}
        />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-3 text-sm font-semibold">{t("platformBrands.create.adminSection")}</legend>
        <TextField control={form.control} name="admin.name" label={t("platformBrands.create.adminName")} input={{ autoComplete: "off", maxLength: 100 }} />
        <TextField
          control={form.control}
          name="admin.email"
          label={t("platformBrands.create.adminEmail")}
          input={{ type: "email", autoComplete: "off", spellCheck: false, maxLength: 254 }}
        />
      </fieldset>
    </FormDialog>
  );
}
