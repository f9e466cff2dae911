/**
 * How the interactive sub-account changes call the exchange: through the brand's client
 * (server/exchange/brand-client.ts) with a short budget, before the transaction and never inside one, and
 * with the exchange's refusals turned into reasons on the form's fields.
 */
import "server-only";
import { AppError, type ErrorParams, type ErrorReason } from "../errors";
import type { BrandClientOptions } from "../exchange/brand-client";
import { isOkxError, toAppError, type OkxError } from "../exchange/okx";

/**
 * Someone is waiting on a button: one retry for a blip, then the answer (the client's defaults suit jobs).
 * Tests point `endpoints` at a simulator of their own.
 */
export const INTERACTIVE: BrandClientOptions = { timeoutMs: 8_000, maxRetries: 1, maxRateWaitMs: 5_000 };
export type SubaccountExchangeOptions = Pick<BrandClientOptions, "endpoints" | "timeoutMs" | "logger">;

/**
 * How a refusal of one form field is worded: `reason` for an answer with the exchange's message,
 * `reasonNoMessage` for one without; `params` are the refusal's own values (OKX's `msg` and `code` are added).
 */
export interface FieldRefusal {
  field: string;
  reason: ErrorReason;
  reasonNoMessage: ErrorReason;
  params?: ErrorParams;
}

/** An exchange parameter refusal as a reason on the form field it is about; anything else as toAppError. */
export function exchangeFailure(error: unknown, refusal: (e: OkxError) => FieldRefusal): unknown {
  if (!isOkxError(error)) return error;
  if (error.kind === "parameter") {
    const named = refusal(error);
    const params: ErrorParams = { ...named.params, code: error.code, ...(error.msg ? { msg: error.msg } : {}) };
    return new AppError("VALIDATION", error.msg ? named.reason : named.reasonNoMessage, { field: named.field, params, cause: error });
  }
  return toAppError(error);
}
