/** Exchange refusals of sub-account changes become reasons on the form's fields (server/subaccounts/exchange-calls.ts). */
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { OkxError } from "../exchange/okx";
import { exchangeFailure, type FieldRefusal } from "./exchange-calls";

const okx = (init: Partial<ConstructorParameters<typeof OkxError>[0]> = {}) =>
  new OkxError({ code: "51000", msg: "Parameter subAcct error", httpStatus: 400, endpoint: "createSubaccount", ...init });

const name: FieldRefusal = {
  field: "subAcct",
  reason: "subaccounts.errors.nameRefused",
  reasonNoMessage: "subaccounts.errors.nameRefusedNoMessage",
  params: { subAcct: "desk000001" },
};

describe("exchangeFailure", () => {
  it("puts a parameter refusal on its field with the exchange's message and code", () => {
    expect(exchangeFailure(okx(), () => name)).toMatchObject({
      code: "VALIDATION",
      field: "subAcct",
      reason: "subaccounts.errors.nameRefused",
      params: { subAcct: "desk000001", code: "51000", msg: "Parameter subAcct error" },
      message: "The exchange refused the name desk000001; it may already be taken: Parameter subAcct error (OKX 51000)",
    });
  });

  it("says so when the exchange gave no message", () => {
    expect(exchangeFailure(okx({ msg: "" }), () => name)).toMatchObject({
      reason: "subaccounts.errors.nameRefusedNoMessage",
      params: { subAcct: "desk000001", code: "51000" },
      message: "The exchange refused the name desk000001; it may already be taken: no message (OKX 51000)",
    });
  });

  it("maps the rest as the client does, and passes on what is not an exchange error", () => {
    const limited = exchangeFailure(okx({ code: "50011", msg: "Too Many Requests", httpStatus: 429 }), () => name);
    expect(limited).toBeInstanceOf(AppError);
    expect((limited as AppError).code).toBe("RATE_LIMITED");
    const plain = new Error("boom");
    expect(exchangeFailure(plain, () => name)).toBe(plain);
  });
});
