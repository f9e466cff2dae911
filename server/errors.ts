/**
 * The one error type services throw, and the one map from its code to an HTTP status and a tRPC code
 * (`httpStatusOf`, `trpcCodeOf`): tRPC (server/trpc.ts) and every route handler (server/http/route.ts)
 * use it, so a refusal answers the same status wherever it is met.
 *
 * An AppError carries a stable `reason` — a message key under `errors` or a domain's `<ns>.errors` — with
 * its `params`. The browser shows the reason in the reader's language (lib/trpc/errors.ts) and never
 * reads the message; the message is the English wording, for logs and API clients.
 */
import "server-only";

import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import type { MessageKey, TranslateVars } from "@/lib/i18n/translate";
import { createTranslator } from "@/lib/i18n/translate";

export const APP_ERROR_CODES = [
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHORIZED",
  "CONFLICT",
  "VALIDATION",
  "RATE_LIMITED",
  "EXCHANGE_ERROR",
  "UNAVAILABLE",
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** Each code's HTTP status and tRPC code, side by side so the two can never disagree. */
const STATUS: Record<AppErrorCode, { http: number; trpc: TRPC_ERROR_CODE_KEY }> = {
  VALIDATION: { http: 400, trpc: "BAD_REQUEST" },
  UNAUTHORIZED: { http: 401, trpc: "UNAUTHORIZED" },
  FORBIDDEN: { http: 403, trpc: "FORBIDDEN" },
  NOT_FOUND: { http: 404, trpc: "NOT_FOUND" },
  CONFLICT: { http: 409, trpc: "CONFLICT" },
  RATE_LIMITED: { http: 429, trpc: "TOO_MANY_REQUESTS" },
  EXCHANGE_ERROR: { http: 502, trpc: "BAD_GATEWAY" },
  UNAVAILABLE: { http: 503, trpc: "SERVICE_UNAVAILABLE" },
};

export const httpStatusOf = (error: AppError): number => STATUS[error.code].http;
export const trpcCodeOf = (error: AppError): TRPC_ERROR_CODE_KEY => STATUS[error.code].trpc;

/** A refusal's key in the dictionaries: the shared `errors.*` or a domain's `<ns>.errors.*`. */
export type ErrorReason = Extract<MessageKey, `errors.${string}` | `${string}.errors.${string}`>;
export type ErrorParams = TranslateVars;

const english = createTranslator("en");

export interface AppErrorOptions {
  /** Form field the refusal belongs to, when it is about one input. */
  field?: string;
  /** Values for the reason's `{placeholders}`: numbers, codes and names, never words to translate. */
  params?: ErrorParams;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly reason: ErrorReason;
  readonly params: ErrorParams;
  /** Form field the message belongs to, when the error is about one input. */
  readonly field?: string;

  constructor(code: AppErrorCode, reason: ErrorReason, options: AppErrorOptions = {}) {
    const params = options.params ?? {};
    super(english(reason, params), { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.reason = reason;
    this.params = params;
    this.field = options.field;
  }
}

type NotFoundThing = keyof typeof import("@/lib/i18n/messages/en/errors").errors.notFound;

export const notFound = (what: NotFoundThing) => new AppError("NOT_FOUND", `errors.notFound.${what}`);
/** The database could not be reached even after a retry (server/db/connection-errors.ts): "try again", not a 500. */
export const databaseUnavailable = (cause: unknown) => new AppError("UNAVAILABLE", "errors.databaseUnavailable", { cause });

export const invalid = (field: string, reason: ErrorReason, params?: ErrorParams) => new AppError("VALIDATION", reason, { field, params });
