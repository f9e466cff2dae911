/**
 * Inputs of the reconciliation page and its procedures: the list (range, only differences, paging) and a
 * request to reconcile a range of days. One schema parses the URL, the list procedure and the CSV export.
 * Client-safe: no server imports.
 */
import { z } from "zod";
import { ZTableQuery } from "@/lib/table-state";
import { zReportDay } from "./schemas";

/** How a day came out: every figure that could be compared agrees, something differs, or nothing could be compared. */
export const RECONCILIATION_STATUSES = ["different", "matched", "incomplete"] as const;
export type ReconciliationStatus = (typeof RECONCILIATION_STATUSES)[number];

/** One request reconciles at most this many days. */
export const MAX_RECONCILE_DAYS = 366;

const DAY_MS = 86_400_000;
/** How many days `from`…`to` covers, both included. */
export const reconcileDays = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;

/** "1" / "true" from a URL, a boolean from tRPC. */
const zFlag = z.preprocess((v) => (v === "1" || v === "true" ? true : v === "0" || v === "false" || v === "" ? false : v), z.boolean().optional());

export const ZReconciliationListInput = ZTableQuery.extend({
  sort: z.enum(["day"]).optional(),
  from: zReportDay.optional(),
  to: zReportDay.optional(),
  /** Only the days where something differs. */
  differences: zFlag,
}).refine((q) => !q.from || !q.to || q.from <= q.to, { error: "The last day must not be before the first day", path: ["to"] });

export const ZReconcileInput = z
  .object({ from: zReportDay, to: zReportDay })
  .refine((r) => r.from <= r.to, { error: "The last day must not be before the first day", path: ["to"] })
  .refine((r) => r.from > r.to || reconcileDays(r.from, r.to) <= MAX_RECONCILE_DAYS, {
    error: `One request reconciles at most ${MAX_RECONCILE_DAYS} days`,
    path: ["from"],
  });
