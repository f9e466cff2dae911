/**
 * The rebate-eligibility check of one API key: its input (a pasted key, or one of the brand's stored keys)
 * and its answer, for both of the exchange's checks — the FD broker's (GET broker/fd/if-rebate, seed 001)
 * and the affiliate's (GET users/partner/if-rebate). Client-safe: the dialog and the procedure share it.
 */
import { z } from "zod";
import { zId } from "@/lib/validation/ids";

/** fd: an FD broker's rebate on the key's trading; affiliate: the affiliate's rebate on an invitee. */
export const ELIGIBILITY_PROGRAMS = ["fd", "affiliate"] as const;
export type EligibilityProgram = (typeof ELIGIBILITY_PROGRAMS)[number];

/** pasted: a key typed or pasted in full; stored: one of the brand's sub-account keys, by id. */
export const KEY_SOURCES = ["pasted", "stored"] as const;
export type KeySource = (typeof KEY_SOURCES)[number];

/** FD `type`: 0 can rebate, 1 the broker's status expired, 2 VIP4/5 at the monthly cap, 3 VIP6 or above. */
export const FD_REASONS = ["0", "1", "2", "3"] as const;
/** Affiliate `type`: 0 rebate, 1 the caller is no affiliate, 2 no invitation relationship, 4 VIP6 or above. */
export const AFFILIATE_REASONS = ["0", "1", "2", "4"] as const;

/**
 * An OKX API key as OKX issues it (a UUID: letters, digits and dashes); whitespace from a paste is trimmed.
 * The same rule as the brand's own key (lib/brands/schemas.ts).
 */
export const zOkxApiKey = z
  .string({ error: "Enter an API key" })
  .trim()
  .min(1, { error: "Enter an API key" })
  .max(64, { error: "API key: at most 64 characters" })
  .regex(/^[A-Za-z0-9-]*$/, { error: "API key: letters, digits and dashes only" });

export const ZRebateEligibilityInput = z
  .object({
    program: z.enum(ELIGIBILITY_PROGRAMS, { error: "Choose FD broker or affiliate" }),
    source: z.enum(KEY_SOURCES, { error: "Choose where the key comes from" }),
    apiKey: zOkxApiKey.optional(),
    apiKeyId: zId("Choose one of the customer's API keys").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.source === "pasted" && !v.apiKey) ctx.addIssue({ code: "custom", path: ["apiKey"], message: "Enter an API key" });
    if (v.source === "stored" && !v.apiKeyId) ctx.addIssue({ code: "custom", path: ["apiKeyId"], message: "Choose one of the customer's API keys" });
  });
export type RebateEligibilityInput = z.input<typeof ZRebateEligibilityInput>;

/** The API keys of one customer's sub-accounts, to pick one for the check. */
export const ZCustomerRebateKeysInput = z.object({ customerId: zId("Choose a customer") });

/** One key offered for the check: masked, never a secret. */
export interface CheckableKey {
  id: string;
  apiKeyMasked: string;
  label: string;
  subAcct: string;
}

/** Which key was checked: masked, with its sub-account and customer when the brand holds it. */
export interface CheckedKey {
  apiKeyMasked: string;
  subAcct: string | null;
  label: string | null;
  customer: { id: string; name: string } | null;
}

interface AnswerBase {
  key: CheckedKey;
  /** The exchange's reason code as sent ("0", "1", …); words for the known ones come from the dictionaries. */
  reason: string;
  /** Reason 0: the key's trading earns the rebate. */
  eligible: boolean;
  usingSimulator: boolean;
  checkedAt: Date;
}

export interface FdEligibility extends AnswerBase {
  program: "fd";
  brokerCode: string;
  /** The user is bound to a node (节点) that takes its own rebate. */
  affiliated: boolean;
  /** The share of fees the trading user can get back, as the exchange gives it ("0.2"); null when none was given. */
  clientRebateRatio: string | null;
  /** This month's rebate so far (VIP4/5 users only); null otherwise. */
  monthlyRebate: string | null;
  /** reached: VIP4/5 at the month's cap (reason 2); below: VIP4/5 under it; null: no cap applies. */
  monthlyCap: "reached" | "below" | null;
}

export interface AffiliateEligibility extends AnswerBase {
  program: "affiliate";
  /** The key's user was invited by this brand's affiliate account. */
  invited: boolean;
}

export type RebateEligibility = FdEligibility | AffiliateEligibility;

/**
 * A ratio as the exchange gives it ("0.2") as a percentage ("20"), by moving the decimal point, so no digit
 * is lost to floating point; null for text that is not a plain non-negative decimal.
 */
export function ratioPercent(ratio: string): string | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(ratio.trim());
  if (!match) return null;
  const frac = (match[2] ?? "").padEnd(2, "0");
  const int = `${match[1]}${frac.slice(0, 2)}`.replace(/^0+(?=\d)/, "");
  const rest = frac.slice(2).replace(/0+$/, "");
  return rest ? `${int}.${rest}` : int;
}
