"use client";
/**
 * A message's text in both languages (English / 简体中文 tabs, each a title and a body), used by the
 * composer and the template dialogs. Under the boxes: the variables the text may use, with buttons that
 * insert one where the caret is, and — as you type — each variable the message cannot fill, on its box.
 * Both tabs stay mounted (the inactive one hidden), so a form can show and focus an error in either.
 */
import { useRef } from "react";
import { useFormContext, useFormState, useWatch, type FieldPath, type FieldValues } from "react-hook-form";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { useT } from "@/lib/i18n/client";
import type { ContentBoxes } from "@/lib/messages/form";
import { BODY_MAX, TITLE_MAX } from "@/lib/messages/schemas";
import { MESSAGE_LOCALES, unknownVariables, type MessageLocale } from "@/lib/messages/template";
import { cn } from "@/lib/utils";

interface ContentEditorProps {
  /** Variables the text may use ({{name}}, {{uid}} and an event's own). */
  allowed: readonly string[];
  tab: MessageLocale;
  onTabChange: (tab: MessageLocale) => void;
  disabled?: boolean;
}

const braces = (name: string) => `{{${name}}}`;

/** The first language with an error under `content`, for the form to open its tab. */
export function localeWithError(errors: FieldValues): MessageLocale | null {
  const content = (errors as { content?: Partial<Record<MessageLocale, unknown>> }).content;
  return MESSAGE_LOCALES.find((l) => content?.[l]) ?? null;
}

/** Must sit inside a react-hook-form <Form> whose values have `content: ContentBoxes`. */
export function ContentEditor({ allowed, tab, onTabChange, disabled }: ContentEditorProps) {
  const t = useT();
  const form = useFormContext<{ content: ContentBoxes }>();
  const content = useWatch({ control: form.control, name: "content" });
  const { errors } = useFormState({ control: form.control, name: "content" });
  const last = useRef<{ name: FieldPath<{ content: ContentBoxes }>; element: HTMLInputElement | HTMLTextAreaElement } | null>(null);
  const elements = useRef<Partial<Record<string, HTMLInputElement | HTMLTextAreaElement | null>>>({});
  const unknown = unknownVariables(content, allowed);
  const allowedText = allowed.map(braces).join(", ");

  /** Puts `{{variable}}` at the caret of the box last focused (the open tab's body by default). */
  const insert = (variable: string) => {
    const target = last.current && last.current.name.startsWith(`content.${tab}.`) ? last.current : null;
    const name = target?.name ?? (`content.${tab}.body` as const);
    const current = String(form.getValues(name) ?? "");
    const start = target?.element.selectionStart ?? current.length;
    const end = target?.element.selectionEnd ?? current.length;
    const token = braces(variable);
    form.setValue(name, current.slice(0, start) + token + current.slice(end), { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
    const element = target?.element ?? elements.current[name];
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const box = (locale: MessageLocale, part: "title" | "body") => {
    const name = `content.${locale}.${part}` as const;
    const flagged = unknown.filter((u) => u.field === name);
    const length = content[locale][part].length;
    const max = part === "title" ? TITLE_MAX : BODY_MAX;
    return (
      <FormField
        control={form.control}
        name={name}
        render={({ field, fieldState }) => (
          <FormItem>
            <div className="flex items-baseline justify-between gap-2">
              <FormLabel>{t(part === "title" ? "messages.composer.titleField" : "messages.composer.bodyField")}</FormLabel>
              <span className={cn("text-xs tabular-nums text-muted-foreground", length > max && "text-destructive")} aria-hidden>
                {t("messages.composer.titleCount", { count: length, max })}
              </span>
            </div>
            <FormControl>
              {part === "title" ? (
                <Input
                  {...field}
                  ref={(element) => {
                    field.ref(element);
                    elements.current[name] = element;
                  }}
                  lang={locale}
                  disabled={disabled}
                  aria-invalid={Boolean(fieldState.error) || flagged.length > 0}
                  onFocus={(event) => (last.current = { name, element: event.currentTarget })}
                />
              ) : (
                <Textarea
                  {...field}
                  ref={(element) => {
                    field.ref(element);
                    elements.current[name] = element;
                  }}
                  lang={locale}
                  rows={7}
                  disabled={disabled}
                  className="min-h-36"
                  aria-invalid={Boolean(fieldState.error) || flagged.length > 0}
                  onFocus={(event) => (last.current = { name, element: event.currentTarget })}
                />
              )}
            </FormControl>
            {flagged.length > 0 && (
              <FormDescription className="text-destructive" role="status">
                {[...new Set(flagged.map((f) => f.variable))].map((variable) => t("messages.composer.unknownVariable", { variable: braces(variable), allowed: allowedText })).join(" ")}
              </FormDescription>
            )}
            <FormMessage />
          </FormItem>
        )}
      />
    );
  };

  const hasText = (locale: MessageLocale) => content[locale].title.trim() !== "" || content[locale].body.trim() !== "";
  return (
    <div className="grid gap-3">
      <Tabs value={tab} onValueChange={(value) => onTabChange(value as MessageLocale)}>
        <TabsList aria-label={t("messages.composer.contentLabel")}>
          {MESSAGE_LOCALES.map((locale) => (
            <TabsTrigger key={locale} value={locale} className="gap-2 px-3">
              <span lang={locale}>{t(`messages.languages.${locale}`)}</span>
              <span
                className={cn("size-1.5 rounded-full", errors.content?.[locale] ? "bg-destructive" : hasText(locale) ? "bg-success" : "bg-muted-foreground/30")}
                aria-hidden
              />
              <span className="sr-only">{hasText(locale) ? t("messages.composer.written") : t("messages.composer.empty")}</span>
            </TabsTrigger>
          ))}
        </TabsList>
        {MESSAGE_LOCALES.map((locale) => (
          <TabsContent key={locale} value={locale} forceMount className="grid gap-3 data-[state=inactive]:hidden">
            {box(locale, "title")}
            {box(locale, "body")}
          </TabsContent>
        ))}
      </Tabs>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm text-muted-foreground">
        <span>{t("messages.composer.variablesHint", { variables: allowedText })}</span>
        <span className="flex flex-wrap gap-1.5">
          {allowed.map((variable) => (
            <Button
              key={variable}
              type="button"
              variant="outline"
              size="sm"
              className="h-7 px-2 font-mono text-xs"
              disabled={disabled}
              aria-label={t("messages.composer.insertVariable", { variable: braces(variable) })}
              onClick={() => insert(variable)}
            >
              {braces(variable)}
            </Button>
          ))}
        </span>
      </div>
      {errors.content?.message && (
        <p className="text-sm text-destructive" role="alert">
          {String(errors.content.message)}
        </p>
      )}
    </div>
  );
}
