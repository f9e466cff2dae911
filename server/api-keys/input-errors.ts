/**
 * The API-key services check their input again (they are called directly too: REST, jobs, tests), and
 * refuse its first problem with a reason whose English template is the schema's own message
 * (lib/api-keys/schemas.ts): a custom issue carries its rule and values as `params`; the schemas' fixed
 * messages are known by field. An issue none of these covers (a malformed version, page or sort, which
 * words zod's own English) is refused as the route handlers refuse bad input: `errors.invalidField`.
 */
import "server-only";
import type { z } from "zod";
import type { ApiKeyInputProblem, ApiKeyIssueParams } from "@/lib/api-keys/schemas";
import { AppError, type ErrorParams, type ErrorReason } from "../errors";

const PROBLEMS: Record<ApiKeyInputProblem, ErrorReason> = {
  "label.empty": "apiKeys.errors.input.label.empty",
  "label.tooLong": "apiKeys.errors.input.label.tooLong",
  "label.characters": "apiKeys.errors.input.label.characters",
  "passphrase.length": "apiKeys.errors.input.passphrase.length",
  "passphrase.characters": "apiKeys.errors.input.passphrase.characters",
  "passphrase.composition": "apiKeys.errors.input.passphrase.composition",
  "ips.tooMany": "apiKeys.errors.input.ips.tooMany",
  "ips.invalid": "apiKeys.errors.input.ips.invalid",
  "ips.duplicate": "apiKeys.errors.input.ips.duplicate",
};

/**
 * The schemas' fixed messages: by field (`perms[]` is one item of the list), and where the field's
 * schema gives its message to some issues only, the issue codes it gives it to.
 */
const FIXED: Record<string, { reason: ErrorReason; codes?: readonly string[] }> = {
  label: { reason: "apiKeys.errors.input.label.empty", codes: ["invalid_type"] },
  passphrase: { reason: "apiKeys.errors.input.passphrase.missing", codes: ["invalid_type"] },
  ips: { reason: "apiKeys.errors.input.ips.notList" },
  perms: { reason: "apiKeys.errors.input.perms.notList" },
  "perms[]": { reason: "apiKeys.errors.input.perms.unknown" },
  id: { reason: "apiKeys.errors.input.unknownKey" },
  subaccountId: { reason: "apiKeys.errors.input.unknownSubaccount" },
  totpCode: { reason: "apiKeys.errors.input.totpCode", codes: ["invalid_format"] },
};

type Issue = z.core.$ZodIssue;

function reasonOf(issue: Issue): { reason: ErrorReason; params?: ErrorParams } | null {
  if (issue.code === "custom") {
    const params = issue.params as ApiKeyIssueParams | undefined;
    const reason = params?.problem ? PROBLEMS[params.problem] : undefined;
    if (!reason || !params) return null;
    const { problem: _problem, ...values } = params;
    return { reason, params: values };
  }
  const [field, item] = issue.path;
  const fixed = FIXED[typeof item === "number" ? `${String(field)}[]` : issue.path.length === 1 ? String(field) : ""];
  if (!fixed || (fixed.codes && !fixed.codes.includes(issue.code))) return null;
  return { reason: fixed.reason };
}

/** The input's first problem as the VALIDATION refusal a service throws, on the field it is about. */
export function inputRefusal(issue: Issue): AppError {
  const field = issue.path.length ? String(issue.path[0]) : undefined;
  const known = reasonOf(issue);
  if (known) return new AppError("VALIDATION", known.reason, { field, params: known.params });
  return field ? new AppError("VALIDATION", "errors.invalidField", { field, params: { field } }) : new AppError("VALIDATION", "errors.invalidInput");
}
