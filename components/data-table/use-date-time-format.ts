"use client";
/** A memoised date formatter in the portal's locale, for table cells and detail panes. */
import { useMemo } from "react";
import { useLocale } from "@/lib/i18n/client";

const PRESETS = {
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  /** Audit trails need the seconds. */
  dateTimeSeconds: { dateStyle: "medium", timeStyle: "medium" },
  date: { dateStyle: "medium" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export function useDateTimeFormat(preset: keyof typeof PRESETS = "dateTime"): Intl.DateTimeFormat {
  const locale = useLocale();
  return useMemo(() => new Intl.DateTimeFormat(locale, PRESETS[preset]), [locale, preset]);
}
