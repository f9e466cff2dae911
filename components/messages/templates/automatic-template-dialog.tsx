"use client";
/**
 * The text of one automatic message (an event's): both languages, with the variables this event fills
 * listed and any other flagged as you type. Saved with the version shown (0: never saved, the built-in
 * text); a refusal lands on its field.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, type FieldErrors } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { FormDialog } from "@/components/form-dialog";
import { checkedBy } from "@/lib/forms/checked-by";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { contentBoxes, contentOf, zContentBoxes } from "@/lib/messages/form";
import { ZMessageContent } from "@/lib/messages/schemas";
import type { MessageLocale } from "@/lib/messages/template";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { ContentEditor, localeWithError } from "../content-editor";
import { COMPOSER_MESSAGES } from "../composer/composer-fields";
import { useMessageWords } from "../message-badges";
import type { AutomaticTemplateRow } from "../types";

const zBoxes = z.object({ content: zContentBoxes });
type Values = z.input<typeof zBoxes>;
const ZAutomaticForm = checkedBy(zBoxes, z.preprocess((v) => ({ content: contentOf((v as Values).content) }), z.object({ content: ZMessageContent })));

const { invalid: composer, vars } = COMPOSER_MESSAGES;
const MESSAGES: FieldMessages<Values> = {
  invalid: {
    "content.en.title": composer["content.en.title"],
    "content.en.body": composer["content.en.body"],
    "content.zh-CN.title": composer["content.zh-CN.title"],
    "content.zh-CN.body": composer["content.zh-CN.body"],
  },
  vars,
};

export function AutomaticTemplateDialog({ row, onClose }: { row: AutomaticTemplateRow; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const words = useMessageWords();
  const queryClient = useQueryClient();
  const event = words.event(row.event);
  const [tab, setTab] = useState<MessageLocale>("en");
  const [formError, setFormError] = useState<string | null>(null);
  const localized = useLocalizedResolver(zodResolver(ZAutomaticForm), MESSAGES);
  const form = useForm<Values, unknown, z.output<typeof ZAutomaticForm>>({
    resolver: async (...args) => {
      const result = await localized(...args);
      const content = (result.errors as FieldErrors<Values>).content;
      if (content && "type" in content && content.type) content.message = t("messages.composer.invalid.content");
      return result;
    },
    defaultValues: { content: contentBoxes(row.content) },
  });
  const save = useMutation(
    trpc.message.saveAutomaticTemplate.mutationOptions({
      onSuccess: () => {
        toast.success(t("messages.templates.automatic.saved", { event }));
        void queryClient.invalidateQueries(trpc.message.automaticTemplates.queryFilter());
        onClose();
      },
      onError: (error) => {
        const { field, message } = describeTrpcError(error, t);
        if (field === "content") form.setError("content", { type: "server", message });
        else setFormError(applyServerErrors(form.setError, error, MESSAGES, t));
        const locale = localeWithError(form.formState.errors);
        if (locale) setTab(locale);
      },
    }),
  );

  return (
    <FormDialog
      form={form}
      title={t("messages.templates.automatic.editTitle", { event })}
      description={t("messages.templates.automatic.editDescription")}
      contentClassName="sm:max-w-2xl"
      pending={save.isPending}
      error={formError}
      onClose={onClose}
      submitLabel={t("messages.templates.dialog.save")}
      onSubmit={form.handleSubmit(
        ({ content }) => {
          setFormError(null);
          save.mutate({ event: row.event, content, enabled: row.enabled, version: row.version });
        },
        (errors) => {
          const locale = localeWithError(errors);
          if (locale) setTab(locale);
        },
      )}
    >
      <ContentEditor allowed={row.variables} tab={tab} onTabChange={setTab} disabled={save.isPending} />
    </FormDialog>
  );
}
