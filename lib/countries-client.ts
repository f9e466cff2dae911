"use client";
/** Country options for pickers, in the reader's language. */
import { useMemo } from "react";
import { countryOptions } from "@/lib/countries";
import { useLocale } from "@/lib/i18n/client";

/** Every country, or only `only`, sorted by name in the reader's language. */
export function useCountryOptions(only?: readonly string[]) {
  const locale = useLocale();
  const onlyKey = only?.join(",");
  return useMemo(() => {
    const all = countryOptions(locale);
    if (onlyKey === undefined) return all;
    const allowed = new Set(onlyKey ? onlyKey.split(",") : []);
    return all.filter((o) => allowed.has(o.value));
  }, [locale, onlyKey]);
}
