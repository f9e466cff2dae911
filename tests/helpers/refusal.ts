/**
 * What a refused call says, for tests that expect a refusal: the service's AppError, or — through tRPC —
 * its code, the field it names (from the AppError or the input's zod error), its reason key and message.
 */
import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { ZodError } from "zod";
import { AppError } from "@/server/errors";

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("expected a refusal"),
    (e: unknown) => e,
  );

/** The AppError a service call (or a tRPC call, as its cause) was refused with. */
export async function appRefusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await failure(promise);
  const cause = error instanceof TRPCError ? error.cause : error;
  expect(cause).toBeInstanceOf(AppError);
  return cause as AppError;
}

/** A tRPC call's refusal: its code, the field it names, its reason key and message. */
export async function trpcRefusal(promise: Promise<unknown>) {
  const error = await failure(promise);
  expect(error).toBeInstanceOf(TRPCError);
  const cause = (error as TRPCError).cause;
  const field = cause instanceof AppError ? cause.field : cause instanceof ZodError ? String(cause.issues[0]?.path[0]) : undefined;
  const reason = cause instanceof AppError ? cause.reason : undefined;
  return { code: (error as TRPCError).code, field, reason, message: (error as TRPCError).message };
}
