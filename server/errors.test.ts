import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { describe, expect, it } from "vitest";
import { AppError, APP_ERROR_CODES, httpStatusOf, notFound, trpcCodeOf } from "./errors";

describe("one error-to-status map", () => {
  it.each(APP_ERROR_CODES)("%s answers the same status through tRPC as through a route", (code) => {
    const error = new AppError(code, `errors.generic.${code}`);
    expect(getHTTPStatusCodeFromError(new TRPCError({ code: trpcCodeOf(error), cause: error }))).toBe(httpStatusOf(error));
  });

  it("gives conflicts 409 and rate limits 429 (an export used to answer 400 for both)", () => {
    expect(httpStatusOf(new AppError("CONFLICT", "errors.generic.CONFLICT"))).toBe(409);
    expect(httpStatusOf(new AppError("RATE_LIMITED", "errors.generic.RATE_LIMITED"))).toBe(429);
  });
});

describe("AppError reasons", () => {
  it("words the English message from the reason's template and keeps the reason and params for the browser", () => {
    const error = notFound("customer");
    expect(error).toMatchObject({ code: "NOT_FOUND", reason: "errors.notFound.customer", message: "Customer not found", params: {} });
  });

  it("fills the reason's placeholders from params", () => {
    const error = new AppError("VALIDATION", "errors.invalidField", { field: "email", params: { field: "email" } });
    expect(error.message).toBe("Check the field “email” and try again");
    expect(error.field).toBe("email");
  });
});
