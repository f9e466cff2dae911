/**
 * Inputs of the FD rebate reports (the FD tab of the fee reports) and their URL state: the range of UTC days,
 * the breakdown's dimension and the rows table's paging and drill-down filters. Missing days default to
 * the last 30 full days, so a bare link and its export mean the same rows. Client-safe and pure.
 */
import { z } from "zod";
import { ZTableQuery } from "@/lib/table-state";
import { zId } from "@/lib/validation/ids";
import { lastFullDays } from "./report-query";
import { INST_FAMILIES, inRange, UNLINKED_CUSTOMER, zReportDay } from "./schemas";

/** What the FD breakdown groups the daily sums by. */
export const FD_REPORT_DIMENSIONS = ["customer", "instrument", "family", "affiliated"] as const;
export type FdReportDimension = (typeof FD_REPORT_DIMENSIONS)[number];
/** The affiliate flag as the URL and the filters write it. */
export const AFFILIATED_VALUES = ["yes", "no"] as const;

export const ZFdReportInput = inRange(
  z.object({
    from: zReportDay,
    to: zReportDay,
    /** One customer's rebates. */
    customerId: zId().optional(),
  }),
);

export const ZFdBreakdownInput = inRange(
  z.object({
    from: zReportDay,
    to: zReportDay,
    by: z.enum(FD_REPORT_DIMENSIONS),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  }),
);

/** The rows behind the FD report (the drill-down and its export). */
export const ZFdRebateListInput = ZTableQuery.extend({
  sort: z.enum(["lastFillAt"]).optional(),
  from: zReportDay,
  to: zReportDay,
  /** A customer's rows, or `none`: the rows attributed to no customer. */
  customerId: z.union([zId(), z.literal(UNLINKED_CUSTOMER)]).optional(),
  instId: z.string().regex(/^[A-Z0-9.-]{1,64}$/, { error: "An instrument id such as BTC-USDT" }).optional(),
  instFamily: z.enum(INST_FAMILIES).optional(),
  affiliated: z.enum(AFFILIATED_VALUES).optional(),
  ordId: z.string().regex(/^[0-9]{1,32}$/, { error: "An order id is digits" }).optional(),
});

/** The rows table and its CSV export: the drill-down's filters over a range that defaults to the last 30 days. */
export const ZFdRebateQuery = ZFdRebateListInput.extend({
  from: zReportDay.default(() => lastFullDays().from),
  to: zReportDay.default(() => lastFullDays().to),
});

/** The FD reports page: the rows' query plus the breakdown's dimension. */
export const ZFdReportsQuery = ZFdRebateQuery.extend({
  by: z.enum(FD_REPORT_DIMENSIONS).default("customer"),
});

/** The URL keys a breakdown row narrows the rows by; drilling into a row replaces all of them. */
export const FD_DRILL_KEYS = ["customerId", "instId", "instFamily", "affiliated", "ordId"] as const;
type FdDrillKey = (typeof FD_DRILL_KEYS)[number];
const FD_DRILL_KEY_OF: Record<FdReportDimension, FdDrillKey> = { customer: "customerId", instrument: "instId", family: "instFamily", affiliated: "affiliated" };

/** The filter patch that shows a breakdown row's rows (a customer row without a key: the unattributed rows). */
export function fdDrillPatch(by: FdReportDimension, key: string | null): Record<FdDrillKey, string | null> {
  const patch = Object.fromEntries(FD_DRILL_KEYS.map((k) => [k, null])) as Record<FdDrillKey, string | null>;
  patch[FD_DRILL_KEY_OF[by]] = key ?? (by === "customer" ? UNLINKED_CUSTOMER : null);
  return patch;
}
