"use client";
/**
 * The announcement editor (a new draft, or a draft / unpublished one): a tab per language with its title,
 * Markdown and live preview — the brand's default language first and required — and the settings beside.
 * Checked in the browser by the procedure's own schema; a server refusal lands on its field (its tab is
 * opened). An edit carries the version it started from, so a change made meanwhile is refused, not overwritten.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm, useWatch, type FieldErrors } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { applyServerErrors } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { ANNOUNCEMENT_LOCALES, isAnnouncementLocale, type AnnouncementLocale } from "@/lib/announcements/schemas";
import type { AnnouncementRow } from "@/server/announcements/types";
import { LocaleFields, SettingsFields } from "./announcement-fields";
import { ANNOUNCEMENT_MESSAGES, announcementFormSchema, emptyForm, formValuesOf, localeOfField, writtenLocales, type AnnouncementFormValues } from "./announcement-form";
import { announcementHref } from "./announcement-columns";
import { useAnnouncementPreview } from "./use-announcement-preview";

/** The first language tab holding an error. */
const localeWithError = (errors: FieldErrors<AnnouncementFormValues>) => ANNOUNCEMENT_LOCALES.find((l) => errors.content?.[l]) ?? null;

export function AnnouncementEditor({ row, defaultLanguage }: { row?: AnnouncementRow; defaultLanguage: AnnouncementLocale }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const schema = useMemo(() => announcementFormSchema(t, defaultLanguage), [t, defaultLanguage]);
  const form = useForm<AnnouncementFormValues, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: row ? formValuesOf(row) : emptyForm() });
  const locales = [defaultLanguage, ...ANNOUNCEMENT_LOCALES.filter((l) => l !== defaultLanguage)];
  const [tab, setTab] = useState<AnnouncementLocale>(defaultLanguage);
  const [formError, setFormError] = useState<string | null>(null);
  const content = useWatch({ control: form.control, name: "content" });
  const [pinned, popup] = useWatch({ control: form.control, name: ["pinned", "popup"] });
  const { preview, failed, updating } = useAnnouncementPreview(content);
  const written = writtenLocales(content);

  const saved = (key: "created" | "updated") => (result: AnnouncementRow) => {
    toast.success(t(`announcements.toast.${key}`, { title: result.content[defaultLanguage]?.title ?? "" }));
    void queryClient.invalidateQueries(trpc.announcement.pathFilter());
    router.push(announcementHref(result.id));
  };
  const refused = (error: unknown) => {
    const message = applyServerErrors(form.setError, error, ANNOUNCEMENT_MESSAGES, t);
    const { field, code } = describeTrpcError(error, t);
    const locale = field ? localeOfField(field) : null;
    if (locale) setTab(locale);
    if (code === "CONFLICT" || code === "NOT_FOUND") void queryClient.invalidateQueries(trpc.announcement.pathFilter());
    setFormError(message);
  };
  const create = useMutation(trpc.announcement.create.mutationOptions({ onSuccess: saved("created"), onError: refused }));
  const update = useMutation(trpc.announcement.update.mutationOptions({ onSuccess: saved("updated"), onError: refused }));
  const saving = create.isPending || update.isPending || create.isSuccess || update.isSuccess;
  const errors = form.formState.errors;

  const submit = form.handleSubmit(
    (values) => {
      setFormError(null);
      if (row) update.mutate({ ...values, id: row.id, version: row.version });
      else create.mutate(values);
    },
    (invalid) => {
      const locale = localeWithError(invalid);
      if (locale && !invalid.content?.[tab]) setTab(locale);
    },
  );

  return (
    <Form {...form}>
      <form noValidate onSubmit={submit} className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>{t("announcements.form.content")}</CardTitle>
            <CardDescription>{t("announcements.form.contentHint", { language: t(`announcements.languages.${defaultLanguage}`) })}</CardDescription>
          </CardHeader>
          <CardContent>
            <Tabs value={tab} onValueChange={(value) => isAnnouncementLocale(value) && setTab(value)}>
              <TabsList>
                {locales.map((locale) => (
                  <TabsTrigger key={locale} value={locale} className="px-3">
                    {t(`announcements.languages.${locale}`)}
                    {locale === defaultLanguage && <span className="text-xs font-normal text-muted-foreground">({t("announcements.form.defaultLanguage")})</span>}
                    {errors.content?.[locale] && <span className="size-1.5 rounded-full bg-destructive" aria-hidden />}
                  </TabsTrigger>
                ))}
              </TabsList>
              {locales.map((locale) => (
                <TabsContent key={locale} value={locale} className="pt-2">
                  <LocaleFields
                    control={form.control}
                    locale={locale}
                    disabled={saving}
                    written={written.includes(locale)}
                    preview={preview}
                    previewFailed={failed}
                    updating={updating}
                    pinned={pinned}
                    popup={popup}
                  />
                </TabsContent>
              ))}
            </Tabs>
          </CardContent>
        </Card>

        <Card className="h-fit">
          <CardHeader>
            <CardTitle>{t("announcements.form.settings")}</CardTitle>
          </CardHeader>
          <CardContent>
            <SettingsFields control={form.control} disabled={saving} />
          </CardContent>
        </Card>

        {/* Save stays in view below the long text fields. */}
        <div className="sticky bottom-0 z-10 grid gap-3 border-t bg-background/95 py-3 backdrop-blur xl:col-span-2">
          {formError && (
            <Alert variant="destructive" role="alert">
              <TriangleAlert aria-hidden />
              <AlertDescription>{formError}</AlertDescription>
            </Alert>
          )}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="outline" asChild disabled={saving}>
              <Link href={row ? announcementHref(row.id) : "/messages/announcements"}>{t("announcements.form.cancel")}</Link>
            </Button>
            <Button type="submit" pending={create.isPending || update.isPending} disabled={saving}>
              {row ? t("announcements.edit.submit") : t("announcements.create.submit")}
            </Button>
          </div>
        </div>
      </form>
    </Form>
  );
}
