/**
 * Typed message look-up. Messages are nested objects per namespace; keys are dotted paths
 * ("staff.create.title"), checked at compile time. `{name}` placeholders are filled from `vars`.
 * Chinese dictionaries are typed against the English ones, so a missing translation fails typecheck.
 */
import type { Locale } from "./config";
import { messages, type Messages } from "./messages";

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Messages>;
export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

function lookup(tree: unknown, key: string): string | undefined {
  let node = tree;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

export function createTranslator(locale: Locale): Translate {
  const dictionary = messages[locale];
  return (key, vars) => {
    const template = lookup(dictionary, key) ?? lookup(messages.en, key) ?? key;
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
  };
}

/** For keys built at run time (e.g. from an enum value); falls back to the raw value. */
export function translateDynamic(t: Translate, key: string, fallback: string): string {
  const out = t(key as MessageKey);
  return out === key ? fallback : out;
}
