"use client";
/** Puts a refused mutation's field errors on the form (in the reader's language); returns what no field could take. */
import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";
import type { Translate } from "@/lib/i18n/translate";
import { describeTrpcError } from "@/lib/trpc/errors";

export function placeServerErrors<T extends FieldValues>(setError: UseFormSetError<T>, error: unknown, fields: readonly string[], t: Translate): string | null {
  const { message, field, fieldErrors } = describeTrpcError(error, t);
  const entries = Object.entries(fieldErrors).filter(([name]) => fields.includes(name));
  if (field && fields.includes(field) && !entries.some(([name]) => name === field)) entries.push([field, message]);
  entries.forEach(([name, text], i) => setError(name as FieldPath<T>, { type: "server", message: text }, { shouldFocus: i === 0 }));
  return entries.length ? null : message;
}
