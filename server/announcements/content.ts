/**
 * An announcement's content in and out of its JSON column: built from the input (titles to plain text, Markdown
 * to sanitised HTML), read back defensively, its desk state from status and window, and the language a
 * customer gets.
 */
import "server-only";
import { AppError, invalid } from "../errors";
import { ANNOUNCEMENT_LOCALES, isAnnouncementLocale, type AnnouncementContentInput, type AnnouncementLocale, type AnnouncementState, type AnnouncementStatus } from "@/lib/announcements/schemas";
import { plainTitle, renderAnnouncementBody } from "./sanitize";
import type { AnnouncementContent, AnnouncementLocaleContent, AnnouncementPreview } from "./types";

/** The stored content of the languages given, each title as plain text and each body with its HTML. */
export function buildContent(input: AnnouncementContentInput): AnnouncementContent {
  const content: AnnouncementContent = {};
  for (const locale of ANNOUNCEMENT_LOCALES) {
    const written = input[locale];
    if (!written) continue;
    const title = plainTitle(written.title);
    // A title of nothing but markup ("<b></b>") is empty once it is plain text.
    if (!title) throw invalid(`content.${locale}.title`, "announcements.errors.titleEmpty");
    content[locale] = { title, body: written.body, html: renderAnnouncementBody(written.body) };
  }
  return content;
}

/** Per language, what a customer would see (nothing is saved). */
export function previewOf(input: Partial<Record<AnnouncementLocale, { title: string; body: string }>>): AnnouncementPreview {
  const preview: AnnouncementPreview = {};
  for (const locale of ANNOUNCEMENT_LOCALES) {
    const written = input[locale];
    if (written) preview[locale] = { title: plainTitle(written.title), html: renderAnnouncementBody(written.body) };
  }
  return preview;
}

/** Customers without an announcement in their language get the brand's default one: it must be written. */
export function requireDefaultLanguage(content: AnnouncementContent, defaultLanguage: string) {
  if (isAnnouncementLocale(defaultLanguage) && !content[defaultLanguage]) {
    throw new AppError("VALIDATION", "announcements.errors.defaultLanguageMissing", { field: `content.${defaultLanguage}.title`, params: { language: defaultLanguage } });
  }
}

const isLocaleContent = (value: unknown): value is AnnouncementLocaleContent =>
  !!value && typeof value === "object" && ["title", "body", "html"].every((k) => typeof (value as Record<string, unknown>)[k] === "string");

/** The stored JSON as content: languages it does not know, or entries of the wrong shape, are left out. */
export function readContent(json: unknown): AnnouncementContent {
  const content: AnnouncementContent = {};
  if (!json || typeof json !== "object" || Array.isArray(json)) return content;
  for (const locale of ANNOUNCEMENT_LOCALES) {
    const entry = (json as Record<string, unknown>)[locale];
    if (isLocaleContent(entry)) content[locale] = { title: entry.title, body: entry.body, html: entry.html };
  }
  return content;
}

/** A name for the announcement where one language must do (the audit log): its first title. */
export function titleOf(json: unknown): string {
  const content = readContent(json);
  return content[localesOf(content)[0] ?? "en"]?.title ?? "";
}

export const localesOf = (content: AnnouncementContent): AnnouncementLocale[] => ANNOUNCEMENT_LOCALES.filter((locale) => content[locale]);

/** The customer's language, else the brand's default, else the first written. */
export function pickLocale(content: AnnouncementContent, customerLanguage: string, defaultLanguage: string): AnnouncementLocale | null {
  for (const wanted of [customerLanguage, defaultLanguage]) if (isAnnouncementLocale(wanted) && content[wanted]) return wanted;
  return localesOf(content)[0] ?? null;
}

/** The desk's word for where an announcement is, at `now`. */
export function stateOf(a: { status: AnnouncementStatus; startsAt: Date; endsAt: Date | null }, now: Date): AnnouncementState {
  if (a.status !== "published") return a.status;
  if (a.startsAt.getTime() > now.getTime()) return "scheduled";
  if (a.endsAt && a.endsAt.getTime() <= now.getTime()) return "ended";
  return "live";
}
