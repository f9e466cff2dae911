/**
 * The approvals inbox over every registered kind: one list merged from the kinds' own (oldest first by
 * default), the caller's own requests, counts, and approve / reject handed to the kind — and so to its
 * domain's service, which applies its own rules and writes its own audit entry. Knows no domain.
 */
import "server-only";
import { BRAND_ROLES, can } from "@/lib/auth/permissions";
import { APPROVAL_AGE_HOURS, type ApprovalListInput, type ApprovalMineInput } from "@/lib/approvals/schemas";
import type { MessageKey } from "@/lib/i18n/translate";
import type { TenantContext } from "../actor";
import { AppError, invalid } from "../errors";
import { approvalKind, decidableKinds, visibleKinds } from "./registry";
import type { ApprovalDecision, ApprovalFilter, ApprovalItem, ApprovalKind, KindItem } from "./types";

/** Counts stop here: the inbox and its badge say "1,000+" rather than count a backlog exactly. */
export const COUNT_CAP = 1000;

export interface ApprovalPage {
  rows: ApprovalItem[];
  /** Items matching every filter (each kind counted up to COUNT_CAP). */
  total: number;
  page: number;
  pageSize: number;
  /** The kinds this list draws from, each with its count under the other filters (for the kind filter). */
  kinds: { key: string; label: MessageKey; count: number }[];
  /** Who has pending items in this list (for the requester filter), by name. */
  requesters: { id: string; name: string }[];
}

/** The requester filter lists at most this many people. */
const REQUESTERS_MAX = 200;

function decorate(ctx: TenantContext, kind: ApprovalKind, item: KindItem): ApprovalItem {
  return {
    ...item,
    kind: kind.key,
    waitsOn: { permission: kind.decidePermission, roles: BRAND_ROLES.filter((role) => can(role, kind.decidePermission)) },
    canDecide: can(ctx.actor.role, kind.decidePermission) && item.requestedBy?.id !== ctx.actor.id,
  };
}

/** The kinds the caller asked for, among those this list may show; an unregistered kind is a 400 on `kind`. */
function chosenKinds(candidates: readonly ApprovalKind[], keys: string[] | undefined) {
  if (!keys?.length) return candidates;
  const unknown = keys.find((key) => !approvalKind(key));
  if (unknown) throw invalid("kind", "approvals.errors.unknownKind", { kind: unknown });
  return candidates.filter((kind) => keys.includes(kind.key));
}

const requestedBefore = (olderThan: ApprovalListInput["olderThan"]) =>
  olderThan ? new Date(Date.now() - APPROVAL_AGE_HOURS[olderThan] * 3_600_000) : undefined;

async function staffByName(ctx: TenantContext, ids: string[]) {
  if (ids.length === 0) return [];
  return ctx.db.staffUser.findMany({ where: { id: { in: ids } }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}

async function page(
  ctx: TenantContext,
  candidates: readonly ApprovalKind[],
  filter: ApprovalFilter,
  input: Pick<ApprovalListInput, "kind" | "page" | "pageSize" | "dir">,
): Promise<ApprovalPage> {
  const kinds = chosenKinds(candidates, input.kind);
  const limit = input.page * input.pageSize;
  const others = { ...filter, requestedBy: undefined };
  const [lists, counts, requesterIds] = await Promise.all([
    Promise.all(kinds.map(async (kind) => (await kind.list(ctx, { ...filter, dir: input.dir, limit })).map((item) => decorate(ctx, kind, item)))),
    Promise.all(candidates.map((kind) => kind.count(ctx, filter, COUNT_CAP))),
    Promise.all(kinds.map((kind) => kind.requesters(ctx, others, REQUESTERS_MAX))),
  ]);
  const sign = input.dir === "asc" ? 1 : -1;
  const merged = lists.flat().sort((a, b) => sign * (a.requestedAt.getTime() - b.requestedAt.getTime() || a.id.localeCompare(b.id)));
  const chosen = new Set(kinds.map((kind) => kind.key));
  return {
    rows: merged.slice((input.page - 1) * input.pageSize, limit),
    total: candidates.reduce((sum, kind, i) => sum + (chosen.has(kind.key) ? counts[i] : 0), 0),
    page: input.page,
    pageSize: input.pageSize,
    kinds: candidates.map((kind, i) => ({ key: kind.key, label: kind.label, count: counts[i] })),
    requesters: await staffByName(ctx, [...new Set(requesterIds.flat())].slice(0, REQUESTERS_MAX)),
  };
}

/**
 * The inbox. "waiting": items of the kinds the caller may decide, never their own requests; "all":
 * everything pending in the kinds they may see.
 */
export function listApprovals(ctx: TenantContext, input: ApprovalListInput): Promise<ApprovalPage> {
  const waiting = input.view === "waiting";
  const candidates = waiting ? decidableKinds(ctx.actor.role) : visibleKinds(ctx.actor.role);
  return page(ctx, candidates, { requestedBy: input.requester, notRequestedBy: waiting ? ctx.actor.id : undefined, requestedBefore: requestedBefore(input.olderThan) }, input);
}

/** The caller's own pending requests, each saying who can decide it. */
export function myApprovals(ctx: TenantContext, input: ApprovalMineInput): Promise<ApprovalPage> {
  return page(ctx, visibleKinds(ctx.actor.role), { requestedBy: ctx.actor.id, requestedBefore: requestedBefore(input.olderThan) }, input);
}

/** How many items wait for the caller's decision (capped): the sidebar badge and the dashboard tile. */
export async function waitingCount(ctx: TenantContext): Promise<{ count: number; capped: boolean }> {
  const counts = await Promise.all(decidableKinds(ctx.actor.role).map((kind) => kind.count(ctx, { notRequestedBy: ctx.actor.id }, COUNT_CAP)));
  const count = counts.reduce((sum, n) => sum + n, 0);
  return { count: Math.min(count, COUNT_CAP), capped: count >= COUNT_CAP };
}

function kindToDecide(ctx: TenantContext, key: string): ApprovalKind {
  const kind = approvalKind(key);
  if (!kind) throw invalid("kind", "approvals.errors.unknownKind", { kind: key });
  if (!can(ctx.actor.role, kind.viewPermission) || !can(ctx.actor.role, kind.decidePermission)) {
    throw new AppError("FORBIDDEN", "approvals.errors.cannotDecide");
  }
  return kind;
}

/** Approves through the kind's domain service (its rules, its audit entry, the note with it). */
export async function approveItem(ctx: TenantContext, input: { kind: string; id: string; note?: string }): Promise<ApprovalDecision> {
  const kind = kindToDecide(ctx, input.kind);
  const { title } = await kind.approve(ctx, input.id, input.note || undefined);
  return { kind: kind.key, id: input.id, title, outcome: "approved" };
}

/** Rejects through the kind's domain service; the note is the reason it records. */
export async function rejectItem(ctx: TenantContext, input: { kind: string; id: string; note: string }): Promise<ApprovalDecision> {
  const kind = kindToDecide(ctx, input.kind);
  const { title } = await kind.reject(ctx, input.id, input.note);
  return { kind: kind.key, id: input.id, title, outcome: "rejected" };
}
