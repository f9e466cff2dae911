/**
 * What a domain plugs into the approvals inbox: an approval kind (its items waiting for a checker, and how
 * to decide one), and the item every kind lists. A kind delegates approve / reject to its domain's own
 * service, so the inbox applies exactly the rules the domain's pages apply. Types only: client-safe.
 */
import type { Permission, Role } from "@/lib/auth/permissions";
import type { MessageKey, TranslateVars } from "@/lib/i18n/translate";
import type { TenantContext } from "@/server/actor";

/** A translated line: a message key and its values (amounts as decimal strings, names as they are). */
export interface ApprovalText {
  key: MessageKey;
  params: TranslateVars;
}

export interface ApprovalItem {
  /** The kind's key ("bonus.grant"). */
  kind: string;
  id: string;
  /** One line naming what is asked ("Grant of 5 USDT to 孙军"). */
  title: ApprovalText;
  /** Decimal string; null when the item has no amount. */
  amount: string | null;
  currency: string | null;
  requestedBy: { id: string; name: string } | null;
  /** Why it was asked, in the requester's words. */
  reason: string | null;
  requestedAt: Date;
  /** The record's own page. */
  href: string;
  /** Who can decide: the permission, and the brand roles holding it. */
  waitsOn: { permission: Permission; roles: Role[] };
  /** Whether the caller may decide it (the permission, and not their own request). */
  canDecide: boolean;
}

/** What list() and count() are asked for. Every kind scopes to ctx.tenantId itself. */
export interface ApprovalFilter {
  /** Only items this staff member requested. */
  requestedBy?: string;
  /** Leave out items this staff member requested (an approver never decides their own). */
  notRequestedBy?: string;
  /** Only items requested before this instant (the age filter). */
  requestedBefore?: Date;
}

export interface ApprovalListArgs extends ApprovalFilter {
  /** The first `limit` items in this order of requestedAt (id breaks ties). */
  dir: "asc" | "desc";
  limit: number;
}

/** An item as the kind reads it; the service adds what follows from the registry and the caller. */
export type KindItem = Omit<ApprovalItem, "kind" | "waitsOn" | "canDecide">;

/** What a decision returns: the item's title, so the caller can say what changed. */
export interface ApprovalDecision {
  kind: string;
  id: string;
  title: ApprovalText;
  outcome: "approved" | "rejected";
}

export interface ApprovalKind {
  /** Unique across the registry, "<domain>.<thing>". */
  key: string;
  /** The kind's name in lists and filters ("Bonus grant"). */
  label: MessageKey;
  /** Needed to see the kind's items at all. */
  viewPermission: Permission;
  /** Needed to approve or reject (the domain's service checks it again, with its own rules). */
  decidePermission: Permission;
  /** Pending items of the caller's brand matching the filter, in requestedAt order, at most `limit`. */
  list(ctx: TenantContext, args: ApprovalListArgs): Promise<KindItem[]>;
  /** Who has pending items matching the filter (staff ids, at most `limit`): the requester filter's choices. */
  requesters(ctx: TenantContext, filter: ApprovalFilter, limit: number): Promise<string[]>;
  /** How many pending items match, counting at most `cap`. */
  count(ctx: TenantContext, filter: ApprovalFilter, cap: number): Promise<number>;
  /** Both go through the domain's own service: its maker-checker, threshold, versions and audit entry. */
  approve(ctx: TenantContext, id: string, note: string | undefined): Promise<{ title: ApprovalText }>;
  reject(ctx: TenantContext, id: string, note: string): Promise<{ title: ApprovalText }>;
}
