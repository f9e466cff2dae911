/**
 * Text as people type it, checked at the edge: PostgreSQL refuses NUL in text and JSON, and a lone UTF-16
 * surrogate cannot be stored as typed (the driver turns it into U+FFFD, or the query fails), so neither
 * may reach a service. Client-safe: forms run the same checks. Every free-text input is built from these.
 */
import { z } from "zod";

/** Tab, line feed and carriage return: the controls a multi-line text keeps. */
const LINE_CONTROLS = new Set([0x09, 0x0a, 0x0d]);
/** A high surrogate without a low one after it, or a low one without a high one before it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Well-formed UTF-16 (String.prototype.isWellFormed, which not every supported browser has). */
export const isWellFormed = (text: string) => !LONE_SURROGATE.test(text);
/** C0 controls (NUL among them) and DEL; multi-line text may hold tab and line breaks. */
export function hasControlCharacters(text: string, multiline = false): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x7f || (code < 0x20 && !(multiline && LINE_CONTROLS.has(code)))) return true;
  }
  return false;
}
/** Storable as typed: well-formed, and no control characters (but tab and line breaks in multi-line text). */
export const isPlainText = (text: string, multiline = false) => isWellFormed(text) && !hasControlCharacters(text, multiline);

export const TEXT_ERRORS = {
  control: "Remove the control characters from this text",
  illFormed: "This text contains broken characters (unpaired UTF-16 surrogates)",
} as const;

/** The check behind every text block, for a string schema that needs its own shape: `.check(plainText())`. */
export const plainText = (options: { multiline?: boolean } = {}) =>
  z.superRefine<string>((value, ctx) => {
    if (!isWellFormed(value)) ctx.addIssue({ code: "custom", message: TEXT_ERRORS.illFormed, input: value });
    else if (hasControlCharacters(value, options.multiline)) ctx.addIssue({ code: "custom", message: TEXT_ERRORS.control, input: value });
  });

export interface TextOptions {
  /** Fewest characters once trimmed (default 0). */
  min?: number;
  /** Allows tab and line breaks (notes, descriptions). */
  multiline?: boolean;
  /** Message when the value is missing or not a string. */
  required?: string;
  /** Message when it is shorter than `min`; defaults to `required`. */
  tooShort?: string;
  tooLong?: string;
}

const params = (error: string | undefined) => (error ? { error } : undefined);

/** Trimmed text of `min`..`max` characters, well-formed and free of control characters. */
export function zText(max: number, options: TextOptions = {}) {
  const { min = 0, multiline = false, required, tooShort = required, tooLong } = options;
  const base = z.string(params(required)).trim();
  return (min > 0 ? base.min(min, params(tooShort)) : base).max(max, params(tooLong)).check(plainText({ multiline }));
}

/** Optional text: absent, or "" (an empty form field or URL parameter), is undefined. */
export const zOptionalText = (max: number, options: TextOptions = {}) =>
  z.preprocess((v) => (v === "" ? undefined : v), zText(max, options).optional());

/** A search box: optional, trimmed, one line; what it may match is the service's business. */
export const zSearchTerm = (max = 200) => zText(max).optional();

/** A secret as typed (passwords, passphrases): never trimmed, but as storable and bounded as any text. */
export const zSecret = (max: number, required?: string) => z.string(params(required)).max(max).check(plainText());
