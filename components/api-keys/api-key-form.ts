/**
 * The create and edit forms' schemas: the boxes as typed (IPs as one text box), checked by the same rule
 * functions the server's input schemas use (lib/api-keys/rules.ts) but worded in the reader's language,
 * and turned into the procedure's input on submit. Field names equal the procedure's, so a server
 * refusal naming a field lands on it.
 */
import { z } from "zod";
import {
  checkApiKeyLabel,
  checkApiKeyPassphrase,
  checkIpList,
  OPTIONAL_API_KEY_PERMS,
  parseIpList,
  type IpListProblem,
} from "@/lib/api-keys/rules";
import type { FieldMessages } from "@/lib/forms/field-errors";
import type { Translate } from "@/lib/i18n/translate";

const boxes = {
  label: z.string(),
  perms: z.array(z.enum(OPTIONAL_API_KEY_PERMS)),
  ips: z.string(),
};

type Ctx = z.RefinementCtx;

function ipsIssue(t: Translate, p: IpListProblem): string {
  switch (p.problem) {
    case "tooMany":
      return t("apiKeys.form.invalid.ips.tooMany", { count: p.count });
    case "invalid":
      return t("apiKeys.form.invalid.ips.invalid", { value: p.value });
    case "duplicate":
      return t("apiKeys.form.invalid.ips.duplicate", { value: p.value });
  }
}

function checkShared(t: Translate, v: { label: string; ips: string }, ctx: Ctx) {
  const label = checkApiKeyLabel(v.label.trim());
  if (label) ctx.addIssue({ code: "custom", path: ["label"], message: t(`apiKeys.form.invalid.label.${label}`) });
  const ips = checkIpList(parseIpList(v.ips));
  if (ips) ctx.addIssue({ code: "custom", path: ["ips"], message: ipsIssue(t, ips) });
}

export function createKeyFormSchema(t: Translate) {
  return z
    .object({ ...boxes, passphrase: z.string() })
    .superRefine((v, ctx) => {
      checkShared(t, v, ctx);
      const passphrase = checkApiKeyPassphrase(v.passphrase);
      if (passphrase) ctx.addIssue({ code: "custom", path: ["passphrase"], message: t(`apiKeys.form.invalid.passphrase.${passphrase}`) });
    })
    .transform((v) => ({ label: v.label.trim(), passphrase: v.passphrase, perms: v.perms, ips: parseIpList(v.ips) }));
}
export type CreateKeyFormValues = z.input<ReturnType<typeof createKeyFormSchema>>;

/** `hadIps`: the key is bound now; the exchange cannot unbind every IP in place, so clearing them is refused. */
export function editKeyFormSchema(t: Translate, hadIps: boolean) {
  return z
    .object(boxes)
    .superRefine((v, ctx) => {
      checkShared(t, v, ctx);
      if (hadIps && parseIpList(v.ips).length === 0) ctx.addIssue({ code: "custom", path: ["ips"], message: t("apiKeys.form.invalid.ips.unbindAll") });
    })
    .transform((v) => ({ label: v.label.trim(), perms: v.perms, ips: parseIpList(v.ips) }));
}
export type EditKeyFormValues = z.input<ReturnType<typeof editKeyFormSchema>>;

/** Where server refusals go; a refusal keeps the server's own words (they name the exchange's reason). */
export const CREATE_MESSAGES: FieldMessages<CreateKeyFormValues> = {
  invalid: {
    label: "apiKeys.form.labelHint",
    passphrase: "apiKeys.form.passphraseHint",
    perms: "apiKeys.form.invalid.perms",
    ips: "apiKeys.form.ipsHint",
  },
};

export const EDIT_MESSAGES: FieldMessages<EditKeyFormValues> = {
  invalid: { label: "apiKeys.form.labelHint", perms: "apiKeys.form.invalid.perms", ips: "apiKeys.form.ipsHint" },
};
