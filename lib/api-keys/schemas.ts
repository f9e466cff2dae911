/**
 * Inputs of the apiKey procedures. The field rules are seed 001's, from lib/api-keys/rules.ts (the forms use
 * the same checks); every message names its field. Client-safe: no server imports.
 */
import { z } from "zod";
import {
  API_KEY_LABEL_MAX,
  API_KEY_MAX_IPS,
  API_KEY_PASSPHRASE_MAX,
  API_KEY_PASSPHRASE_MIN,
  API_KEY_PERMS,
  checkApiKeyLabel,
  checkApiKeyPassphrase,
  checkIpList,
  OPTIONAL_API_KEY_PERMS,
  type IpListProblem,
  type LabelProblem,
  type PassphraseProblem,
} from "@/lib/api-keys/rules";
import { ZTableQuery } from "@/lib/table-state";
import { zId } from "@/lib/validation/ids";
import { zTotpCode } from "@/lib/validation/password";
import { zSearchTerm } from "@/lib/validation/text";

const LABEL_MESSAGES: Record<LabelProblem, string> = {
  empty: "Enter a label",
  tooLong: `Label must be at most ${API_KEY_LABEL_MAX} characters`,
  characters: "Label may contain only letters and digits (no spaces or symbols)",
};

const PASSPHRASE_MESSAGES: Record<PassphraseProblem, string> = {
  length: `Passphrase must be ${API_KEY_PASSPHRASE_MIN}–${API_KEY_PASSPHRASE_MAX} characters`,
  characters: "Passphrase may not contain spaces or non-ASCII characters",
  composition: "Passphrase needs at least one digit, one upper-case letter, one lower-case letter and one special character",
};

export function ipListMessage(p: IpListProblem): string {
  switch (p.problem) {
    case "tooMany":
      return `At most ${API_KEY_MAX_IPS} IP addresses can be bound (${p.count} given)`;
    case "invalid":
      return `"${p.value}" is not an IPv4 or IPv6 address`;
    case "duplicate":
      return `IP address ${p.value} is listed twice`;
  }
}

/** A rule these schemas check themselves (a custom issue), as `<field>.<problem>`. */
export type ApiKeyInputProblem = `label.${LabelProblem}` | `passphrase.${PassphraseProblem}` | `ips.${IpListProblem["problem"]}`;
/**
 * What a custom issue carries besides its English message: the rule it breaks and the values the message
 * names, so a service can refuse with a reason key rather than the message (server/api-keys/input-errors.ts).
 */
export type ApiKeyIssueParams = { problem: ApiKeyInputProblem } & Record<string, string | number>;

function ipListParams(p: IpListProblem): ApiKeyIssueParams {
  switch (p.problem) {
    case "tooMany":
      return { problem: "ips.tooMany", max: API_KEY_MAX_IPS, count: p.count };
    case "invalid":
    case "duplicate":
      return { problem: `ips.${p.problem}`, value: p.value };
  }
}

const labelParams = (problem: LabelProblem): ApiKeyIssueParams =>
  problem === "tooLong" ? { problem: "label.tooLong", max: API_KEY_LABEL_MAX } : { problem: `label.${problem}` };
const passphraseParams = (problem: PassphraseProblem): ApiKeyIssueParams =>
  problem === "length" ? { problem: "passphrase.length", min: API_KEY_PASSPHRASE_MIN, max: API_KEY_PASSPHRASE_MAX } : { problem: `passphrase.${problem}` };

export const zApiKeyLabel = z
  .string({ error: "Enter a label" })
  .trim()
  .superRefine((v, ctx) => {
    const problem = checkApiKeyLabel(v);
    if (problem) ctx.addIssue({ code: "custom", message: LABEL_MESSAGES[problem], params: labelParams(problem) });
  });

export const zApiKeyPassphrase = z.string({ error: "Enter a passphrase" }).superRefine((v, ctx) => {
  const problem = checkApiKeyPassphrase(v);
  if (problem) ctx.addIssue({ code: "custom", message: PASSPHRASE_MESSAGES[problem], params: passphraseParams(problem) });
});

/** Bound IPs; every problem is reported on `ips` itself (the form shows them in one box). */
export const zApiKeyIps = z.array(z.string().trim(), { error: "IP addresses must be a list" }).superRefine((ips, ctx) => {
  const problem = checkIpList(ips);
  if (problem) ctx.addIssue({ code: "custom", message: ipListMessage(problem), params: ipListParams(problem) });
});

/** trade / withdraw; read_only is always granted and need not (but may) be listed. */
export const zApiKeyPerms = z
  .array(z.enum(API_KEY_PERMS, { error: "Permissions are read_only, trade and withdraw" }), { error: "Permissions must be a list" })
  .max(API_KEY_PERMS.length)
  .transform((perms) => [...new Set(perms.filter((p): p is (typeof OPTIONAL_API_KEY_PERMS)[number] => p !== "read_only"))]);

const zKeyId = zId("Unknown API key");
const zSubaccountId = zId("Unknown sub-account");

export const ZCreateApiKeyInput = z.object({
  subaccountId: zSubaccountId,
  label: zApiKeyLabel,
  passphrase: zApiKeyPassphrase,
  perms: zApiKeyPerms.default([]),
  ips: zApiKeyIps.default([]),
});
export type CreateApiKeyInput = z.input<typeof ZCreateApiKeyInput>;

/** A change carries the version the caller saw; fields left out stay as they are. */
export const ZModifyApiKeyInput = z.object({
  id: zKeyId,
  version: z.number().int().min(1),
  label: zApiKeyLabel.optional(),
  perms: zApiKeyPerms.optional(),
  ips: zApiKeyIps.optional(),
});
export type ModifyApiKeyInput = z.input<typeof ZModifyApiKeyInput>;

export const ZApiKeyVersion = z.object({ id: zKeyId, version: z.number().int().min(1) });
export const ZApiKeyRevealInput = z.object({ id: zKeyId, totpCode: zTotpCode });
export const ZSubaccountKeysInput = z.object({ subaccountId: zSubaccountId });

// ── The brand-wide list ──────────────────────────────────────────────────────────────────────────
export const API_KEY_SORTS = ["createdAt", "label"] as const;
/** "trade" / "withdraw": keys having it; "read_only": keys with nothing more. */
export const API_KEY_PERM_FILTERS = ["trade", "withdraw", "read_only"] as const;
export type ApiKeyPermFilter = (typeof API_KEY_PERM_FILTERS)[number];

/** `risky=1` in the URL (the dashboard links there), `true` from tRPC. */
const zFlag = z.preprocess((v) => (v === true || v === "1" || v === "true" ? true : undefined), z.literal(true).optional());

export const ZApiKeyListInput = ZTableQuery.extend({
  sort: z.enum(API_KEY_SORTS).optional(),
  /** Sub-account name, key label, or the start of the public key. */
  q: zSearchTerm(100),
  perm: z.preprocess((v) => (v === "" ? undefined : v), z.enum(API_KEY_PERM_FILTERS).optional()),
  risky: zFlag,
});
export type ApiKeyListInput = z.infer<typeof ZApiKeyListInput>;
