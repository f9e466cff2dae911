"use client";
/** Text for KYC values in the reader's language: ages, levels, countries and rejection reasons. */
import { useMemo } from "react";
import { countryName } from "@/lib/countries";
import { useLocale, useT } from "@/lib/i18n/client";
import type { KycReasonRow } from "@/server/kyc/types";
import { reasonLabel, splitHours } from "./kyc-format";

export function useKycText() {
  const t = useT();
  const locale = useLocale();
  return useMemo(
    () => ({
      /** "5h" / "2d 3h". */
      age(totalHours: number) {
        const { days, hours } = splitHours(totalHours);
        return days > 0 ? t("kyc.age.days", { days, hours }) : t("kyc.age.hours", { hours });
      },
      level: (level: number) => t("kyc.levelN", { level }),
      country: (code: string) => countryName(code, locale),
      /** A reason code as its label; a code no longer in the list shows as itself. */
      reason(code: string, reasons: readonly KycReasonRow[] | undefined) {
        const reason = reasons?.find((r) => r.code === code);
        return reason ? reasonLabel(reason, locale) : code;
      },
    }),
    [t, locale],
  );
}
