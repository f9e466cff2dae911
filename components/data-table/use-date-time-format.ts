"use client";
/** A memoised date formatter in the portal's locale, for table cells and detail panes. */
import { dateFormatter, type DatePreset } from "@/lib/format";
import { useLocale } from "@/lib/i18n/client";

/** Shared per locale and preset (lib/format caches them), so every cell formats with the same instance. */
export function useDateTimeFormat(preset: DatePreset = "dateTime"): Intl.DateTimeFormat {
  return dateFormatter(useLocale(), preset);
}
