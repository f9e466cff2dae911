/**
 * An exchange refusal of one parameter, placed on the form field it is about. OKX answers a bad parameter
 * with 51000 "Parameter {name} error" (50014 "Parameter {name} can not be empty"); the client's own
 * pre-send check reports the field paths. Each domain maps OKX's parameter names to its input fields and
 * the reasons a refusal of each is worded with (with OKX's message after it, or without one).
 */
import "server-only";
import { AppError, type ErrorParams, type ErrorReason } from "../errors";
import type { OkxError } from "./okx";

export type RefusedFields = Record<string, { field: string; reason: ErrorReason; reasonNoMessage: ErrorReason }>;

/** The OKX parameter a refusal is about: the client's check first, else the name in OKX's message. */
export function refusedParameter(error: OkxError): string | undefined {
  return error.fields[0]?.split(".")[0] || /parameter\s+(\w+)/i.exec(error.msg)?.[1];
}

/** The refusal as a VALIDATION error on its field, or undefined when `fields` does not know the parameter. */
export function fieldRefusal(error: OkxError, fields: RefusedFields, params: ErrorParams = {}): AppError | undefined {
  const param = refusedParameter(error);
  const known = param ? fields[param] : undefined;
  if (!known) return undefined;
  const all = { ...params, code: error.code, ...(error.msg ? { msg: error.msg } : {}) };
  return new AppError("VALIDATION", error.msg ? known.reason : known.reasonNoMessage, { field: known.field, params: all, cause: error });
}
