/** Exchange refusals of API-key calls become AppErrors on the form's fields (server/api-keys/exchange-errors.ts). */
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { OkxError } from "../exchange/okx";
import { exchangeRefusal, isUnknownKeyError } from "./exchange-errors";

const okx = (init: Partial<ConstructorParameters<typeof OkxError>[0]> = {}) =>
  new OkxError({ code: "51000", msg: "Parameter label error", httpStatus: 400, endpoint: "createApiKey", ...init });

function mapped(error: unknown): AppError {
  try {
    exchangeRefusal(error, { subAcct: "desk000001" });
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("exchangeRefusal returned");
}

describe("exchangeRefusal", () => {
  it("puts OKX's 51000 / 50014 on the field it names", () => {
    expect(mapped(okx())).toMatchObject({
      code: "VALIDATION",
      field: "label",
      reason: "apiKeys.errors.exchangeRefused.label",
      params: { code: "51000", msg: "Parameter label error" },
      message: "The exchange refused the label: Parameter label error (OKX 51000)",
    });
    expect(mapped(okx({ msg: "Parameter ip error" }))).toMatchObject({ field: "ips" });
    expect(mapped(okx({ code: "50014", msg: "Parameter passphrase can not be empty" }))).toMatchObject({ field: "passphrase" });
    expect(mapped(okx({ msg: "Parameter perm error" }))).toMatchObject({ field: "perms" });
  });

  it("words a refusal without the exchange's message as a parameter error", () => {
    expect(mapped(okx({ msg: "", fields: ["label"] }))).toMatchObject({
      field: "label",
      reason: "apiKeys.errors.exchangeRefusedNoMessage.label",
      message: "The exchange refused the label: parameter error (OKX 51000)",
    });
  });

  it("names the sub-account when the exchange does not know it", () => {
    const error = mapped(okx({ msg: "Parameter subAcct error" }));
    expect(error).toMatchObject({ code: "VALIDATION", field: "subaccountId", reason: "apiKeys.errors.exchangeRefused.subaccount", params: { subAcct: "desk000001" } });
    expect(error.message).toBe("The exchange does not accept sub-account desk000001: Parameter subAcct error (OKX 51000)");
  });

  it("uses the client's own field paths for a pre-send refusal", () => {
    expect(mapped(okx({ code: "PARAMS", msg: "ip.3: bad", kind: "parameter", fields: ["ip.3"] }))).toMatchObject({ field: "ips" });
  });

  it("tells the caller to refresh before retrying a create that may have gone through", () => {
    const error = mapped(okx({ code: "TIMEOUT", msg: "", kind: "transient", outcomeUnknown: true }));
    expect(error).toMatchObject({ code: "EXCHANGE_ERROR", reason: "apiKeys.errors.outcomeUnknown", params: { subAcct: "desk000001", code: "TIMEOUT" } });
    expect(error.message).toBe(
      'The exchange did not answer in time and the key may have been created for desk000001; use "Refresh from exchange" before trying again (TIMEOUT)',
    );
  });

  it("maps the rest as the client does, and rethrows what is not an exchange error", () => {
    expect(mapped(okx({ code: "50011", msg: "Too Many Requests", httpStatus: 429 })).code).toBe("RATE_LIMITED");
    expect(mapped(okx({ code: "50113", msg: "Invalid Sign.", httpStatus: 401 })).code).toBe("EXCHANGE_ERROR");
    const plain = new Error("boom");
    expect(() => exchangeRefusal(plain, { subAcct: "x" })).toThrow(plain);
  });

  it("recognises an unknown key", () => {
    expect(isUnknownKeyError(okx({ msg: "Parameter apiKey error", endpoint: "deleteApiKey" }))).toBe(true);
    expect(isUnknownKeyError(okx())).toBe(false);
    expect(isUnknownKeyError(new Error("Parameter apiKey error"))).toBe(false);
  });
});
