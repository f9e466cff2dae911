import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { classifyOkx, OkxError, toAppError } from "./errors";

describe("classifyOkx", () => {
  it.each([
    ["50011", 429, "rate_limited"],
    ["51115", 429, "permanent"],
    ["50101", 401, "auth"],
    ["50105", 401, "auth"],
    ["50113", 401, "auth"],
    ["50114", 401, "auth"],
    ["53000", 400, "auth"],
    ["53014", 401, "auth"],
    ["53011", 400, "parameter"],
    ["50014", 400, "parameter"],
    ["51000", 400, "parameter"],
    ["51001", 200, "parameter"],
    ["50001", 503, "transient"],
    ["50004", 200, "transient"],
    ["50013", 200, "transient"],
    ["50026", 500, "transient"],
    ["HTTP_502", 502, "transient"],
    ["59000", 200, "permanent"],
  ] as const)("%s (HTTP %s) is %s", (code, status, kind) => {
    expect(classifyOkx(code, status)).toBe(kind);
  });
});

describe("toAppError", () => {
  const e = (code: string, httpStatus: number, extra: Partial<ConstructorParameters<typeof OkxError>[0]> = {}) =>
    toAppError(new OkxError({ code, msg: "m", httpStatus, endpoint: "createApiKey", ...extra }));

  it("maps kinds onto the AppError codes services use", () => {
    expect(e("50011", 429)).toMatchObject({ code: "RATE_LIMITED" });
    expect(e("51000", 400, { fields: ["subAcct"] })).toMatchObject({ code: "VALIDATION", field: "subAcct" });
    expect(e("50113", 401)).toMatchObject({ code: "EXCHANGE_ERROR" });
    expect(e("50026", 500)).toMatchObject({ code: "EXCHANGE_ERROR" });
    expect(e("59000", 200)).toBeInstanceOf(AppError);
  });

  it("tells the caller to check before retrying when a creating call's outcome is unknown", () => {
    expect(e("TIMEOUT", 0, { kind: "transient", outcomeUnknown: true }).message).toMatch(/may have succeeded/);
  });

  it("gives a reason with OKX's code and message as params, worded as before in English", () => {
    expect(e("51000", 400)).toMatchObject({
      reason: "exchange.errors.parameterRefused",
      params: { msg: "m", code: "51000" },
      message: "The exchange refused the request: m (OKX 51000)",
    });
    expect(e("59000", 200, { msg: "" })).toMatchObject({
      reason: "exchange.errors.requestRefusedNoMessage",
      params: { code: "59000" },
      message: "The exchange refused the request: no message (OKX 59000)",
    });
    expect(e("50113", 401)).toMatchObject({ reason: "exchange.errors.credentialsRefused", message: "The exchange refused the brand's credentials: m (OKX 50113)" });
    expect(e("50026", 500)).toMatchObject({ reason: "exchange.errors.unavailable", message: "The exchange is temporarily unavailable: m (OKX 50026)" });
    expect(e("50011", 429)).toMatchObject({ reason: "exchange.errors.rateLimited", message: "The exchange is rate limiting createApiKey; try again shortly" });
    expect(e("TIMEOUT", 0, { kind: "transient", outcomeUnknown: true })).toMatchObject({
      reason: "exchange.errors.outcomeUnknown",
      message: "The exchange did not answer in time and the request may have succeeded; check before retrying (TIMEOUT)",
    });
  });
});
