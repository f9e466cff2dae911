/**
 * Inputs of the risk-limit procedures, shared by the procedures, the pages' URL state and the forms.
 * Client-safe: no server imports. The kinds and actions listed here are the ones registered in
 * server/risk/kinds and server/risk/actions (their registries are Records over these keys, so the two stay in step).
 */
import { z } from "zod";
import { zMulti, ZTableQuery } from "@/lib/table-state";
import { zDate } from "@/lib/validation/dates";
import { zId } from "@/lib/validation/ids";
import { zText } from "@/lib/validation/text";
import { zPositiveAmount } from "@/lib/ledger/schemas";

export const RISK_KINDS = ["withdrawal_single", "withdrawal_daily", "deposit_count", "deposit_amount", "deposit_then_withdraw", "bonus_credit", "exposure", "margin_ratio", "concentration"] as const;
export type RiskKindKey = (typeof RISK_KINDS)[number];
/**
 * Also the order an event's actions are applied in (evaluate.ts): orders are cancelled and positions closed
 * before the keys lose their trade permission, which those two need.
 */
export const RISK_ACTIONS = ["alert", "hold_withdrawals", "lock_transfer_out", "freeze_customer", "customer_breaker", "cancel_orders", "close_positions", "keys_read_only"] as const;
export type RiskActionKey = (typeof RISK_ACTIONS)[number];
export const RISK_SCOPES = ["brand", "group", "customer"] as const;
export type RiskScope = (typeof RISK_SCOPES)[number];
export const RISK_SEVERITIES = ["low", "medium", "high"] as const;
export type RiskSeverity = (typeof RISK_SEVERITIES)[number];
export const RISK_EVENT_STATUSES = ["open", "acknowledged", "resolved"] as const;
export type RiskEventStatus = (typeof RISK_EVENT_STATUSES)[number];

/** What a kind's observed number and threshold count: an amount in USDT, a number of things, or a percentage. */
export const RISK_UNITS = ["USDT", "count", "percent"] as const;
export type RiskUnit = (typeof RISK_UNITS)[number];
export const RISK_KIND_UNIT: Record<RiskKindKey, RiskUnit> = {
  withdrawal_single: "USDT",
  withdrawal_daily: "USDT",
  deposit_count: "count",
  deposit_amount: "USDT",
  deposit_then_withdraw: "percent",
  bonus_credit: "USDT",
  exposure: "percent",
  margin_ratio: "percent",
  concentration: "percent",
};

/** Kinds read from the synced exchange accounts: a sync that stores positions or balances asks for an evaluation. */
export const SYNCED_ACCOUNT_KINDS: readonly RiskKindKey[] = ["exposure", "margin_ratio", "concentration"];

/** Kinds breached by a value BELOW the threshold (the others: above). */
export const RISK_KINDS_BELOW: readonly RiskKindKey[] = ["margin_ratio"];

/**
 * Each kind's window when the form leaves it to the kind: a day for the daily sums (withdrawals, deposits,
 * bonus credit per day), a day of look-back for single withdrawals, an hour for deposits withdrawn again and
 * for the exposure kinds (a lasting breach opens, and acts, once an hour; only snapshots synced within the
 * hour count).
 */
export const DEFAULT_WINDOW_MINUTES: Record<RiskKindKey, number> = {
  withdrawal_single: 1440,
  withdrawal_daily: 1440,
  deposit_count: 1440,
  deposit_amount: 1440,
  deposit_then_withdraw: 60,
  bonus_credit: 1440,
  exposure: 60,
  margin_ratio: 60,
  concentration: 60,
};

const zWindow = z.coerce
  .number({ error: "Enter the window in minutes" })
  .int({ error: "Enter whole minutes" })
  .min(5, { error: "A window is at least 5 minutes" })
  .max(43_200, { error: "A window is at most 30 days (43,200 minutes)" });

const zLimitFields = z.object({
  scope: z.enum(RISK_SCOPES, { error: "Choose who the limit applies to" }),
  /** The group's or the customer's id; ignored for the brand scope. */
  scopeId: z.preprocess((v) => (v === "" || v === null ? undefined : v), zId("Choose a group or a customer").optional()),
  kind: z.enum(RISK_KINDS, { error: "Choose a kind of limit" }),
  threshold: zPositiveAmount,
  windowMinutes: zWindow,
  severity: z.enum(RISK_SEVERITIES, { error: "Choose a severity" }),
  actions: z
    .array(z.enum(RISK_ACTIONS, { error: "Unknown action" }))
    .min(1, { error: "Choose at least one action" })
    .transform((a) => [...new Set(a)]),
});

const scopeNeedsId = (v: { scope: RiskScope; scopeId?: string }) => v.scope === "brand" || !!v.scopeId;
const scopeIssue = { error: "Choose the group or customer the limit applies to", path: ["scopeId"] };
/** A count's threshold is a whole number of things (5 deposits, not 4.5). */
const wholeCount = (v: { kind: RiskKindKey; threshold: string }) => RISK_KIND_UNIT[v.kind] !== "count" || /^\d+$/.test(v.threshold);
const wholeCountIssue = { error: "A count is a whole number, e.g. 5", path: ["threshold"] };

export const ZCreateRiskLimitInput = zLimitFields.refine(scopeNeedsId, scopeIssue).refine(wholeCount, wholeCountIssue);
export type CreateRiskLimitInput = z.input<typeof ZCreateRiskLimitInput>;

export const ZUpdateRiskLimitInput = zLimitFields
  .extend({ id: zId("Unknown risk limit"), version: z.number().int().min(1), enabled: z.boolean().default(true) })
  .refine(scopeNeedsId, scopeIssue)
  .refine(wholeCount, wholeCountIssue);

export const ZRiskLimitRef = z.object({ id: zId("Unknown risk limit"), version: z.number().int().min(1) });

export const ZRiskLimitListInput = ZTableQuery.extend({
  sort: z.enum(["createdAt"]).optional(),
  kind: zMulti(RISK_KINDS),
  scope: zMulti(RISK_SCOPES),
});

export const zRiskNote = zText(500, {
  min: 3,
  multiline: true,
  required: "Give a reason",
  tooShort: "Give a reason (at least 3 characters)",
  tooLong: "A reason is at most 500 characters",
});

export const ZRiskEventListInput = ZTableQuery.extend({
  sort: z.enum(["createdAt"]).optional(),
  status: zMulti(RISK_EVENT_STATUSES),
  kind: zMulti(RISK_KINDS),
  severity: zMulti(RISK_SEVERITIES),
  customerId: z.preprocess((v) => (v === "" ? undefined : v), zId().optional()),
});
export type RiskEventListInput = z.infer<typeof ZRiskEventListInput>;

export const ZRiskEventRef = z.object({ id: zId("Unknown risk event") });
export const ZRiskEventNoteInput = z.object({ id: zId("Unknown risk event"), version: z.number().int().min(1), note: zRiskNote });
export const ZRiskUndoInput = z.object({
  id: zId("Unknown risk event"),
  version: z.number().int().min(1),
  action: z.enum(RISK_ACTIONS, { error: "Choose the action to undo" }),
  reason: zRiskNote,
});

/** The customer page's breaker badge and its reset (risk.manage, with a reason). */
export const ZCustomerBreakerRef = z.object({ customerId: zId("Unknown customer") });
export const ZResetCustomerBreakerInput = z.object({ customerId: zId("Unknown customer"), reason: zRiskNote });
export type ResetCustomerBreakerInput = z.input<typeof ZResetCustomerBreakerInput>;

/** Automatic enforcement on or off (the brand's switch, or the global one), with a reason. */
export const ZRiskEnforcementInput = z.object({
  enforce: z.boolean({ error: "Choose on or off" }),
  reason: zRiskNote,
});
export type RiskEnforcementInput = z.input<typeof ZRiskEnforcementInput>;
/** The longest a limit can be snoozed for one customer. */
export const RISK_SNOOZE_MAX_DAYS = 30;
const SNOOZE_MAX_MS = RISK_SNOOZE_MAX_DAYS * 86_400_000;

export const ZRiskSnoozeInput = z.object({
  limitId: zId("Unknown risk limit"),
  customerId: zId("Unknown customer"),
  // Checked against the clock where it is parsed: the browser's for the form, the server's for the procedure.
  until: zDate("Enter when the snooze ends").refine((d) => d.getTime() > Date.now() && d.getTime() <= Date.now() + SNOOZE_MAX_MS, {
    error: `Choose an end in the next ${RISK_SNOOZE_MAX_DAYS} days`,
  }),
  reason: zRiskNote,
});
export type RiskSnoozeInput = z.input<typeof ZRiskSnoozeInput>;

export const ZRiskSnoozeRef = z.object({ id: zId("Unknown snooze") });

/** A customer's active snoozes, of one limit or of all. */
export const ZRiskSnoozeListInput = z.object({ customerId: zId("Unknown customer"), limitId: zId("Unknown risk limit").optional() });

export const ZRiskCustomerInput = z.object({ customerId: zId("Unknown customer") });
