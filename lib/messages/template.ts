/**
 * Message text with {{variables}}: which variables a text uses, whether they exist, and filling them in for
 * one customer in their language. Pure and client-safe: the composer flags unknown variables as you type,
 * and the server fills them when a customer reads the message. The result is plain text — whatever a
 * variable holds is never markup, so a name like "<script>" is shown as typed, not run.
 */
import { formatMoney } from "@/lib/format";
import { CUSTOMER_LANGUAGES } from "@/lib/customers/schemas";

export const MESSAGE_LOCALES = CUSTOMER_LANGUAGES;
export type MessageLocale = (typeof MESSAGE_LOCALES)[number];

export interface LocaleText {
  title: string;
  body: string;
}
/** A message's or template's text per language; at least one language. */
export type MessageContent = Partial<Record<MessageLocale, LocaleText>>;

/** Every customer has these. */
export const CUSTOMER_VARIABLES = ["name", "uid"] as const;

/** {{ name }}: letters, digits and underscores, spaces inside the braces allowed. */
const VARIABLE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The variables a text uses, in order of first use. */
export function variablesIn(text: string): string[] {
  const seen = new Set<string>();
  for (const match of text.matchAll(VARIABLE)) seen.add(match[1]!);
  return [...seen];
}

export interface UnknownVariable {
  /** "content.zh-CN.body" — the field the composer marks. */
  field: string;
  variable: string;
}

/** Each use of a variable the message cannot fill, with the field it is in. */
export function unknownVariables(content: MessageContent, allowed: readonly string[]): UnknownVariable[] {
  const unknown: UnknownVariable[] = [];
  for (const locale of MESSAGE_LOCALES) {
    const text = content[locale];
    if (!text) continue;
    for (const part of ["title", "body"] as const) {
      for (const variable of variablesIn(text[part])) {
        if (!allowed.includes(variable)) unknown.push({ field: `content.${locale}.${part}`, variable });
      }
    }
  }
  return unknown;
}

export const localesOf = (content: MessageContent): MessageLocale[] => MESSAGE_LOCALES.filter((locale) => content[locale] !== undefined);

/** The customer's language when the message has it, else the brand's default, else the first it has. */
export function pickLocale(content: MessageContent, wanted: string, brandDefault: string): MessageLocale {
  const has = localesOf(content);
  const found = has.find((l) => l === wanted) ?? has.find((l) => l === brandDefault) ?? has[0];
  if (!found) throw new Error("A message has no text in any language");
  return found;
}

/** A variable's value: text as it is, an amount formatted in the reader's language, or words per language. */
export type VariableValue = string | { amount: string; currency: string } | { words: Record<MessageLocale, string> };

export function fill(text: string, values: Record<string, VariableValue | undefined>, locale: string): string {
  return text.replace(VARIABLE, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    if (typeof value === "string") return value;
    if ("words" in value) return value.words[locale as MessageLocale] ?? value.words.en;
    return formatMoney(value.amount, value.currency, locale);
  });
}

/** The text a customer reads: their language (or the fallback), variables filled. */
export function render(content: MessageContent, locale: MessageLocale, values: Record<string, VariableValue | undefined>): LocaleText {
  const text = content[locale];
  if (!text) throw new Error(`The message has no ${locale} text`);
  return { title: fill(text.title, values, locale), body: fill(text.body, values, locale) };
}
