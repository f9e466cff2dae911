/**
 * Reading a refusal on the client: the message to show in the reader's language and, for validation
 * errors, the field it belongs to (from the service's AppError or the input's zod error), so forms can put
 * it on that field. The message comes from the refusal's `reason` key and `params`, never from the
 * server's English text; `reason` is also what a page branches on (e.g. "kyc.errors.staleVersion").
 */
import { TRPCClientError } from "@trpc/client";
import { translateDynamic, type Translate } from "@/lib/i18n/translate";

/** What server/trpc.ts's error formatter and server/http/route.ts send for an AppError. */
export interface RefusalData {
  code: string;
  field: string | null;
  reason: string;
  params?: Record<string, string | number>;
}

interface ErrorData {
  code?: string;
  appError?: RefusalData | null;
  zodError?: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> } | null;
}

export interface DescribedError {
  message: string;
  field: string | null;
  /** The AppError's code (NOT_FOUND, CONFLICT …), else tRPC's (BAD_REQUEST for invalid input). */
  code: string | null;
  /** The AppError's reason key, when the server gave one. */
  reason: string | null;
  fieldErrors: Record<string, string>;
}

/** A reason in the reader's language; an unknown reason (a newer server) falls back to its code's. */
export function translateReason(t: Translate, refusal: Pick<RefusalData, "code" | "reason" | "params">): string {
  const generic = translateDynamic(t, `errors.generic.${refusal.code}`, t("common.error"));
  const text = translateDynamic(t, refusal.reason, generic);
  return refusal.params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in refusal.params! ? String(refusal.params![name]) : m)) : text;
}

/** The refusal's code (NOT_FOUND, CONFLICT … or tRPC's), for pages that only branch on it. */
export function errorCodeOf(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = (error.data ?? {}) as ErrorData;
  return data.appError?.code ?? data.code ?? null;
}

export function describeTrpcError(error: unknown, t: Translate): DescribedError {
  if (!(error instanceof TRPCClientError)) {
    // No answer from the server (offline, timed out): nothing of the server's to translate.
    return { message: t("errors.unreachable"), field: null, code: null, reason: null, fieldErrors: {} };
  }
  const data = (error.data ?? {}) as ErrorData;
  const refusal = data.appError ?? null;
  const fieldErrors: Record<string, string> = {};
  // Zod messages name the rule in English; forms replace them with their own per-field keys.
  for (const [field, messages] of Object.entries(data.zodError?.fieldErrors ?? {})) {
    if (messages?.[0]) fieldErrors[field] = t("errors.invalidField", { field });
  }
  const translated = refusal ? translateReason(t, refusal) : null;
  const field = refusal?.field ?? Object.keys(fieldErrors)[0] ?? null;
  if (refusal?.field && translated) fieldErrors[refusal.field] = translated;
  const message = translated ?? (data.zodError ? t("errors.invalidInput") : translateDynamic(t, `errors.generic.${data.code}`, t("errors.internal")));
  return { message, field, code: refusal?.code ?? data.code ?? null, reason: refusal?.reason ?? null, fieldErrors };
}

/** A route handler's JSON refusal (server/http/route.ts), or null when the body is not one. */
export function readRefusal(body: unknown): RefusalData | null {
  if (!body || typeof body !== "object") return null;
  const { code, reason, field, params } = body as Record<string, unknown>;
  if (typeof code !== "string" || typeof reason !== "string") return null;
  return {
    code,
    reason,
    field: typeof field === "string" ? field : null,
    params: params && typeof params === "object" ? (params as Record<string, string | number>) : undefined,
  };
}
