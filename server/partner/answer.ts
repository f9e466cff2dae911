/**
 * The partner API's answers: JSON, never cached, each with its request id; refusals in one shape
 *
 *   { "code": "<stable reason>", "message": "<words>", "field": "<input or header>" | null, "requestId": "…" }
 *
 * `code` is the refusal's stable reason (e.g. "partnerApi.errors.invalidSignature",
 * "bonuses.errors.customerNotActive.frozen"); `message` is English, or Chinese when the request's
 * Accept-Language prefers it. Statuses come from the one error map (server/errors.ts).
 */
import "server-only";
import { AppError, httpStatusOf } from "../errors";
import { createTranslator } from "@/lib/i18n/translate";

const translators = { en: createTranslator("en"), "zh-CN": createTranslator("zh-CN") };

export const localeOf = (headers: Headers): keyof typeof translators =>
  /^\s*zh\b/i.test(headers.get("accept-language") ?? "") ? "zh-CN" : "en";

export interface Answer {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export const json = (status: number, value: unknown, headers: Record<string, string> = {}): Answer => ({ status, body: JSON.stringify(value), headers });

/** Refusals HTTP has a more exact status for than their code's. */
const EXACT_STATUS: Partial<Record<string, number>> = {
  "partnerApi.errors.methodNotAllowed": 405,
  "partnerApi.errors.unsupportedMediaType": 415,
  "errors.bodyTooLarge": 413,
};

export function refusalAnswer(error: AppError, requestId: string, locale: keyof typeof translators): Answer {
  const status = EXACT_STATUS[error.reason] ?? httpStatusOf(error);
  const headers: Record<string, string> = {};
  if (error.code === "RATE_LIMITED") {
    headers["Retry-After"] = String(error.params.retryAfter ?? 1);
    if (error.params.limit !== undefined) {
      headers["X-RateLimit-Limit"] = String(error.params.limit);
      headers["X-RateLimit-Remaining"] = "0";
    }
  }
  if (error.code === "UNAVAILABLE" || (error.code === "CONFLICT" && error.reason === "partnerApi.errors.idempotencyInFlight")) headers["Retry-After"] = "1";
  const message = locale === "en" ? error.message : translators[locale](error.reason, error.params);
  return json(status, { code: error.reason, message, field: error.field ?? null, requestId }, headers);
}

export function toResponse(answer: Answer, requestId: string, extra: Record<string, string> = {}): Response {
  return new Response(answer.body, {
    status: answer.status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Request-Id": requestId, ...answer.headers, ...extra },
  });
}
