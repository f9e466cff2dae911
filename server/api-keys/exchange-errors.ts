/** An exchange refusal of an API-key call as an AppError naming the form field it is about. */
import "server-only";
import { AppError } from "../errors";
import { fieldRefusal, refusedParameter, type RefusedFields } from "../exchange/field-refusals";
import { isOkxError, toAppError, type OkxError } from "../exchange/okx";

/** OKX parameter → procedure input field, and the reasons a refusal of it is worded with (with / without OKX's message). */
const FIELDS: RefusedFields = {
  subAcct: { field: "subaccountId", reason: "apiKeys.errors.exchangeRefused.subaccount", reasonNoMessage: "apiKeys.errors.exchangeRefusedNoMessage.subaccount" },
  label: { field: "label", reason: "apiKeys.errors.exchangeRefused.label", reasonNoMessage: "apiKeys.errors.exchangeRefusedNoMessage.label" },
  passphrase: { field: "passphrase", reason: "apiKeys.errors.exchangeRefused.passphrase", reasonNoMessage: "apiKeys.errors.exchangeRefusedNoMessage.passphrase" },
  ip: { field: "ips", reason: "apiKeys.errors.exchangeRefused.ips", reasonNoMessage: "apiKeys.errors.exchangeRefusedNoMessage.ips" },
  perm: { field: "perms", reason: "apiKeys.errors.exchangeRefused.perms", reasonNoMessage: "apiKeys.errors.exchangeRefusedNoMessage.perms" },
  apiKey: { field: "id", reason: "apiKeys.errors.exchangeRefused.apiKey", reasonNoMessage: "apiKeys.errors.exchangeRefusedNoMessage.apiKey" },
};

/** True when OKX says the key (or its sub-account) it was asked about does not exist. */
export function isUnknownKeyError(error: unknown): error is OkxError {
  return isOkxError(error) && error.kind === "parameter" && refusedParameter(error) === "apiKey";
}

/**
 * Rethrows `error` as the AppError a form can place: parameter refusals on their field, a create that may
 * have gone through with advice to refresh first, everything else as the client maps it.
 */
export function exchangeRefusal(error: unknown, context: { subAcct: string }): never {
  if (!isOkxError(error)) throw error;
  const onField = error.kind === "parameter" ? fieldRefusal(error, FIELDS, { subAcct: context.subAcct }) : undefined;
  if (onField) throw onField;
  if (error.outcomeUnknown) {
    throw new AppError("EXCHANGE_ERROR", "apiKeys.errors.outcomeUnknown", { params: { subAcct: context.subAcct, code: error.code }, cause: error });
  }
  throw toAppError(error);
}
