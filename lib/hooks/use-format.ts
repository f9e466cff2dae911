"use client";
/** lib/format's functions bound to the portal's locale: `const f = useFormat(); f.money(row.amount, "USDT")`. */
import { useMemo } from "react";
import { useLocale } from "@/lib/i18n/client";
import {
  dateFormatter,
  formatDate,
  formatDecimal,
  formatMoney,
  formatMoneyFull,
  formatNumber,
  type DatePreset,
  type DecimalFormatOptions,
} from "@/lib/format";

export function useFormat() {
  const locale = useLocale();
  return useMemo(
    () => ({
      locale,
      number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, locale, options),
      decimal: (value: string, options?: DecimalFormatOptions) => formatDecimal(value, locale, options),
      money: (value: string, currency?: string | null, options?: DecimalFormatOptions) => formatMoney(value, currency, locale, options),
      moneyFull: (value: string, currency?: string | null, options?: DecimalFormatOptions) => formatMoneyFull(value, currency, locale, options),
      date: (value: Date | string | number, preset?: DatePreset) => formatDate(value, locale, preset),
      dateFormatter: (preset?: DatePreset) => dateFormatter(locale, preset),
    }),
    [locale],
  );
}
