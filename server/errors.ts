/**
 * The one error type services throw. Routers, the REST API and jobs map it in one place
 * (tRPC: `server/trpc.ts`), so a page can show the message and put it on the named field.
 */
import "server-only";

export const APP_ERROR_CODES = [
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHORIZED",
  "CONFLICT",
  "VALIDATION",
  "RATE_LIMITED",
  "EXCHANGE_ERROR",
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Form field the message belongs to, when the error is about one input. */
  readonly field?: string;

  constructor(code: AppErrorCode, message: string, options: { field?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.field = options.field;
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`);
export const invalid = (field: string, message: string) => new AppError("VALIDATION", message, { field });
