/**
 * The fee reports' state as it travels in the URL (the reports page) and to the trades export: the range of
 * UTC days, which dimension the breakdown groups by, and the trades table's paging and drill-down filters.
 * Missing days default to the last 30 full UTC days, so a bare link and its export mean the same rows.
 * Client-safe and pure.
 */
import { z } from "zod";
import { MAX_REPORT_DAYS, REPORT_DIMENSIONS, UNLINKED_CUSTOMER, ZDmaTradeListInput, zReportDay } from "./schemas";

export { daysIn, EXEC_TYPES, INST_FAMILIES, rangeProblem } from "./schemas";

const DAY_MS = 86_400_000;
/** How many days a report covers unless told otherwise. */
export const DEFAULT_REPORT_DAYS = 30;

export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The last `days` full UTC days: yesterday and the `days - 1` before it. */
export function lastFullDays(days = DEFAULT_REPORT_DAYS, now = new Date()): { from: string; to: string } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { from: isoDay(today - days * DAY_MS), to: isoDay(today - DAY_MS) };
}

/** Every day of the range, for a chart with no gaps on days without trades. */
export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); ms <= end && out.length <= MAX_REPORT_DAYS; ms += DAY_MS) out.push(isoDay(ms));
  return out;
}

/** The trades table and its CSV export: the drill-down's filters over a range that defaults to the last 30 days. */
export const ZRebateTradeQuery = ZDmaTradeListInput.extend({
  from: zReportDay.default(() => lastFullDays().from),
  to: zReportDay.default(() => lastFullDays().to),
});

/** The reports page: the trades' query plus the breakdown's dimension. */
export const ZRebateReportsQuery = ZRebateTradeQuery.extend({
  by: z.enum(REPORT_DIMENSIONS).default("customer"),
});

/** The URL keys a breakdown row narrows the trades by; drilling into a row replaces all of them. */
export const DRILL_KEYS = ["customerId", "subAcct", "instId", "instFamily", "execType"] as const;
type DrillKey = (typeof DRILL_KEYS)[number];

const DRILL_KEY_OF: Record<ReportDimension, DrillKey> = {
  customer: "customerId",
  subaccount: "subAcct",
  instrument: "instId",
  family: "instFamily",
  execType: "execType",
};

/** The filter patch that shows a breakdown row's trades (a customer row without a key: the unlinked trades). */
export function drillPatch(by: ReportDimension, key: string | null): Record<DrillKey, string | null> {
  const patch = Object.fromEntries(DRILL_KEYS.map((k) => [k, null])) as Record<DrillKey, string | null>;
  patch[DRILL_KEY_OF[by]] = key ?? (by === "customer" ? UNLINKED_CUSTOMER : null);
  return patch;
}

/** "-1.5" → "1.5", "2" → "-2", as text (fees as paid from OKX's signed fee, no float in between). */
export function negateDecimal(value: string): string {
  const text = value.trim();
  if (!/[1-9]/.test(text)) return text.replace(/^[+-]/, "");
  return text.startsWith("-") ? text.slice(1) : `-${text.replace(/^\+/, "")}`;
}
