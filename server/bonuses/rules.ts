/**
 * The pure rules of bonuses: eligibility, the amount a campaign grants, the campaign's own consistency,
 * maker-checker thresholds, FIFO consumption of grants on a release, the clawback split, and the CSV parser.
 * No database, no env: unit-tested in rules.test.ts. Amounts are decimal strings or Decimals, never numbers.
 */
import "server-only";
import Decimal from "decimal.js";
import { createTranslator } from "@/lib/i18n/translate";
import type { ErrorParams, ErrorReason } from "../errors";

/** Same precision as the ledger (numeric(36,18) sums never round). */
export const D = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_DOWN, toExpNeg: -40, toExpPos: 60 });
export type D = InstanceType<typeof D>;
type Num = string | { toFixed(): string };
export const dec = (v: Num): D => new D(typeof v === "string" ? v : v.toFixed());
/** Plain decimal text without exponent or trailing zeros. */
export const text = (v: Num): string => {
  const t = dec(v).toFixed();
  return t === "-0" ? "0" : t;
};
export const minDec = (a: Num, b: Num): D => D.min(dec(a), dec(b));

// ── Refusals ───────────────────────────────────────────────────────────────────────────────────────

/** A reason of the bonus domain: a key of `bonuses.errors` (lib/i18n/messages/en/bonuses.ts). */
export type BonusReason = Extract<ErrorReason, `bonuses.errors.${string}`>;

/** Why a rule refuses: the reason key and the values of its placeholders (values, never words to translate). */
export interface Refusal {
  reason: BonusReason;
  params?: ErrorParams;
}

const english = createTranslator("en");
/** A refusal's English wording: what an AppError made from it says, and the CSV report's text. */
export const englishOf = (r: Refusal): string => english(r.reason, r.params);

// ── Eligibility ────────────────────────────────────────────────────────────────────────────────────

export interface EligibilityRules {
  eligibleGroupIds: readonly string[];
  eligibleCountries: readonly string[];
  minKycLevel: number;
}
export interface EligibilityCustomer {
  groupId: string | null;
  country: string;
  kycLevel: number;
}

/** Why a customer is not eligible (null: eligible). Empty lists mean everyone; brand is the caller's scope. */
export function ineligibility(c: EligibilityRules, customer: EligibilityCustomer): Refusal | null {
  if (c.eligibleGroupIds.length && (!customer.groupId || !c.eligibleGroupIds.includes(customer.groupId))) {
    return { reason: "bonuses.errors.notInCampaignGroups" };
  }
  if (c.eligibleCountries.length && !c.eligibleCountries.includes(customer.country.toUpperCase())) {
    return { reason: "bonuses.errors.countryNotCovered", params: { country: customer.country } };
  }
  if (customer.kycLevel < c.minKycLevel) return { reason: "bonuses.errors.kycLevelTooLow", params: { required: c.minKycLevel, level: customer.kycLevel } };
  return null;
}

export const isEligible = (c: EligibilityRules, customer: EligibilityCustomer): boolean => ineligibility(c, customer) === null;

// ── Amounts ────────────────────────────────────────────────────────────────────────────────────────

export interface AmountRule {
  amountRule: "fixed" | "percent_of_deposit";
  fixedAmount: Num | null;
  percent: Num | null;
  capAmount: Num | null;
}

/**
 * The amount one grant gets from the rule: the fixed amount, or `percent` of the deposit capped at
 * `capAmount`, rounded down to 18 decimal places (never more than the rule allows).
 * Throws a RuleError naming the field when the rule needs a deposit amount that is missing.
 */
export function ruleAmount(rule: AmountRule, depositAmount?: Num | null): D {
  if (rule.amountRule === "fixed") return dec(rule.fixedAmount ?? "0");
  if (depositAmount == null) throw new RuleError("depositAmount", { reason: "bonuses.errors.depositAmountNeeded" });
  const raw = dec(depositAmount).times(dec(rule.percent ?? "0")).div(100).toDecimalPlaces(18, D.ROUND_DOWN);
  return rule.capAmount == null ? raw : D.min(raw, dec(rule.capAmount));
}

/** A rule's refusal about one input field; the message is the refusal's English wording. */
export class RuleError extends Error {
  constructor(
    readonly field: string,
    readonly refusal: Refusal,
  ) {
    super(englishOf(refusal));
  }
}

export interface CampaignShape extends AmountRule {
  budget: Num;
  currency: string;
  startsAt: Date;
  endsAt: Date | null;
}

/** The first inconsistency in a campaign's fields, as the field and the refusal; null when it is sound. */
export function campaignProblem(c: CampaignShape): (Refusal & { field: string }) | null {
  if (c.amountRule === "fixed") {
    if (c.fixedAmount == null || !dec(c.fixedAmount).gt(0)) return { field: "fixedAmount", reason: "bonuses.errors.fixedAmountNotPositive" };
  } else {
    if (c.percent == null || !dec(c.percent).gt(0) || dec(c.percent).gt(100)) return { field: "percent", reason: "bonuses.errors.percentOutOfRange" };
    if (c.capAmount == null || !dec(c.capAmount).gt(0)) return { field: "capAmount", reason: "bonuses.errors.capNotPositive" };
  }
  if (!dec(c.budget).gt(0)) return { field: "budget", reason: "bonuses.errors.budgetNotPositive" };
  if (c.currency !== c.currency.toUpperCase() || !/^[A-Z0-9]{2,12}$/.test(c.currency)) {
    return { field: "currency", reason: "bonuses.errors.currencyCodeInvalid" };
  }
  if (c.endsAt && c.endsAt.getTime() <= c.startsAt.getTime()) return { field: "endsAt", reason: "bonuses.errors.endsBeforeStart" };
  return null;
}

// ── Maker-checker ──────────────────────────────────────────────────────────────────────────────────

/** Above the brand's threshold, or no threshold set (the safe default): a second person must approve. */
export const needsApproval = (amount: Num, threshold: Num | null): boolean => threshold == null || dec(amount).gt(dec(threshold));

// ── Release and clawback ──────────────────────────────────────────────────────────────────────────

/** How much of `total` each grant gives, oldest first; grants not reached get nothing (not listed). */
export function allocateFifo<G extends { id: string; remaining: Num }>(grants: readonly G[], total: Num): { grant: G; take: D }[] {
  let left = dec(total);
  const out: { grant: G; take: D }[] = [];
  for (const g of grants) {
    if (left.lte(0)) break;
    const take = D.min(left, dec(g.remaining));
    if (take.gt(0)) out.push({ grant: g, take });
    left = left.minus(take);
  }
  return out;
}

/** A clawback takes what the bucket still holds, at most the grant's remaining; the rest is a shortfall. */
export function clawbackSplit(remaining: Num, bucketBalance: Num): { take: D; shortfall: D } {
  const take = D.max(0, D.min(dec(remaining), dec(bucketBalance)));
  return { take, shortfall: dec(remaining).minus(take) };
}

export const addDays = (at: Date, days: number) => new Date(at.getTime() + days * 24 * 60 * 60 * 1000);

// ── CSV ────────────────────────────────────────────────────────────────────────────────────────────

/** RFC 4180 parsing: quoted cells, doubled quotes, CRLF or LF, a leading BOM. Returns rows of cells. */
export function parseCsv(input: string): string[][] {
  const s = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
      continue;
    }
    if (ch === '"' && cell === "") quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && s[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0].trim() === ""));
}

/** The batch file's columns. `customer` is a uid or an email; the account is an id or a type (+ currency). */
export const CSV_COLUMNS = ["customer", "trading_account_id", "account_type", "currency", "amount", "idempotency_key", "reason"] as const;
export type CsvColumnName = (typeof CSV_COLUMNS)[number];

export interface CsvRow {
  /** The spreadsheet row number: the header is row 1, the first grant row 2. */
  row: number;
  cells: Partial<Record<CsvColumnName, string>>;
}

/**
 * One problem of a CSV upload: where (row, field), why (`reason` and `params`, which the upload dialog shows
 * in the reader's language) and the same in English (`message`, for API clients and the CSV's author).
 */
export interface RowProblem {
  row: number;
  field: string;
  message: string;
  reason: BonusReason;
  params: ErrorParams;
}

export const rowProblem = (row: number, field: string, refusal: Refusal): RowProblem => ({
  row,
  field,
  message: englishOf(refusal),
  reason: refusal.reason,
  params: refusal.params ?? {},
});

/** Reads the header and the rows; unknown or missing columns are reported against row 1. */
export function readBatchCsv(input: string): { rows: CsvRow[]; problems: RowProblem[] } {
  const table = parseCsv(input);
  const problems: RowProblem[] = [];
  if (table.length === 0) return { rows: [], problems: [rowProblem(1, "file", { reason: "bonuses.errors.csv.empty" })] };
  const header = table[0].map((h) => h.trim().toLowerCase());
  header.forEach((h, i) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(h)) problems.push(rowProblem(1, h || `column ${i + 1}`, { reason: "bonuses.errors.csv.unknownColumn", params: { column: h } }));
  });
  if (!header.includes("customer")) problems.push(rowProblem(1, "customer", { reason: "bonuses.errors.csv.customerColumnMissing" }));
  if (!header.includes("amount")) problems.push(rowProblem(1, "amount", { reason: "bonuses.errors.csv.amountColumnMissing" }));
  if (!header.includes("trading_account_id") && !header.includes("account_type")) {
    problems.push(rowProblem(1, "account_type", { reason: "bonuses.errors.csv.accountColumnMissing" }));
  }
  const rows = table.slice(1).map((cells, i) => {
    const out: CsvRow = { row: i + 2, cells: {} };
    header.forEach((h, c) => {
      if ((CSV_COLUMNS as readonly string[]).includes(h)) out.cells[h as CsvColumnName] = (cells[c] ?? "").trim();
    });
    return out;
  });
  if (rows.length === 0) problems.push(rowProblem(2, "file", { reason: "bonuses.errors.csv.noRows" }));
  return { rows, problems };
}
