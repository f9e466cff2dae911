"use client";
/**
 * Form errors in the reader's language. The procedures' zod schemas (shared with the server) carry
 * English messages, and services report errors such as "slug already used" in English too, so each form
 * names one message key per field for invalid input and, where a service can refuse a field, one for that.
 * Server field names may be dotted ("admin.email"), which is also how react-hook-form names nested fields.
 */
import { get, type FieldErrors, type FieldPath, type FieldValues, type Resolver, type UseFormSetError } from "react-hook-form";
import { useLocale, useT } from "@/lib/i18n/client";
import type { MessageKey, Translate, TranslateVars } from "@/lib/i18n/translate";
import { describeTrpcError } from "@/lib/trpc/errors";

/** A field's message: one key for any failure, or one per zod issue code ("too_small", "custom"…; "*": any other). */
export type FieldMessage = MessageKey | Partial<Record<string, MessageKey>>;

export interface FieldMessages<T extends FieldValues> {
  /** Shown for a validation failure of the field. */
  invalid: Partial<Record<FieldPath<T>, FieldMessage>>;
  /** Shown when a service refuses the field (an AppError naming it), e.g. a slug already taken. */
  refused?: Partial<Record<FieldPath<T>, MessageKey>>;
  /** Values of the messages' placeholders ("{min}"). */
  vars?: TranslateVars;
}

/** The key for an issue of `type`; a per-code message without that code (a server refusal) uses "*" or its first. */
function keyFor(message: FieldMessage | undefined, type: string): MessageKey | undefined {
  if (message === undefined || typeof message === "string") return message;
  return message[type] ?? message["*"] ?? Object.values(message)[0];
}

/**
 * Wraps a resolver so its field messages come from the dictionary: a field named in `invalid` shows its
 * key; any other failing field shows the schema's own (English) words in English and a generic "check this
 * value" in any other language, so no English reaches a reader of another language.
 */
export function useLocalizedResolver<TIn extends FieldValues, TOut>(
  resolver: Resolver<TIn, unknown, TOut>,
  messages: FieldMessages<TIn>,
): Resolver<TIn, unknown, TOut> {
  const t = useT();
  const locale = useLocale();
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    localize(result.errors, messages, t);
    if (locale !== "en") replaceUntranslated(result.errors, new Set(Object.keys(messages.invalid)), t("common.invalidValue"));
    return result;
  };
}

function localize<T extends FieldValues>(errors: FieldErrors<T>, messages: FieldMessages<T>, t: Translate) {
  for (const [name, message] of Object.entries(messages.invalid) as [string, FieldMessage | undefined][]) {
    const error: { message?: string; type?: string } | undefined = get(errors, name);
    const key = error ? keyFor(message, String(error.type ?? "")) : undefined;
    if (error && key) error.message = t(key, messages.vars);
  }
}

/** Every error object below `errors` (nested and array fields too) whose path has no key of its own. */
function replaceUntranslated(errors: unknown, translated: ReadonlySet<string>, generic: string, path = "") {
  if (!errors || typeof errors !== "object") return;
  const node = errors as Record<string, unknown>;
  if (typeof node.message === "string" && "type" in node) {
    if (!translated.has(path)) node.message = generic;
    return;
  }
  for (const [name, child] of Object.entries(node)) {
    if (name === "ref") continue;
    replaceUntranslated(child, translated, generic, path ? `${path}.${name}` : name);
  }
}

/**
 * Puts a failed mutation's field errors on the form's fields (the first one gets focus) and returns
 * the message no field could take, for the caller to show; null when every error found its field.
 */
export function applyServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  error: unknown,
  messages: FieldMessages<T>,
  t: Translate,
): string | null {
  const { message, code, fieldErrors } = describeTrpcError(error, t);
  const fromService = code !== "BAD_REQUEST"; // zod input errors arrive as BAD_REQUEST, AppErrors with their own code
  let placed = 0;
  for (const [name, text] of Object.entries(fieldErrors)) {
    if (!(name in messages.invalid)) continue; // not a field of this form
    const field = name as FieldPath<T>;
    // A service refusal without its own key keeps the server's words rather than a misleading "invalid".
    const key = fromService ? messages.refused?.[field] : keyFor(messages.invalid[field], "server");
    setError(field, { type: "server", message: key ? t(key, messages.vars) : text }, { shouldFocus: placed === 0 });
    placed++;
  }
  return placed > 0 ? null : message;
}
