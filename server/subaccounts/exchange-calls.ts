/**
 * How the interactive sub-account changes call the exchange: through the brand's client
 * (server/exchange/brand-client.ts) with a short budget, before the transaction and never inside one, and
 * with the exchange's refusals turned into messages on the form's fields.
 */
import "server-only";
import { AppError } from "../errors";
import type { BrandClientOptions } from "../exchange/brand-client";
import { isOkxError, toAppError, type OkxError } from "../exchange/okx";

/**
 * Someone is waiting on a button: one retry for a blip, then the answer (the client's defaults suit jobs).
 * Tests point `endpoints` at a simulator of their own.
 */
export const INTERACTIVE: BrandClientOptions = { timeoutMs: 8_000, maxRetries: 1, maxRateWaitMs: 5_000 };
export type SubaccountExchangeOptions = Pick<BrandClientOptions, "endpoints" | "timeoutMs" | "logger">;

export const okxDetail = (e: OkxError) => `${e.msg || "no message"} (OKX ${e.code})`;

/** An exchange parameter refusal as a message on the form field it is about; anything else as toAppError. */
export function exchangeFailure(error: unknown, field: (e: OkxError) => { field: string; message: string }): unknown {
  if (!isOkxError(error)) return error;
  if (error.kind === "parameter") {
    const named = field(error);
    return new AppError("VALIDATION", named.message, { field: named.field, cause: error });
  }
  return toAppError(error);
}
