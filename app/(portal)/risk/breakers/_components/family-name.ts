"use client";
/** Words for an exchange area (endpoint family) and other codes the dictionary may not know yet. */
import { useT } from "@/lib/i18n/client";
import type { MessageKey, Translate } from "@/lib/i18n/translate";

/** The dictionary's words for `key`, or `code` itself when it has none (a family added since). */
export function orCode(t: Translate, key: string, code: string) {
  const words = t(key as MessageKey);
  return words === key ? code : words;
}

/** The exchange area's name, or its code when the dictionary has none. */
export function useFamilyName() {
  const t = useT();
  return (family: string) => orCode(t, `exchange.breakers.families.${family}`, family);
}
