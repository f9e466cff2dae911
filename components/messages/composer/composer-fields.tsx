"use client";
/**
 * The composer's smaller fields: the type (with the name customers see for it) and the template picker
 * that fills the text; "now" or "at a time". And the form's messages per field, in the reader's language.
 */
import { useQuery } from "@tanstack/react-query";
import { useFormContext, useWatch } from "react-hook-form";
import { DateField, SelectField } from "@/components/form-dialog";
import { FormControl, FormField, FormItem, FormLabel } from "@/components/ui/form";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { FieldMessage, FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { contentBoxes, SEND_WHEN, writtenLocales, type ComposerValues } from "@/lib/messages/form";
import { typeLabel, type TypeLabels } from "@/lib/messages/labels";
import { BODY_MAX, MAX_UIDS, MESSAGE_TYPES, TITLE_MAX, type MessageType } from "@/lib/messages/schemas";
import type { MessageLocale } from "@/lib/messages/template";
import { useTRPC } from "@/lib/trpc/client";

const title: FieldMessage = { too_big: "messages.composer.invalid.titleTooLong", custom: "messages.composer.invalid.text", "*": "messages.composer.invalid.title" };
const body: FieldMessage = { too_big: "messages.composer.invalid.bodyTooLong", custom: "messages.composer.invalid.text", "*": "messages.composer.invalid.body" };

export const COMPOSER_MESSAGES: FieldMessages<ComposerValues> = {
  invalid: {
    type: "messages.composer.invalid.type",
    templateId: "messages.composer.invalid.template",
    "content.en.title": title,
    "content.en.body": body,
    "content.zh-CN.title": title,
    "content.zh-CN.body": body,
    "audience.kind": "messages.composer.invalid.audience",
    "audience.customerId": "messages.composer.invalid.customer",
    "audience.uids": { too_big: "messages.composer.invalid.uidsTooMany", "*": "messages.composer.invalid.uids" },
    "audience.groupId": "messages.composer.invalid.group",
    "audience.segmentId": "messages.composer.invalid.segment",
    scheduledAt: { custom: "messages.composer.invalid.scheduledPast", too_small: "messages.composer.invalid.scheduledRange", too_big: "messages.composer.invalid.scheduledRange", "*": "messages.composer.invalid.scheduledAt" },
  },
  vars: { titleMax: TITLE_MAX, bodyMax: BODY_MAX, maxUids: MAX_UIDS.toLocaleString("en") },
};

const NO_TEMPLATE = "none";

interface ComposerHeadProps {
  settings: { typeLabels: TypeLabels } | undefined;
  disabled?: boolean;
  /** A template was applied: the first language it has text in. */
  onTemplate: (locale: MessageLocale) => void;
}

/** Type and template, side by side. */
export function ComposerHead({ settings, disabled, onTemplate }: ComposerHeadProps) {
  const t = useT();
  const trpc = useTRPC();
  const form = useFormContext<ComposerValues>();
  const templates = useQuery(trpc.message.templates.queryOptions(undefined, { staleTime: 30_000 }));
  const usable = (templates.data ?? []).filter((tpl) => tpl.enabled);
  const type = useWatch({ control: form.control, name: "type" });
  const label = (MESSAGE_TYPES as readonly string[]).includes(type)
    ? (["en", "zh-CN"] as const).map((l) => typeLabel(type as MessageType, l, settings?.typeLabels)).join(" / ")
    : null;
  return (
    <div className="grid items-start gap-4 md:grid-cols-2">
      <SelectField
        control={form.control}
        name="type"
        label={t("messages.composer.type")}
        placeholder={t("messages.composer.typePlaceholder")}
        options={MESSAGE_TYPES.map((value) => ({ value, label: t(`messages.types.${value}`) }))}
        hint={label && t("messages.composer.typeHint", { label })}
        disabled={disabled}
      />
      <FormField
        control={form.control}
        name="templateId"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t("messages.composer.template")}</FormLabel>
            <Select
              value={field.value || NO_TEMPLATE}
              disabled={disabled || usable.length === 0}
              onValueChange={(id) => {
                const picked = usable.find((tpl) => tpl.id === id);
                field.onChange(picked ? picked.id : "");
                if (!picked) return;
                form.setValue("type", picked.type, { shouldValidate: form.formState.isSubmitted });
                const boxes = contentBoxes(picked.content);
                form.setValue("content", boxes, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
                onTemplate(writtenLocales(boxes)[0] ?? "en");
              }}
            >
              <FormControl>
                <SelectTrigger className="w-full" ref={field.ref} onBlur={field.onBlur}>
                  <SelectValue />
                </SelectTrigger>
              </FormControl>
              <SelectContent>
                <SelectItem value={NO_TEMPLATE}>{usable.length ? t("messages.composer.templateNone") : t("messages.composer.templatesEmpty")}</SelectItem>
                {usable.map((tpl) => (
                  <SelectItem key={tpl.id} value={tpl.id}>
                    {tpl.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
            {field.value && <p className="text-sm text-muted-foreground">{t("messages.composer.templateApplied")}</p>}
          </FormItem>
        )}
      />
    </div>
  );
}

/** "Now" or "at a time" (a local date and time, in the future). */
export function WhenFields({ disabled, when }: { disabled?: boolean; when: string }) {
  const t = useT();
  const form = useFormContext<ComposerValues>();
  return (
    <div className="grid gap-4">
      <FormField
        control={form.control}
        name="when"
        render={({ field }) => (
          <FormItem>
            <fieldset className="flex flex-wrap gap-2" disabled={disabled}>
              <legend className="sr-only">{t("messages.composer.when")}</legend>
              {SEND_WHEN.map((value) => (
                <label key={value} className="flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50">
                  <input type="radio" name={field.name} value={value} checked={field.value === value} onChange={() => field.onChange(value)} className="accent-primary" />
                  {t(value === "now" ? "messages.composer.now" : "messages.composer.later")}
                </label>
              ))}
            </fieldset>
          </FormItem>
        )}
      />
      {when === "later" && (
        <DateField
          control={form.control}
          name="scheduledAt"
          label={t("messages.composer.scheduledAt")}
          hint={t("messages.composer.scheduledHint")}
          className="max-w-sm"
          picker={{ mode: "datetime", min: localNow(), disabled }}
        />
      )}
    </div>
  );
}

/** Now as a datetime-local value ("2026-11-22T10:05"), the earliest a message can be scheduled. */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
