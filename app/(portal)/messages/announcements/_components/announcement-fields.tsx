"use client";
/**
 * The editor's fields: one language's title and Markdown beside its live preview, and the settings (start,
 * end, pinned, pop-up, the groups it is for). Dates are the reader's local time, which the pickers state.
 */
import { useQuery } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import type { Control } from "react-hook-form";
import { DateField, TextareaField, TextField } from "@/components/form-dialog";
import { Checkbox } from "@/components/ui/checkbox";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Switch } from "@/components/ui/switch";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { BODY_MAX, TITLE_MAX, type AnnouncementLocale } from "@/lib/announcements/schemas";
import type { AnnouncementPreview } from "@/server/announcements/types";
import type { AnnouncementFormOutput, AnnouncementFormValues } from "./announcement-form";
import { CustomerView } from "./customer-view";

type FormControlOf = Control<AnnouncementFormValues, unknown, AnnouncementFormOutput>;

interface LocaleFieldsProps {
  control: FormControlOf;
  locale: AnnouncementLocale;
  disabled: boolean;
  written: boolean;
  preview: AnnouncementPreview | null;
  previewFailed: boolean;
  updating: boolean;
  pinned: boolean;
  popup: boolean;
}

export function LocaleFields({ control, locale, disabled, written, preview, previewFailed, updating, pinned, popup }: LocaleFieldsProps) {
  const t = useT();
  const shown = written ? preview?.[locale] : undefined;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="grid content-start gap-4">
        <TextField
          control={control}
          name={`content.${locale}.title`}
          label={t("announcements.form.titleField")}
          hint={t("announcements.form.titleHint", { max: TITLE_MAX })}
          input={{ lang: locale, maxLength: TITLE_MAX, disabled, autoComplete: "off" }}
        />
        <TextareaField
          control={control}
          name={`content.${locale}.body`}
          label={t("announcements.form.body")}
          hint={t("announcements.form.bodyHint")}
          textarea={{ lang: locale, rows: 14, maxLength: BODY_MAX, disabled, className: "min-h-64 font-mono text-sm" }}
        />
      </div>
      <section aria-labelledby={`preview-${locale}`} aria-busy={updating} className="grid content-start gap-2">
        <div className="flex items-baseline justify-between gap-2">
          <h3 id={`preview-${locale}`} className="text-sm font-medium">
            {t("announcements.form.preview")}
          </h3>
          <span className="flex items-center gap-1 text-xs text-muted-foreground">
            {updating && written && <LoaderCircle className="size-3 animate-spin" aria-hidden />}
            {t("announcements.form.previewHint")}
          </span>
        </div>
        {previewFailed && <p className="text-sm text-destructive">{t("announcements.form.previewError")}</p>}
        {shown ? (
          <CustomerView title={shown.title} html={shown.html} pinned={pinned} popup={popup} lang={locale} className="bg-muted/30" />
        ) : (
          <p className="rounded-xl border border-dashed p-4 text-sm text-muted-foreground">{t("announcements.form.previewEmpty")}</p>
        )}
      </section>
    </div>
  );
}

function SwitchField({ control, name, label, hint, disabled }: { control: FormControlOf; name: "pinned" | "popup"; label: string; hint: string; disabled: boolean }) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem className="flex items-start justify-between gap-4">
          <div className="grid gap-1">
            <FormLabel>{label}</FormLabel>
            <FormDescription>{hint}</FormDescription>
          </div>
          <FormControl>
            <Switch ref={field.ref} checked={field.value} onCheckedChange={field.onChange} onBlur={field.onBlur} disabled={disabled} />
          </FormControl>
        </FormItem>
      )}
    />
  );
}

export function SettingsFields({ control, disabled }: { control: FormControlOf; disabled: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const groups = useQuery(trpc.customerGroup.list.queryOptions());
  return (
    <div className="grid gap-4">
      <DateField control={control} name="startsAt" label={t("announcements.form.startsAt")} picker={{ mode: "datetime", disabled }} />
      <DateField control={control} name="endsAt" label={t("announcements.form.endsAt")} hint={t("announcements.form.endsAtHint")} picker={{ mode: "datetime", disabled }} />
      <SwitchField control={control} name="pinned" label={t("announcements.form.pinned")} hint={t("announcements.form.pinnedHint")} disabled={disabled} />
      <SwitchField control={control} name="popup" label={t("announcements.form.popup")} hint={t("announcements.form.popupHint")} disabled={disabled} />
      <FormField
        control={control}
        name="groupIds"
        render={({ field }) => {
          const chosen = new Set(field.value);
          const toggle = (id: string, on: boolean) => field.onChange(on ? [...chosen, id] : [...chosen].filter((g) => g !== id));
          return (
            <FormItem>
              <FormLabel>{t("announcements.form.groups")}</FormLabel>
              <div role="group" aria-label={t("announcements.form.groups")} className="grid max-h-48 gap-2 overflow-y-auto rounded-md border p-3">
                {groups.isPending && <p className="text-sm text-muted-foreground">{t("announcements.form.groupsLoading")}</p>}
                {groups.isError && <p className="text-sm text-destructive">{t("announcements.form.groupsError")}</p>}
                {groups.data?.length === 0 && <p className="text-sm text-muted-foreground">{t("announcements.form.groupsNone")}</p>}
                {groups.data?.map((g) => (
                  <label key={g.id} className="flex items-center gap-2 text-sm">
                    <Checkbox checked={chosen.has(g.id)} onCheckedChange={(on) => toggle(g.id, on === true)} disabled={disabled} />
                    <span className="truncate" title={g.name}>
                      {g.name}
                    </span>
                  </label>
                ))}
              </div>
              <FormDescription>{t("announcements.form.groupsHint")}</FormDescription>
              <FormMessage />
            </FormItem>
          );
        }}
      />
    </div>
  );
}
