/**
 * An exchange refusal of an API-key call as an AppError naming the form field it is about. OKX answers a
 * bad parameter with 51000 "Parameter {name} error" (50014 "... can not be empty"); the client's own
 * pre-send check reports the field paths. Both are turned into the procedures' field names here.
 */
import "server-only";
import { AppError } from "../errors";
import { isOkxError, toAppError, type OkxError } from "../exchange/okx";

/** OKX parameter → procedure input field, and how a message names it. */
const FIELDS: Record<string, { field: string; name: string }> = {
  subAcct: { field: "subaccountId", name: "sub-account" },
  label: { field: "label", name: "label" },
  passphrase: { field: "passphrase", name: "passphrase" },
  ip: { field: "ips", name: "IP addresses" },
  perm: { field: "perms", name: "permissions" },
  apiKey: { field: "id", name: "API key" },
};

function refusedParameter(error: OkxError): string | undefined {
  const fromClient = error.fields[0]?.split(".")[0];
  if (fromClient) return fromClient;
  return /Parameter (\w+)/.exec(error.msg)?.[1];
}

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
  if (error.kind === "parameter") {
    const param = refusedParameter(error);
    const known = param ? FIELDS[param] : undefined;
    const detail = `${error.msg || "parameter error"} (OKX ${error.code})`;
    if (known?.field === "subaccountId") {
      throw new AppError("VALIDATION", `The exchange does not accept sub-account ${context.subAcct}: ${detail}`, { field: known.field, cause: error });
    }
    if (known) throw new AppError("VALIDATION", `The exchange refused the ${known.name}: ${detail}`, { field: known.field, cause: error });
  }
  if (error.outcomeUnknown) {
    throw new AppError(
      "EXCHANGE_ERROR",
      `The exchange did not answer in time and the key may have been created for ${context.subAcct}; use "Refresh from exchange" before trying again (${error.code})`,
      { cause: error },
    );
  }
  throw toAppError(error);
}
