/**
 * Reading a tRPC error on the client: the message to show and, for validation errors, the field it
 * belongs to (from the service's AppError or the input's zod error), so forms can put it on that field.
 */
import { TRPCClientError } from "@trpc/client";

interface ErrorData {
  code?: string;
  appError?: { code: string; field: string | null } | null;
  zodError?: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> } | null;
}

export function describeTrpcError(error: unknown): { message: string; field: string | null; code: string | null; fieldErrors: Record<string, string> } {
  if (!(error instanceof TRPCClientError)) {
    return { message: error instanceof Error ? error.message : String(error), field: null, code: null, fieldErrors: {} };
  }
  const data = (error.data ?? {}) as ErrorData;
  const fieldErrors: Record<string, string> = {};
  for (const [field, messages] of Object.entries(data.zodError?.fieldErrors ?? {})) {
    if (messages?.[0]) fieldErrors[field] = messages[0];
  }
  const field = data.appError?.field ?? Object.keys(fieldErrors)[0] ?? null;
  if (data.appError?.field) fieldErrors[data.appError.field] = error.message;
  const message = data.zodError ? (Object.values(fieldErrors)[0] ?? error.message) : error.message;
  return { message, field, code: data.appError?.code ?? data.code ?? null, fieldErrors };
}
