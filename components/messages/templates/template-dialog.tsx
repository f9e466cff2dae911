"use client";
/**
 * "New template" / "Edit template": a name, the message type, whether the composer offers it (edit), and
 * the text in both languages with the variables flagged as you type. Checked by the procedure's own
 * schema; a refusal (a name taken, a variable nobody fills) lands on its field.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, type FieldErrors } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { FormDialog, SelectField, TextField } from "@/components/form-dialog";
import { FormControl, FormField, FormItem, FormLabel } from "@/components/ui/form";
import { Switch } from "@/components/ui/switch";
import { checkedBy } from "@/lib/forms/checked-by";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { contentBoxes, contentOf, emptyContent, writtenLocales, zContentBoxes } from "@/lib/messages/form";
import { MESSAGE_TYPES, ZTemplateInput } from "@/lib/messages/schemas";
import { CUSTOMER_VARIABLES, type MessageLocale } from "@/lib/messages/template";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { ContentEditor, localeWithError } from "../content-editor";
import { COMPOSER_MESSAGES } from "../composer/composer-fields";
import type { MessageTemplateRow } from "../types";

const zBoxes = z.object({ name: z.string(), type: z.string(), enabled: z.boolean(), content: zContentBoxes });
type Values = z.input<typeof zBoxes>;
const toInput = (v: unknown) => {
  const boxes = v as Values;
  return { name: boxes.name, type: boxes.type || undefined, content: contentOf(boxes.content) };
};
const ZTemplateForm = checkedBy(zBoxes, z.preprocess(toInput, ZTemplateInput));
type Output = z.output<typeof ZTemplateForm>;

const { invalid: composer, vars } = COMPOSER_MESSAGES;
const MESSAGES: FieldMessages<Values> = {
  invalid: {
    name: "messages.templates.invalid.name",
    type: composer.type,
    "content.en.title": composer["content.en.title"],
    "content.en.body": composer["content.en.body"],
    "content.zh-CN.title": composer["content.zh-CN.title"],
    "content.zh-CN.body": composer["content.zh-CN.body"],
  },
  vars,
};

export function TemplateDialog({ template, onClose }: { template: MessageTemplateRow | null; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<MessageLocale>(() => (template ? (writtenLocales(contentBoxes(template.content))[0] ?? "en") : "en"));
  const [formError, setFormError] = useState<string | null>(null);
  const localized = useLocalizedResolver(zodResolver(ZTemplateForm), MESSAGES);
  const form = useForm<Values, unknown, Output>({
    resolver: async (...args) => {
      const result = await localized(...args);
      const content = (result.errors as FieldErrors<Values>).content;
      if (content && "type" in content && content.type) content.message = t("messages.composer.invalid.content");
      return result;
    },
    defaultValues: template
      ? { name: template.name, type: template.type, enabled: template.enabled, content: contentBoxes(template.content) }
      : { name: "", type: "", enabled: true, content: emptyContent() },
  });
  const onError = (error: unknown) => {
    const { field, message } = describeTrpcError(error, t);
    if (field === "content") form.setError("content", { type: "server", message });
    else setFormError(applyServerErrors(form.setError, error, MESSAGES, t));
    const locale = localeWithError(form.formState.errors);
    if (locale) setTab(locale);
  };
  const done = (key: "created" | "saved") => (saved: { name: string }) => {
    toast.success(t(`messages.templates.dialog.${key}`, { name: saved.name }));
    void queryClient.invalidateQueries(trpc.message.templates.queryFilter());
    onClose();
  };
  const create = useMutation(trpc.message.createTemplate.mutationOptions({ onSuccess: done("created"), onError }));
  const update = useMutation(trpc.message.updateTemplate.mutationOptions({ onSuccess: done("saved"), onError }));
  const pending = create.isPending || update.isPending;

  return (
    <FormDialog
      form={form}
      title={template ? t("messages.templates.dialog.editTitle") : t("messages.templates.dialog.newTitle")}
      contentClassName="sm:max-w-2xl"
      pending={pending}
      error={formError}
      onClose={onClose}
      submitLabel={t("messages.templates.dialog.save")}
      onSubmit={form.handleSubmit(
        (input) => {
          setFormError(null);
          const enabled = form.getValues("enabled");
          if (template) update.mutate({ ...input, id: template.id, version: template.version, enabled });
          else create.mutate(input);
        },
        (errors) => {
          const locale = localeWithError(errors);
          if (locale) setTab(locale);
        },
      )}
    >
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <TextField control={form.control} name="name" label={t("messages.templates.dialog.name")} input={{ maxLength: 100, disabled: pending, autoFocus: true }} />
        <SelectField
          control={form.control}
          name="type"
          label={t("messages.templates.dialog.type")}
          placeholder={t("messages.composer.typePlaceholder")}
          options={MESSAGE_TYPES.map((value) => ({ value, label: t(`messages.types.${value}`) }))}
          disabled={pending}
        />
      </div>
      {template && (
        <FormField
          control={form.control}
          name="enabled"
          render={({ field }) => (
            <FormItem className="flex flex-row items-center justify-between gap-4 rounded-md border p-3">
              <FormLabel>{t("messages.templates.dialog.enabled")}</FormLabel>
              <FormControl>
                <Switch checked={field.value} onCheckedChange={field.onChange} disabled={pending} />
              </FormControl>
            </FormItem>
          )}
        />
      )}
      <ContentEditor allowed={CUSTOMER_VARIABLES} tab={tab} onTabChange={setTab} disabled={pending} />
    </FormDialog>
  );
}
