/**
 * Inputs and outputs of the sub-account procedures, shared by the procedures, the pages' URL state, the
 * forms and the CSV export. Client-safe: zod, the exchange's own parameter rules, and types only.
 */
import { z } from "zod";
import { zMulti, ZTableQuery, type Page } from "@/lib/table-state";
import { subAcct as zExchangeSubAcct } from "@/lib/exchange/okx-fields";
import { zId } from "@/lib/validation/ids";
import { zSearchTerm } from "@/lib/validation/text";

/** Seed 001's account modes: 1 spot · 2 spot and futures · 3 multi-currency margin · 4 portfolio margin. */
export const ACCOUNT_LEVELS = [1, 2, 3, 4] as const;
export type AccountLevel = (typeof ACCOUNT_LEVELS)[number];
/** The same levels as URL / filter values. */
export const ACCOUNT_LEVEL_VALUES = ["1", "2", "3", "4"] as const;

/** Seed 001's fee types (instrument families), 1–9. */
export const FEE_TYPES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type FeeType = (typeof FEE_TYPES)[number];

/** Seed 001's `frozenFunc` values. */
export const FROZEN_FUNCTIONS = ["trading", "convert", "transfer", "withdrawal", "deposit", "flexible_loan"] as const;

/**
 * active: enabled and still on the exchange · frozen: disabled by the exchange (`enable` false) ·
 * removed: a complete sync no longer saw it. Exclusive: a removed sub-account is only "removed".
 */
export const SUBACCOUNT_STATUSES = ["active", "frozen", "removed"] as const;
export type SubaccountStatus = (typeof SUBACCOUNT_STATUSES)[number];
export const LINK_STATES = ["linked", "unlinked"] as const;
export type LinkState = (typeof LINK_STATES)[number];
/** Sortable columns; the table's column ids are the same. */
export const SUBACCOUNT_SORTS = ["exchangeCreatedAt", "subAcct"] as const;
export type SubaccountSort = (typeof SUBACCOUNT_SORTS)[number];

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const ZSubaccountListInput = ZTableQuery.extend({
  sort: z.enum(SUBACCOUNT_SORTS).optional(),
  /** Sub-account name, uid or label. */
  q: zSearchTerm(100),
  level: zMulti(ACCOUNT_LEVEL_VALUES),
  status: zMulti(SUBACCOUNT_STATUSES),
  linked: zMulti(LINK_STATES),
  /** Only this customer's sub-accounts (the customer page's tab). */
  customerId: z.preprocess(emptyToUndefined, zId("Unknown customer").optional()),
});
export type SubaccountListInput = z.infer<typeof ZSubaccountListInput>;
/** The filters of the list, the count and the export (everything but paging and order). */
export type SubaccountFilter = Pick<SubaccountListInput, "q" | "level" | "status" | "linked" | "customerId">;

export const ZSubaccountId = z.object({ id: zId("Unknown sub-account") });
const zVersion = z.number({ error: "version is required" }).int().min(1);

/** Link to a customer of the brand (`customerId`), or unlink (`null`); with the version the caller saw. */
export const ZLinkSubaccountInput = ZSubaccountId.extend({
  customerId: zId("Choose a customer").nullable(),
  version: zVersion,
});

/** Seed 001's name rule (6–20 letters and digits, case-sensitive), as the exchange client checks it. */
export const zSubAcctName = z.string({ error: "Enter a sub-account name" }).trim().pipe(zExchangeSubAcct);
/** The exchange's label rule for a new sub-account: up to 50 letters and digits; empty means none. */
export const zSubaccountLabel = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
  z
    .string()
    .regex(/^[A-Za-z0-9]{1,50}$/, { error: "label must be 1-50 letters or digits" })
    .optional(),
);

export const ZCreateSubaccountInput = z.object({
  customerId: zId("Unknown customer"),
  subAcct: zSubAcctName,
  label: zSubaccountLabel,
});
export type CreateSubaccountInput = z.input<typeof ZCreateSubaccountInput>;

export const ZSetSubaccountLevelInput = ZSubaccountId.extend({
  accountLevel: z.literal(ACCOUNT_LEVELS, { error: "accountLevel must be 1, 2, 3 or 4" }),
  version: zVersion,
});

// ── Outputs ─────────────────────────────────────────────────────────────────────────────────────────

export interface SubaccountCustomer {
  id: string;
  /** The customer number, as text. */
  uid: string;
  name: string;
  status: "active" | "frozen" | "closed";
}

export interface SubaccountRow {
  id: string;
  subAcct: string;
  uid: string;
  label: string;
  accountLevel: number;
  status: SubaccountStatus;
  enabled: boolean;
  frozenFunctions: string[];
  canTransferOut: boolean;
  /** The parent's name for a second-level sub-account; null for a first-level one. */
  mainAcct: string | null;
  exchangeCreatedAt: Date;
  lastSyncedAt: Date;
  removedAt: Date | null;
  customer: SubaccountCustomer | null;
  version: number;
}

export type SubaccountPage = Page<SubaccountRow>;

/** A fee rate as the last sync saw it (OKX: negative is a fee charged, positive a rebate). Decimals as strings. */
export interface SubaccountFeeRateView {
  type: number;
  maker: string;
  taker: string;
  syncedAt: Date;
}

export interface SubaccountDetail extends SubaccountRow {
  firstSeenAt: Date;
  updatedAt: Date;
  /** Types 1–9 the sync has stored, in type order (empty until the first fee-rate sync). */
  feeRates: SubaccountFeeRateView[];
}

/** The brand's sync as the page shows it: the newest run (complete or failed) and the newest row stamp. */
export interface SubaccountSyncStatus {
  lastRun: {
    at: Date;
    ok: boolean;
    /** The failure's message, for a failed run. */
    error: string | null;
    seen: number | null;
    created: number | null;
    updated: number | null;
    removed: number | null;
  } | null;
  /** When the exchange last confirmed any of the brand's sub-accounts. */
  lastSyncedAt: Date | null;
}

export interface SyncNowResult {
  jobId: string;
  /** queued: a new job · already_queued / running: one for this brand is waiting or running already. */
  outcome: "queued" | "already_queued" | "running";
}
