/**
 * Inputs of the approvals inbox, shared by the procedures and the page's URL state. Client-safe. Kinds are
 * registered by their domains on the server, so a kind here is any well-formed key; the service refuses one
 * it does not know, naming the field.
 */
import { z } from "zod";
import { ZTableQuery } from "@/lib/table-state";
import { zId } from "@/lib/validation/ids";
import { zText } from "@/lib/validation/text";

/** "Waiting at least …": the age filter's choices and their length in hours. */
export const APPROVAL_AGES = ["1h", "1d", "3d", "7d"] as const;
export type ApprovalAge = (typeof APPROVAL_AGES)[number];
export const APPROVAL_AGE_HOURS: Record<ApprovalAge, number> = { "1h": 1, "1d": 24, "3d": 72, "7d": 168 };

/** The inbox's tabs: items I may decide, my own requests, everything pending that I may see. */
export const APPROVAL_VIEWS = ["waiting", "mine", "all"] as const;
export type ApprovalView = (typeof APPROVAL_VIEWS)[number];

const KIND_KEY = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/;
export const zApprovalKind = zText(64, { min: 1, required: "Choose a kind" }).regex(KIND_KEY, { error: "Unknown kind" });

/** Kinds as "a,b" (URL) or ["a","b"] (tRPC). */
const zKinds = z.preprocess((v) => (typeof v === "string" ? (v === "" ? undefined : v.split(",")) : v), z.array(zApprovalKind).max(20).optional());

/** Filters both lists share. Oldest first by default: an inbox is worked from its oldest item. */
const ZApprovalFilters = ZTableQuery.omit({ q: true }).extend({
  /** Offset paging over several kinds merges their first page × size items: keep it bounded. */
  page: z.coerce.number().int().min(1).max(100).default(1),
  sort: z.enum(["requestedAt"]).optional(),
  dir: z.enum(["asc", "desc"]).default("asc"),
  kind: zKinds,
  olderThan: z.preprocess((v) => (v === "" ? undefined : v), z.enum(APPROVAL_AGES).optional()),
});

export const ZApprovalListInput = ZApprovalFilters.extend({
  requester: z.preprocess((v) => (v === "" ? undefined : v), zId().optional()),
  /** "waiting": what the caller may decide (never their own requests); "all": everything pending they may see. */
  view: z.enum(["waiting", "all"]).default("waiting"),
});
export type ApprovalListInput = z.infer<typeof ZApprovalListInput>;

/** The caller's own pending requests. */
export const ZApprovalMineInput = ZApprovalFilters;
export type ApprovalMineInput = z.infer<typeof ZApprovalMineInput>;

/** The page's URL: one state for the three tabs. */
export const ZApprovalPageState = ZApprovalListInput.extend({ view: z.enum(APPROVAL_VIEWS).default("waiting") });

export const zApprovalNote = zText(500, { multiline: true, tooLong: "A note is at most 500 characters" });
export const zRejectNote = zText(500, {
  min: 3,
  multiline: true,
  required: "Say why it is rejected",
  tooShort: "Say why it is rejected (at least 3 characters)",
  tooLong: "A note is at most 500 characters",
});

export const ZApproveInput = z.object({ kind: zApprovalKind, id: zId("Unknown item"), note: zApprovalNote.optional() });
export const ZRejectApprovalInput = z.object({ kind: zApprovalKind, id: zId("Unknown item"), note: zRejectNote });
