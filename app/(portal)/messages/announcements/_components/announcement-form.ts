/**
 * The editor's values and schema: every language's title and text as typed (a language left empty is not
 * written), the times as the date pickers give them (the reader's local time), turned into the procedure's
 * input and checked by the procedure's own schema, with each problem worded in the reader's language on its
 * field. Field names equal the procedure's ("content.zh-CN.title"), so a server refusal naming one lands on it.
 */
import { z } from "zod";
import { formatDateValue } from "@/components/ui/date-picker";
import type { FieldMessages } from "@/lib/forms/field-errors";
import type { Translate } from "@/lib/i18n/translate";
import {
  ANNOUNCEMENT_LOCALES,
  BODY_MAX,
  MAX_AUDIENCE_GROUPS,
  TITLE_MAX,
  ZCreateAnnouncementInput,
  type AnnouncementLocale,
  type CreateAnnouncementInput,
} from "@/lib/announcements/schemas";
import type { AnnouncementRow } from "@/server/announcements/types";

export interface AnnouncementFormValues {
  content: Record<AnnouncementLocale, { title: string; body: string }>;
  /** "2026-11-22T10:05" in the reader's time zone, as the date picker gives it. */
  startsAt: string;
  /** The same, or "" for no end. */
  endsAt: string;
  pinned: boolean;
  popup: boolean;
  groupIds: string[];
}

/** What the form hands the create and update procedures. */
export type AnnouncementFormOutput = z.output<typeof ZCreateAnnouncementInput>;
type Output = AnnouncementFormOutput;

const emptyContent = () => Object.fromEntries(ANNOUNCEMENT_LOCALES.map((l) => [l, { title: "", body: "" }])) as AnnouncementFormValues["content"];

/** A new announcement: starting now, no end, for everyone. */
export function emptyForm(now = new Date()): AnnouncementFormValues {
  return { content: emptyContent(), startsAt: formatDateValue(now, "datetime"), endsAt: "", pinned: false, popup: false, groupIds: [] };
}

/** A saved announcement as the form shows it. */
export function formValuesOf(row: AnnouncementRow): AnnouncementFormValues {
  const content = emptyContent();
  for (const locale of ANNOUNCEMENT_LOCALES) {
    const written = row.content[locale];
    if (written) content[locale] = { title: written.title, body: written.body };
  }
  return {
    content,
    startsAt: formatDateValue(row.startsAt, "datetime"),
    endsAt: row.endsAt ? formatDateValue(row.endsAt, "datetime") : "",
    pinned: row.pinned,
    popup: row.popup,
    groupIds: row.groupIds,
  };
}

const blank = (text: string) => text.trim() === "";
/** The languages the reader has started writing in. */
export const writtenLocales = (content: AnnouncementFormValues["content"]) => ANNOUNCEMENT_LOCALES.filter((l) => !blank(content[l].title) || !blank(content[l].body));

/** The content the procedure takes: only the languages written. */
export function contentInput(content: AnnouncementFormValues["content"]): CreateAnnouncementInput["content"] {
  return Object.fromEntries(writtenLocales(content).map((l) => [l, content[l]]));
}

/** The placeholders of the limits' messages. */
const LIMITS = { titleMax: TITLE_MAX, bodyMax: BODY_MAX, groupsMax: MAX_AUDIENCE_GROUPS };

const pathOf = (issue: z.core.$ZodIssue) => issue.path.map(String).join(".");

function messageOf(t: Translate, issue: z.core.$ZodIssue, defaultLanguage: AnnouncementLocale): { path: string; message: string } {
  const path = pathOf(issue);
  const [first, , part] = issue.path.map(String);
  if (first === "content" && (part === "title" || part === "body")) {
    const which = part === "title" ? { required: "titleRequired", tooLong: "titleTooLong" } : { required: "bodyRequired", tooLong: "bodyTooLong" };
    const key = issue.code === "too_big" ? which.tooLong : issue.code === "custom" ? "badText" : which.required;
    return { path, message: t(`announcements.form.invalid.${key as "titleRequired"}`, LIMITS) };
  }
  if (first === "content") {
    return { path: `content.${defaultLanguage}.title`, message: t("announcements.form.invalid.languageRequired", { language: t(`announcements.languages.${defaultLanguage}`) }) };
  }
  if (first === "endsAt") return { path, message: t(issue.code === "custom" ? "announcements.form.invalid.endsBeforeStart" : "announcements.form.invalid.endsAt") };
  if (first === "groupIds") return { path: "groupIds", message: t("announcements.form.invalid.groups", LIMITS) };
  return { path: "startsAt", message: t("announcements.form.invalid.startsAt") };
}

/**
 * The form's schema: the boxes as typed → the create input. A language with only a title or only a text is
 * refused on the empty part; the brand's default language must be written (the server checks it again).
 */
export function announcementFormSchema(t: Translate, defaultLanguage: AnnouncementLocale) {
  const boxes = z.object({
    content: z.record(z.enum(ANNOUNCEMENT_LOCALES), z.object({ title: z.string(), body: z.string() })),
    startsAt: z.string(),
    endsAt: z.string(),
    pinned: z.boolean(),
    popup: z.boolean(),
    groupIds: z.array(z.string()),
  });
  return boxes.transform((v, ctx): Output => {
    const issues: { path: string; message: string }[] = [];
    for (const locale of writtenLocales(v.content)) {
      for (const part of ["title", "body"] as const) {
        if (blank(v.content[locale][part])) issues.push({ path: `content.${locale}.${part}`, message: t("announcements.form.invalid.bothOrNeither") });
      }
    }
    if (!writtenLocales(v.content).includes(defaultLanguage)) {
      issues.push({ path: `content.${defaultLanguage}.title`, message: t("announcements.form.invalid.languageRequired", { language: t(`announcements.languages.${defaultLanguage}`) }) });
    }
    const parsed = ZCreateAnnouncementInput.safeParse({ ...v, content: contentInput(v.content), endsAt: v.endsAt || null });
    if (!parsed.success) for (const issue of parsed.error.issues) issues.push(messageOf(t, issue, defaultLanguage));
    if (parsed.success && issues.length === 0) return parsed.data;
    const seen = new Set<string>();
    for (const issue of issues) {
      if (seen.has(issue.path)) continue; // one message per field: the first problem
      seen.add(issue.path);
      ctx.addIssue({ code: "custom", path: issue.path.split("."), message: issue.message });
    }
    return z.NEVER;
  });
}

/** The language tab a field belongs to, to open it when that field is refused. */
export const localeOfField = (name: string): AnnouncementLocale | null => ANNOUNCEMENT_LOCALES.find((l) => name.startsWith(`content.${l}.`)) ?? null;

const fieldKeys = (locale: AnnouncementLocale) =>
  ({
    [`content.${locale}.title`]: { too_big: "announcements.form.invalid.titleTooLong", "*": "announcements.form.invalid.titleRequired" },
    [`content.${locale}.body`]: { too_big: "announcements.form.invalid.bodyTooLong", "*": "announcements.form.invalid.bodyRequired" },
  }) as const;

/** Where server refusals go: invalid input in the form's words; a service refusal (default language, markup-only title, unknown group) in the server's. */
export const ANNOUNCEMENT_MESSAGES: FieldMessages<AnnouncementFormValues> = {
  invalid: {
    ...fieldKeys("en"),
    ...fieldKeys("zh-CN"),
    startsAt: "announcements.form.invalid.startsAt",
    endsAt: "announcements.form.invalid.endsAt",
    groupIds: "announcements.form.invalid.groups",
  },
  vars: LIMITS,
};
