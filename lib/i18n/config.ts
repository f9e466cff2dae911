/** Locales of the portal. The seeds' users work in Simplified Chinese; English is the default. */
export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "bd-locale";
export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);
